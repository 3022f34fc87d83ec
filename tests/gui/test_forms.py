"""Forms are compiled with every label a ReadoutLabel: every label reads out what it shows."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6 import QtWidgets
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from veilig_huisbezoek.gui.forms import setup_form, with_readout_labels
from veilig_huisbezoek.gui.readout import ReadoutLabel
from veilig_huisbezoek.paths import ui_dir

FORMS = sorted(path.stem for path in ui_dir().glob("*.ui"))


def compiled(name: str, parent: QWidget | None = None) -> QWidget:
    """Form ``name`` built from its generated module, as a page builds it."""
    root = ET.parse(ui_dir() / f"{name}.ui").getroot()
    top = root.find("widget")
    assert top is not None
    module = importlib.import_module(f"veilig_huisbezoek.gui.forms_generated.ui_{name}")
    ui = getattr(module, f"Ui_{root.findtext('class')}")()
    form: QWidget = getattr(QtWidgets, str(top.get("class")))(parent)
    return setup_form(ui, form)


def loaded(name: str) -> QWidget:
    """Form ``name`` as Qt's run-time form loader (QUiLoader) makes it from the .ui file:
    the reference a compiled form is compared with (the app itself never loads a form)."""
    from PySide6.QtUiTools import QUiLoader

    buffer = QBuffer()
    buffer.setData(QByteArray(with_readout_labels((ui_dir() / f"{name}.ui").read_bytes())))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    loader = QUiLoader()
    loader.registerCustomWidget(ReadoutLabel)
    try:
        form = loader.load(buffer, None)
    finally:
        buffer.close()
    assert form is not None, name
    # As setup_form finishes a form: the .ui's accessibleName is a label's caption.
    for label in form.findChildren(ReadoutLabel):
        label.set_caption(label.accessibleName())
    return form


@pytest.mark.parametrize("name", FORMS)
def test_every_label_of_a_form_is_a_readout_label(qtbot: QtBot, name: str) -> None:
    form = compiled(name)
    qtbot.addWidget(form)
    labels = form.findChildren(QLabel)
    assert all(isinstance(label, ReadoutLabel) for label in labels), name
    for label in labels:
        assert isinstance(label, ReadoutLabel)
        # The .ui's accessibleName is the caption; the name adds what the label shows.
        label.setText("06 12345678")
        expected = f"{label.caption()}: 06 12345678" if label.caption() else ""
        assert label.accessibleName() == expected


@pytest.mark.parametrize("name", FORMS)
def test_a_compiled_form_is_the_loaded_form(qtbot: QtBot, name: str) -> None:
    """Same widgets, names, captions, texts and tab stops as Qt's form loader makes."""

    def described(form: QWidget) -> list[tuple[str, ...]]:
        seen = []
        for widget in [form, *form.findChildren(QWidget)]:
            row = (type(widget).__name__, widget.objectName(), widget.accessibleName())
            if isinstance(widget, ReadoutLabel):
                row += (widget.caption(), widget.text())
            if isinstance(widget, QPushButton):
                row += (widget.text(), str(widget.isDefault()))
            seen.append(row)
        return sorted(seen)

    def focus_chain(form: QWidget) -> list[str]:
        chain, widget = [], form.nextInFocusChain()
        while widget is not form:
            chain.append(widget.objectName())
            widget = widget.nextInFocusChain()
        return chain

    made, reference = compiled(name), loaded(name)
    qtbot.addWidget(made)
    qtbot.addWidget(reference)
    assert described(made) == described(reference)
    assert focus_chain(made) == focus_chain(reference)  # the .ui's tab stops


def test_the_start_window_loads_no_form_loader(tmp_path: Path) -> None:
    """The login (and first-run) window builds compiled forms, as every page does:
    QtUiTools stays unloaded."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from veilig_huisbezoek.gui.main_window import MainWindow\n"
        "app = QApplication([])\n"
        f"window = MainWindow(Path({str(tmp_path / 'data')!r}))\n"
        "assert window.first_run_view is not None\n"
        "print('PySide6.QtUiTools' in sys.modules)\n"
        "window.shutdown()\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "False"
