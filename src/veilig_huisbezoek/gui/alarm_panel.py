"""The in-app alarm: red, big and impossible to miss; it stays until acknowledged.

One row per open alarm (most urgent kind first, then newest), each with a symbol and
words (never colour alone), a **Bevestigen** button (recorded: who, when) and a
**Bellen** button that opens the call dialog through the hub. An escalation or an
emergency (a buddy's call ended in police or escalation) adds a banner on top. In
locked mode a row only says ``Alarm: bezoek van <voornaam> — ontgrendel voor
details``: no address, no other names, no title or banner, no buttons, until someone
unlocks.

While the team server is unreachable the scheduler fires alarms from its last known
schedule without recording them (``AlarmInfo.recorded`` False): their rows end with
``(nog niet vastgelegd — geen verbinding)`` and have no Bellen button (the call
dialog needs the server; the phone number is in the text). Acknowledging one hides it
here and emits ``acknowledged_locally``: the scheduler records the acknowledgement
(who, the original moment) right after the alarm itself once the server is back; so
too for an alarm recorded before the connection dropped. When
it is recorded, ``alarm_recorded`` swaps the row for the recorded alarm (no second
sound); a reload never drops a row that is not recorded yet.

The visitor sees the alarms about their own visit that are meant for someone else
(``AlarmInfo.for_visitor``: the buddy's call-back and overdue alarms, escalations), in
amber, for information: which visit (street and number), who is alarmed and a
**Terugmelden…** button; no acknowledgement, no sound (they do not count as open
alarms), and nothing while locked (a laptop taken along shows nothing to the client).
They stop when the buddy or a leidinggevende acknowledges, on every workstation.

**Buddy niet bereikbaar** (failover, docs/design.md §4a): a running visit nobody watches. Its
row has an **Overnemen** button: the first to press it becomes the buddy
(``services.handover.take_over``), the alarm is recorded as done and disappears on
every desk; someone quicker gets "Petra heeft dit al overgenomen".

**Taking charge**: acknowledging an alarm means taking charge of it. While the visit
runs, the others who saw the alarm (the buddy, the leidinggevenden, the visitor's
information row) keep a quiet line instead of the alarm ("✓ Petra handelt dit af
(14:05): …"): no sound, no buttons, not counted as open, not shown while locked.

What each row says (and what a screen reader hears) is written by ``AlarmTexts``
(``alarm_texts``); the panel keeps the rows, the buttons and what they do.

Database work runs on the task runner, never on the GUI thread (on a team server each
read or write is a round trip that would freeze the window): refreshes are coalesced
(one under way, at most one more asked for meanwhile) and a failed read keeps the rows
shown (an alarm never disappears because of a read error). An acknowledgement shows its
row as being saved (**Bezig met opslaan…**); a refusal or failure says so in the row and
the alarm stays.
"""

from __future__ import annotations

import logging
from typing import cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..domain.incident import deadline_incident_id
from ..domain.reminders import ReminderKind, deadline_key
from ..services import alarms as alarm_service
from ..services.alarms import AlarmInfo
from ..services.context import ServiceContext
from .alarm_actions import AlarmActions
from .alarm_texts import IN_HAND_SYMBOL, SYMBOL, VISITOR_SYMBOL, AlarmTexts
from .hub import AppHub
from .readout import ReadoutLabel, announce
from .screen_fit import available_geometry
from .tasks import TaskRunner

log = logging.getLogger(__name__)


