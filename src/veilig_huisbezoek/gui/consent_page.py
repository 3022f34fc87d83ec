"""Consent for rood visits (docs/design.md §1): the leidinggevende reads the request and decides."""

from __future__ import annotations

import html
import logging
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QHeaderView,
    QVBoxLayout,
    QWidget,
)

from ..domain.checklist import Advice, RiskLevel, default_checklist
from ..domain.clock import to_local
from ..domain.errors import UserError
from ..services.context import ServiceContext
from ..services.history import ConsentRequest, pending_consents
from ..services.settings import load_settings
from ..services.visits import give_consent
from .forms import setup_form
from .forms_generated.ui_consent_page import Ui_ConsentPage
from .hub import AppHub
from .i18n import domain_text, error_text
from .look import ERROR_STYLE, OK_STYLE, on_enter, scaled_font
from .screen_fit import page_scroll
from .table_model import RowTableModel
from .tasks import TaskRunner
from .when_shown import ReloadWhenShown

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex


def _when(request: ConsentRequest) -> str:
    start = to_local(request.start)
    end = to_local(request.expected_return)
    end_text = end.strftime("%H:%M") if end.date() == start.date() else end.strftime("%d-%m %H:%M")
    return f"{start.strftime('%d-%m-%Y %H:%M')}–{end_text}"


