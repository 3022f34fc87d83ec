"""Reading a burst of a team server's notifications (storage/team/listen.py
``parse_changes``): which visits changed, or "anything" when a payload does not say."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from veilig_huisbezoek.domain.folded_reads import FoldedReads, VisitsTouched
from veilig_huisbezoek.storage.team.listen import NOTES_TABLE, parse_changes
from veilig_huisbezoek.storage.team.schema import (
    DETAIL_TABLES,
    NAMING_TABLES,
    NOTIFY_TABLES,
    VISIT_DETAILS,
    VISIT_TABLES,
)


def test_named_visits_are_gathered_over_the_burst() -> None:
    changes = parse_changes({"visits 3,7", "visit_events 3", "alarms 9"})
    assert changes.visit_ids == {3, 7, 9}
    assert changes.tables == {"visits", "visit_events", "alarms"}


def test_a_register_change_touches_no_visit() -> None:
    changes = parse_changes({NOTES_TABLE})
    assert changes.visit_ids == frozenset() and changes.tables == {NOTES_TABLE}
    assert parse_changes({NOTES_TABLE, "calls 4"}).visit_ids == {4}


def test_a_table_without_ids_or_of_no_visit_means_anything() -> None:
    assert parse_changes({"visits 3", "visits"}).visit_ids is None  # more than 200
    assert parse_changes({"visits 3", "settings"}).visit_ids is None
    assert parse_changes({"accounts 3"}).visit_ids is None  # not a visit's own table
    assert parse_changes({"calls 3,x"}).visit_ids is None
    assert parse_changes({"calls 3,,4"}).visit_ids is None
    assert parse_changes(set()).visit_ids == frozenset()


@given(st.sets(st.text(max_size=40), max_size=6))
def test_any_payload_is_read_without_error(payloads: set[str]) -> None:
    changes = parse_changes(payloads)
    assert changes.tables == {p.partition(" ")[0] for p in payloads}
    if changes.visit_ids:
        assert changes.tables & set(VISIT_TABLES)


@given(
    st.lists(
        st.tuples(st.sampled_from(NAMING_TABLES), st.sets(st.integers(1, 10**9), min_size=1)),
        max_size=5,
    )
)
def test_what_the_server_sends_is_read_back(named: list[tuple[str, set[int]]]) -> None:
    payloads = {f"{table} {','.join(map(str, sorted(ids)))}" for table, ids in named}
    changes = parse_changes(payloads)
    assert changes.visit_ids == frozenset().union(*(ids for _, ids in named))
    heads = frozenset().union(*(ids for t, ids in named if t not in DETAIL_TABLES))
    assert changes.touched == VisitsTouched(heads, changes.visit_ids - heads)
    assert set(VISIT_TABLES) <= set(NOTIFY_TABLES)


def test_a_visit_named_by_its_details_only_is_read_only_where_it_is_held() -> None:
    call = parse_changes({"calls 3", "visit_events 3", f"{VISIT_DETAILS} 4"}).touched
    assert call == VisitsTouched(frozenset(), frozenset({3, 4}))
    assert call.to_read({3, 9}) == {3}
    assert call.to_read({9}) == frozenset()
    # Named by a head table as well: read everywhere.
    both = parse_changes({"calls 3", "visits 3", "callbacks 5"}).touched
    assert both == VisitsTouched(frozenset({3}), frozenset({5}))
    assert both.to_read(set()) == {3}
    # An older server names the visits table for every update: a head.
    assert parse_changes({"visits 4"}).touched == VisitsTouched(frozenset({4}))


ids = st.frozensets(st.integers(1, 8), max_size=4)
touches = st.builds(lambda heads, details: VisitsTouched(heads, details - heads), ids, ids)


@given(st.lists(st.one_of(st.none(), touches), max_size=5), ids)
def test_folded_requests_read_what_each_would_have_read(
    asked: list[VisitsTouched | None], held: frozenset[int]
) -> None:
    folded = FoldedReads()
    for one in asked:
        folded.fold(one)
    found = folded.take()
    if any(one is None for one in asked):
        assert found is None
        return
    assert found is not None
    assert found.to_read(held) == frozenset().union(
        *(one.to_read(held) for one in asked if one is not None)
    )
    assert found.ids == frozenset().union(*(one.ids for one in asked if one is not None))
    assert not found.heads & found.details
