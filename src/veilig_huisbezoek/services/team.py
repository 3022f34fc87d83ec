"""Team mode at the service level: set up a team server, log in to it.

The services themselves are the same as on the embedded store; only opening differs.
"""

from __future__ import annotations

from ..domain.clock import Clock, SystemClock
from ..storage import audit
from ..storage.models import Account
from ..storage.team.location import TeamLocation
from ..storage.team.store import TeamStore
from .accounts import NewAccount, _actor_from, create_first_account
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
    store = TeamStore.set_up(location, kdf=kdf)
    try:
        create_first_account(store, first, clock)
    finally:
        store.close()


def team_log_in(
    location: TeamLocation, username: str, password: str, clock: Clock | None = None
) -> ServiceContext:
    """Log in on a team server as this person; raises AuthenticationError."""
    clock = clock or SystemClock()
    store, account_id = TeamStore.open_as(location, username, password)
    try:
        with store.session() as session:
            account = session.get(Account, account_id)
            assert account is not None
            actor = _actor_from(account)
            audit.append(session, at=clock.now(), actor_id=account_id, action="logged_in")
    except BaseException:
        store.close()
        raise
    return ServiceContext(store, actor, clock)
