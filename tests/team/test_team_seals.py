"""Sealed values on the team server: more of them, each bound to its table, column and
row, damage named by record, and an upgrade that re-seals an older server."""

from __future__ import annotations

import hashlib
import hmac
import io
import secrets
from datetime import timedelta

import psycopg
import pytest

from tests.conftest import PASSWORDS
from tests.services.test_services import ADDRESS, _plan
from tests.team.conftest import PgTeam
from veilig_huisbezoek import cli
from veilig_huisbezoek.domain.checklist import Answer, assess, default_checklist
from veilig_huisbezoek.domain.register import NoteCategory
from veilig_huisbezoek.services import register, visits
from veilig_huisbezoek.storage.sealed import SealedValueError
from veilig_huisbezoek.storage.team import opening


@pytest.fixture
def pg_team(pg_team_each_version: PgTeam) -> PgTeam:
    """These run on PostgreSQL 15 and 16."""
    return pg_team_each_version


def _sql(team: PgTeam, statement: str, *args: object) -> list[tuple[object, ...]]:
    """As the cluster's superuser, past the app's rules (triggers off): a database
    administrator's view of the server, and what such a person could change."""
    with psycopg.connect(team.cluster.conninfo(team.database)) as conn:
        conn.execute("SET session_replication_role = replica")
        cur = conn.execute(statement, args or None)
        return list(cur.fetchall()) if cur.description else []


def _answers() -> dict[str, Answer]:
    checklist = default_checklist()
    answers = {item.id: Answer.NEE for item in checklist.items}
    for item in checklist.items:
        if "verslaving" in item.id or "psych" in item.id or "geweld" in item.id:
            answers[item.id] = Answer.JA
    return answers


def _visit_with_assessment(team: PgTeam) -> int:
    sanne = team.login("sanne")
    try:
        result = assess(default_checklist(), _answers())
        plan = _plan(sanne, team)  # type: ignore[arg-type]
        return visits.save_visit(
            sanne,
            plan,
            result,
            deviation_reason="Collega ziek, overlegd met de leidinggevende.",
        )
    finally:
        sanne.store.close()


def _note(team: PgTeam, name: str, category: NoteCategory, text: str) -> int:
    ctx = team.login(name)
    try:
        return register.propose_note(
            ctx,
            address=ADDRESS,
            category=category,
            incident_date=team.clock.now().date() - timedelta(days=3),
            description=text,
        )
    finally:
        ctx.store.close()


def test_checklist_answers_and_revealing_categories_are_sealed_on_the_server(
    pg_team: PgTeam,
) -> None:
    _visit_with_assessment(pg_team)
    _note(pg_team, "sanne", NoteCategory.DRUGS_PLANTAGE, "Hennepkwekerij op zolder gezien.")
    dump = repr(_sql(pg_team, "SELECT * FROM assessments")) + repr(
        _sql(pg_team, "SELECT * FROM unsafe_address_notes")
    )
    for plain in ("drugs_plantage", '"ja"', "nee", "Hennep"):
        assert plain not in dump
    kinds = dict(
        _sql(  # type: ignore[arg-type]
            pg_team,
            "SELECT column_name, data_type FROM information_schema.columns WHERE "
            "table_name IN ('assessments', 'unsafe_address_notes', 'incidents', "
            "'incident_police_reports', 'incident_steps') AND column_name IN ('answers', "
            "'reasons', 'category', 'injury', 'police_reference', 'kind', 'step')",
        )
    )
    assert set(kinds.values()) == {"bytea"}
    # The app reads them back as they were.
    petra = pg_team.login("petra")
    try:
        [note] = register.list_notes(petra)
        assert note.category is NoteCategory.DRUGS_PLANTAGE
    finally:
        petra.store.close()


