"""What a window shows, as text, and which of it is still the Dutch source language.

``shown_texts`` walks a window's visible widgets and collects what a person reads or
hears there: labels, buttons, tab titles and tips, group boxes, placeholders, tooltips,
window titles, combo box entries, table headers and cells, read-only text. ``DutchCatalogue``
holds every Dutch source text of the app (the .ts: tr() texts, .ui texts and the domain
texts) whose English differs, and finds them in those texts, also as a part ("Status:
Geëscaleerd") and as a filled-in template ("Risiconiveau Rood").
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "veilig_huisbezoek_en.ts"
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
# Where one text shown holds several: "Status: Geëscaleerd", "■ Rood", "(Nederlandse tijd)".
_PARTS = re.compile(r"[\n:;()\[\]•■▲●⚠◷☎✓→—–|]|\s{2,}|\u00a0|\u2028|\u2029")
_MAX_ROWS = 200


def _lines(text: str) -> str:
    """Rich text as plain text with its paragraphs and table cells on lines of their own."""
    if "<" in text and ">" in text:
        return QTextDocumentFragment.fromHtml(text).toPlainText()
    return text


def plain(text: str) -> str:
    """What is read: rich text as plain text, no mnemonic '&', one space between words."""
    text = _lines(text).replace("&&", "\0").replace("&", "").replace("\0", "&")
    return " ".join(text.replace("\u00a0", " ").split())


def _key(text: str) -> str:
    return plain(text).strip(" .:…,").casefold()


def parts(text: str) -> Iterator[str]:
    """The text, its pieces between separators, and those pieces split at commas."""
    yield plain(text)
    for line in _lines(text).splitlines():
        yield plain(line)
        for piece in _PARTS.split(line):
            piece = plain(piece)
            if piece:
                yield piece
                yield from (p.strip() for p in piece.split(",") if p.strip())


@dataclass
class DutchCatalogue:
    """Dutch source texts (keyed case-insensitively) and templates with placeholders."""

    texts: dict[str, str] = field(default_factory=dict)
    templates: list[tuple[re.Pattern[str], str]] = field(default_factory=list)
    _phrases: re.Pattern[str] | None = None

    @classmethod
    def load(cls, ts: Path = TS, extra: Iterable[str] = ()) -> DutchCatalogue:
        catalogue = cls()
        tree = ET.parse(ts)
        for message in tree.iter("message"):
            source = message.findtext("source") or ""
            english = message.findtext("translation") or ""
            if _key(source) == _key(english):
                continue  # the same word in both languages ("Status", "Buddy", "Alarm")
            catalogue.add(source)
        for text in extra:
            catalogue.add(text)
        return catalogue

    def add(self, source: str) -> None:
        if _PLACEHOLDER.search(source):
            literal = plain(_PLACEHOLDER.sub(" ", source))
            # Only templates with words of their own: "{name} ({phone})" proves nothing.
            if sum(ch.isalpha() for ch in literal) < 6:
                return
            pieces = _PLACEHOLDER.split(plain(re.sub(r"<[^>]+>", " ", source)))
            pattern = ".+?".join(re.escape(p.strip()) for p in pieces)
            self.templates.append((re.compile(pattern, re.I | re.S), source))
        else:
            key = _key(source)
            if sum(ch.isalpha() for ch in key) >= 2:
                self.texts[key] = source

    def phrases(self) -> re.Pattern[str]:
        """Dutch texts of several words, to be found inside a longer text too."""
        if self._phrases is None:
            long = sorted((k for k in self.texts if " " in k and len(k) >= 12), key=len)
            alternatives = "|".join(re.escape(k) for k in reversed(long))
            self._phrases = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
        return self._phrases

    def dutch_in(self, text: str) -> str | None:
        """The Dutch source text found in ``text``, if any."""
        for piece in parts(text):
            found = self.texts.get(_key(piece))
            if found is not None:
                return found
        whole = plain(text)
        match = self.phrases().search(whole.casefold())
        if match is not None:
            return self.texts[match.group(0)]
        for pattern, source in self.templates:
            if pattern.search(whole):
                return source
        return None


def _model_texts(model: QAbstractItemModel) -> Iterator[str]:
    top = QModelIndex()
    # A list model's columnCount is private in PySide6: it has one column.
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(top)
    for column in range(columns):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = model.headerData(column, Qt.Orientation.Horizontal, role)
            if isinstance(value, str):
                yield value
    for row in range(min(model.rowCount(top), _MAX_ROWS)):
        for column in range(columns):
            index = model.index(row, column)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    yield value


def _widget_texts(widget: QWidget) -> Iterator[str]:
    if widget.isWindow():
        yield widget.windowTitle()
    yield widget.toolTip()
    if isinstance(widget, QLabel | QAbstractButton):
        yield widget.text()
    if isinstance(widget, QGroupBox):
        yield widget.title()
    if isinstance(widget, QLineEdit):
        yield widget.placeholderText()
        if widget.isReadOnly():
            yield widget.text()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        yield widget.placeholderText()
        if widget.isReadOnly():
            yield widget.toPlainText()
    if isinstance(widget, QAbstractSpinBox):
        yield widget.specialValueText()
        for name in ("prefix", "suffix"):
            getter = getattr(widget, name, None)
            if getter is not None:
                yield getter()
    if isinstance(widget, QComboBox):
        for i in range(widget.count()):
            yield widget.itemText(i)
            tip = widget.itemData(i, Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str):
                yield tip
    if isinstance(widget, QTabBar):
        for i in range(widget.count()):
            yield widget.tabText(i)
            yield widget.tabToolTip(i)
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        yield from _model_texts(widget.model())


def shown_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every non-empty text of the visible widgets under ``root``."""
    found: list[tuple[str, str]] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        where = f"{type(widget).__name__}:{widget.objectName() or '?'}"
        found += [(where, text) for text in _widget_texts(widget) if text and text.strip()]
    return found


def dutch_texts(
    catalogue: DutchCatalogue, found: Iterable[tuple[str, str]], allowed: Iterable[str] = ()
) -> list[str]:
    """One line per shown text that is (or holds) a Dutch source text."""
    allow = {_key(a) for a in allowed}
    problems = []
    for where, text in found:
        source = catalogue.dutch_in(text)
        if source is not None and _key(source) not in allow:
            problems.append(f"{where}: {plain(text)[:160]!r} (Dutch: {source!r})")
    return sorted(set(problems))
