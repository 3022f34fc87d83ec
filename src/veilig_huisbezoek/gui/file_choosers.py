"""Where to save or what to open: the person picks a path in Qt's file dialog.

Pages hold a chooser in an attribute (``choose_save_path``…) so tests can answer for the
person. Documents are written only to the chosen path, never to a temporary file.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFileDialog, QWidget

# (parent, caption, suggested name, filter) → the chosen path, or None when cancelled.
SavePathChooser = Callable[[QWidget, str, str, str], str | None]
# (parent, caption) → the chosen path, or None when cancelled.
OpenPathChooser = Callable[[QWidget, str], str | None]


def ask_save_path(parent: QWidget, caption: str, suggested: str, file_filter: str) -> str | None:
    path, _selected = QFileDialog.getSaveFileName(parent, caption, suggested, file_filter)
    return path or None


def ask_open_path(parent: QWidget, caption: str) -> str | None:
    path, _selected = QFileDialog.getOpenFileName(parent, caption)
    return path or None
