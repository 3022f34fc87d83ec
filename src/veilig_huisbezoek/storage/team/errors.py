"""The team server's refusals and failures as the app's errors.

:func:`server_errors` turns what PostgreSQL says into them: a lost or refused
connection is :class:`TeamUnreachableError`, the server's own rules (row-level security,
grants, the checks in :mod:`.rules`) refusing a change is :class:`TeamRefusedError`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from sqlalchemy.exc import DBAPIError, OperationalError

from ...domain.errors import msg
from ..errors import StoreError, StoreUnreachableError
from . import rules

UNREACHABLE_MESSAGE = (
    "De teamserver is niet bereikbaar. Wat u ziet is de laatst bekende stand; "
    "de app probeert het opnieuw."
)


class TeamUnreachableError(StoreUnreachableError):
    def __init__(self) -> None:
        super().__init__(UNREACHABLE_MESSAGE)


class TeamRefusedError(StoreError):
    """The server's own rules (row-level security, grants) refused the change."""


class TeamSearchError(StoreError):
    """A SQL condition on a sealed column: a programming error (the services match free
    text on the workstation when ``store.sealed_columns``), never silently no rows."""

    def __init__(self) -> None:
        super().__init__(
            "Op een teamserver zijn namen en adressen versleuteld: de server kan er niet in zoeken."
        )


def is_auth_failure(exc: BaseException) -> bool:
    detail = str(exc).lower()
    return (
        "password authentication failed" in detail
        or "not permitted to log in" in detail  # a removed account's role (NOLOGIN)
        or ("role" in detail and "not exist" in (detail))
    )


@contextlib.contextmanager
def server_errors() -> Iterator[None]:
    try:
        yield
    except OperationalError:
        # Connection refused or lost, TLS failure, server shutting down.
        raise TeamUnreachableError() from None
    except DBAPIError as exc:
        code = getattr(exc.orig, "sqlstate", None)
        diag = getattr(exc.orig, "diag", None)
        own = getattr(diag, "message_hint", None) == rules.REFUSAL_HINT
        if code in ("42501", "P0001") or own:  # insufficient_privilege, or our own rules
            reason = getattr(diag, "message_primary", "") if own else ""
            # The server's own reason (its rules' text, from PostgreSQL) stays Dutch.
            raise TeamRefusedError(
                msg("De teamserver weigert dit voor uw account: {reason}.", reason=reason)
                if reason
                else "De teamserver weigert dit voor uw account (rechten per rol)."
            ) from None
        raise