_STYLE = """
QFrame#alarmPanel { background: #b71c1c; border: 4px solid #ffeb3b; border-radius: 6px; }
QFrame#alarmPanel QLabel { color: white; font-size: 15pt; font-weight: bold; }
QFrame#alarmPanel QLabel#alarmTitle { font-size: 18pt; }
QFrame#alarmPanel QLabel#alarmIcon {
    background: #ffeb3b; color: #000000; font-size: 22pt; border-radius: 4px;
    min-width: 44px; max-width: 44px; min-height: 40px;
}
QFrame#alarmPanel QLabel#escalationBanner {
    background: #ffeb3b; color: #000000; padding: 6px; font-size: 16pt;
}
QFrame#alarmPanel QLabel#alarmProblem { font-size: 11pt; font-weight: normal; }
QFrame#alarmRow { border-top: 1px solid #ef9a9a; }
QScrollArea#alarmRowsArea, QWidget#alarmRows { background: transparent; }
QFrame#alarmPanel QPushButton {
    background: white; color: #b71c1c; font-size: 13pt; font-weight: bold;
    padding: 6px 14px; border-radius: 4px;
}
QFrame#alarmPanel QPushButton:focus { border: 3px solid #000000; }
QFrame#alarmPanel[informational="true"] { background: #ffe8a3; border-color: #8a5a00; }
QFrame#alarmPanel[informational="true"] QLabel#alarmTitle { color: #3d2800; }
QFrame#alarmRow[forVisitor="true"] { background: #ffe8a3; border: 2px solid #8a5a00; }
QFrame#alarmRow[forVisitor="true"] QLabel { color: #3d2800; }
QFrame#alarmRow[forVisitor="true"] QLabel#alarmIcon { background: #8a5a00; color: white; }
QFrame#alarmRow[forVisitor="true"] QPushButton { color: #3d2800; border: 1px solid #8a5a00; }
QFrame#alarmRow[inHand="true"] { background: #eceff1; border: 2px solid #455a64; }
QFrame#alarmRow[inHand="true"] QLabel { color: #1c2a30; font-size: 12pt; font-weight: normal; }
QFrame#alarmRow[inHand="true"] QLabel#alarmIcon { background: #455a64; color: white; }
"""


def _restyle(widget: QWidget, name: str, value: bool) -> None:
    """Set a style sheet property and re-apply the style (Qt does not on its own)."""
    if widget.property(name) != value:
        widget.setProperty(name, value)
        widget.style().unpolish(widget)
        widget.style().polish(widget)
        for child in widget.findChildren(QWidget):
            child.style().unpolish(child)
            child.style().polish(child)


