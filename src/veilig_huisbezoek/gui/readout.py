"""What a screen reader hears: labels that say what they show, and announcements.

**Display labels.** Every ``QLabel`` of a ``ui/*.ui`` form is a :class:`ReadoutLabel`
(the compiled forms create them, see ``forms``). A display label's ``accessibleName`` in
the .ui file is its *caption*: a screen reader hears ``"<caption>: <what the label
shows>"``, kept up to date by ``setText`` (QLabel has no signal for a new text, so the
label itself does it). A label without a caption is read by what it shows, as Qt does
for any label. Rich text is read as plain text: never markup, in the name nor in the
description (a rich tooltip is a label's description). Labels built in code use the same
class (``ReadoutLabel(caption=...)``).

**Announcements.** :func:`announce` asks the screen reader to speak a message now
(an alarm that appears): a ``QAccessibleAnnouncementEvent`` (AT-SPI, UI Automation,
macOS read it out; assertive, so it interrupts) and an ``Alert`` event for the widget
that shows it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent
from PySide6.QtWidgets import QLabel, QWidget

# Tags after which the text goes on on a new line.
_BREAKS = frozenset(
    {"br", "p", "div", "li", "tr", "hr", "ul", "ol", "table", "h1", "h2", "h3", "h4"}
)


class _PlainText(HTMLParser):
    """Rich text as it reads: table cells of a row joined by ": ", blocks as lines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._cells = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("td", "th"):
            if self._cells:
                self.parts.append(": ")
            self._cells += 1
        elif tag in _BREAKS:
            if tag == "tr":
                self._cells = 0
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BREAKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _might_be_rich(text: str) -> bool:
    return bool(QtGui.Qt.mightBeRichText(text))


def plain_text(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """What a text says without markup: one line per paragraph, spaces collapsed."""
    rich = text_format == Qt.TextFormat.RichText or (
        text_format == Qt.TextFormat.AutoText and _might_be_rich(text)
    )
    if rich:
        parser = _PlainText()
        parser.feed(text)
        parser.close()
        text = "".join(parser.parts)
    lines = (" ".join(line.replace("\u00a0", " ").split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def spoken_name(caption: str, shown: str) -> str:
    """The name of a display label: its caption and what it shows."""
    if caption and shown:
        return f"{caption}: {shown}"
    return caption or shown


class ReadoutLabel(QLabel):
    """A label whose accessible name is its caption plus the text it shows."""

    # How many forms are being built (see building_form): meanwhile the labels keep the
    # texts and accessible names the .ui gives them, whatever the order they come in.
    _forms_building = 0

    def __init__(
        self, text: str | QWidget | None = "", parent: QWidget | None = None, *, caption: str = ""
    ) -> None:
        if not isinstance(text, str):  # ReadoutLabel(parent), as Qt's form loader makes it
            parent = text if parent is None else parent
            text = ""
        super().__init__(text, parent)
        self._caption = caption
        self._tip_description = False
        self._sync()

    def caption(self) -> str:
        return self._caption

    def set_caption(self, caption: str) -> None:
        self._caption = caption
        self._sync()

    def shown_text(self) -> str:
        """What the label shows, as plain text."""
        return plain_text(self.text(), self.textFormat())

    # QLabel's ways to change what it shows, each followed by the name.
    def setText(self, text: str, /) -> None:
        super().setText(text)
        self._sync()

    def clear(self) -> None:
        super().clear()
        self._sync()

    def setNum(self, number: float, /) -> None:
        super().setNum(number)
        self._sync()

    def setTextFormat(self, text_format: Qt.TextFormat, /) -> None:
        super().setTextFormat(text_format)
        self._sync()

    def setToolTip(self, tip: str, /) -> None:
        """A rich tooltip (the description a screen reader reads) as plain text."""
        super().setToolTip(tip)
        rich = _might_be_rich(tip)
        if rich or self._tip_description:
            self.setAccessibleDescription(plain_text(tip) if rich else "")
            self._tip_description = rich

    def _sync(self) -> None:
        if ReadoutLabel._forms_building:
            return  # the form sets the caption once it is built
        shown = self.shown_text()
        rich = self.textFormat() == Qt.TextFormat.RichText or (
            self.textFormat() == Qt.TextFormat.AutoText and _might_be_rich(self.text())
        )
        # Without a caption, plain text is read as shown (Qt's own name for a label).
        name = spoken_name(self._caption, shown) if self._caption or rich else ""
        if self.accessibleName() != name:
            self.setAccessibleName(name)  # Qt sends NameChanged


@contextmanager
def building_form() -> Iterator[None]:
    """While a compiled form sets itself up: its labels take texts and names as given.

    The generated ``setupUi`` sets a label's ``accessibleName`` (the caption) and its
    text in the .ui's order; the form then makes each name the caption (``set_caption``).
    """
    ReadoutLabel._forms_building += 1
    try:
        yield
    finally:
        ReadoutLabel._forms_building -= 1


def sentences(*parts: str) -> str:
    """Texts read one after the other, each ending like a sentence (a pause)."""
    said = (" ".join(plain_text(p).split()) for p in parts)
    return " ".join(p if p.endswith((".", "!", "?", ":")) else f"{p}." for p in said if p)


def announce(widget: QWidget, message: str) -> None:
    """Have a screen reader speak ``message`` now, interrupting what it was saying."""
    message = plain_text(message)
    if not message:
        return
    event = QAccessibleAnnouncementEvent(widget, message)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)
    QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.Alert))
