"""Presence on the embedded store: heartbeat, end, read (services/presence.py)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from tests.conftest import Team
from veilig_huisbezoek.domain.presence import ABSENT_AFTER, KEEP_ENDED
from veilig_huisbezoek.services import presence
from veilig_huisbezoek.storage.models import PresenceSession


def test_a_heartbeat_makes_the_person_present_and_it_expires_by_itself(team: Team) -> None:
    sanne, bram = team.login("sanne"), team.login("bram")
    try:
        session_id = presence.new_session_id()
        presence.heartbeat(bram, session_id)
        people = presence.read_presence(sanne).people(team.clock.now())
        assert people[team.ids["bram"]].present
        # A crash: no more heartbeats; absent once three are missed.
        team.clock.advance(ABSENT_AFTER + timedelta(seconds=1))
        snapshot = presence.read_presence(sanne)
        person = snapshot.people(team.clock.now())[team.ids["bram"]]
        assert not person.present
        assert person.last_seen == team.clock.now() - ABSENT_AFTER - timedelta(seconds=1)
        # The next heartbeat moves the same row.
        presence.heartbeat(bram, session_id, locked=True)
        with bram.store.session() as s:
            rows = s.execute(select(PresenceSession)).scalars().all()
        assert [(r.session_id, r.locked) for r in rows] == [(session_id, True)]
        assert presence.read_presence(sanne).people(team.clock.now())[team.ids["bram"]].present
    finally:
        sanne.store.close()
        bram.store.close()


def test_logging_out_ends_presence_at_once_and_a_late_heartbeat_does_not_revive_it(
    team: Team,
) -> None:
    bram = team.login("bram")
    try:
        session_id = presence.new_session_id()
        presence.heartbeat(bram, session_id)
        team.clock.advance(timedelta(seconds=3))
        presence.end_session(bram, session_id)
        person = presence.read_presence(bram).people(team.clock.now())[team.ids["bram"]]
        assert not person.present
        assert person.last_seen == team.clock.now()
        presence.heartbeat(bram, session_id)  # queued behind the logout
        assert not presence.read_presence(bram).people(team.clock.now())[team.ids["bram"]].present
    finally:
        bram.store.close()


def test_a_second_workstation_keeps_the_person_present(team: Team) -> None:
    bram = team.login("bram")
    try:
        first, second = presence.new_session_id(), presence.new_session_id()
        presence.heartbeat(bram, first)
        presence.heartbeat(bram, second)
        presence.end_session(bram, first)
        assert presence.read_presence(bram).people(team.clock.now())[team.ids["bram"]].present
    finally:
        bram.store.close()


def test_old_sessions_are_tidied_by_the_next_heartbeat(team: Team) -> None:
    bram = team.login("bram")
    try:
        old = presence.new_session_id()
        presence.heartbeat(bram, old)
        presence.end_session(bram, old)
        team.clock.advance(KEEP_ENDED + timedelta(minutes=1))
        assert presence.read_presence(bram).sessions == ()
        presence.heartbeat(bram, presence.new_session_id())
        with bram.store.session() as s:
            count = s.execute(select(func.count()).select_from(PresenceSession)).scalar_one()
        assert count == 1
    finally:
        bram.store.close()
