"""The notifier: a failing or missing desktop channel is noted once and the alarm still
shows in the app; notification texts carry no address; sound and tray state."""

from __future__ import annotations

import logging
import wave
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from plyer.facades import Notification
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import Team
from tests.reminders.conftest import Harness
from tests.reminders.helpers import ADDRESS, running_visit
from veilig_huisbezoek.domain.reminders import Audience, ReminderKind
from veilig_huisbezoek.gui.alarm_panel import AlarmPanel
from veilig_huisbezoek.gui.hub import AppHub
from veilig_huisbezoek.reminders.notifier import (
    Notifier,
    TrayState,
    alarm_sound_path,
    plyer_notify,
)
from veilig_huisbezoek.services.alarms import AlarmInfo

pytestmark = pytest.mark.gui

MIN = timedelta(minutes=1)


def _alarm(
    kind: ReminderKind = ReminderKind.CALLBACK_DUE, *, raised_late: bool = False
) -> AlarmInfo:
    due = datetime(2026, 11, 23, 9, 10, tzinfo=UTC)
    return AlarmInfo(
        id=1,
        reminder_key="callback:1",
        kind=kind,
        audience=Audience.BUDDY,
        visit_id=5,
        callback_id=1,
        due_at=due,
        raised_at=due + (2 * 60 * MIN if raised_late else timedelta(0)),
        raised_late=raised_late,
        acknowledged_at=None,
        acknowledged_by="",
        visitor_first_name="Sanne",
        visitor_name="Sanne Visser",
        visitor_phone="+31612345678",
        address=ADDRESS,
    )


MakeNotifier = Callable[..., Notifier]


@pytest.fixture
def make_notifier(qapp: object) -> Iterator[MakeNotifier]:
    made: list[Notifier] = []

    def make(**options: Any) -> Notifier:
        notifier = Notifier(**options)
        made.append(notifier)
        return notifier

    yield make
    for notifier in made:
        notifier.shutdown()


