"""`admin export`: AVG inzage of one address, for a leidinggevende only, and audited."""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import func, select

from veilig_huisbezoek.domain.address import AddressKey, format_house_number
from veilig_huisbezoek.storage.models import AuditEntry, UnsafeAddressNote, Visit

if TYPE_CHECKING:
    from .conftest import AdminCli


def _first_note(cli: AdminCli, data_dir: Path) -> tuple[AddressKey, int, str, int]:
    """(address key, note id, description, number of visits there) of the first note."""
    ctx = cli.log_in(data_dir)
    try:
        with ctx.store.session() as session:
            note = session.scalars(select(UnsafeAddressNote).order_by(UnsafeAddressNote.id)).first()
            assert note is not None
            key = AddressKey(note.postcode, note.house_number, note.addition)
            visits = session.scalar(
                select(func.count(Visit.id)).where(
                    Visit.postcode == key.postcode,
                    Visit.house_number == key.house_number,
                    Visit.addition == key.addition,
                )
            )
            return key, note.id, note.description, int(visits or 0)
    finally:
        ctx.store.close()


def _exports(cli: AdminCli, data_dir: Path) -> list[AuditEntry]:
    ctx = cli.log_in(data_dir)
    try:
        with ctx.store.session() as session:
            return list(
                session.scalars(select(AuditEntry).where(AuditEntry.action == "address_exported"))
            )
    finally:
        ctx.store.close()


def _petra_id(cli: AdminCli, data_dir: Path) -> int:
    ctx = cli.log_in(data_dir, "petra", cli.demo_password("petra"))
    ctx.store.close()
    return ctx.actor.account_id


def test_leidinggevende_exports_an_address_with_its_note(cli: AdminCli, seeded: Path) -> None:
    key, note_id, description, visit_count = _first_note(cli, seeded)
    # Typed the way people do: lower case, no space in the postcode.
    number = format_house_number(key.house_number, key.addition)
    typed = f"{key.postcode.replace(' ', '').lower()} {number.lower()}"

    result = cli.run(
        "export",
        "--data-dir",
        seeded,
        "--user",
        "petra",
        "--address",
        typed,
        stdin=[cli.demo_password("petra")],
    )
    assert (result.code, result.err) == (0, "")
    data = json.loads(result.out)
    assert data["format"] == "veilig-huisbezoek/avg-inzage"
    assert data["address"] == str(key)
    assert data["exported_by"] == "Petra de Groot"
    notes = data["unsafe_address_notes"]
    assert [n["id"] for n in notes] == [note_id]
    assert notes[0]["description"] == description
    assert notes[0]["postcode"] == key.postcode
    assert len(data["visits"]) == visit_count

    entries = _exports(cli, seeded)
    assert len(entries) == 1
    assert entries[0].object_type == "address"
    assert entries[0].object_id == str(key)
    assert entries[0].actor_id == _petra_id(cli, seeded)
    assert entries[0].detail == f"{visit_count} visits, 1 notes, 0 incidents"
    assert cli.as_anna("verify", seeded).code == 0  # the audit chain still holds


@pytest.mark.usefixtures("umask_022")
def test_export_to_a_file(cli: AdminCli, seeded: Path, tmp_path: Path) -> None:
    key, note_id, _description, _visits = _first_note(cli, seeded)
    output = tmp_path / "inzage.json"
    result = cli.as_anna("export", seeded, "--address", str(key), "--output", output)
    assert result.code == 0
    assert stat.S_IMODE(output.stat().st_mode) == 0o600  # personal data: owner-only
    assert result.out.strip() == f"Inzage-export geschreven naar {output}."
    data = json.loads(output.read_text(encoding="utf-8"))
    assert [n["id"] for n in data["unsafe_address_notes"]] == [note_id]


def test_a_medewerker_may_not_export(cli: AdminCli, seeded: Path) -> None:
    key, *_ = _first_note(cli, seeded)
    result = cli.run(
        "export",
        "--data-dir",
        seeded,
        "--user",
        "sanne",
        "--address",
        str(key),
        stdin=[cli.demo_password("sanne")],
    )
    assert result.code == 1
    assert result.err.startswith("Geen toestemming")
    assert result.out == ""
    assert _exports(cli, seeded) == []


@pytest.mark.parametrize(
    "address", ["Akerstraat 12", "6411 AB", "0411 AB 12", "6411 SA 12", "6411 AB 12-ABCDE", ""]
)
def test_a_malformed_address_is_refused(cli: AdminCli, initialised: Path, address: str) -> None:
    before = cli.snapshot(initialised)
    result = cli.as_anna("export", initialised, "--address", address)
    assert result.code == 1
    assert result.err.startswith("Adres: ")
    assert result.out == ""
    assert cli.snapshot(initialised) == before