class ConsentTableModel(RowTableModel[ConsentRequest]):
    """Columns: Medewerker, Adres, Gepland, Mee."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (
            self.tr("Medewerker"),
            self.tr("Adres"),
            self.tr("Gepland"),
            self.tr("Gaat mee"),
        )

    def set_requests(self, requests: list[ConsentRequest]) -> None:
        self.replace_rows(requests)

    def request(self, row: int) -> ConsentRequest | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def _text(self, request: ConsentRequest, column: int) -> str:
        if column == 0:
            return request.visitor
        if column == 1:
            return request.address.one_line()
        if column == 2:
            return _when(request)
        if column == 3:
            return ", ".join(request.colleagues) if request.colleagues else self.tr("niemand")
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        request = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(request, index.column())
        if role == Qt.ItemDataRole.UserRole:
            return request.visit_id
        return None


class ConsentPage(QWidget):
    """The 'Toestemming rood' tab (leidinggevende only; the service enforces it)."""

    loaded = Signal()
    # The Dutch message shown after giving consent (no Signal(bool): see register_page).
    action_succeeded = Signal(str)
    action_failed = Signal(str)

    def __init__(
        self,
        ctx: ServiceContext,
        tasks: TaskRunner,
        hub: AppHub,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.title = self.tr("Toestemming rood")
        self._ctx = ctx
        self._tasks = tasks
        self._hub = hub
        self._generation = 0
        self._busy = False
        self._advice: Advice | None = None
        self._police = ""
        self._selected_id: int | None = None

        self.ui = Ui_ConsentPage()
        self.form = setup_form(self.ui, QWidget(self))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(page_scroll(self.form))
        self.title_label = self.ui.titleLabel
        self.intro_label = self.ui.introLabel
        self.message_label = self.ui.messageLabel
        self.splitter = self.ui.splitter
        self.table = self.ui.requestTable
        self.empty_label = self.ui.emptyLabel
        self.request_view = self.ui.requestView
        self.reason_edit = self.ui.reasonEdit
        self.details_button = self.ui.detailsButton
        self.consent_button = self.ui.consentButton

        self.title_label.setFont(scaled_font(self.title_label, 1.6))
        self.message_label.hide()
        self.empty_label.hide()
        self.intro_label.setText(
            self.tr(
                "Bij risiconiveau rood gaat een bezoek alleen door met uw vastgelegde "
                "toestemming. Overweeg eerst een gesprek op een veilige locatie (kantoor met "
                "alarmknop). Gaat het bezoek toch door: nooit alleen, liever met de politie, "
                "en informeer de politie vooraf."
            )
        )

        self.model = ConsentTableModel(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([560, 800])
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        on_enter(self.table, self.open_details)
        self.table.doubleClicked.connect(lambda _index: self.open_details())
        self.details_button.clicked.connect(self.open_details)
        self.consent_button.clicked.connect(self._give_consent)
        self.when_shown = ReloadWhenShown(self, self.refresh)
        self.when_shown.follow_visits(hub)
        self._show_request(None)
        # Load once the caller has had a chance to connect to `loaded`.
        QTimer.singleShot(0, self.refresh)

    # ---- helpers ------------------------------------------------------------------

    def _error_text(self, error: BaseException) -> str:
        if isinstance(error, UserError):
            return error_text(error)
        log.error("consent page: unexpected %s", type(error).__name__, exc_info=error)
        return self.tr("Er ging iets onverwachts mis. Probeer het opnieuw.")

    def show_message(self, text: str, *, error: bool = False) -> None:
        if error:
            text = self.tr("Niet gelukt: {message}").format(message=text)
        self.message_label.setText(text)
        self.message_label.setStyleSheet(ERROR_STYLE if error else OK_STYLE)
        self.message_label.setVisible(bool(text))

    def selected_request(self) -> ConsentRequest | None:
        index = self.table.currentIndex()
        return self.model.request(index.row()) if index.isValid() else None

    # ---- loading ------------------------------------------------------------------
    def refresh(self) -> None:
        if self._hub.offline:
            return  # the last known state stays; reloaded when the server is back
        self._generation += 1
        generation = self._generation
        ctx = self._ctx

        def job() -> tuple[list[ConsentRequest], Advice, str]:
            requests = pending_consents(ctx)
            police = load_settings(ctx).police_general
            return requests, default_checklist().advice[RiskLevel.ROOD], police

        self._tasks.run(
            job,
            lambda result: self._loaded(generation, *result),
            lambda error: self._failed(generation, error),
            owner=self,
        )

    def _loaded(
        self, generation: int, requests: list[ConsentRequest], advice: Advice, police: str
    ) -> None:
        if generation != self._generation:
            return
        self._advice = advice
        self._police = police
        keep = self._selected_id
        self.model.set_requests(requests)
        rows = [r.visit_id for r in requests]
        row = rows.index(keep) if keep in rows else (0 if rows else None)
        if row is not None:
            self.table.selectRow(row)
            self.table.setCurrentIndex(self.model.index(row, 0))
        else:
            self._show_request(None)
        self.table.setVisible(bool(requests))
        self.empty_label.setVisible(not requests)
        self.loaded.emit()

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.model.set_requests([])
        self._show_request(None)
        self.show_message(self._error_text(error), error=True)
        self.loaded.emit()

    # ---- the selected request ------------------------------------------------------
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        request = self.model.request(current.row()) if current.isValid() else None
        if request is None or request.visit_id != self._selected_id:
            self.reason_edit.clear()
        self._selected_id = request.visit_id if request is not None else None
        self._show_request(request)

    def _request_html(self, request: ConsentRequest) -> str:
        e = html.escape
        going = (
            ", ".join(request.colleagues)
            if request.colleagues
            else self.tr("niemand: de medewerker gaat alleen")
        )
        level = domain_text(RiskLevel.ROOD.label)
        visit_reason = domain_text(request.reason.label)
        parts = [
            f"<h2>{e(request.address.one_line())}</h2>",
            "<p><b>" + e(self.tr("Risiconiveau:")) + f"</b> ■ {e(level)}<br>",
            "<b>" + e(self.tr("Medewerker:")) + f"</b> {e(request.visitor)}<br>",
            "<b>" + e(self.tr("Gaat mee:")) + f"</b> {e(going)}<br>",
            "<b>" + e(self.tr("Buddy (belt terug):")) + f"</b> {e(request.buddy)}<br>",
            "<b>" + e(self.tr("Gepland:")) + f"</b> {e(_when(request))}<br>",
            "<b>" + e(self.tr("Reden bezoek:")) + f"</b> {e(visit_reason)}<br>",
        ]
        if request.residents:
            parts.append("<b>" + e(self.tr("Bewoners:")) + f"</b> {e(request.residents)}<br>")
        parts.append("</p>")
        parts.append("<h3>" + e(self.tr("Waarom rood")) + "</h3><ul>")
        # Stored as the domain formatted them: only the fixed ones are in the catalogue.
        parts += [f"<li>{e(domain_text(reason))}</li>" for reason in request.reasons]
        if not request.reasons:
            parts.append("<li>" + e(self.tr("Geen redenen vastgelegd.")) + "</li>")
        parts.append("</ul>")
        if request.deviation_reason:
            parts.append("<h3>" + e(self.tr("Afwijking van het advies")) + "</h3>")
            parts.append(f"<p>{e(request.deviation_reason)}</p>")
        if self._advice is not None:
            advice = self._advice
            parts.append(
                f"<h3>{e(domain_text(advice.title))}</h3><p>{e(domain_text(advice.text))}</p>"
            )
            if self._advice.precautions:
                parts.append("<ul>")
                parts += [f"<li>{e(domain_text(p))}</li>" for p in advice.precautions]
                parts.append("</ul>")
        police = self._police
        if police:
            parts.append(
                "<p><b>"
                + e(self.tr("Politie vooraf informeren: {number}.").format(number=police))
                + "</b></p>"
            )
        return "".join(parts)

    def _show_request(self, request: ConsentRequest | None) -> None:
        if request is None:
            self.request_view.setHtml(
                "<p>" + html.escape(self.tr("Kies een verzoek in de lijst.")) + "</p>"
            )
        else:
            self.request_view.setHtml(self._request_html(request))
        enabled = request is not None and not self._busy
        self.consent_button.setEnabled(enabled)
        self.details_button.setEnabled(request is not None)
        self.reason_edit.setEnabled(request is not None)

    def open_details(self) -> None:
        request = self.selected_request()
        if request is not None:
            self._hub.show_visit.emit(request.visit_id)

    # ---- giving consent --------------------------------------------------------------
    def _give_consent(self) -> None:
        request = self.selected_request()
        if request is None or self._busy:
            return
        ctx, visit_id, reason = self._ctx, request.visit_id, self.reason_edit.toPlainText()
        where, visitor = request.address.one_line(), request.visitor
        self._busy = True
        self.consent_button.setEnabled(False)

        def done(_result: object) -> None:
            self._busy = False
            self.reason_edit.clear()
            message = self.tr(
                "Toestemming vastgelegd voor {address}. {visitor} kan het bezoek nu inplannen."
            ).format(address=where, visitor=visitor)
            self.show_message(message)
            self.action_succeeded.emit(message)
            self._hub.visits_changed.emit()

        def failed(error: BaseException) -> None:
            self._busy = False
            self.consent_button.setEnabled(self.selected_request() is not None)
            text = self._error_text(error)
            self.show_message(text, error=True)
            self.reason_edit.setFocus()
            self.action_failed.emit(text)

        self._tasks.run(lambda: give_consent(ctx, visit_id, reason), done, failed, owner=self)
