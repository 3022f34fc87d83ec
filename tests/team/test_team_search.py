"""Free-text search on a team server: names and addresses are sealed, so the services
filter the rest in SQL and match the text on the workstation, pages still correct."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.services.test_history import plan_visit
from tests.team.conftest import PgTeam
from veilig_huisbezoek.domain.address import Address
from veilig_huisbezoek.domain.checklist import RiskLevel
from veilig_huisbezoek.domain.register import NoteStatus
from veilig_huisbezoek.services import history as history_service
from veilig_huisbezoek.services import register
from veilig_huisbezoek.services.context import ServiceContext
from veilig_huisbezoek.services.history import (
    HistoryFilter,
    HistoryRow,
    count_history,
    search_history,
)

STREETS = ("Akerstraat", "Geleenstraat", "Palemig")


def _plan_visits(team: PgTeam) -> list[int]:
    """Twelve visits by Sanne (buddy Bram), some starting at the same moment."""
    sanne = team.login("sanne")
    made = []
    for i in range(12):
        made.append(
            plan_visit(
                sanne,
                buddy_id=team.ids["bram"],
                address=Address(
                    STREETS[i % 3], i + 1, "A" if i == 4 else "", f"641{i % 2} HB", "Heerlen"
                ),
                level=RiskLevel.ORANJE if i % 4 == 0 else RiskLevel.GROEN,
                colleagues=(team.ids["petra"],) if i % 4 == 0 else (),
                residents="Mevr. Hermans" if i % 5 == 0 else "Dhr. Janssen",
            )
        )
        if i % 3 != 1:  # every third pair shares a start time (keyset tie on id)
            team.clock.advance(timedelta(hours=1))
    sanne.store.close()
    return made


def _pages(ctx: ServiceContext, filters: HistoryFilter, size: int) -> list[list[int]]:
    pages: list[list[int]] = []
    last: HistoryRow | None = None
    while True:
        page = search_history(ctx, filters, limit=size, after=last)
        if not page:
            return pages
        assert len(page) <= size
        pages.append([row.id for row in page])
        last = page[-1]


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    # Several SQL batches per page, so the scan's own keyset paging is exercised.
    monkeypatch.setattr(history_service, "_SCAN_BATCH", 3)


@pytest.mark.usefixtures("small_batches")
def test_history_search_by_address_text_and_resident_pages_correctly(pg_team: PgTeam) -> None:
    made = _plan_visits(pg_team)
    petra = pg_team.login("petra")
    try:
        assert petra.store.sealed_columns
        everything = search_history(petra)
        assert sorted(row.id for row in everything) == sorted(made)
        newest_first = [row.id for row in everything]

        def expected(keep: object) -> list[int]:
            return [row.id for row in everything if keep(row)]  # type: ignore[operator]

        aker = expected(lambda r: r.address.street == "Akerstraat")
        assert len(aker) == 4
        for text in ("akerstraat", "AKER", "aker heerlen"):
            assert [r.id for r in search_history(petra, HistoryFilter(text=text))] == aker
            assert count_history(petra, HistoryFilter(text=text)) == len(aker)
        # Pages of two, over a scan of three rows per query: the same rows, in order.
        pages = _pages(petra, HistoryFilter(text="aker"), 2)
        assert [len(p) for p in pages] == [2, 2]
        assert [i for page in pages for i in page] == aker

        hermans = expected(lambda r: "Hermans" in r.residents)
        assert len(hermans) == 3
        assert [r.id for r in search_history(petra, HistoryFilter(text="hermans"))] == hermans
        assert count_history(petra, HistoryFilter(text="Hermans")) == 3
        assert [i for p in _pages(petra, HistoryFilter(text="hermans"), 1) for i in p] == hermans

        # Text together with the SQL filters; postcode, house number and addition terms.
        oranje_aker = expected(
            lambda r: r.address.street == "Akerstraat" and r.level is RiskLevel.ORANJE
        )
        assert oranje_aker
        only_oranje = HistoryFilter(text="aker", level=RiskLevel.ORANJE)
        assert [r.id for r in search_history(petra, only_oranje)] == oranje_aker
        assert count_history(petra, only_oranje) == len(oranje_aker)
        assert [r.id for r in search_history(petra, HistoryFilter(text="6411hb palemig"))] == (
            expected(lambda r: r.address.postcode == "6411 HB" and r.address.street == "Palemig")
        )
        assert [r.id for r in search_history(petra, HistoryFilter(text="5a"))] == [made[4]]
        assert [r.id for r in search_history(petra, HistoryFilter(text="5"))] == [made[4]]
        assert search_history(petra, HistoryFilter(text="5b")) == []
        assert len(search_history(petra, HistoryFilter(text="6410"))) == 6
        assert search_history(petra, HistoryFilter(text="nergensstraat")) == []
        assert count_history(petra, HistoryFilter(text="nergensstraat")) == 0
        # No text: SQL alone, as before.
        assert count_history(petra) == 12
        assert [i for p in _pages(petra, HistoryFilter(), 5) for i in p] == newest_first
    finally:
        petra.store.close()

    # A medewerker's scope still comes from SQL (row-level security and the services):
    # Bram is the buddy of every visit.
    bram = pg_team.login("bram")
    try:
        assert [r.id for r in search_history(bram, HistoryFilter(text="aker"))] == aker
    finally:
        bram.store.close()


def test_register_search_by_word_on_the_server(pg_team: PgTeam) -> None:
    sanne = pg_team.login("sanne")
    ids = {}
    for street, number in (("Akerstraat", 12), ("Geleenstraat", 7), ("Akerstraat", 30)):
        ids[(street, number)] = register.propose_note(
            sanne,
            address=Address(street, number, "", "6411 HB", "Heerlen"),
            category="bedreiging",
            incident_date=pg_team.clock.now().date(),
            description="Bewoner dreigde de handhaver te slaan.",
        )
    sanne.store.close()
    petra = pg_team.login("petra")
    try:
        register.approve_note(petra, ids[("Akerstraat", 12)])

        def found(**kwargs: object) -> set[int]:
            return {e.id for e in register.search_notes(petra, **kwargs)}  # type: ignore[arg-type]

        assert found(text="aker") == {ids[("Akerstraat", 12)], ids[("Akerstraat", 30)]}
        assert found(text="Geleen heerlen") == {ids[("Geleenstraat", 7)]}
        assert found(text="akerstraat 30") == {ids[("Akerstraat", 30)]}
        assert found(text="6411 hb") == set(ids.values())
        assert found(text="aker", status=NoteStatus.ACTIEF) == {ids[("Akerstraat", 12)]}
        assert found(text="maastricht") == set()
        assert found() == set(ids.values())
    finally:
        petra.store.close()
