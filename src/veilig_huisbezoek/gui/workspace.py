"""The logged-in workspace: one tab per task the person's roles allow."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QHBoxLayout,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain.roles import Permission, Role
from ..services.context import ServiceContext
from .hub import AppHub
from .i18n import domain_text, error_text
from .keys import default_button, return_focus
from .readout import ReadoutLabel
from .tasks import TaskRunner


class Page(Protocol):
    title: str

    def refresh(self) -> None: ...


class WorkspaceView(QWidget):
    lock_requested = Signal()
    logout_requested = Signal()

    def __init__(
        self, ctx: ServiceContext, tasks: TaskRunner, hub: AppHub, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.hub = hub
        self.tasks = tasks
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        roles = ", ".join(domain_text(r.label).lower() for r in Role if r in ctx.actor.roles)
        # Read as shown: "Ingelogd als <name> (<roles>)".
        self.who_label = ReadoutLabel(
            self.tr("Ingelogd als <b>{name}</b> ({roles})").format(
                name=ctx.actor.display_name, roles=roles
            )
        )
        top.addWidget(self.who_label)
        top.addStretch(1)
        self.lock_button = QPushButton(self.tr("&Vergrendelen"))
        self.lock_button.setAccessibleName(self.tr("Vergrendelen"))
        self.lock_button.setToolTip(self.tr("Scherm vergrendelen; niets gaat verloren"))
        self.incident_button = QPushButton(self.tr("&Incident melden…"))
        self.incident_button.setAccessibleName(self.tr("Incident melden"))
        self.incident_button.setToolTip(
            self.tr("Agressie aan de balie, per telefoon, e-mail, brief of online")
        )
        top.addWidget(self.incident_button)
        # hide(), never setVisible(True): until the layout is installed the button has
        # no parent, and showing it would open it as a window of its own.
        if not ctx.actor.may(Permission.FILE_INCIDENT):
            self.incident_button.hide()
        self.password_button = QPushButton(self.tr("&Wachtwoord wijzigen…"))
        self.password_button.setAccessibleName(self.tr("Wachtwoord wijzigen"))
        top.addWidget(self.password_button)
        self.logout_button = QPushButton(self.tr("&Uitloggen"))
        self.logout_button.setAccessibleName(self.tr("Uitloggen"))
        top.addWidget(self.lock_button)
        top.addWidget(self.logout_button)
        layout.addLayout(top)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Onderdelen"))
        layout.addWidget(self.tabs, 1)
        self.lock_button.clicked.connect(self.lock_requested)
        self.logout_button.clicked.connect(self.logout_requested)
        self.password_button.clicked.connect(self.change_password)
        self.incident_button.clicked.connect(self.report_incident)
        self.password_dialog: QWidget | None = None
        self.incident_dialog: QWidget | None = None
        self.pages: dict[str, QWidget] = {}
        self._build_pages()
        hub.show_visit.connect(self._show_visit)
        hub.call_requested.connect(self._call)
        hub.show_incident.connect(self.open_incident)
        hub.report_back_requested.connect(self._report_back)

    def _add(self, key: str, page: QWidget) -> None:
        self.pages[key] = page
        self.tabs.addTab(page, getattr(page, "title", key))

    def _build_pages(self) -> None:
        ctx, tasks, hub = self.ctx, self.tasks, self.hub
        actor = ctx.actor
        if actor.may(Permission.PLAN_OWN_VISITS):
            from .my_visits import MyVisitsPage
            from .prepare_visit import PrepareVisitPage

            prepare = PrepareVisitPage(ctx, tasks, hub)
            self._add("prepare", prepare)
            self._add("my_visits", MyVisitsPage(ctx, tasks, hub))
            prepare.planned.connect(self._planned)
        if actor.may(Permission.ACT_AS_BUDDY):
            from .board import BoardPage

            self._add("board", BoardPage(ctx, tasks, hub))
        if actor.may(Permission.PROPOSE_NOTE) or actor.may(Permission.MANAGE_NOTES):
            from .register_page import RegisterPage

            self._add("register", RegisterPage(ctx, tasks, hub))
        if actor.may(Permission.GIVE_CONSENT):
            from .consent_page import ConsentPage

            self._add("consent", ConsentPage(ctx, tasks, hub))
        if actor.may(Permission.PLAN_OWN_VISITS) or actor.may(Permission.SEE_TEAM_CASES):
            from .history_page import HistoryPage

            self._add("history", HistoryPage(ctx, tasks, hub))
        if actor.may(Permission.REPORTS):
            from .reports_page import ReportsPage

            self._add("reports", ReportsPage(ctx, tasks, hub))
        if actor.may(Permission.MANAGE_ACCOUNTS):
            from .accounts_page import AccountsPage

            self._add("accounts", AccountsPage(ctx, tasks, hub))
        if actor.may(Permission.MANAGE_SETTINGS):
            from .settings_page import SettingsPage

            self._add("settings", SettingsPage(ctx, tasks, hub))
        # The buddy board first for people whose day is watching others; else preparing.
        if "board" in self.pages and not actor.may(Permission.PLAN_OWN_VISITS):
            self.show_page("board")

    def default_button(self, focus: QWidget) -> QAbstractButton | None:
        """What Enter presses (see :mod:`.keys`): the current page's default button."""
        return default_button(self.tabs.currentWidget(), focus)

    def _planned(self, visit_id: int) -> None:
        """A visit was saved: *Mijn bezoeken*, with that visit selected and in focus."""
        from .my_visits import MyVisitsPage

        page = self.pages.get("my_visits")
        if not isinstance(page, MyVisitsPage):
            return
        self.show_page("my_visits")
        if page.model.row_of(visit_id) is None:
            page.refresh()  # on the task runner: selected when it arrives
        page.select_visit(visit_id)
        page.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_first(self) -> None:
        """Put the keyboard where work starts: the page's first field, else its tab."""
        page = self.tabs.currentWidget()
        first = getattr(page, "first_field", None)
        target = first() if callable(first) else None
        (target or self.tabs.tabBar()).setFocus(Qt.FocusReason.OtherFocusReason)

    def show_page(self, key: str) -> None:
        page = self.pages.get(key)
        if page is not None:
            self.tabs.setCurrentWidget(page)

    def _show_visit(self, visit_id: int) -> None:
        from .visit_detail import VisitDetailDialog

        opener = QApplication.focusWidget()
        VisitDetailDialog.show_for(
            self.ctx,
            self.tasks,
            visit_id,
            self,
            opened=lambda dialog: return_focus(dialog, opener=opener),
        )

    def _report_back(self, visit_id: int) -> None:
        """*Mijn bezoeken* with this visit selected and *Terug, veilig* in focus."""
        from .my_visits import MyVisitsPage

        page = self.pages.get("my_visits")
        if not isinstance(page, MyVisitsPage):
            return
        self.show_page("my_visits")
        page.refresh()  # on the task runner: selected when it arrives

        def focus_safe() -> None:
            if page.safe_button.isEnabled():
                page.safe_button.setFocus(Qt.FocusReason.OtherFocusReason)

        page.select_visit(visit_id, focus_safe)

    def _call(self, visit_id: int, callback_id: object) -> None:
        """Calls go through the board: one call at a time, never a nested event loop
        (a lock may hide the dialog and show it again without ending the call)."""
        from .board import BoardPage

        board = self.pages.get("board")
        if not isinstance(board, BoardPage):
            return
        self.show_page("board")
        board.open_call(visit_id, callback_id if isinstance(callback_id, int) else None)

    def report_incident(self) -> None:
        """An incident not tied to a visit (counter, phone, e-mail, letter, online)."""
        self.open_incident(None)

    def open_incident(self, incident_id: int | None) -> None:
        """A new incident (None) or a filed one, e.g. from a deadline alarm."""
        from .incident_dialog import load_incident

        ctx = self.ctx
        # Read on the task runner first (no round trip on the GUI thread), then shown.
        self.tasks.run(
            lambda: load_incident(ctx, incident_id=incident_id),
            lambda loaded: self._show_incident(incident_id, loaded),
            lambda error: self.hub.status_message.emit(error_text(error)),
            owner=self,
        )

    def _show_incident(self, incident_id: int | None, loaded: object) -> None:
        from .incident_dialog import IncidentData, IncidentDialog

        assert isinstance(loaded, IncidentData)
        dialog = IncidentDialog(
            self.ctx, self.tasks, incident_id=incident_id, loaded=loaded, parent=self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.incident_dialog = dialog
        return_focus(dialog)
        dialog.open()

    def change_password(self) -> None:
        from .password_dialog import PasswordDialog

        dialog = PasswordDialog(self.ctx, self.tasks, self)
        dialog.saved.connect(self.hub.status_message)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.password_dialog = dialog
        return_focus(dialog)
        dialog.open()

    def shutdown(self) -> None:
        for page in self.pages.values():
            stop = getattr(page, "shutdown", None)
            if stop is not None:
                stop()
