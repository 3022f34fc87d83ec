"""The reminder snapshot re-read by visit (services/alarms.py ``snapshot(base=…,
visit_ids=…)``, what a desk does when a team server's live change names the visits)
gives exactly what a whole read gives, on the embedded store and on a team server, for
a leidinggevende, a buddy and a visitor who cannot read the others' visits."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

from tests.conftest import Team
from tests.helpers import call_all_well
from tests.reminders.helpers import running_visit
from veilig_huisbezoek.domain.reminders import ReminderKind
from veilig_huisbezoek.services import alarms, visits
from veilig_huisbezoek.services.alarms import ReminderSnapshot

MIN = timedelta(minutes=1)


def _in_order(snap: ReminderSnapshot) -> ReminderSnapshot:
    """In one order; presence as whose (a team server's clock moves between two reads)."""
    assert snap.buddy_seen is not None
    return dataclasses.replace(
        snap,
        visits=tuple(sorted(snap.visits, key=lambda v: (v.failover_only, v.id))),
        alarms=tuple(sorted(snap.alarms, key=lambda a: a.id)),
        buddy_seen=dict.fromkeys(snap.buddy_seen, snap.read_at),
    )


def test_a_snapshot_read_by_visit_is_the_whole_snapshot(any_team: Team) -> None:
    team = any_team
    start = team.clock.now() + 5 * MIN
    first, back = (running_visit(team, start=start, end=start + 120 * MIN) for _ in range(2))
    team.clock.advance(10 * MIN)
    people = {name: team.login(name) for name in ("petra", "bram", "sanne")}
    try:
        contacts = {"petra": True, "bram": True, "sanne": False}
        bases = {
            name: alarms.snapshot(ctx, contacts=contacts[name]) for name, ctx in people.items()
        }
        # Then, elsewhere: a call-back falls due and is raised, the buddy calls, one
        # visit comes back and a new one departs.
        team.clock.advance(20 * MIN)
        bram = people["bram"]
        due = [
            r
            for r in alarms.snapshot(bram).reminders()
            if r.kind is ReminderKind.CALLBACK_DUE and r.visit_id == first
        ]
        alarms.raise_alarm(bram, due[0], raised_late=False)
        call_all_well(bram, first, due[0].callback_id)
        visits.return_safe(people["sanne"], back)
        now = team.clock.now()
        new = running_visit(team, start=now + MIN, end=now + 90 * MIN)
        changed = {first, back, new}

        for name, ctx in people.items():
            whole = alarms.snapshot(ctx, contacts=contacts[name])
            by_visit = alarms.snapshot(
                ctx, contacts=contacts[name], base=bases[name], visit_ids=changed
            )
            assert _in_order(by_visit) == _in_order(whole), name
            assert _in_order(by_visit).reminders() == _in_order(whole).reminders(), name
            # The control: a visit left out stays as it was (so the comparison can fail).
            stale = alarms.snapshot(
                ctx, contacts=contacts[name], base=bases[name], visit_ids={first, back}
            )
            assert _in_order(stale) != _in_order(whole), name
    finally:
        for ctx in people.values():
            ctx.store.close()
