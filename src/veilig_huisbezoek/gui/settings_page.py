"""Beheer: the organisation's settings (call-back times, escalation, police numbers,
the municipality for letters, register review, locking, backups and retention).

The form is built from the domain's list of settings and their limits, so a new setting
appears here without a form change; the service checks the beheerder role again.
"""

from __future__ import annotations

from typing import cast

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
from .hub import AppHub
from .i18n import domain_text, error_text, failure_text
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
        self.tasks = tasks
        self.hub = hub
        # Reading or saving on the task runner (never the store on the GUI thread).
        self._reading = False
        self._saving = False
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

    @property
    def reading(self) -> bool:
        """The settings are being read or saved (on the task runner)."""
        return self._reading or self._saving

    def refresh(self) -> None:
        """Show the stored settings (read on the task runner)."""
        if self._reading or self._saving:
            return
        self._reading = True
        ctx = self.ctx
        try:
            self.tasks.run(lambda: load_settings(ctx), self._loaded, self._load_failed, owner=self)
        except RuntimeError:  # the window is closing
            self._reading = False

    def _loaded(self, result: object) -> None:
        self._reading = False
        self.show_settings(cast(Settings, result))
        self.message_label.clear()

    def _load_failed(self, error: BaseException) -> None:
        self._reading = False
        self._say(failure_text(error), error=True)

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
        """Check the values here, save them on the task runner (meanwhile the button
        says so); a failure keeps what was typed."""
        if self._saving:
            return
        try:
            settings = Settings.from_dict(self.values())
        except UserError as exc:
            self._say(error_text(exc), error=True)
            return
        ctx = self.ctx
        self._set_saving(True)
        try:
            self.tasks.run(
                lambda: save_settings(ctx, settings),
                lambda _result: self._saved(settings),
                self._save_failed,
                owner=self,
            )
        except RuntimeError:  # the window is closing
            self._set_saving(False)

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        for button in (self.save_button, self.reset_button, self.undo_button):
            button.setEnabled(not saving)
        self.save_button.setText(
            self.tr("Bezig met opslaan…") if saving else self.tr("Instellingen &opslaan")
        )

    def _saved(self, settings: Settings) -> None:
        self._set_saving(False)
        self.show_settings(settings)
        self._say(self.tr("Instellingen opgeslagen."))
        # Call-back and alarm times may have changed: reminders and boards reload.
        self.hub.visits_changed.emit()

    def _save_failed(self, error: BaseException) -> None:
        self._set_saving(False)
        self._say(failure_text(error), error=True)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message_label.setStyleSheet(ERROR_STYLE if error else OK_STYLE)
        self.message_label.setText(text)