class AlarmRow(QFrame):
    def __init__(self, alarm: AlarmInfo, text: str, locked: bool, parent: QWidget) -> None:
        super().__init__(parent)
        self.alarm = alarm
        self.setObjectName("alarmRow")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 6)
        # The symbol in its own label: the words stay exactly what is said (and read out).
        self.icon = QLabel(SYMBOL)
        self.icon.setObjectName("alarmIcon")
        self.icon.setAccessibleName(self.tr("Waarschuwing"))
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        # Read out as shown (the name follows the text).
        self.label = ReadoutLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        # What went wrong with this row's acknowledgement (the alarm stays).
        self.problem = ReadoutLabel()
        self.problem.setObjectName("alarmProblem")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setVisible(False)
        texts = QVBoxLayout()
        texts.setContentsMargins(0, 0, 0, 0)
        texts.addWidget(self.label)
        texts.addWidget(self.problem)
        layout.addLayout(texts, 1)
        self.call_button = QPushButton(self.tr("Bellen"))
        self.call_button.setAccessibleName(self.tr("Bellen over dit alarm"))
        self.acknowledge_button = QPushButton(self.tr("Bevestigen"))
        self.acknowledge_button.setAccessibleName(self.tr("Alarm bevestigen: u handelt het af"))
        self.acknowledge_button.setToolTip(
            self.tr(
                "Bevestig dat u dit alarm afhandelt; dit wordt vastgelegd en de anderen zien "
                "dat u het doet."
            )
        )
        self.open_button = QPushButton(self.tr("Openen"))
        self.open_button.setAccessibleName(self.tr("Incident openen"))
        self.take_over_button = QPushButton(self.tr("Overnemen"))
        self.take_over_button.setAccessibleName(self.tr("Bezoek overnemen: u wordt de buddy"))
        self.take_over_button.setToolTip(
            self.tr("U wordt de buddy van dit bezoek; de anderen zien dat u het overneemt.")
        )
        self.report_button = QPushButton(self.tr("Terugmelden…"))
        self.report_button.setAccessibleName(self.tr("Terugmelden van uw bezoek"))
        self.report_button.setToolTip(
            self.tr("Bent u terug? Meld u terug in Mijn bezoeken; dan stopt het alarm.")
        )
        layout.addWidget(self.take_over_button)
        layout.addWidget(self.call_button)
        layout.addWidget(self.open_button)
        layout.addWidget(self.report_button)
        layout.addWidget(self.acknowledge_button)
        self.saving = False
        self.update_alarm(alarm, text, locked)

    def set_saving(self, saving: bool) -> None:
        """While the acknowledgement is being saved: the button says so and waits."""
        self.saving = saving
        self.acknowledge_button.setEnabled(not saving)
        self.acknowledge_button.setText(
            self.tr("Bezig met opslaan…") if saving else self.tr("Bevestigen")
        )
        if saving:
            self.problem.setVisible(False)

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(True)

    def update_alarm(self, alarm: AlarmInfo, text: str, locked: bool) -> None:
        self.alarm = alarm
        if self.label.text() != text:
            self.label.setText(text)
        deadline = alarm.kind is ReminderKind.DEADLINE
        online = alarm.recorded  # not recorded: the server is unreachable
        held = alarm.acknowledged  # someone else handles it: a quiet line
        recipient = not alarm.for_visitor and not held
        _restyle(self, "inHand", held)
        _restyle(self, "forVisitor", alarm.for_visitor and not held)
        if held:
            self.icon.setText(IN_HAND_SYMBOL)
            self.icon.setAccessibleName(self.tr("In behandeling"))
        else:
            self.icon.setText(SYMBOL if recipient else VISITOR_SYMBOL)
            self.icon.setAccessibleName(
                self.tr("Waarschuwing") if recipient else self.tr("Melding")
            )
        failover = alarm.kind is ReminderKind.BUDDY_UNREACHABLE
        self.take_over_button.setVisible(
            recipient
            and not locked
            and online
            and failover
            and alarm.visit_id is not None
            and alarm.buddy_id is not None
        )
        # A failover's action is Overnemen (then the call dialog is the new buddy's).
        self.call_button.setVisible(
            recipient
            and not locked
            and online
            and not deadline
            and not failover
            and alarm.visit_id is not None
        )
        self.open_button.setVisible(
            recipient and not locked and online and self.incident_id is not None
        )
        self.report_button.setVisible(alarm.for_visitor and not held and not locked and online)
        self.acknowledge_button.setVisible(recipient and not locked)
        self.acknowledge_button.setToolTip(
            self.tr(
                "Bevestig dat u dit alarm afhandelt; dit wordt vastgelegd en de anderen zien "
                "dat u het doet."
            )
            if online
            else self.tr(
                "Bevestig dat u het alarm gezien hebt; dit wordt vastgelegd zodra de "
                "verbinding met de teamserver terug is."
            )
        )

    @property
    def incident_id(self) -> int | None:
        if self.alarm.kind is not ReminderKind.DEADLINE:
            return None
        return deadline_incident_id(self.alarm.reminder_key.removeprefix(deadline_key("")))


MAX_VISIBLE_ROWS = 3
# The panel (banner, title and rows) takes at most this share of the screen's height
# (but always the whole first row): on a small screen the workspace below, with the
# call button, stays usable.
ROWS_SCREEN_SHARE = 0.25
# Alarms another desk records and no schedule raises: the panel finds them on a reload
# and has them sounded (the departure without a reachable buddy, for the leidinggevenden).
UNSCHEDULED_KINDS = frozenset({ReminderKind.UNWATCHED_DEPARTURE})


