"""Beheer: the organisation's settings (call-back times, escalation, police numbers,
the municipality for letters, register review, locking, backups and retention).

The form is built from the domain's list of settings and their limits, so a new setting
appears here without a form change; the service checks the beheerder role again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import UserError
from ..domain.settings import SETTING_GROUPS, SettingField, Settings, setting_field
from ..services.context import ServiceContext
from ..services.settings import load_settings, save_settings
from ..storage.errors import StoreError
from .hub import AppHub
from .i18n import domain_text, error_text
from .look import ERROR_STYLE, OK_STYLE, PRIMARY_BUTTON_STYLE, scaled_font
from .readout import ReadoutLabel
from .tasks import TaskRunner

Editor = QSpinBox | QLineEdit | QPlainTextEdit


class SettingsPage(QWidget):
    def __init__(
        self, ctx: ServiceContext, tasks: TaskRunner, hub: AppHub, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.title = self.tr("Instellingen")
        self.ctx = ctx
        self.hub = hub
        outer = QVBoxLayout(self)
        heading = QLabel(self.tr("Instellingen van de organisatie"))
        heading.setFont(scaled_font(heading, 1.35))
        outer.addWidget(heading)
        intro = QLabel(
            self.tr(
                "Deze waarden gelden voor iedereen die met deze database werkt. "
                "Wijzigingen gelden direct voor nieuwe bezoeken en herinneringen."
            )
        )
        intro.setWordWrap(True)
        outer.addWidget(intro)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields in it
        body = QWidget()
        columns = QVBoxLayout(body)
        self.editors: dict[str, Editor] = {}
        for group_title, names in SETTING_GROUPS:
            box = QGroupBox(domain_text(group_title))
            form = QFormLayout(box)
            for name in names:
                field = setting_field(name)
                editor = self._editor(field)
                label = QLabel(domain_text(field.label))
                label.setBuddy(editor)
                editor.setAccessibleName(domain_text(field.label))
                form.addRow(label, editor)
                self.editors[name] = editor
            columns.addWidget(box)
        columns.addStretch(1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Instellingen &opslaan"))
        self.save_button.setAccessibleName(self.tr("Instellingen opslaan"))
        self.save_button.setStyleSheet(PRIMARY_BUTTON_STYLE)
        self.reset_button = QPushButton(self.tr("&Standaardwaarden invullen"))
        self.reset_button.setAccessibleName(self.tr("Standaardwaarden invullen"))
        self.undo_button = QPushButton(self.tr("&Wijzigingen ongedaan maken"))
        self.undo_button.setAccessibleName(self.tr("Wijzigingen ongedaan maken"))
        row.addWidget(self.save_button)
        row.addWidget(self.reset_button)
        row.addWidget(self.undo_button)
        row.addStretch(1)
        outer.addLayout(row)
        self.message_label = ReadoutLabel(caption=self.tr("Melding"))
        self.message_label.setWordWrap(True)
        outer.addWidget(self.message_label)
        self.save_button.clicked.connect(self.save)
        self.reset_button.clicked.connect(lambda: self.show_settings(Settings()))
        self.undo_button.clicked.connect(self.refresh)
        self.refresh()

    def default_button(self, _focus: QWidget | None = None) -> QPushButton:
        """Enter in a field saves (a multi-line text keeps Enter for a new line)."""
        return self.save_button

    @staticmethod
    def _editor(field: SettingField) -> Editor:
        if not field.is_text:
            spin = QSpinBox()
            spin.setRange(field.low, field.high)
            return spin
        if field.multiline:
            text = QPlainTextEdit()
            text.setTabChangesFocus(True)
            text.setFixedHeight(text.fontMetrics().lineSpacing() * 4 + 12)
            return text
        line = QLineEdit()
        line.setMaxLength(field.max_length)
        return line

    def refresh(self) -> None:
        try:
            self.show_settings(load_settings(self.ctx))
        except (UserError, StoreError) as exc:
            self._say(error_text(exc), error=True)
            return
        self.message_label.clear()

    def show_settings(self, settings: Settings) -> None:
        values = settings.to_dict()
        for name, editor in self.editors.items():
            value = values[name]
            if isinstance(editor, QSpinBox):
                editor.setValue(int(value))
            elif isinstance(editor, QPlainTextEdit):
                editor.setPlainText(str(value))
            else:
                editor.setText(str(value))

    def values(self) -> dict[str, int | str]:
        values: dict[str, int | str] = {}
        for name, editor in self.editors.items():
            if isinstance(editor, QSpinBox):
                values[name] = editor.value()
            elif isinstance(editor, QPlainTextEdit):
                values[name] = editor.toPlainText()
            else:
                values[name] = editor.text()
        return values

    def save(self) -> None:
        try:
            settings = Settings.from_dict(self.values())
            save_settings(self.ctx, settings)
        except (UserError, StoreError) as exc:
            self._say(error_text(exc), error=True)
            return
        self.show_settings(settings)
        self._say(self.tr("Instellingen opgeslagen."))
        # Call-back and alarm times may have changed: reminders and boards reload.
        self.hub.visits_changed.emit()

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message_label.setStyleSheet(ERROR_STYLE if error else OK_STYLE)
        self.message_label.setText(text)