def test_a_sealed_value_copied_elsewhere_does_not_open_there_and_says_which_record(
    pg_team: PgTeam,
) -> None:
    first = _note(pg_team, "sanne", NoteCategory.BEDREIGING, "Dreigde de handhaver met een mes.")
    second = _note(pg_team, "bram", NoteCategory.GEWELD, "Sloeg de toezichthouder in het gezicht.")
    petra = pg_team.login("petra")
    register.approve_note(petra, first)
    register.approve_note(petra, second)
    # A database administrator moves one note's sealed text onto the other.
    _sql(
        pg_team,
        "UPDATE unsafe_address_notes SET description = "
        "(SELECT description FROM unsafe_address_notes WHERE id = %s) WHERE id = %s",
        first,
        second,
    )
    try:
        with pytest.raises(SealedValueError) as caught:
            register.list_notes(petra)
        message = str(caught.value)
        assert f"adresnotitie {second} (description)" in message
        assert "mes" not in message and "Traceback" not in message
        # Planning at that address still shows the other warning, and the damaged one
        # warns as unreadable instead of disappearing.
        found = register.warnings_for(petra, ADDRESS.key)
        assert [n.id for n in found] == [first, second]
        assert found[0].description == "Dreigde de handhaver met een mes."
        assert "beschadigd" in found[1].description
        # Across columns of one row: refused as well.
        _sql(
            pg_team,
            "UPDATE unsafe_address_notes SET precautions = description WHERE id = %s",
            first,
        )
        with pytest.raises(SealedValueError, match=f"adresnotitie {first} \\(precautions\\)"):
            register.list_notes(petra)
    finally:
        petra.store.close()
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(
        ["verify", "--database-url", pg_team.person_url, "--user", "petra"],
        stdin=io.StringIO(PASSWORDS["petra"] + "\n"),
        stdout=out,
        stderr=err,
    )
    assert code == 1, err.getvalue()
    assert f"adresnotitie {second} (description)" in out.getvalue()
    assert "Traceback" not in out.getvalue() + err.getvalue()


def _v1(key: bytes, plain: bytes) -> bytes:
    """How version 1 sealed a value: not bound to its place."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    aead = AESGCM(hmac.new(key, b"vh-column-key", hashlib.sha256).digest())
    nonce = secrets.token_bytes(12)
    return b"\x01" + nonce + aead.encrypt(nonce, plain, b"\x01")


def test_upgrade_reseals_an_older_server_and_then_refuses_unbound_values(
    pg_team: PgTeam,
) -> None:
    note_id = _note(pg_team, "sanne", NoteCategory.WAPENS, "Vuurwapen op de keukentafel gezien.")
    owner = opening.open_as_owner(
        pg_team.location.__class__.parse(pg_team.cluster.owner_url(pg_team.database)),
        "anna",
        PASSWORDS["anna"],
    )
    key = owner._key
    owner.close()
    # Make it look like a server of the previous version: unbound values, the category
    # a plain string column, the old index, the old marker.
    _sql(
        pg_team,
        "UPDATE unsafe_address_notes SET description = %s, address_bidx = 'oud' WHERE id = %s",
        _v1(key, b"Vuurwapen op de keukentafel gezien."),
        note_id,
    )
    _sql(
        pg_team,
        "ALTER TABLE unsafe_address_notes ALTER COLUMN category TYPE varchar(30) USING 'wapens'",
    )
    _sql(pg_team, "UPDATE team_keyring SET seal_format = 1")
    out, err = io.StringIO(), io.StringIO()
    argv = ["upgrade-server", "--database-url", pg_team.cluster.owner_url(pg_team.database)]
    assert cli.run(argv, stdin=io.StringIO(""), stdout=out, stderr=err) == 1
    assert "--user" in err.getvalue()
    code = cli.run(
        [*argv, "--user", "anna"],
        stdin=io.StringIO(PASSWORDS["anna"] + "\n"),
        stdout=out,
        stderr=err,
    )
    assert code == 0, err.getvalue()
    assert "opnieuw verzegeld" in out.getvalue()
    [(description, category, bidx)] = _sql(
        pg_team,
        "SELECT description, category, address_bidx FROM unsafe_address_notes WHERE id = %s",
        note_id,
    )
    assert bytes(description)[:1] == b"\x02" and bytes(category)[:1] == b"\x02"  # type: ignore[arg-type]
    assert bidx != "oud"
    petra = pg_team.login("petra")
    try:
        [note] = register.list_notes(petra)
        assert note.category is NoteCategory.WAPENS
        register.approve_note(petra, note_id)
        assert [n.id for n in register.warnings_for(petra, ADDRESS.key)] == [note_id]
    finally:
        petra.store.close()
    # From now on an unbound value is damage, not data.
    _sql(
        pg_team,
        "UPDATE unsafe_address_notes SET description = %s WHERE id = %s",
        _v1(key, b"Ingeschoven tekst."),
        note_id,
    )
    petra = pg_team.login("petra")
    try:
        with pytest.raises(SealedValueError):
            register.list_notes(petra)
    finally:
        petra.store.close()
