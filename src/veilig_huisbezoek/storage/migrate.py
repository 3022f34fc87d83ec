"""Apply Alembic migrations when a store opens.

Alembic (and Mako with it, ~11 MiB and ~60 ms to import) is loaded only when there is
something to do: an embedded store already at head is recognised by reading
``alembic_version`` and the head named by the migration files themselves.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, text

from .errors import NewerSchemaError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_REVISION = re.compile(r"^revision(?:\s*:[^=\n]*)?\s*=\s*[\"'](\w+)[\"']\s*$", re.MULTILINE)
_DOWN = re.compile(
    r"^down_revision(?:\s*:[^=\n]*)?\s*=\s*(?:[\"'](\w+)[\"']|None)\s*$", re.MULTILINE
)


@functools.cache
def head_from_files() -> str | None:
    """The head revision as the migration files name it (no Alembic import): the one
    revision no other names as its ``down_revision``. None when a file does not read
    plainly (then Alembic decides)."""
    revisions: set[str] = set()
    downs: set[str] = set()
    for path in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        revision, down = _REVISION.findall(source), _DOWN.search(source)
        if len(revision) != 1 or down is None:
            return None
        revisions.add(revision[0])
        if down.group(1):
            downs.add(down.group(1))
    heads = revisions - downs
    return heads.pop() if len(heads) == 1 else None


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    known = head_from_files()
    if known is not None:
        return known
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def upgrade_to_head(engine: Engine) -> bool:
    """Bring the schema to head; return True if anything ran.

    Refuses (NewerSchemaError) a database stamped with a revision this version does not know.
    """
    if engine.dialect.name == "sqlite" and _at_head(engine):
        return False
    from alembic import command
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    with engine.begin() as conn:
        current = current_revision(conn)
        if current == script.get_current_head():
            return False
        if current is not None and current not in {rev.revision for rev in script.walk_revisions()}:
            raise NewerSchemaError()
        command.upgrade(alembic_config(conn), "head")
        return True


def _at_head(engine: Engine) -> bool:
    """An embedded store stamped with the head the migration files name (no Alembic)."""
    head = head_from_files()
    if head is None:
        return False
    with engine.begin() as conn:
        exists = conn.execute(
            text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'")
        ).first()
        if exists is None:
            return False
        stamped = [row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))]
    return stamped == [head]
