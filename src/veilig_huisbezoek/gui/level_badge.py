"""A risk-level pill: shape + word + colour, so the level never depends on colour alone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from ..domain.checklist import RiskLevel
from .i18n import domain_text

# (background, text colour); each pair has a contrast ratio of at least 7:1.
_COLOURS: dict[RiskLevel | None, tuple[str, str]] = {
    RiskLevel.GROEN: ("#1b5e20", "#ffffff"),
    RiskLevel.ORANJE: ("#ffb000", "#000000"),
    RiskLevel.ROOD: ("#a50e0e", "#ffffff"),
    None: ("#e0e0e0", "#000000"),
}
_SHAPES: dict[RiskLevel | None, str] = {
    RiskLevel.GROEN: "●",
    RiskLevel.ORANJE: "▲",
    RiskLevel.ROOD: "■",
    None: "○",
}


class LevelBadge(QLabel):
    """Shows groen / oranje / rood as "● GROEN", "▲ ORANJE", "■ ROOD" in a coloured pill.

    ``scale`` enlarges the font relative to the application font (no pixel sizes, so
    the badge grows with the system's text scaling).
    """

    def __init__(
        self,
        level: RiskLevel | None = None,
        parent: QWidget | None = None,
        *,
        scale: float = 1.3,
    ) -> None:
        super().__init__(parent)
        self._level: RiskLevel | None = None
        font = QFont(self.font())
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * scale)
        font.setBold(True)
        self.setFont(font)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.set_level(level)

    def level(self) -> RiskLevel | None:
        return self._level

    def word(self, level: RiskLevel | None) -> str:
        if level is None:
            return self.tr("NOG NIET BEPAALD")
        return domain_text(level.label).upper()

    def set_level(self, level: RiskLevel | None) -> None:
        self._level = level
        background, foreground = _COLOURS[level]
        self.setText(f"{_SHAPES[level]} {self.word(level)}")
        self.setStyleSheet(
            f"QLabel {{ background-color: {background}; color: {foreground}; "
            f"border: 2px solid {foreground if level is RiskLevel.ORANJE else background}; "
            "border-radius: 0.6em; padding: 0.25em 0.9em; }"
        )
        if level is None:
            name = self.tr("Risiconiveau: nog niet bepaald")
        else:
            name = self.tr("Risiconiveau: {level}").format(level=self.word(level).lower())
        self.setAccessibleName(name)
        self.setToolTip(name)
