"""The encrypted store. Importing the package registers every table on ``Base.metadata``."""

from . import incident_models as incident_models
