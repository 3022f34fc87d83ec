"""Where a person's data is: a data folder, or the team server this computer uses.

The login window asks this before anything is opened, so importing this module loads
no database stack (docs/performance.md); SQLAlchemy comes only with a named server.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..storage.layout import holds_store as holds_store
from ..storage.team.profile import load_profile as load_profile

if TYPE_CHECKING:
    from ..storage.team.location import TeamLocation


def workstation_location(url: str) -> TeamLocation:
    """The team server at ``url`` (``--database-url``) as a workstation logs in on it;
    raises ``TeamUrlError`` with a Dutch message."""
    from ..storage.team.location import TeamLocation

    return TeamLocation.for_workstation(url)
