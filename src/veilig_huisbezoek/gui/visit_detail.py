"""The whole story of one visit: header, assessment, plan, consent and a timeline.

The timeline merges the visit's events, its call-back moments and the buddy's calls in
order of time. Alarms raised by the reminders (marked, with their kind and whether they
came late) and their acknowledgements (who, when) are events too. Event kinds this
version does not know are shown generically, never dropped.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ..domain.call_outcome import CallAction, NameUsed
from ..domain.checklist import Answer, Checklist, ChecklistFormatError, RiskLevel, default_checklist
from ..domain.clock import to_local
from ..domain.phone import format_phone
from ..domain.reminders import ReminderKind
from ..services.context import ServiceContext
from ..services.visit_details import (
    CallbackInfo,
    CallInfo,
    EventInfo,
    Person,
    VisitDetail,
    get_visit_detail,
)
from .forms import setup_form
from .forms_generated.ui_visit_detail import Ui_VisitDetailDialog
from .i18n import domain_text, failure_text, stored_reason_text
from .look import scaled_font
from .screen_fit import fit_to_screen
from .table_model import RowTableModel
from .tasks import TaskRunner

Index = QModelIndex | QPersistentModelIndex

_ALARM_ACTIONS = frozenset({CallAction.CALL_112, CallAction.CALL_POLICE, CallAction.ESCALATE})
_ALARM_EVENTS = frozenset({"terug_incident", "geescaleerd", "alarm"})
# services.alarms: "alarm" when a reminder fired (detail: its kind, plus " te_laat"
# when raised late), "alarm_bevestigd" when someone acknowledged it (detail: the kind).
_RAISED_LATE_SUFFIX = " te_laat"
_LEVEL_MARK = {RiskLevel.GROEN: "●", RiskLevel.ORANJE: "▲", RiskLevel.ROOD: "■"}
_LEVEL_COLOURS = {
    RiskLevel.GROEN: "#dcefdc",
    RiskLevel.ORANJE: "#ffe2b8",
    RiskLevel.ROOD: "#f6d0d3",
}
_ALARM_BACKGROUND = QColor("#f6d0d3")
_DARK_TEXT = QColor("#1a1a1a")


@lru_cache(maxsize=1)
def _checklist() -> Checklist | None:
    try:
        return default_checklist()
    except ChecklistFormatError:
        return None


def _time(value: datetime) -> str:
    return to_local(value).strftime("%d-%m-%Y %H:%M")


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    what: str
    who: str
    detail: str
    alarm: bool = False
    planned: bool = False  # a call-back moment (a plan), not something that happened


class TimelineModel(RowTableModel[TimelineEntry]):
    """Columns: Tijd, Gebeurtenis, Wie, Toelichting; oldest first."""

    def __init__(self, detail: VisitDetail, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (
            self.tr("Tijd"),
            self.tr("Gebeurtenis"),
            self.tr("Wie"),
            self.tr("Toelichting"),
        )
        self._rows = self.build(detail)

    # ---- building ---------------------------------------------------------------
    def build(self, detail: VisitDetail) -> list[TimelineEntry]:
        keyed: list[tuple[datetime, int, int, TimelineEntry]] = []
        call_times = {call.called_at for call in detail.calls}
        for n, event in enumerate(detail.events):
            if event.kind == "gebeld" and event.at in call_times:
                continue  # the call itself is listed with all its answers
            keyed.append((event.at, 2, n, self._event(event, detail)))
        for n, callback in enumerate(detail.callbacks):
            keyed.append((callback.due_at, 0, n, self._callback(callback, detail)))
        for n, call in enumerate(detail.calls):
            keyed.append((call.called_at, 1, n, self._call(call)))
        keyed.sort(key=lambda item: item[:3])
        return [entry for *_key, entry in keyed]

    def event_label(self, kind: str) -> str:
        labels = {
            "aangemaakt": self.tr("Bezoek aangemaakt"),
            "toestemming": self.tr("Toestemming leidinggevende"),
            "gepland": self.tr("Ingepland"),
            "vertrokken": self.tr("Vertrokken"),
            "gebeld": self.tr("Gebeld"),
            "terug_veilig": self.tr("Terug, veilig"),
            "terug_incident": self.tr("Terug, er was een incident"),
            "geescaleerd": self.tr("Geëscaleerd"),
            "afgesloten": self.tr("Afgesloten"),
            "alarm": self.tr("Alarm"),
            "alarm_bevestigd": self.tr("Alarm bevestigd"),
            "buddy_gewijzigd": self.tr("Andere buddy bij vertrek"),
            "zonder_buddy": self.tr("Vertrokken zonder bereikbare buddy"),
        }
        label = labels.get(kind)
        if label is None:  # a kind from a later version: show it plainly
            label = kind.replace("_", " ").strip().capitalize() or self.tr("Gebeurtenis")
        return label

    def _event(self, event: EventInfo, detail: VisitDetail) -> TimelineEntry:
        text = event.detail
        if event.kind == "aangemaakt" and event.detail in {level.value for level in RiskLevel}:
            level = domain_text(RiskLevel(event.detail).label)
            text = self.tr("Risiconiveau {level}").format(level=level)
        elif event.kind == "toestemming" and detail.consent_reason:
            text = self.tr("Reden: {reason}").format(reason=detail.consent_reason)
        elif event.kind == "buddy_gewijzigd":
            text = ""  # account numbers; the buddy now is in the visit's heading
        elif event.kind == "zonder_buddy":
            text = self.tr("Reden: {reason}").format(reason=event.detail)
        elif event.kind == "gebeld" and event.detail in {a.value for a in CallAction}:
            text = domain_text(CallAction(event.detail).title)
        elif event.kind in ("alarm", "alarm_bevestigd"):
            text = self._alarm_detail(event.detail)
        alarm = event.kind in _ALARM_EVENTS
        what = self.event_label(event.kind)
        return TimelineEntry(event.at, f"⚠ {what}" if alarm else what, event.actor, text, alarm)

    def _alarm_detail(self, detail: str) -> str:
        """ "terugbellen te_laat" → "Terugbelmoment (te laat)"; unknown text stays."""
        raised_late = detail.endswith(_RAISED_LATE_SUFFIX)
        value = detail.removesuffix(_RAISED_LATE_SUFFIX)
        kinds = {
            ReminderKind.CALLBACK_DUE.value: self.tr("Terugbelmoment"),
            ReminderKind.OVERDUE_ALARM.value: self.tr("Te laat terug"),
            ReminderKind.ESCALATION.value: self.tr("Escalatie naar leidinggevenden"),
            ReminderKind.DEADLINE.value: self.tr("Termijn"),
            ReminderKind.EMERGENCY.value: self.tr("Noodsituatie, aan leidinggevenden"),
            ReminderKind.UNWATCHED_DEPARTURE.value: self.tr(
                "Vertrokken zonder bereikbare buddy, aan leidinggevenden"
            ),
        }
        if value not in kinds:
            return detail
        text = kinds[value]
        return self.tr("{kind} (te laat)").format(kind=text) if raised_late else text

    def _callback(self, callback: CallbackInfo, detail: VisitDetail) -> TimelineEntry:
        kinds = {
            "gepland": self.tr("Terugbelmoment"),
            "herhaling": self.tr("Opnieuw bellen (niet bereikt)"),
            "eerder": self.tr("Eerder terugbellen"),
        }
        statuses = {
            "open": self.tr("open"),
            "gedaan": self.tr("gedaan"),
            "vervallen": self.tr("vervallen"),
        }
        return TimelineEntry(
            callback.due_at,
            kinds.get(callback.kind, self.tr("Terugbelmoment")),
            detail.buddy.display_name,
            statuses.get(callback.status, callback.status),
            planned=True,
        )

    def _yes_no(self, value: bool | None) -> str:
        if value is None:
            return self.tr("niet beantwoord")
        return self.tr("ja") if value else self.tr("nee")

    def _call(self, call: CallInfo) -> TimelineEntry:
        action: CallAction | None
        try:
            action = CallAction(call.action)
        except ValueError:
            action = None
        result = domain_text(action.title) if action is not None else call.action
        alarm = action in _ALARM_ACTIONS
        if not call.reached:
            what = self.tr("Gebeld: niet bereikt")
            text = self.tr("Actie: {action}").format(action=result)
        else:
            what = self.tr("Gebeld: opgenomen")
            name = {
                NameUsed.VOORNAAM.value: self.tr("met voornaam (alles goed)"),
                NameUsed.ACHTERNAAM.value: self.tr("met ACHTERNAAM (foute boel)"),
            }.get(call.name_used or "", self.tr("naam niet vastgelegd"))
            alarm = alarm or call.name_used == NameUsed.ACHTERNAAM.value
            text = self.tr(
                "Opgenomen {name}; vrijuit praten: {vrijuit}; politie gewenst: {politie}. "
                "Actie: {action}"
            ).format(
                name=name,
                vrijuit=self._yes_no(call.vrijuit),
                politie=self._yes_no(call.politie),
                action=result,
            )
        return TimelineEntry(
            call.called_at, f"⚠ {what}" if alarm else what, call.buddy, text, alarm
        )

    # ---- Qt model API -------------------------------------------------------------
    def entries(self) -> list[TimelineEntry]:
        return list(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (_time(entry.at), entry.what, entry.who, entry.detail)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 3:
            return entry.detail or None
        if entry.alarm and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(_ALARM_BACKGROUND)
        if entry.alarm and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(_DARK_TEXT)
        if role == Qt.ItemDataRole.FontRole and (entry.alarm or entry.planned):
            font = QFont()
            font.setBold(entry.alarm)
            font.setItalic(entry.planned)
            return font
        return None


class VisitDetailDialog(QDialog):
    """One visit in full. Build it with a loaded :class:`VisitDetail` (tests) or use
    :meth:`show_for`, which loads the visit and shows the window without blocking."""

    def __init__(self, detail: VisitDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail = detail
        self.setWindowTitle(
            self.tr("Bezoek {address} — details").format(address=detail.address.short())
        )
        self.ui = Ui_VisitDetailDialog()
        self.form = setup_form(self.ui, QWidget(self))
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        self.address_label = self.ui.addressLabel
        self.status_label = self.ui.statusLabel
        self.people_label = self.ui.peopleLabel
        self.times_label = self.ui.timesLabel
        self.splitter = self.ui.splitter
        self.timeline_table = self.ui.timelineTable
        self.info_view = self.ui.infoView
        self.close_button = self.ui.closeButton

        self.address_label.setFont(scaled_font(self.address_label, 1.7))
        self.address_label.setText(detail.address.one_line())
        self.status_label.setText(self._status_html())
        self.people_label.setText(self._people_html())
        self.times_label.setText(self._times_html())
        self.info_view.setHtml(self.info_html())

        self.timeline = TimelineModel(detail, self)
        self.timeline_table.setModel(self.timeline)
        self.timeline_table.verticalHeader().hide()
        header = self.timeline_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.timeline_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([760, 480])

        self.close_button.clicked.connect(self.close)
        self.close_button.setDefault(True)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)
        fit_to_screen(self, QSize(1280, 720))
        self.timeline_table.setFocus()

    # ---- opening ------------------------------------------------------------------
    @classmethod
    def show_for(
        cls,
        ctx: ServiceContext,
        tasks: TaskRunner,
        visit_id: int,
        parent: QWidget | None = None,
        opened: Callable[[VisitDetailDialog], None] | None = None,
    ) -> None:
        """Load the visit on the task runner (role checks in the service), then show it
        in its own window, without blocking the rest of the app (alarms and the buddy
        board keep working), and call ``opened`` with it. A refusal is shown as a
        message."""

        def loaded(detail: VisitDetail) -> None:
            dialog = cls(detail, parent)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.show()
            dialog.raise_()
            dialog.activateWindow()
            if opened is not None:
                opened(dialog)

        def failed(error: BaseException) -> None:
            title = QCoreApplication.translate("VisitDetailDialog", "Bezoek openen")
            box = QMessageBox(QMessageBox.Icon.Warning, title, failure_text(error))
            box.setParent(parent, box.windowFlags())
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()

        try:
            tasks.run(lambda: get_visit_detail(ctx, visit_id), loaded, failed, owner=parent)
        except RuntimeError:  # the window is closing: nothing to show
            return

    # ---- header -------------------------------------------------------------------
    def _person(self, person: Person) -> str:
        text = html.escape(person.display_name)
        if person.phone:
            text += f" ({html.escape(format_phone(person.phone))})"
        return text

    def _status_html(self) -> str:
        d = self.detail
        state, reason = domain_text(d.state.label), domain_text(d.reason.label)
        level = (
            f"<span style='background:{_LEVEL_COLOURS[d.level]}; color:#1a1a1a;'>"
            f"&nbsp;{_LEVEL_MARK[d.level]} {html.escape(domain_text(d.level.label))}&nbsp;</span>"
        )
        return (
            "<b>" + html.escape(self.tr("Risiconiveau:")) + f"</b> {level} &nbsp; "
            "<b>" + html.escape(self.tr("Status:")) + f"</b> {html.escape(state)} &nbsp; "
            "<b>" + html.escape(self.tr("Reden:")) + f"</b> {html.escape(reason)}"
        )

    def _people_html(self) -> str:
        d = self.detail
        colleagues = (
            ", ".join(self._person(c) for c in d.colleagues)
            if d.colleagues
            else html.escape(self.tr("niemand (alleen)"))
        )
        return (
            "<b>" + html.escape(self.tr("Bezoeker:")) + f"</b> {self._person(d.visitor)} &nbsp; "
            "<b>" + html.escape(self.tr("Gaat mee:")) + f"</b> {colleagues} &nbsp; "
            "<b>" + html.escape(self.tr("Buddy:")) + f"</b> {self._person(d.buddy)}"
        )

    def _times_html(self) -> str:
        d = self.detail
        start, back = to_local(d.start), to_local(d.expected_return)
        back_text = back.strftime("%H:%M") if back.date() == start.date() else _time(back)
        return (
            "<b>" + html.escape(self.tr("Begin:")) + f"</b> {_time(d.start)} &nbsp; "
            "<b>"
            + html.escape(self.tr("Verwacht terug:"))
            + f"</b> {back_text} &nbsp; "
            + html.escape(self.tr("(Nederlandse tijd)"))
        )

    # ---- assessment, plan, consent ------------------------------------------------
    def _answer_text(self, value: str) -> str:
        try:
            answer = Answer(value)
        except ValueError:
            return value
        return {
            Answer.JA: self.tr("ja"),
            Answer.NEE: self.tr("nee"),
            Answer.WEET_NIET: self.tr("weet ik niet"),
        }[answer]

    def _row(self, label: str, value: str) -> str:
        return (
            f"<tr><td valign='top'><b>{html.escape(label)}</b></td>"
            f"<td>{html.escape(value).replace(chr(10), '<br>') or '—'}</td></tr>"
        )

    def info_html(self) -> str:
        """Why this level, consent and deviation, the plan, then every answer."""
        return "".join(
            (self._reasons_html(), self._consent_html(), self._plan_html(), self._answers_html())
        )

    def _reasons_html(self) -> str:
        d = self.detail
        e = html.escape
        parts = ["<h3>" + e(self.tr("Risicobeoordeling")) + "</h3>"]
        parts.append(
            "<p>"
            + e(
                self.tr("Checklist versie {version}; uitkomst {level}.").format(
                    version=d.checklist_version or "?", level=domain_text(d.level.label)
                )
            )
            + "</p>"
        )
        if d.reasons:
            parts.append("<p><b>" + e(self.tr("Waarom dit niveau:")) + "</b></p><ul>")
            parts += [f"<li>{e(stored_reason_text(reason))}</li>" for reason in d.reasons]
            parts.append("</ul>")
        elif not d.answers:
            parts.append("<p>" + e(self.tr("Geen risicobeoordeling vastgelegd.")) + "</p>")
        return "".join(parts)

    def _consent_html(self) -> str:
        d = self.detail
        e = html.escape
        parts = ["<h3>" + e(self.tr("Toestemming en afwijking")) + "</h3>"]
        if d.consent_by:
            when = _time(d.consent_at) if d.consent_at else ""
            parts.append(
                "<p>"
                + e(
                    self.tr("Toestemming van {name} op {when}: {reason}").format(
                        name=d.consent_by, when=when, reason=d.consent_reason
                    )
                )
                + "</p>"
            )
        elif d.level is RiskLevel.ROOD:
            parts.append(
                "<p><b>" + e(self.tr("Nog geen toestemming van een leidinggevende.")) + "</b></p>"
            )
        else:
            parts.append(
                "<p>"
                + e(
                    self.tr("Geen toestemming nodig bij {level}.").format(
                        level=domain_text(d.level.label)
                    )
                )
                + "</p>"
            )
        if d.deviation_reason:
            parts.append(
                "<p>"
                + e(self.tr("Afwijking van het advies: {reason}").format(reason=d.deviation_reason))
                + "</p>"
            )
        return "".join(parts)

    def _plan_html(self) -> str:
        d = self.detail
        yes, no = self.tr("ja"), self.tr("nee")
        parts = [
            "<h3>" + html.escape(self.tr("Plan")) + "</h3><table cellspacing='0' cellpadding='2'>"
        ]
        parts.append(self._row(self.tr("Reden"), domain_text(d.reason.label)))
        parts.append(self._row(self.tr("Bewoners"), d.residents))
        parts.append(self._row(self.tr("Cliënt(en)"), d.clients))
        phone = format_phone(d.client_phone) if d.client_phone else ""
        parts.append(self._row(self.tr("Telefoon cliënt"), phone))
        parts.append(self._row(self.tr("Tolk"), yes if d.interpreter else no))
        parts.append(
            self._row(self.tr("Schriftelijk aangekondigd"), yes if d.announced_in_writing else no)
        )
        parts.append(self._row(self.tr("Rollen"), d.roles_note))
        parts.append("</table>")
        return "".join(parts)

    def _answers_html(self) -> str:
        d = self.detail
        e = html.escape
        if not d.answers:
            return ""
        checklist = _checklist()
        parts = ["<h3>" + e(self.tr("Alle antwoorden")) + "</h3>"]
        if checklist is not None and d.checklist_version != checklist.version:
            parts.append(
                "<p><i>"
                + e(
                    self.tr(
                        "De vragen hieronder komen uit de huidige checklist (versie "
                        "{current}); het bezoek is beoordeeld met versie {used}."
                    ).format(current=checklist.version, used=d.checklist_version)
                )
                + "</i></p>"
            )
        parts.append("<table cellspacing='0' cellpadding='3' border='1'>")
        order = list(checklist.item_ids) if checklist is not None else []
        ids = [i for i in order if i in d.answers] + [i for i in d.answers if i not in order]
        for item_id in ids:
            text = item_id
            if checklist is not None and item_id in order:
                text = domain_text(checklist.item(item_id).text)
            value = d.answers[item_id]
            answer = e(self._answer_text(value))
            shown = answer if value == Answer.NEE.value else f"<b>{answer}</b>"
            parts.append(f"<tr><td>{e(text)}</td><td>{shown}</td></tr>")
        parts.append("</table>")
        return "".join(parts)
