"""The encrypted store.

``models`` registers every table on ``Base.metadata`` (it imports ``incident_models``
at its end), so importing a light module such as ``storage.errors`` or
``storage.layout`` does not load SQLAlchemy: the login window starts without it.
"""
