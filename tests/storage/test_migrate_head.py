"""The head revision read from the migration files is Alembic's own."""

from __future__ import annotations

from alembic.script import ScriptDirectory

from veilig_huisbezoek.storage.migrate import alembic_config, head_from_files


def test_the_files_name_the_same_head_as_alembic() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    assert head_from_files() == script.get_current_head()
