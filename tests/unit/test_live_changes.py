"""Reading a burst of a team server's notifications (storage/team/listen.py
``parse_changes``): which visits changed, or "anything" when a payload does not say."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from veilig_huisbezoek.storage.team.listen import NOTES_TABLE, parse_changes
from veilig_huisbezoek.storage.team.schema import NOTIFY_TABLES, VISIT_TABLES


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
        st.tuples(st.sampled_from(VISIT_TABLES), st.sets(st.integers(1, 10**9), min_size=1)),
        max_size=5,
    )
)
def test_what_the_server_sends_is_read_back(named: list[tuple[str, set[int]]]) -> None:
    payloads = {f"{table} {','.join(map(str, sorted(ids)))}" for table, ids in named}
    changes = parse_changes(payloads)
    assert changes.visit_ids == frozenset().union(*(ids for _, ids in named))
    assert set(VISIT_TABLES) <= set(NOTIFY_TABLES)
