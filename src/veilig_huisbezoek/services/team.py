"""Team mode at the service level: set up a team server, log in to it, listen to it.

The services themselves are the same as on the embedded store; only opening differs.
"""

from __future__ import annotations

from ..domain.clock import Clock
from ..storage.team import opening
from ..storage.team.listen import NOTES_TABLE as NOTES_TABLE
from ..storage.team.listen import (
    ChangeCallback,
    ChangeListener,
    LostCallback,
    RestoredCallback,
    conninfo_from_url,
)
from ..storage.team.listen import LiveChanges as LiveChanges
from ..storage.team.listen import parse_changes as parse_changes
from ..storage.team.location import TeamLocation as TeamLocation
from ..storage.team.store import TeamStore as TeamStore
from .accounts import NewAccount, create_first_account, session_for
from .context import ServiceContext


def set_up_team_server(
    location: TeamLocation,
    first: NewAccount,
    clock: Clock | None = None,
    *,
    kdf: dict[str, int | str] | None = None,
) -> None:
    """Owner: migrate the server, create the team key and the first account.

    The first person becomes beheerder and leidinggevende (as on the embedded store),
    with their own login role on the server.
    """
    store = opening.set_up(location, kdf=kdf)
    try:
        create_first_account(store, first, clock)
    finally:
        store.close()


def team_log_in(
    location: TeamLocation, username: str, password: str, clock: Clock | None = None
) -> ServiceContext:
    """Log in on a team server as this person; raises AuthenticationError."""
    store, account_id = opening.open_as(location, username, password)
    return session_for(store, account_id, clock)


def team_log_in_as_owner(
    location: TeamLocation, username: str, password: str, clock: Clock | None = None
) -> ServiceContext:
    """The owner's connection (its URL) acting as this person (whose password unwraps the
    team key): only for what the owner alone may do, such as loading demo data."""
    from sqlalchemy import select

    from ..storage.errors import AuthenticationError
    from ..storage.keyslots import normalise_username
    from ..storage.models import Account

    store = opening.open_as_owner(location, username, password)
    with store.read_session() as session:
        account_id = session.execute(
            select(Account.id).where(
                Account.username == normalise_username(username), Account.active
            )
        ).scalar_one_or_none()
    if account_id is None:
        store.close()
        raise AuthenticationError()
    return session_for(store, account_id, clock)


def change_listener(
    store: TeamStore,
    *,
    on_change: ChangeCallback,
    on_lost: LostCallback,
    on_restored: RestoredCallback,
    **options: float,
) -> ChangeListener:
    """Other workstations' changes on this person's team server, on a connection and
    thread of its own (not yet started); ``options`` tune its timing."""
    assert store.username is not None and store.db_password is not None
    url = store.location.as_person(store.username, store.db_password)
    return ChangeListener(
        conninfo_from_url(url),
        on_change=on_change,
        on_lost=on_lost,
        on_restored=on_restored,
        **options,
    )
