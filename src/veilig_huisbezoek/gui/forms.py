"""Load Qt Designer forms from `ui/` (the only place forms are edited).

Labels are created as :class:`~.readout.ReadoutLabel`: the ``accessibleName`` a label
has in the .ui file becomes its caption, and a screen reader hears the caption together
with what the label shows (see ``readout``).
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from ..paths import ui_dir
from .readout import ReadoutLabel

W = TypeVar("W", bound=QWidget)


class _FormLoader(QUiLoader):
    def createWidget(
        self, class_name: str, parent: QWidget | None = None, name: str = ""
    ) -> QWidget:
        if class_name == "QLabel":
            label = ReadoutLabel(parent=parent)
            label.setObjectName(name)
            return label
        return super().createWidget(class_name, parent, name)


def load_form(name: str, parent: QWidget | None = None) -> QWidget:
    path = ui_dir() / f"{name}.ui"
    file = QFile(str(path))
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(f"form {name}.ui not found in {path.parent}")
    try:
        widget = _FormLoader().load(file, parent)
    finally:
        file.close()
    if widget is None:
        raise RuntimeError(f"form {name}.ui could not be loaded")
    # The loader set text and accessibleName itself (not through ReadoutLabel.setText).
    for label in widget.findChildren(ReadoutLabel):
        label.set_caption(label.accessibleName())
    if parent is not None and isinstance(parent.window(), QDialog):
        # The button marked "default" in the form is the dialog's default (Enter). The
        # loader sets it before the form is in the dialog, where Qt would not notice:
        # the dialog would make the first button after the focus its default instead.
        for button in widget.findChildren(QPushButton):
            if button.isDefault():
                button.setDefault(False)
                button.setDefault(True)
    return widget


def child(form: QWidget, kind: type[W], name: str) -> W:
    found = form.findChild(kind, name)
    if found is None:
        raise LookupError(f"{name} missing from form {form.objectName()}")
    return found
