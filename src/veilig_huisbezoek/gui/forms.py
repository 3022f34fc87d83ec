"""Qt Designer forms: edited in `ui/`, compiled to Python in `gui/forms_generated/`.

``tools/compile_forms.py`` runs ``pyside6-uic`` on every ``ui/<name>.ui`` and writes
``gui/forms_generated/ui_<name>.py`` (a test checks they are in step). A page builds its
form with :func:`setup_form` and reaches the widgets as ``self.ui.<objectName>``, typed.

Labels are created as :class:`~.readout.ReadoutLabel`: the ``accessibleName`` a label
has in the .ui file becomes its caption, and a screen reader hears the caption together
with what the label shows (see ``readout``).
"""

from __future__ import annotations

from typing import Protocol, TypeVar

from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from .readout import ReadoutLabel, building_form

W = TypeVar("W", bound=QWidget)
W_contra = TypeVar("W_contra", bound=QWidget, contravariant=True)


class FormUi(Protocol[W_contra]):
    """A compiled form (``Ui_<Name>`` of ``forms_generated``)."""

    def setupUi(self, form: W_contra, /) -> None: ...


def setup_form(ui: FormUi[W], form: W) -> W:
    """Build the compiled form ``ui`` into ``form`` (a new widget, the form's top class).

    Create ``form`` with its parent, so that a form in a dialog gets the dialog's default
    button: ``self.form = setup_form(self.ui, QWidget(self))``.
    """
    with building_form():
        ui.setupUi(form)
    _finish(form)
    return form


def _finish(form: QWidget) -> None:
    # The form set text and accessibleName itself (not through ReadoutLabel.setText).
    for label in form.findChildren(ReadoutLabel):
        label.set_caption(label.accessibleName())
    if isinstance(form.window(), QDialog):
        # The button marked "default" in the form is the dialog's default (Enter). The
        # form sets it before it is in the dialog, where Qt would not notice: the
        # dialog would make the first button after the focus its default instead.
        for button in form.findChildren(QPushButton):
            if button.isDefault():
                button.setDefault(False)
                button.setDefault(True)


# Every QLabel of a form is made a ReadoutLabel through Qt's own custom-widget path
# (the class promoted in the .ui's XML; tools/compile_forms.py compiles that XML).
# Overriding QUiLoader.createWidget in Python instead crashed now and then (a segfault
# inside the base createWidget, called back from C++; see PYSIDE-3122).
_LABEL = b'class="QLabel"'
_PROMOTED = b'class="ReadoutLabel"'
_CUSTOM_WIDGETS = (
    b"<customwidgets><customwidget><class>ReadoutLabel</class><extends>QLabel</extends>"
    b"<header>veilig_huisbezoek.gui.readout</header></customwidget></customwidgets>"
)


def with_readout_labels(xml: bytes) -> bytes:
    """A .ui file's XML with every QLabel promoted to ReadoutLabel."""
    if _LABEL not in xml:
        return xml
    if b"<customwidgets>" in xml:
        raise ValueError("a form with its own custom widgets: add ReadoutLabel there")
    promoted = xml.replace(_LABEL, _PROMOTED)
    return promoted.replace(b"</ui>", _CUSTOM_WIDGETS + b"</ui>", 1)