class AlarmPanel(QFrame):
    # An alarm was acknowledged (alarm id).
    acknowledged = Signal(int)
    # A local alarm (not recorded: the server is unreachable) was acknowledged here
    # (AlarmInfo); the scheduler records it when the server is back.
    acknowledged_locally = Signal(object)
    # The number of open alarms changed (for the tray and the repeating sound).
    open_count_changed = Signal(int)
    # An alarm no schedule raises (another desk recorded it) appeared here (AlarmInfo):
    # sound, desktop and window as for a fired one.
    arrived = Signal(object)

    # A refresh has been applied (or failed and left the rows as they were).
    refreshed = Signal()

    def __init__(
        self,
        ctx: ServiceContext,
        hub: AppHub,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.hub = hub
        self.tasks = tasks
        # A refresh is under way on the worker; another was asked for meanwhile.
        self._refreshing = False
        self._refresh_again = False
        # Alarms shown (fired) while a refresh was under way, by reminder key: a read
        # that started before they were recorded must not drop them.
        self._shown_meanwhile: dict[str, AlarmInfo] = {}
        # Acknowledgements being saved (alarm ids).
        self._saving: set[int] = set()
        self.row_actions = AlarmActions(self)
        self._alarms: list[AlarmInfo] = []
        # Shown but not recorded (server unreachable), by reminder key.
        self._local: dict[str, AlarmInfo] = {}
        # Acknowledged here while the server was unreachable, not recorded yet: a reload
        # must not bring them back meanwhile.
        self._acknowledged_offline: dict[str, AlarmInfo] = {}
        self._locked = False
        self._count = 0
        self.rows: list[AlarmRow] = []
        self._rows_by_id: dict[int, AlarmRow] = {}
        # Alarms (reminder keys) a screen reader was told about while they are shown.
        self._announced: set[str] = set()
        # Unscheduled alarms (ids) already passed on through ``arrived``.
        self._arrived: set[int] = set()
        self.texts = AlarmTexts(ctx, hub, self)
        self.setObjectName("alarmPanel")
        self.setStyleSheet(_STYLE)
        self.setAccessibleName(self.tr("Alarmen"))
        layout = QVBoxLayout(self)
        self.banner = ReadoutLabel()
        self.banner.setObjectName("escalationBanner")
        self.banner.setWordWrap(True)
        self.banner.setVisible(False)
        layout.addWidget(self.banner)
        self.title = ReadoutLabel()
        self.title.setObjectName("alarmTitle")
        layout.addWidget(self.title)
        # The rows scroll beyond MAX_VISIBLE_ROWS so that many alarms never push the
        # workspace (and the call button) off the screen; the most urgent come first.
        rows_box = QWidget()
        rows_box.setObjectName("alarmRows")
        self._rows_box = rows_box
        self._rows_layout = QVBoxLayout(rows_box)
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        self.rows_area = QScrollArea()
        self.rows_area.setObjectName("alarmRowsArea")
        self.rows_area.setWidgetResizable(True)
        self.rows_area.setFrameShape(QFrame.Shape.NoFrame)
        self.rows_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.rows_area.setWidget(rows_box)
        self.rows_area.setAccessibleName(self.tr("Open alarmen"))
        layout.addWidget(self.rows_area)
        self.problem = ReadoutLabel()
        self.problem.setObjectName("alarmProblem")
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        layout.addWidget(self.problem)
        self.setVisible(False)
        # Who watches each visit ("Ahmed kijkt mee"): the rows follow every heartbeat.
        hub.presence_changed.connect(self._presence_changed)

    # ---- public -------------------------------------------------------------------------
    @property
    def alarms(self) -> list[AlarmInfo]:
        return list(self._alarms)

    def visit_ids(self) -> frozenset[int]:
        """The visits of the alarms shown."""
        return frozenset(a.visit_id for a in self._alarms if a.visit_id is not None)

    @property
    def locked(self) -> bool:
        return self._locked

    @property
    def open_count(self) -> int:
        """Open alarms for this person (not the visitor's information rows)."""
        return self._count

    def row_texts(self) -> list[str]:
        return [row.label.text() for row in self.rows]

    @property
    def busy(self) -> bool:
        """A refresh or an acknowledgement is under way (or a refresh still to come)."""
        return self._refreshing or self._refresh_again or bool(self._saving)

    def refresh(self) -> None:
        """Reload the open alarms on the task runner (not while the team server is
        unreachable: the alarms shown stay, and it is refreshed when the server is back).

        Coalesced: while one is under way, one more runs after it, however often asked."""
        if self.hub.offline:
            return
        if self._refreshing:
            self._refresh_again = True
            return
        ctx = self.ctx

        def job() -> tuple[list[AlarmInfo], list[AlarmInfo]]:
            return alarm_service.panel_alarms(ctx)

        self._refreshing = True
        self._shown_meanwhile = {}
        try:
            self.tasks.run(job, self._refreshed, self._refresh_failed, owner=self)
        except RuntimeError:
            # The task runner is shut down: the window is closing.
            self._refreshing = self._refresh_again = False

    def _refreshed(self, result: object) -> None:
        found, held = cast(tuple[list[AlarmInfo], list[AlarmInfo]], result)
        # Fired while the read was under way: not in it yet, but it stays.
        keys = {a.reminder_key for a in found}
        found += [a for k, a in self._shown_meanwhile.items() if k not in keys]
        # Local alarms stay until recorded; one recorded meanwhile replaces its row.
        keys = {a.reminder_key for a in found}
        self._local = {k: a for k, a in self._local.items() if k not in keys}
        found = [a for a in found if a.reminder_key not in self._acknowledged_offline]
        # Who handles what comes after the open alarms (quiet lines).
        self._alarms = [
            *alarm_service.by_urgency([*found, *self._local.values()]),
            *held,
        ]
        self._render()
        for alarm in self._alarms:
            if (
                alarm.kind in UNSCHEDULED_KINDS
                and not (alarm.acknowledged or alarm.for_visitor)
                and alarm.id not in self._arrived
            ):
                self._arrived.add(alarm.id)
                self.arrived.emit(alarm)
        self._refresh_done()

    def _refresh_failed(self, error: BaseException) -> None:
        # Keep showing what we have; an alarm never disappears because of a read error.
        log.warning("open alarms not refreshed (%s)", type(error).__name__)
        self._render()
        self._refresh_done()

    def _refresh_done(self) -> None:
        self._refreshing = False
        self._shown_meanwhile = {}
        if self._refresh_again:
            self._refresh_again = False
            self.refresh()
        self.refreshed.emit()

    def show_alarm(self, alarm: AlarmInfo) -> None:
        """Slot for ``ReminderScheduler.reminder_due``: add (or update) this alarm's row.

        The alarm comes fresh from the database, so no re-read is needed; ``refresh()``
        picks up alarms acknowledged elsewhere.
        """
        if not alarm.recorded:
            self._local[alarm.reminder_key] = alarm
        else:
            self._local.pop(alarm.reminder_key, None)
        if self._refreshing:
            if alarm.acknowledged:
                self._shown_meanwhile.pop(alarm.reminder_key, None)
            else:
                self._shown_meanwhile[alarm.reminder_key] = alarm
        others = [
            a for a in self._alarms if a.id != alarm.id and a.reminder_key != alarm.reminder_key
        ]
        self._alarms = alarm_service.by_urgency(others if alarm.acknowledged else [*others, alarm])
        self._render()

    def alarm_recorded(self, local: AlarmInfo, recorded: AlarmInfo | None) -> None:
        """Slot for ``ReminderScheduler.local_alarm_recorded``: the local alarm is on the
        server now; its row becomes the recorded alarm's (gone if acknowledged). No sound:
        it was heard when it fired. ``recorded`` None (refused): the local row stays.
        Also for a recorded alarm acknowledged here while the server was unreachable:
        that acknowledgement is now on the server too."""
        if recorded is None:
            if self._acknowledged_offline.pop(local.reminder_key, None) is not None:
                self.refresh()  # refused: still open, so it shows again
            return
        self._local.pop(local.reminder_key, None)
        self._acknowledged_offline.pop(local.reminder_key, None)
        self.show_alarm(recorded)  # replaces the row by key; acknowledged: removes it

    def set_locked(self, locked: bool) -> None:
        """Locked: rows show only whose visit it is; no address, no other names."""
        if locked != self._locked:
            self._locked = locked
            self.problem.setVisible(False)
            self._render()

    def _presence_changed(self, _snapshot: object) -> None:
        if self._alarms and not self._locked:
            self._render()

    # ---- texts (AlarmTexts) -------------------------------------------------------------
    def watch_text(self, alarm: AlarmInfo) -> str:
        """ "Ahmed kijkt mee." / "Niemand kijkt mee sinds 14:02." (see AlarmTexts)."""
        return self.texts.watch_text(alarm, locked=self._locked)

    def alarm_text(self, alarm: AlarmInfo) -> str:
        return self.texts.alarm_text(alarm, locked=self._locked)

    def in_hand_text(self, alarm: AlarmInfo) -> str:
        return self.texts.in_hand_text(alarm)

    def spoken_alarm(self, alarm: AlarmInfo) -> str:
        """What a screen reader says when the alarm appears: its row and what to do."""
        return self.texts.spoken_alarm(alarm, locked=self._locked)

    # ---- internals ----------------------------------------------------------------------
    def _render(self) -> None:
        """Bring the rows in line with ``self._alarms``; existing rows are reused.
        Rows for the visitor are left out while locked and are not counted as open."""
        shown = [
            a for a in self._alarms if not ((a.for_visitor or a.acknowledged) and self._locked)
        ]
        wanted = {a.id for a in shown}
        for alarm_id in [i for i in self._rows_by_id if i not in wanted]:
            row = self._rows_by_id.pop(alarm_id)
            self._rows_layout.removeWidget(row)
            row.hide()
            row.deleteLater()
        rows: list[AlarmRow] = []
        new: list[AlarmInfo] = []
        for index, alarm in enumerate(shown):
            text = self.alarm_text(alarm)
            existing = self._rows_by_id.get(alarm.id)
            if alarm.reminder_key not in self._announced:
                new.append(alarm)
            if existing is None:
                row = AlarmRow(alarm, text, self._locked, self)
                row.acknowledge_button.clicked.connect(
                    lambda _checked=False, r=row: self.row_actions.acknowledge(r.alarm.id)
                )
                row.call_button.clicked.connect(lambda _checked=False, r=row: self._call(r.alarm))
                row.open_button.clicked.connect(lambda _checked=False, r=row: self._open(r))
                row.report_button.clicked.connect(
                    lambda _checked=False, r=row: self._report_back(r.alarm)
                )
                row.take_over_button.clicked.connect(
                    lambda _checked=False, r=row: self.row_actions.take_over(r.alarm)
                )
                self._rows_by_id[alarm.id] = row
                row.set_saving(alarm.id in self._saving)
            else:
                row = existing
                row.update_alarm(alarm, text, self._locked)
            if self._rows_layout.indexOf(row) != index:
                self._rows_layout.removeWidget(row)
                self._rows_layout.insertWidget(index, row)
            row.show()  # at once, not on the next layout pass
            rows.append(row)
        self.rows = rows
        self._fit_rows_area()
        alarming = [a for a in shown if not a.for_visitor and not a.acknowledged]
        count = len(alarming)
        escalations = sum(1 for a in alarming if a.kind is ReminderKind.ESCALATION)
        emergencies = sum(1 for a in alarming if a.kind is ReminderKind.EMERGENCY)
        informational = count == 0 and bool(shown)
        only_in_hand = informational and all(a.acknowledged for a in shown)
        _restyle(self, "informational", informational)
        # Locked: only the rows' one line each; no banner or title with more to tell.
        banner_before = self.banner.isVisibleTo(self)
        self.banner.setVisible((escalations or emergencies) > 0 and not self._locked)
        self.banner.setText(
            self.tr("{symbol} NOODSITUATIE: een buddy heeft alarm geslagen").format(symbol=SYMBOL)
            if emergencies
            else self.tr("{symbol} ESCALATIE: {count} alarm(en) niet op tijd bevestigd").format(
                symbol=SYMBOL, count=escalations
            )
        )
        self.title.setVisible(not self._locked)
        self.title.setText(
            self.tr("{symbol} In behandeling bij een collega").format(symbol=IN_HAND_SYMBOL)
            if only_in_hand
            else self.tr("{symbol} Melding over uw bezoek").format(symbol=VISITOR_SYMBOL)
            if informational
            else self.tr("{symbol} ALARM — {count} open; blijft staan tot u bevestigt").format(
                symbol=SYMBOL, count=count
            )
        )
        self.setVisible(bool(shown))
        # A screen reader says what appeared (the sound and the red are not heard by all).
        spoken = [self.banner.text()] if self.banner.isVisibleTo(self) and not banner_before else []
        spoken += [self.spoken_alarm(a) for a in new]
        self._announced = {a.reminder_key for a in shown}
        if spoken:
            announce(self, " ".join(spoken))
        if count != self._count:
            self._count = count
            self.open_count_changed.emit(count)

    def row_height(self, row: AlarmRow) -> int:
        """The row's height at the width it gets here (the text wraps)."""
        width = self.rows_area.viewport().width()
        if width > 0 and row.hasHeightForWidth():
            return row.heightForWidth(width)
        return row.sizeHint().height()

    def _fit_rows_area(self) -> None:
        """Room for the first rows (fewer on a small screen); the rows' box as tall as
        all of them (wrapped text has no size hint a scroll area can use, so rows would
        be squeezed flat)."""
        spacing = max(0, self._rows_layout.spacing())
        heights = [self.row_height(row) for row in self.rows]

        def total(parts: list[int]) -> int:
            return sum(parts) + spacing * max(0, len(parts) - 1)

        self._rows_box.setMinimumHeight(total(heights))
        # The banner and the title come out of the same share of the screen.
        above = sum(
            label.sizeHint().height()
            for label in (self.banner, self.title)
            if label.isVisibleTo(self)
        )
        room = int(available_geometry(self).height() * ROWS_SCREEN_SHARE) - above
        first = heights[0] if heights else 0
        self.rows_area.setFixedHeight(min(total(heights[:MAX_VISIBLE_ROWS]), max(first, room)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_rows_area()

    def acknowledge_locally(self, alarm: AlarmInfo) -> None:
        """The server is unreachable: hidden here, recorded (who, now) when it is back."""
        self._local.pop(alarm.reminder_key, None)
        self._acknowledged_offline[alarm.reminder_key] = alarm
        self._alarms = [a for a in self._alarms if a.id != alarm.id]
        self.problem.setVisible(False)
        self._render()
        self.acknowledged_locally.emit(alarm)
        self.hub.status_message.emit(
            self.tr("Alarm bevestigd; dit wordt vastgelegd zodra de verbinding terug is.")
        )

    def _report_back(self, alarm: AlarmInfo) -> None:
        if not self._locked and alarm.visit_id is not None:
            self.hub.report_back_requested.emit(alarm.visit_id)

    def _open(self, row: AlarmRow) -> None:
        if not self._locked and row.incident_id is not None:
            self.hub.show_incident.emit(row.incident_id)

    def _call(self, alarm: AlarmInfo) -> None:
        if self._locked or alarm.visit_id is None:
            return
        self.hub.call_requested.emit(alarm.visit_id, alarm.callback_id)
