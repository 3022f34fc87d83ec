"""*Over Veilig Huisbezoek* (F1, or the tray menu): version, where the data and the log
are, starting at login, the components and their licences, and *Diagnose kopiëren* for
IT."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..paths import log_dir
from .readout import ReadoutLabel

if TYPE_CHECKING:
    # Loaded with the dialog, not with the window (package metadata is slow to import).
    from ..services.autostart import Autostart
    from ..services.components import Component
    from ..services.team import TeamLocation


def toolkit() -> list[Component]:
    """Qt itself (inside PySide6's wheels): LGPL-3.0, kept as separate shared libraries."""
    from ..services.components import Component

    return [
        Component("Qt", qVersion(), "LGPL-3.0-only"),
        Component("PySide6", pyside_version, "LGPL-3.0-only"),
    ]


class AboutDialog(QDialog):
    def __init__(
        self,
        data_dir: Path,
        store_kind: str,
        parent: QWidget | None = None,
        autostart: Autostart | None = None,
    ) -> None:
        from ..services.autostart import for_this_computer
        from ..services.components import app_component, licence_lines

        super().__init__(parent)
        self._autostart = autostart or for_this_computer()
        self._data_dir = data_dir
        self._store_kind = store_kind
        self.setWindowTitle(self.tr("Over Veilig Huisbezoek"))
        layout = QVBoxLayout(self)
        app = app_component()
        self.version_label = QLabel(
            self.tr("<b>Veilig Huisbezoek</b> versie {version}").format(version=app.version)
        )
        self.version_label.setAccessibleName(
            self.tr("Veilig Huisbezoek versie {version}").format(version=app.version)
        )
        layout.addWidget(self.version_label)
        self.folders_label = QLabel(
            self.tr("Gegevensmap: {data}\nLogbestanden: {log}").format(data=data_dir, log=log_dir())
        )
        # Reached with Tab and selectable by keyboard too: IT may ask for the folders.
        self.folders_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.folders_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.folders_label.setWordWrap(True)
        layout.addWidget(self.folders_label)
        self.autostart_box = QCheckBox(self.tr("&Starten bij aanmelden"))
        self.autostart_box.setToolTip(
            self.tr("Start Veilig Huisbezoek als u zich op deze computer aanmeldt")
        )
        self.autostart_box.setChecked(self._installed())
        self.autostart_box.toggled.connect(self._set_autostart)
        layout.addWidget(self.autostart_box)
        heading = QLabel(self.tr("&Onderdelen en licenties:"))
        layout.addWidget(heading)
        self.licences = QPlainTextEdit("\n".join(licence_lines(toolkit())))
        self.licences.setReadOnly(True)
        self.licences.setAccessibleName(self.tr("Onderdelen en licenties"))
        self.licences.setMinimumSize(520, 220)
        heading.setBuddy(self.licences)
        layout.addWidget(self.licences)
        # Read out as "Melding" plus what it says (a bare name would hide the message).
        self.copied_label = ReadoutLabel(caption=self.tr("Melding"))
        layout.addWidget(self.copied_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("S&luiten"))
        self.close_button = close
        self.diagnose_button = QPushButton(self.tr("&Diagnose kopiëren"))
        self.diagnose_button.setToolTip(
            self.tr("Versies, mappen en de laatste fouten, zonder persoonsgegevens, voor IT")
        )
        buttons.addButton(self.diagnose_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.diagnose_button.clicked.connect(self.copy_diagnosis)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        close.setDefault(True)

    def _installed(self) -> bool:
        try:
            return self._autostart.installed()
        except OSError:
            return False

    def _set_autostart(self, enabled: bool) -> None:
        from ..services.autostart import launch_command

        try:
            if enabled:
                self._autostart.install(launch_command())
            else:
                self._autostart.remove()
        except OSError:
            QMessageBox.warning(
                self,
                self.tr("Starten bij aanmelden"),
                self.tr(
                    "Starten bij aanmelden kon niet worden aangepast op deze computer. "
                    "Vraag IT om hulp."
                ),
            )
            self.autostart_box.blockSignals(True)
            self.autostart_box.setChecked(self._installed())
            self.autostart_box.blockSignals(False)

    def diagnosis_text(self) -> str:
        from ..services.diagnosis import diagnosis

        return diagnosis(
            data_dir=self._data_dir,
            store_kind=self._store_kind,
            autostart=self._installed(),
            toolkit=toolkit(),
        )

    def copy_diagnosis(self) -> None:
        QGuiApplication.clipboard().setText(self.diagnosis_text())
        self.copied_label.setText(
            self.tr("Diagnose gekopieerd: plak die in uw bericht aan IT (Ctrl+V).")
        )


def store_kind(team: TeamLocation | None) -> str:
    """The store, as the diagnosis names it: a team address carries no name or password."""
    if team is None:
        return "ingebouwd (versleuteld, op deze computer)"
    url = team.url
    return f"teamserver {url.host}:{url.port or 5432}/{url.database}"


def show_about(parent: QWidget, data_dir: Path, store_kind: str) -> AboutDialog:
    dialog = AboutDialog(data_dir, store_kind, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
