"""The ARIH checklist as rows of ja / nee / weet ik niet radio buttons, built from data.

Keyboard: Tab moves from question to question (one stop per row), the arrow keys
choose the answer within a row, Space checks the focused answer.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QFrame,
    QGridLayout,
    QLabel,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..domain.checklist import Answer, Checklist, ChecklistItem, FactorKind
from .i18n import domain_text

_ORDER = (Answer.JA, Answer.NEE, Answer.WEET_NIET)


class _Row:
    def __init__(self, item: ChecklistItem, label: QLabel, group: QButtonGroup) -> None:
        self.item = item
        self.label = label
        self.group = group
        self.auto_label: QLabel | None = None

    def button(self, answer: Answer) -> QRadioButton:
        found = self.group.button(_ORDER.index(answer))
        assert isinstance(found, QRadioButton)
        return found

    def answer(self) -> Answer | None:
        checked = self.group.checkedId()
        return _ORDER[checked] if checked >= 0 else None


class ChecklistWidget(QWidget):
    """Emits ``answers_changed`` after every change of an answer."""

    answers_changed = Signal()

    def __init__(self, checklist: Checklist, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checklist = checklist
        self._rows: dict[str, _Row] = {}
        self._auto: dict[str, Answer | None] = {}
        self.order: list[str] = []  # item ids in the order they are shown
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        sections = (
            (
                FactorKind.SITUATIE,
                self.tr("Situatiefactoren"),
                self.tr("Twee of meer keer ‘ja’ betekent minstens oranje."),
            ),
            (
                FactorKind.ERNSTIG,
                self.tr("Ernstige factoren"),
                self.tr("Eén keer ‘ja’ betekent rood; ‘weet ik niet’ minstens oranje."),
            ),
        )
        for kind, title, rule in sections:
            # Automatic items (the register) first: their answer is known at once.
            items = sorted(
                (it for it in checklist.items if it.kind is kind), key=lambda it: it.auto is None
            )
            if not items:
                continue
            heading = QLabel(title)
            font = QFont(heading.font())
            font.setBold(True)
            if font.pointSizeF() > 0:
                font.setPointSizeF(font.pointSizeF() * 1.2)
            heading.setFont(font)
            layout.addWidget(heading)
            rule_label = QLabel(rule)
            rule_label.setWordWrap(True)
            layout.addWidget(rule_label)
            grid = QGridLayout()
            grid.setHorizontalSpacing(12)
            grid.setColumnStretch(0, 1)
            for row_index, item in enumerate(items):
                self._add_row(grid, row_index, item)
            layout.addLayout(grid)
            layout.addSpacing(8)
        layout.addStretch(1)

    def _add_row(self, grid: QGridLayout, index: int, item: ChecklistItem) -> None:
        if index % 2:
            # Striped rows keep the eye on the right line between question and answers.
            stripe = QFrame()
            stripe.setObjectName("stripe")
            stripe.setStyleSheet("QFrame#stripe { background-color: palette(alternate-base); }")
            grid.addWidget(stripe, index * 2, 0, 2, 4)
        question, help_text = domain_text(item.text), domain_text(item.help)
        text = QLabel(question)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        if help_text:
            text.setToolTip(help_text)
        group = QButtonGroup(self)
        group.setExclusive(True)
        row = _Row(item, text, group)
        words = (self.tr("Ja"), self.tr("Nee"), self.tr("Weet ik niet"))
        for column, (answer, word) in enumerate(zip(_ORDER, words, strict=True)):
            button = QRadioButton(word)
            button.setObjectName(f"answer_{item.id}_{answer.value}")
            button.setAccessibleName(f"{question}: {word.lower()}")
            if help_text:
                button.setAccessibleDescription(help_text)
            group.addButton(button, column)
            grid.addWidget(button, index * 2, column + 1)
        text.setBuddy(row.button(Answer.JA))
        grid.addWidget(text, index * 2, 0)
        auto_label = QLabel()
        auto_label.setWordWrap(True)
        auto_label.setTextFormat(Qt.TextFormat.PlainText)
        auto_label.hide()
        grid.addWidget(auto_label, index * 2 + 1, 0, 1, 4)
        row.auto_label = auto_label
        group.idToggled.connect(self._toggled)
        self._rows[item.id] = row
        self.order.append(item.id)

    def _toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self.answers_changed.emit()

    # ---- state --------------------------------------------------------------------
    def answers(self) -> dict[str, Answer]:
        """Only the answered items (the domain counts a missing answer as weet ik niet)."""
        result: dict[str, Answer] = {}
        for item_id, row in self._rows.items():
            answer = row.answer()
            if answer is not None:
                result[item_id] = answer
        return result

    def unanswered(self) -> list[ChecklistItem]:
        return [row.item for row in self._rows.values() if row.answer() is None]

    def set_answer(self, item_id: str, answer: Answer | None) -> None:
        row = self._rows[item_id]
        if answer is None:
            row.group.setExclusive(False)
            for button in row.group.buttons():
                button.setChecked(False)
            row.group.setExclusive(True)
            self.answers_changed.emit()
        else:
            row.button(answer).setChecked(True)

    def set_auto(
        self, item_id: str, answer: Answer | None, explanation: str, *, editable: bool = False
    ) -> None:
        """Answer an automatic item read-only; ``answer=None`` leaves it open (pending, or
        for the person to answer when ``editable``)."""
        row = self._rows[item_id]
        for button in row.group.buttons():
            button.setEnabled(editable)
        assert row.auto_label is not None
        row.auto_label.setStyleSheet(
            "color: #7f0000; font-weight: bold;" if answer is Answer.JA else "font-style: italic;"
        )
        row.auto_label.setText(explanation)
        row.auto_label.setVisible(bool(explanation))
        if editable:
            self._auto.pop(item_id, None)
        else:
            self._auto[item_id] = answer
        self.set_answer(item_id, answer)

    def is_auto(self, item_id: str) -> bool:
        return item_id in self._auto

    def focus_item(self, item_id: str) -> None:
        row = self._rows[item_id]
        target = row.group.checkedButton() or row.button(Answer.JA)
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def buttons(self, item_id: str) -> list[QAbstractButton]:
        return list(self._rows[item_id].group.buttons())

    def clear(self) -> None:
        """Forget every answer that the person gave (automatic answers stay)."""
        self.blockSignals(True)
        try:
            for item_id in self._rows:
                if item_id not in self._auto:
                    self.set_answer(item_id, None)
        finally:
            self.blockSignals(False)
        self.answers_changed.emit()
