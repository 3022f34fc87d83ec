"""The window shown after login until the full workflows land: who you are, your visits."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from ..domain.roles import Permission
from ..services.accounts import list_accounts
from ..services.context import ServiceContext
from ..services.visits import list_visits
from .forms import child, load_form
from .visit_table_model import VisitTableModel


class OverviewView(QWidget):
    lock_requested = Signal()

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = load_form("overview", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        self.welcome_label = child(self.form, QLabel, "welcomeLabel")
        self.summary_label = child(self.form, QLabel, "summaryLabel")
        self.table = child(self.form, QTableView, "visitTable")
        child(self.form, QPushButton, "lockButton").clicked.connect(self.lock_requested)
        actor = ctx.actor
        roles = ", ".join(sorted(r.label.lower() for r in actor.roles))
        self.welcome_label.setText(f"<h2>Ingelogd als {actor.display_name}</h2>({roles})")
        names = {a.id: a.display_name for a in list_accounts(ctx)}
        self.model = VisitTableModel(names)
        visits = list_visits(ctx)
        self.model.set_visits(visits)
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        if actor.may(Permission.SEE_TEAM_CASES):
            scope = "alle bezoeken van het team"
        elif actor.may(Permission.PLAN_OWN_VISITS):
            scope = "uw eigen bezoeken en de bezoeken waarvoor u buddy bent"
        else:
            scope = "geen bezoeken: een beheerder ziet geen casusinhoud"
        self.summary_label.setText(
            f"De database is geopend en ontsleuteld. U ziet {scope}: {len(visits)} bezoeken. "
            "Voorbereiden, buddybord en register volgen in de volgende versie."
        )
