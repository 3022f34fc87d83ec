"""``verify`` on a team server: the schema version, every sealed value readable, the
audit chain whole, and whether an ``admin reseal`` is still due."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.orm import Session

from .. import audit
from ..errors import StoreError
from ..migrate import current_revision, head_revision
from ..store import VerifyReport
from . import reseal

if TYPE_CHECKING:
    from .store import TeamStore


@dataclass(frozen=True)
class TeamVerifyReport(VerifyReport):
    """``verify`` on a team server: problems, and notices that are no damage (values
    still sealed with an older team key, waiting for ``admin reseal``)."""

    notices: tuple[str, ...] = ()

    def verdict(self, backups: str = "") -> str:
        line = super().verdict(backups)
        return " ".join((line, *self.notices)) if self.ok else line


def verify_server(store: TeamStore) -> TeamVerifyReport:
    problems: list[str] = []
    notices: list[str] = []
    entries = 0
    try:
        with store.read_session() as session:
            conn = session.connection()
            if current_revision(conn) != head_revision():
                problems.append("schemaversie onbekend")
            broken, older = reseal.survey(conn, store.sealer)
            if broken:
                problems.append(
                    f"{len(broken)} versleutelde gegeven(s) onleesbaar: "
                    + "; ".join(str(b) for b in broken[:5])
                    + (" …" if len(broken) > 5 else "")
                )
            waiting = older > 0 or _older_generations_wrapped(store, session)
        if waiting:
            notices.append(
                "Let op: de teamsleutel is vervangen en het opnieuw versleutelen is nog "
                "niet afgerond"
                + (
                    f" ({older} gegevens die u kunt zien gebruiken nog een oudere sleutel)"
                    if older
                    else ""
                )
                + "; laat de eigenaar van de server 'veilig-huisbezoek admin reseal' "
                "uitvoeren."
            )
        with store.session() as session:
            chain = audit.verify_chain(session)
            entries = chain.entries
            if not chain.ok:
                problems.append(f"auditlog gewijzigd vanaf regel {chain.first_bad_id}")
    except StoreError as exc:
        problems.append(str(exc))
    return TeamVerifyReport(tuple(problems), entries, tuple(notices))


def _older_generations_wrapped(store: TeamStore, session: Session) -> bool:
    """Whether this person still holds a generation older than the current one: the
    re-seal has not retired it yet."""
    if store.holder is None:
        return False
    oldest = session.execute(
        text("SELECT min(generation) FROM team_key_wraps WHERE rolname = :r"),
        {"r": store.location.login_role(store.holder)},
    ).scalar()
    return oldest is not None and int(oldest) < store.sealer.generation
