"""The watch service's status line for leidinggevenden: green while it beats, red when
silent or failing, hidden when there is none."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from veilig_huisbezoek.gui import watch_line
from veilig_huisbezoek.services.watch import WatchStatus

pytestmark = pytest.mark.gui

BEAT = datetime(2026, 11, 23, 13, 3, 5, tzinfo=UTC)  # 14:03:05 in Amsterdam


@pytest.mark.parametrize(
    ("status", "text", "red"),
    [
        (WatchStatus(BEAT, "", False), "Wachtpost actief (14:03:05)", False),
        (WatchStatus(BEAT, "", True), "Wachtpost stil sinds 14:03:05", True),
        (
            WatchStatus(BEAT, "SMTP niet bereikbaar", False),
            "storing (14:03:05): SMTP niet bereikbaar",
            True,
        ),
    ],
)
def test_the_line_says_how_the_watch_is(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, status: WatchStatus, text: str, red: bool
) -> None:
    monkeypatch.setattr(watch_line, "watch_status", lambda _ctx: status)
    line = watch_line.WatchLine(object())  # type: ignore[arg-type]
    qtbot.addWidget(line)
    assert text in line.text() and not line.isHidden()
    assert ("#b71c1c" in line.styleSheet()) is red
    monkeypatch.setattr(watch_line, "watch_status", lambda _ctx: None)
    line.refresh()
    assert line.isHidden()
    line.stop()


def test_the_status_is_read_off_the_gui_thread(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a team server the read is a network round trip: it runs on the task runner."""
    import threading

    from veilig_huisbezoek.gui.tasks import TaskRunner

    readers: list[threading.Thread] = []

    def status(_ctx: object) -> WatchStatus:
        readers.append(threading.current_thread())
        return WatchStatus(BEAT, "", False)

    monkeypatch.setattr(watch_line, "watch_status", status)
    tasks = TaskRunner()
    line = watch_line.WatchLine(object(), tasks)  # type: ignore[arg-type]
    qtbot.addWidget(line)
    qtbot.waitUntil(lambda: "Wachtpost actief (14:03:05)" in line.text(), timeout=5_000)
    assert readers and all(t is not threading.main_thread() for t in readers)
    line.stop()
    tasks.shutdown()
