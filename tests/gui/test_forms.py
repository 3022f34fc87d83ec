"""Forms load through Qt's custom-widget path: every label reads out what it shows."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from veilig_huisbezoek.gui.forms import load_form
from veilig_huisbezoek.gui.readout import ReadoutLabel
from veilig_huisbezoek.paths import ui_dir

FORMS = sorted(path.stem for path in ui_dir().glob("*.ui"))


@pytest.mark.parametrize("name", FORMS)
def test_every_label_of_a_form_is_a_readout_label(qtbot: QtBot, name: str) -> None:
    form = load_form(name)
    qtbot.addWidget(form)
    labels = form.findChildren(QLabel)
    assert all(isinstance(label, ReadoutLabel) for label in labels), name
    for label in labels:
        assert isinstance(label, ReadoutLabel)
        # The .ui's accessibleName is the caption; the name adds what the label shows.
        label.setText("06 12345678")
        expected = f"{label.caption()}: 06 12345678" if label.caption() else ""
        assert label.accessibleName() == expected
