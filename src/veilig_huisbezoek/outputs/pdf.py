"""HTML to PDF bytes with QTextDocument and QPdfWriter, in memory (no temp files).

Needs a ``QGuiApplication`` (fonts); the app and the GUI tests have one.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

RESOLUTION = 300  # dots per inch of the PDF's device space
MARGIN_MM = 20.0
FOOTER_MM = 10.0
FONT_FAMILY = "DejaVu Sans"
BASE_POINT_SIZE = 10


# OpenType features that join letters into one glyph (ﬁ, ﬂ, ﬀ, ﬃ …). A PDF reader then
# extracts "ﬁnanciële" and a search for "financiële" finds nothing; screen readers may
# stumble too. Without them every letter stays its own glyph (Qt 6.7+: QFont.setFeature).
_LIGATURE_FEATURES = ("liga", "clig", "dlig", "hlig")


def document_font(point_size: float) -> QFont:
    """The documents' font: DejaVu Sans (Latin, accents, ■▲●), no ligatures."""
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(point_size)
    for feature in _LIGATURE_FEATURES:
        font.setFeature(QFont.Tag(feature), 0)
    return font


def _mm(mm: float) -> float:
    return mm / 25.4 * RESOLUTION


def render_pdf(html: str, *, title: str, footer: str = "", creator: str = "") -> bytes:
    """Lay out ``html`` on A4 pages with a footer line (``footer``, page n of m)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setTitle(title)
    writer.setCreator(creator or "Veilig Huisbezoek")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    body = writer.pageLayout().paintRectPixels(RESOLUTION)
    footer_height = _mm(FOOTER_MM)
    page_height = body.height() - footer_height

    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    # Every size, weight and table of the HTML inherits the features of this font.
    document.setDefaultFont(document_font(BASE_POINT_SIZE))
    document.setDocumentMargin(0)
    document.setHtml(html)
    document.setPageSize(QSizeF(body.width(), page_height))
    pages = max(1, document.pageCount())

    painter = QPainter()
    if not painter.begin(writer):
        raise RuntimeError("PDF writer could not start")
    try:
        footer_font = document_font(8)
        for page in range(pages):
            if page:
                writer.newPage()
            painter.save()
            painter.translate(0, -page * page_height)
            clip = QRectF(0, page * page_height, body.width(), page_height)
            painter.setClipRect(clip)
            document.drawContents(painter, clip)
            painter.restore()
            painter.save()
            painter.setFont(footer_font)
            painter.setPen(QPen(QColor("#555555")))
            line_y = page_height + footer_height * 0.35
            painter.drawLine(0, int(line_y), int(body.width()), int(line_y))
            text_rect = QRectF(0, line_y, body.width(), footer_height * 0.65)
            painter.drawText(
                text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, footer
            )
            painter.drawText(
                text_rect,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"pagina {page + 1} van {pages}",
            )
            painter.restore()
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())