def test_a_raising_desktop_channel_is_noted_once(
    make_notifier: MakeNotifier, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    attempts: list[str] = []

    def broken(**kwargs: object) -> None:
        attempts.append(str(kwargs["title"]))
        raise RuntimeError("org.freedesktop.Notifications was not provided by any service")

    notifier = make_notifier(notify=broken)
    failures: list[str] = []
    notifier.desktop_failed.connect(failures.append)
    with caplog.at_level(logging.WARNING, logger="veilig_huisbezoek.reminders.notifier"):
        for _ in range(3):
            notifier.alarm(_alarm())
            qtbot.waitUntil(lambda: not notifier.desktop_ok, timeout=2000)
            notifier.wait_idle()
        qtbot.wait(5)  # let the last queued delivery arrive
    assert len(attempts) == 3  # it keeps trying: a daemon may come back
    assert failures == ["Bureaubladmeldingen zijn niet beschikbaar; alarmen verschijnen in de app."]
    assert notifier.failure_noted
    records = [r for r in caplog.records if r.name.endswith("notifier")]
    assert len(records) == 1
    assert "RuntimeError" in records[0].getMessage()
    assert "Sanne" not in records[0].getMessage()
    assert notifier.sounds_played == 3 and notifier.tray_state is TrayState.ALARM


def test_no_plyer_backend_is_noted_once(make_notifier: MakeNotifier, qtbot: QtBot) -> None:
    # What plyer hands out when it finds neither D-Bus nor notify-send.
    notifier = make_notifier(notify=Notification().notify)
    notifier.alarm(_alarm())
    qtbot.waitUntil(lambda: notifier.failure_noted, timeout=2000)
    assert not notifier.desktop_ok and notifier.notifications_sent == 0


def test_a_working_channel_gets_text_without_address(
    make_notifier: MakeNotifier, qtbot: QtBot
) -> None:
    sent: list[dict[str, object]] = []
    notifier = make_notifier(notify=lambda **kwargs: sent.append(kwargs))
    notifier.alarm(_alarm(ReminderKind.OVERDUE_ALARM, raised_late=True))
    qtbot.waitUntil(lambda: notifier.notifications_sent == 1, timeout=2000)
    (kwargs,) = sent
    text = f"{kwargs['title']} {kwargs['message']}"
    assert "Te laat terug" in text and "Sanne" in text
    # 09:10 UTC is 10:10 in Amsterdam; "te laat" comes first, with the original time.
    assert kwargs["message"] == (
        "TE LAAT (oorspronkelijk 10:10): Sanne is nog niet terug. "
        "Open Veilig Huisbezoek voor de gegevens."
    )
    for private in ("Akerstraat", "6411", "Heerlen", "Visser", "0612345678", "+31"):
        assert private not in text
    assert notifier.desktop_ok and not notifier.failure_noted


def test_while_locked_the_notification_says_only_the_first_name(
    make_notifier: MakeNotifier, qtbot: QtBot
) -> None:
    sent: list[dict[str, object]] = []
    notifier = make_notifier(notify=lambda **kwargs: sent.append(kwargs))
    notifier.alarm(_alarm(ReminderKind.OVERDUE_ALARM, raised_late=True), locked=True)
    qtbot.waitUntil(lambda: notifier.notifications_sent == 1, timeout=2000)
    (kwargs,) = sent
    assert kwargs["message"] == "Alarm: bezoek van Sanne — ontgrendel voor details"
    assert kwargs["title"] == "Veilig Huisbezoek: Alarm"
    assert notifier.tray_state is TrayState.ALARM and notifier.sounds_played == 1


def test_plyer_is_resolved_quietly(qapp: object) -> None:
    # On a bare Linux plyer warns while looking for a backend; under
    # filterwarnings=error that would raise here if it were not swallowed.
    assert callable(plyer_notify())


def test_tray_state_follows_the_open_alarms(make_notifier: MakeNotifier) -> None:
    notifier = make_notifier(notify=lambda **_kwargs: None, repeat_ms=60_000)
    notifier.set_open_count(2)
    assert notifier.tray_state is TrayState.ALARM
    notifier.set_open_count(0)
    assert notifier.tray_state is TrayState.NORMAL


def test_the_alarm_sound_is_a_short_wav() -> None:
    with wave.open(str(alarm_sound_path())) as wav:
        seconds = wav.getnframes() / wav.getframerate()
        assert wav.getnchannels() == 1 and wav.getsampwidth() == 2
    assert 0.5 <= seconds <= 3


def test_in_app_alarm_shows_although_the_desktop_channel_fails(
    harness: Harness, team: Team, qtbot: QtBot, make_notifier: MakeNotifier
) -> None:
    start = team.clock.now() + 5 * MIN
    running_visit(team, start=start, end=start + 60 * MIN)
    buddy = harness.start("bram", start=False)
    hub = AppHub()
    window = QWidget()
    panel = AlarmPanel(buddy.ctx, hub, harness.task_runner(), window)
    qtbot.addWidget(window)
    window.show()

    def no_daemon(**_kwargs: object) -> None:
        raise NotImplementedError("No usable implementation found!")

    notifier = make_notifier(notify=no_daemon)
    buddy.scheduler.reminder_due.connect(panel.show_alarm)
    buddy.scheduler.reminder_due.connect(notifier.alarm)
    panel.open_count_changed.connect(notifier.set_open_count)
    buddy.scheduler.start()
    harness.advance(15 * MIN)
    buddy.scheduler.tick()
    qtbot.waitUntil(lambda: notifier.failure_noted, timeout=2000)
    assert panel.isVisible() and len(panel.rows) == 1
    assert panel.row_texts()[0].startswith("Terugbelmoment: bel nu Sanne Visser")
    assert notifier.tray_state is TrayState.ALARM
