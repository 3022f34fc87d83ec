"""Audit anchors: each backup records the audit head; today's log must still contain it."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import PASSWORDS, Team
from tests.storage.audit_rewrite import rewrite_audit_log
from veilig_huisbezoek.services.context import ServiceContext
from veilig_huisbezoek.storage import audit
from veilig_huisbezoek.storage.audit_anchor import (
    ANCHOR_MEMBER,
    AuditAnchor,
    audit_head,
    check_backup_anchors,
    read_anchor,
)
from veilig_huisbezoek.storage.store import Store


def _add_entries(ctx: ServiceContext, n: int) -> None:
    with ctx.store.session() as session:
        for i in range(n):
            ctx.audit(session, "test_entry", "visit", i)


def _check(store: Store, *files: Path) -> tuple[int, int, tuple[str, ...]]:
    with store.read_session() as session:
        report = check_backup_anchors(session, files)
    return report.checked, report.without_anchor, report.problems


@pytest.fixture
def anna(team: Team) -> Iterator[ServiceContext]:
    ctx = team.login("anna")
    _add_entries(ctx, 8)
    yield ctx
    ctx.store.close()


def test_a_backup_records_the_head_of_its_snapshot(anna: ServiceContext, tmp_path: Path) -> None:
    with anna.store.read_session() as session:
        head = audit_head(session)
    assert head is not None
    backup = tmp_path / "b.vhbackup"
    anna.store.backup(backup)
    assert read_anchor(backup) == head
    with zipfile.ZipFile(backup) as zf:
        assert json.loads(zf.read(ANCHOR_MEMBER)) == {
            "format": "veilig-huisbezoek/audit-head",
            "id": head.entry_id,
            "hash": head.hash,
        }


def test_going_on_after_a_backup_keeps_the_anchor(anna: ServiceContext, tmp_path: Path) -> None:
    backup = tmp_path / "b.vhbackup"
    anna.store.backup(backup)
    _add_entries(anna, 5)
    assert _check(anna.store, backup) == (1, 0, ())
    with anna.store.read_session() as session:
        report = check_backup_anchors(session, [backup, backup, tmp_path / "." / backup.name])
    assert report.ok and report.checked == 1  # one file, counted once
    assert report.summary() == "klopt met 1 back-up"


def test_rewritten_history_that_the_chain_cannot_see_is_caught(
    anna: ServiceContext, tmp_path: Path
) -> None:
    backup = tmp_path / "veilig-huisbezoek-20261123-080000.vhbackup"
    anna.store.backup(backup)
    anchor = read_anchor(backup)
    assert anchor is not None
    _add_entries(anna, 3)
    rewrite_audit_log(anna.store, keep=lambda entry_id: entry_id != 4)  # one line gone
    with anna.store.read_session() as session:
        assert audit.verify_chain(session).ok  # the chain alone says all is well
    checked, without, problems = _check(anna.store, backup)
    assert (checked, without) == (0, 0)
    assert problems == (
        f"Auditlog wijkt af van back-up {backup.name}: regel {anchor.entry_id} of een regel "
        "daarvoor is sindsdien gewijzigd of verwijderd",
    )


def test_a_truncated_log_is_caught(anna: ServiceContext, tmp_path: Path) -> None:
    backup = tmp_path / "b.vhbackup"
    anna.store.backup(backup)
    anchor = read_anchor(backup)
    assert anchor is not None
    rewrite_audit_log(anna.store, keep=lambda entry_id: entry_id < anchor.entry_id - 2)
    [problem] = _check(anna.store, backup)[2]
    assert f"back-up b.vhbackup: regel {anchor.entry_id} " in problem


def test_one_surviving_backup_is_enough_and_each_is_named(
    anna: ServiceContext, tmp_path: Path
) -> None:
    old, new = tmp_path / "oud.vhbackup", tmp_path / "nieuw.vhbackup"
    anna.store.backup(old)
    _add_entries(anna, 4)
    anna.store.backup(new)
    new_anchor = read_anchor(new)
    assert new_anchor is not None
    # Only lines after the old backup are rewritten: the old anchor still holds.
    rewrite_audit_log(anna.store, keep=lambda entry_id: entry_id != new_anchor.entry_id - 1)
    checked, _without, problems = _check(anna.store, old, new)
    assert checked == 1
    assert len(problems) == 1 and "back-up nieuw.vhbackup:" in problems[0]


def test_an_older_backup_without_anchor_is_counted_and_still_restores(
    team: Team, anna: ServiceContext, tmp_path: Path
) -> None:
    backup = tmp_path / "b.vhbackup"
    anna.store.backup(backup)
    older = tmp_path / "ouder.vhbackup"
    with zipfile.ZipFile(backup) as src, zipfile.ZipFile(older, "w") as dst:
        for name in src.namelist():
            if name != ANCHOR_MEMBER:
                dst.writestr(name, src.read(name))
    assert read_anchor(older) is None
    with anna.store.read_session() as session:
        report = check_backup_anchors(session, [older, backup])
    assert (report.checked, report.without_anchor, report.ok) == (1, 1, True)
    assert report.summary() == "klopt met 1 back-up; 1 oudere back-up zonder ankerpunt"
    Store.restore(older, tmp_path / "hersteld", "anna", PASSWORDS["anna"]).close()


def test_an_unreadable_backup_is_named_without_a_traceback(
    anna: ServiceContext, tmp_path: Path
) -> None:
    garbage = tmp_path / "kapot.vhbackup"
    garbage.write_bytes(b"geen zip")
    bad_anchor = tmp_path / "raar.vhbackup"
    with zipfile.ZipFile(bad_anchor, "w") as zf:
        zf.writestr(ANCHOR_MEMBER, '{"format": "veilig-huisbezoek/audit-head", "id": -1}')
    missing = tmp_path / "weg.vhbackup"
    _checked, _without, problems = _check(anna.store, garbage, bad_anchor, missing)
    assert [p.split(" kan niet")[0] for p in problems] == [
        "Back-up kapot.vhbackup",
        "Back-up raar.vhbackup",
        "Back-up weg.vhbackup",
    ]


def test_an_empty_log_has_no_head(tmp_path: Path) -> None:
    with Store.create(tmp_path / "leeg") as store, store.read_session() as session:
        assert audit_head(session) is None


@given(st.text(max_size=200))
def test_the_anchor_parser_accepts_or_refuses_with_a_value_error(text: str) -> None:
    try:
        anchor = AuditAnchor.from_json(text)
    except ValueError:
        return
    assert anchor.entry_id >= 1 and len(anchor.hash) == 64


@given(
    st.dictionaries(
        st.sampled_from(["format", "id", "hash", "extra"]),
        st.one_of(
            st.none(),
            st.booleans(),
            st.integers(),
            st.floats(allow_nan=False),
            st.text(max_size=70),
            st.just("veilig-huisbezoek/audit-head"),
            st.just("a" * 64),
        ),
    )
)
def test_the_anchor_parser_refuses_wrong_shapes(data: dict[str, object]) -> None:
    try:
        anchor = AuditAnchor.from_json(json.dumps(data))
    except ValueError:
        return
    assert data["format"] == "veilig-huisbezoek/audit-head"
    assert AuditAnchor.from_json(anchor.to_json()) == anchor
