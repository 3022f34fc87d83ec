"""Rapportages: the leidinggevende's charts (QtCharts) with CSV export (seed 004).

Only the numbers of ``services.reports`` are drawn: counts within what the viewer may
see, never names or addresses. Every chart also carries its numbers as accessible
text, so a screen reader user gets the same information. Below the charts, the response
figures (``domain.response``) are a table per measure with a row per month.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QValueAxis,
)
from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain.checklist import RiskLevel
from ..domain.response import Measure, MonthFigures, minutes_seconds
from ..services import reports
from ..services.context import ServiceContext
from ..services.files import write_atomically
from ..services.reports import ReportNumbers
from .file_choosers import SavePathChooser, ask_save_path
from .forms_generated.ui_reports_page import Ui_ReportsPage
from .hub import AppHub
from .i18n import domain_text
from .look import ERROR_STYLE, OK_STYLE, scaled_font
from .page_base import WorkspacePage
from .readout import ReadoutLabel
from .table_model import Index, RowTableModel
from .tasks import TaskRunner

PERIODS = (3, 6, 12, 24)
LEVEL_COLOURS = {RiskLevel.GROEN: "#1b7a34", RiskLevel.ORANJE: "#c05600", RiskLevel.ROOD: "#b71c1c"}
BAR_COLOUR = "#1f4e79"
# A response table shows this many months before it scrolls.
RESPONSE_ROWS_SHOWN = 12


class ResponseModel(RowTableModel[MonthFigures]):
    """One measure's figures, a row per month (newest first): Maand, number answered,
    Mediaan, P90 (minutes:seconds) and number without a response; "—" where nothing was
    measured."""

    def __init__(
        self,
        headers: tuple[str, ...],
        month_text: Callable[[str], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._headers = headers
        self._month_text = month_text

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (
                self._month_text(row.month),
                str(row.measured),
                minutes_seconds(row.median),
                minutes_seconds(row.p90),
                str(row.missed),
            )[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ReportsPage(WorkspacePage[Ui_ReportsPage]):
    def __init__(
        self, ctx: ServiceContext, tasks: TaskRunner, hub: AppHub, parent: QWidget | None = None
    ) -> None:
        super().__init__(Ui_ReportsPage(), ctx, tasks, hub, parent)
        self.title = self.tr("Rapportages")
        self.numbers: ReportNumbers | None = None
        self.choose_save_path: SavePathChooser = ask_save_path
        f = self.form
        title = self.ui.titleLabel
        title.setFont(scaled_font(title, 1.35))
        self.summary_label = self.ui.summaryLabel
        self.period_combo = self.ui.periodCombo
        self.refresh_button = self.ui.refreshButton
        self.csv_button = self.ui.csvButton
        self.message_label = ReadoutLabel(caption=self.tr("Melding"))
        self.message_label.hide()
        page_layout = f.layout()
        assert page_layout is not None
        page_layout.addWidget(self.message_label)
        for months in PERIODS:
            self.period_combo.addItem(self.tr("laatste {n} maanden").format(n=months), months)
        self.period_combo.setCurrentIndex(PERIODS.index(12))
        self.views: dict[str, QChartView] = {}
        for key, box, name in (
            ("month", self.ui.monthChartBox, self.tr("Incidenten per maand")),
            ("category", self.ui.categoryChartBox, self.tr("Incidenten per soort gedrag")),
            ("channel", self.ui.channelChartBox, self.tr("Incidenten per kanaal")),
            ("level", self.ui.levelChartBox, self.tr("Bezoeken per niveau")),
        ):
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            view = QChartView()
            view.setObjectName(f"{key}Chart")
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setAccessibleName(name)
            view.setMinimumHeight(220)
            view.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            box_layout.addWidget(view)
            self.views[key] = view
        response_title = self.ui.responseTitle
        response_title.setFont(scaled_font(response_title, 1.15))
        median, p90 = self.tr("Mediaan"), self.tr("P90")  # min:s, as the intro says
        headers = {
            Measure.CALLBACK: (
                self.tr("Maand"), self.tr("Gebeld"), median, p90, self.tr("Niet gebeld"),
            ),
            Measure.ALARM: (
                self.tr("Maand"), self.tr("Bevestigd"), median, p90, self.tr("Niet bevestigd"),
            ),
            Measure.UNWATCHED: (
                self.tr("Maand"), self.tr("Weer bewaakt"), median, p90, self.tr("Nog onbewaakt"),
            ),
        }  # fmt: skip
        # A measure added to the report (domain.response.Measure) gets its table here.
        self.response_tables: dict[Measure, QTableView] = {
            Measure.CALLBACK: self.ui.callbackTable,
            Measure.ALARM: self.ui.alarmTable,
            Measure.UNWATCHED: self.ui.unwatchedTable,
        }
        self.response_models: dict[Measure, ResponseModel] = {}
        for measure, table in self.response_tables.items():
            model = ResponseModel(headers[measure], self.month_text, self)
            table.setModel(model)
            table.verticalHeader().hide()
            header = table.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
            self.response_models[measure] = model
        previous: QWidget = self.csv_button
        for widget in [*self.views.values(), *self.response_tables.values()]:
            QWidget.setTabOrder(previous, widget)
            previous = widget
        self.period_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh_button.clicked.connect(self.refresh)
        self.csv_button.clicked.connect(self.export_csv)
        self.when_shown.follow_visits(hub)
        hub.notes_changed.connect(self.when_shown.changed)
        self.refresh()

    # ---- data -----------------------------------------------------------------------
    def months(self) -> int:
        value = self.period_combo.currentData()
        return int(value) if value is not None else 12

    def reload(self) -> None:
        """Build the report on the task runner (see ``load_in_background``)."""
        ctx, months = self.ctx, self.months()
        self.load_in_background(
            lambda: reports.build_report(ctx, months=months), self._loaded, self._load_failed
        )

    def _loaded(self, result: object) -> None:
        numbers = cast(ReportNumbers, result)
        self.numbers = numbers
        self._say("")
        self._draw(numbers)

    def _say(self, text: str, *, error: bool = False) -> None:
        if not text:
            self.message_label.hide()
            return
        self.message_label.setStyleSheet(ERROR_STYLE if error else OK_STYLE)
        self.message_label.setText(f"⚠ {text}" if error else f"✔ {text}")
        self.message_label.show()

    def month_text(self, key: str) -> str:
        """``2026-03`` → ``mrt 2026`` (``Mar 2026`` in English)."""
        names = (
            self.tr("jan"), self.tr("feb"), self.tr("mrt"), self.tr("apr"),
            self.tr("mei"), self.tr("jun"), self.tr("jul"), self.tr("aug"),
            self.tr("sep"), self.tr("okt"), self.tr("nov"), self.tr("dec"),
        )  # fmt: skip
        year, month = key.split("-")
        return f"{names[int(month) - 1]} {year}"

    def _draw(self, numbers: ReportNumbers) -> None:
        self._bars(
            "month",
            self.tr("Incidenten per maand"),
            [(self.month_text(key), n) for key, n in numbers.incidents_per_month],
        )
        self._bars(
            "category",
            self.tr("Incidenten per soort gedrag (A–E)"),
            [(c.value, n) for c, n in numbers.incidents_per_category],
        )
        self._bars(
            "channel",
            self.tr("Incidenten per kanaal"),
            [(domain_text(c.label), n) for c, n in numbers.incidents_per_channel],
        )
        self._bars(
            "level",
            self.tr("Bezoeken per niveau"),
            [(domain_text(level.label), n) for level, n in numbers.visits_per_level],
            colours=[LEVEL_COLOURS[level] for level, _n in numbers.visits_per_level],
        )
        overdue = (
            self.tr("Te late herbeoordelingen in het adresregister: {n}.").format(
                n=numbers.overdue_reviews
            )
            if numbers.overdue_reviews is not None
            else ""
        )
        self.summary_label.setText(
            self.tr("{total} incidenten van {first} tot en met {last}. {overdue}")
            .format(
                total=numbers.incident_total,
                first=self.month_text(f"{numbers.first_month:%Y-%m}"),
                last=self.month_text(f"{numbers.last_month:%Y-%m}"),
                overdue=overdue,
            )
            .strip()
        )
        for figures in numbers.responses:
            table = self.response_tables.get(figures.measure)
            if table is None:
                continue
            # Newest month first: the one a leidinggevende looks at (the CSV keeps order).
            self.response_models[figures.measure].replace_rows(figures.months[::-1])
            self._fit_rows(table, len(figures.months))

    @staticmethod
    def _fit_rows(table: QTableView, rows: int) -> None:
        """As high as its months (up to ``RESPONSE_ROWS_SHOWN``; beyond that it scrolls)."""
        shown = min(max(rows, 1), RESPONSE_ROWS_SHOWN)
        height = (
            table.horizontalHeader().sizeHint().height()
            + shown * table.verticalHeader().defaultSectionSize()
            + 2 * table.frameWidth()
        )
        table.setMinimumHeight(height)
        table.setMaximumHeight(height)

    def response_texts(self, measure: Measure) -> list[list[str]]:
        """A response table as shown: its header, then a row per month (for tests)."""
        model = self.response_models[measure]
        header = [
            str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())
        ]
        rows = [
            [str(model.data(model.index(r, c))) for c in range(model.columnCount())]
            for r in range(model.rowCount(QModelIndex()))
        ]
        return [header, *rows]

    def _bars(
        self,
        key: str,
        title: str,
        values: list[tuple[str, int]],
        *,
        colours: list[str] | None = None,
    ) -> None:
        chart = QChart()
        chart.setTitle(title)
        chart.legend().hide()
        series = QBarSeries()
        if colours is None:
            bar_set = QBarSet(title)
            bar_set.setColor(QColor(BAR_COLOUR))
            bar_set.append([float(n) for _label, n in values])
            series.append(bar_set)
        else:  # one set per bar, each in its own colour (the level's)
            for index, ((label, n), colour) in enumerate(zip(values, colours, strict=True)):
                bar_set = QBarSet(label)
                bar_set.setColor(QColor(colour))
                bar_set.append([float(n) if i == index else 0.0 for i in range(len(values))])
                series.append(bar_set)
            series.setBarWidth(0.9)
        series.setLabelsVisible(True)
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append([label for label, _n in values])
        if len(values) > 6:  # "mrt 2026" under each of 12 bars: slanted, not cut to "mr…"
            axis_x.setLabelsAngle(-45)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        axis_y = QValueAxis()
        top = max([n for _label, n in values] + [1])
        axis_y.setRange(0, top + max(1, top // 5))
        axis_y.setLabelFormat("%d")
        axis_y.setTickCount(min(top + 2, 6) if top < 5 else 6)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
        view = self.views[key]
        old = view.chart()
        view.setChart(chart)
        if old is not None:
            old.deleteLater()
        view.setAccessibleDescription("; ".join(f"{label}: {n}" for label, n in values))

    def chart_values(self, key: str) -> list[tuple[str, int]]:
        """The numbers a chart draws, read back from its series (for tests and checks)."""
        chart = self.views[key].chart()
        [series] = chart.series()
        assert isinstance(series, QBarSeries)
        axis = chart.axes(Qt.Orientation.Horizontal)[0]
        assert isinstance(axis, QBarCategoryAxis)
        labels = axis.categories()
        totals = [0.0] * len(labels)
        for bar_set in series.barSets():
            for i in range(bar_set.count()):
                totals[i] += bar_set.at(i)
        return [(label, int(total)) for label, total in zip(labels, totals, strict=True)]

    # ---- export ---------------------------------------------------------------------
    def export_csv(self) -> None:
        if self.numbers is None:
            return
        suggested = (
            f"rapportage-{self.numbers.first_month:%Y-%m}-{self.numbers.last_month:%Y-%m}.csv"
        )
        path = self.choose_save_path(
            self, self.tr("Rapportage opslaan als"), suggested, self.tr("CSV-bestanden (*.csv)")
        )
        if not path:
            return
        try:
            # utf-8 with BOM: spreadsheet programs then read the accents right.
            csv = reports.report_csv(self.numbers).encode("utf-8-sig")
            write_atomically(Path(path), csv)  # owner-only, like every file the app writes
        except OSError:
            self._say(self.tr("Het bestand kon niet worden opgeslagen."), error=True)
            return
        self._say(self.tr("Opgeslagen: {name}").format(name=Path(path).name))
