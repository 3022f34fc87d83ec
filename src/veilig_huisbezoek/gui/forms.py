"""Load Qt Designer forms from `ui/` (the only place forms are edited).

Labels are created as :class:`~.readout.ReadoutLabel`: the ``accessibleName`` a label
has in the .ui file becomes its caption, and a screen reader hears the caption together
with what the label shows (see ``readout``).
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from ..paths import ui_dir
from .readout import ReadoutLabel

W = TypeVar("W", bound=QWidget)


# Every QLabel of a form is made a ReadoutLabel through Qt's own custom-widget path
# (the class promoted in the .ui's XML, the Python class registered with the loader).
# Overriding QUiLoader.createWidget in Python instead crashed now and then (a segfault
# inside the base createWidget, called back from C++; see PYSIDE-3122).
_LABEL = b'class="QLabel"'
_PROMOTED = b'class="ReadoutLabel"'
_CUSTOM_WIDGETS = (
    b"<customwidgets><customwidget><class>ReadoutLabel</class><extends>QLabel</extends>"
    b"<header>veilig_huisbezoek.gui.readout</header></customwidget></customwidgets>"
)


def _with_readout_labels(xml: bytes) -> bytes:
    if _LABEL not in xml:
        return xml
    if b"<customwidgets>" in xml:
        raise ValueError("a form with its own custom widgets: add ReadoutLabel there")
    promoted = xml.replace(_LABEL, _PROMOTED)
    return promoted.replace(b"</ui>", _CUSTOM_WIDGETS + b"</ui>", 1)


def _plain_loader() -> QUiLoader:
    """A QUiLoader without Qt Designer's widget plugins.

    Its constructor loads every plugin under ``<library path>/designer`` (in the
    PySide6 wheel: QWebEngineView, QQuickWidget and PySide's own), which took ~30 MiB
    and ~30 ms on first use; the forms hold standard widgets only (and ReadoutLabel,
    registered by hand). So the library paths are empty while it is made."""
    saved = QCoreApplication.libraryPaths()
    QCoreApplication.setLibraryPaths([])
    try:
        loader = QUiLoader()
    finally:
        QCoreApplication.setLibraryPaths(saved)
    loader.clearPluginPaths()
    return loader


def load_form(name: str, parent: QWidget | None = None) -> QWidget:
    path = ui_dir() / f"{name}.ui"
    try:
        xml = path.read_bytes()
    except OSError as error:
        raise FileNotFoundError(f"form {name}.ui not found in {path.parent}") from error
    buffer = QBuffer()
    buffer.setData(QByteArray(_with_readout_labels(xml)))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    loader = _plain_loader()
    loader.registerCustomWidget(ReadoutLabel)
    try:
        widget = loader.load(buffer, parent)
    finally:
        buffer.close()
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
