"""The register services behind the register page: edit, search, view logging, counts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from tests.conftest import Team
from veilig_huisbezoek.domain.address import Address
from veilig_huisbezoek.domain.errors import NotAllowedError, TransitionError, ValidationErrors
from veilig_huisbezoek.domain.register import NoteCategory, NoteStatus
from veilig_huisbezoek.domain.roles import PermissionDenied, Role
from veilig_huisbezoek.services import register
from veilig_huisbezoek.services.accounts import NewAccount, add_account, log_in
from veilig_huisbezoek.services.context import ServiceContext
from veilig_huisbezoek.storage.models import AuditEntry

AKERSTRAAT = Address("Akerstraat", 12, "A", "6411 HB", "Heerlen")
GELEENSTRAAT = Address("Geleenstraat", 7, "", "6411 AB", "Heerlen")
PALEMIG = Address("Palemig", 120, "2", "6415 TV", "Hoensbroek")
DESCRIPTION = "Bewoner dreigde de handhaver te slaan en blokkeerde de voordeur."


@pytest.fixture
def logins(team: Team) -> Iterator[dict[str, ServiceContext]]:
    opened = {name: team.login(name) for name in ("sanne", "bram", "petra", "anna")}
    yield opened
    for ctx in opened.values():
        ctx.store.close()


def _propose(ctx: ServiceContext, address: Address, category: str = "bedreiging") -> int:
    return register.propose_note(
        ctx,
        address=address,
        category=category,
        incident_date=date(2026, 11, 20),
        description=DESCRIPTION,
        precautions="Altijd met twee.",
    )


def _audit(ctx: ServiceContext, action: str) -> list[AuditEntry]:
    with ctx.store.session() as session:
        rows = session.execute(select(AuditEntry).where(AuditEntry.action == action)).scalars()
        return list(rows)


# ---- edit_note ------------------------------------------------------------------------


def test_editing_an_active_note_waits_for_another_leidinggevende_and_keeps_warning(
    logins: dict[str, ServiceContext],
) -> None:
    sanne, petra, anna = logins["sanne"], logins["petra"], logins["anna"]
    note_id = _propose(sanne, AKERSTRAAT)
    approved = register.approve_note(petra, note_id)
    revision_id = register.edit_note(
        petra,
        note_id,
        address=GELEENSTRAAT,
        category=NoteCategory.GEWELD,
        incident_date=date(2026, 11, 19),
        description=DESCRIPTION + " Hij gaf een duw.",
        precautions="Altijd met twee.",
    )
    assert revision_id != note_id
    # Until someone else approves the edit, the note warns exactly as it was approved.
    assert [n.id for n in register.warnings_for(sanne, AKERSTRAAT.key)] == [note_id]
    assert register.warnings_for(sanne, GELEENSTRAAT.key) == []
    [pending] = [n for n in register.list_notes(petra) if n.id == revision_id]
    assert pending.status is NoteStatus.VOORGESTELD and pending.replaces_id == note_id
    assert pending.author_id == sanne.actor.account_id
    assert pending.edited_by == petra.actor.account_id
    # Four eyes: neither the editor nor the author approves the edit.
    with pytest.raises(NotAllowedError, match="zelf bewerkt"):
        register.approve_note(petra, revision_id)
    # A second edit before approval changes the pending proposal, not a third note.
    assert (
        register.edit_note(
            petra,
            note_id,
            address=GELEENSTRAAT,
            category=NoteCategory.GEWELD,
            incident_date=date(2026, 11, 19),
            description=DESCRIPTION + " Hij gaf een harde duw.",
            precautions="Altijd met twee.",
        )
        == revision_id
    )
    register.approve_note(anna, revision_id)
    [entry] = register.search_notes(petra, text="Geleenstraat")
    note = entry.note
    assert note.id == revision_id and note.status is NoteStatus.ACTIEF
    assert note.address == GELEENSTRAAT and note.category is NoteCategory.GEWELD
    assert note.incident_date == date(2026, 11, 19)
    assert note.description.endswith("Hij gaf een harde duw.")
    assert note.approved_by == anna.actor.account_id and note.author_id == sanne.actor.account_id
    [old] = [n for n in register.list_notes(petra) if n.id == note_id]
    assert old.status is NoteStatus.INGETROKKEN and str(revision_id) in old.retire_reason
    assert old.review_due == approved.review_due
    # The warning moved with the address.
    assert register.warnings_for(petra, AKERSTRAAT.key) == []
    assert [n.id for n in register.warnings_for(petra, GELEENSTRAAT.key)] == [revision_id]
    first, second = _audit(petra, "note_edited")
    assert first.actor_id == petra.actor.account_id and first.object_id == str(note_id)
    assert first.detail == f"address,category,incident_date,description,bewerking {revision_id}"
    assert second.object_id == str(revision_id) and second.detail == "description"
    assert "Geleenstraat" not in first.detail  # the log names fields, never content


def test_editing_a_proposal_keeps_it_proposed_and_an_unchanged_edit_logs_nothing(
    logins: dict[str, ServiceContext],
) -> None:
    note_id = _propose(logins["sanne"], AKERSTRAAT)
    petra = logins["petra"]
    register.edit_note(
        petra,
        note_id,
        address=AKERSTRAAT,
        category="bedreiging",
        incident_date=date(2026, 11, 20),
        description=DESCRIPTION,
        precautions="Altijd met twee.",
    )
    assert _audit(petra, "note_edited") == []
    register.edit_note(
        petra,
        note_id,
        address=AKERSTRAAT,
        category="bedreiging",
        incident_date=date(2026, 11, 20),
        description=DESCRIPTION,
        precautions="Altijd met twee; honden laten opsluiten.",
    )
    [entry] = register.search_notes(petra)
    assert entry.note.status is NoteStatus.VOORGESTELD
    assert entry.note.precautions == "Altijd met twee; honden laten opsluiten."
    assert [e.detail for e in _audit(petra, "note_edited")] == ["precautions"]
    with pytest.raises(NotAllowedError, match="zelf bewerkt"):  # the editor: not her
        register.approve_note(petra, note_id)


def test_only_a_leidinggevende_edits_not_even_the_author(
    logins: dict[str, ServiceContext],
) -> None:
    sanne = logins["sanne"]
    note_id = _propose(sanne, AKERSTRAAT)
    with pytest.raises(PermissionDenied, match="Geen toestemming: alleen een leidinggevende"):
        register.edit_note(
            sanne,
            note_id,
            address=AKERSTRAAT,
            category="bedreiging",
            incident_date=date(2026, 11, 20),
            description=DESCRIPTION + " Later aangevuld.",
        )
    assert register.list_notes(sanne)[0].description == DESCRIPTION


def test_edit_uses_the_rules_of_a_new_note_and_refuses_retired_notes(
    logins: dict[str, ServiceContext],
) -> None:
    petra = logins["petra"]
    note_id = _propose(logins["sanne"], AKERSTRAAT)
    with pytest.raises(ValidationErrors) as caught:
        register.edit_note(
            petra,
            note_id,
            address=AKERSTRAAT,
            category="roddel",
            incident_date=date(2027, 1, 1),
            description="Te kort.",
        )
    assert caught.value.fields == ["Categorie", "Datum incident", "Omschrijving"]
    register.retire_note(petra, note_id, "Dubbele melding.")
    with pytest.raises(TransitionError, match="Ingetrokken"):
        register.edit_note(
            petra,
            note_id,
            address=AKERSTRAAT,
            category="bedreiging",
            incident_date=date(2026, 11, 20),
            description=DESCRIPTION,
        )


# ---- search_notes ---------------------------------------------------------------------


def _three_notes(logins: dict[str, ServiceContext]) -> dict[str, int]:
    sanne, bram, petra = logins["sanne"], logins["bram"], logins["petra"]
    ids = {
        "aker": _propose(sanne, AKERSTRAAT, "bedreiging"),
        "geleen": _propose(bram, GELEENSTRAAT, "gevaarlijk_dier"),
        "palemig": _propose(sanne, PALEMIG, "wapens"),
    }
    register.approve_note(petra, ids["aker"])
    register.approve_note(petra, ids["palemig"])
    return ids


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6411ab", {"geleen"}),
        ("6411 AB", {"geleen"}),
        ("6411AB 7", {"geleen"}),
        ("6411", {"aker", "geleen"}),
        ("akerstraat", {"aker"}),
        ("Akerstraat 12a", {"aker"}),
        ("akerstraat 12b", set()),
        ("12", {"aker"}),
        ("120-2", {"palemig"}),
        ("hoensbroek", {"palemig"}),
        ("straat", {"aker", "geleen"}),
        ("6411 hb, 12", {"aker"}),
        ("100%_", set()),
        ("   ", {"aker", "geleen", "palemig"}),
    ],
)
def test_search_matches_address_text_postcode_and_house_number(
    logins: dict[str, ServiceContext], text: str, expected: set[str]
) -> None:
    ids = _three_notes(logins)
    names = {v: k for k, v in ids.items()}
    found = {names[e.id] for e in register.search_notes(logins["petra"], text=text)}
    assert found == expected


def test_filters_by_status_category_and_overdue(
    logins: dict[str, ServiceContext], team: Team
) -> None:
    ids = _three_notes(logins)
    petra = logins["petra"]

    def found(**filters: object) -> set[int]:
        return {e.id for e in register.search_notes(petra, **filters)}  # type: ignore[arg-type]

    assert found(status=NoteStatus.VOORGESTELD) == {ids["geleen"]}
    assert found(status=NoteStatus.ACTIEF) == {ids["aker"], ids["palemig"]}
    assert found(category=NoteCategory.WAPENS) == {ids["palemig"]}
    assert found(overdue_only=True) == set()
    team.clock.advance(timedelta(days=366))
    petra_later = log_in(team.data_dir, "petra", "petra-wachtwoord-4", team.clock)
    try:
        overdue = {e.id for e in register.search_notes(petra_later, overdue_only=True)}
        assert overdue == {ids["aker"], ids["palemig"]}
        assert register.register_counts(petra_later) == {"overdue": 2, "proposed": 1}
    finally:
        petra_later.store.close()


def test_order_overdue_first_then_proposed_then_active_then_retired(
    logins: dict[str, ServiceContext], team: Team
) -> None:
    sanne, petra = logins["sanne"], logins["petra"]
    old = _propose(sanne, AKERSTRAAT)
    register.approve_note(petra, old)
    team.clock.advance(timedelta(days=370))
    fresh = _propose(sanne, GELEENSTRAAT)
    register.approve_note(petra, fresh)
    waiting = _propose(sanne, PALEMIG)
    gone = _propose(sanne, Address("Nobelstraat", 3, "", "6411 EG", "Heerlen"))
    register.retire_note(petra, gone, "Bij nader inzien geen concreet incident.")
    entries = register.search_notes(petra)
    assert [e.id for e in entries] == [old, waiting, fresh, gone]
    assert [e.review_overdue for e in entries] == [True, False, False, False]
    assert entries[0].warns and not entries[0].expired
    assert entries[0].author == "Sanne Visser" and entries[0].approver == "Petra de Groot"


def test_a_medewerker_finds_only_own_proposals_and_a_beheerder_nothing(
    logins: dict[str, ServiceContext], team: Team
) -> None:
    ids = _three_notes(logins)
    sanne, bram = logins["sanne"], logins["bram"]
    assert {e.id for e in register.search_notes(sanne)} == {ids["aker"], ids["palemig"]}
    assert {e.id for e in register.search_notes(bram, text="6411")} == {ids["geleen"]}
    with pytest.raises(PermissionDenied):
        register.register_counts(sanne)
    with pytest.raises(PermissionDenied):
        register.open_note(bram, ids["aker"])  # not hers: not even its existence
    add_account(
        logins["anna"],
        NewAccount("tom", "tom-wachtwoord-1", "Tom", "Jacobs", frozenset({Role.BEHEERDER})),
    )
    tom = log_in(team.data_dir, "tom", "tom-wachtwoord-1", team.clock)
    try:
        with pytest.raises(PermissionDenied):
            register.search_notes(tom)
    finally:
        tom.store.close()


def test_a_medewerker_is_refused_approval_in_dutch(logins: dict[str, ServiceContext]) -> None:
    note_id = _propose(logins["bram"], AKERSTRAAT)
    sanne = logins["sanne"]
    with pytest.raises(PermissionDenied, match="Geen toestemming"):
        register.approve_note(sanne, note_id)  # someone else's proposal
    own = _propose(sanne, GELEENSTRAAT)
    with pytest.raises(NotAllowedError, match="Alleen een leidinggevende mag een notitie"):
        register.approve_note(sanne, own)


def test_opening_a_note_is_logged_as_viewed(logins: dict[str, ServiceContext]) -> None:
    note_id = _propose(logins["sanne"], AKERSTRAAT)
    petra = logins["petra"]
    entry = register.open_note(petra, note_id)
    assert entry.note.description == DESCRIPTION
    [viewed] = _audit(petra, "note_viewed")
    assert (viewed.actor_id, viewed.object_id) == (petra.actor.account_id, str(note_id))


def test_review_and_approve_return_the_changed_note(logins: dict[str, ServiceContext]) -> None:
    note_id = _propose(logins["sanne"], AKERSTRAAT)
    petra = logins["petra"]
    approved = register.approve_note(petra, note_id)
    assert approved.status is NoteStatus.ACTIEF and approved.review_due == date(2027, 11, 23)
    reviewed = register.review_note(petra, note_id)
    assert reviewed.review_due == date(2027, 11, 23)
