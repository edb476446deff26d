"""The Översikt page's charts (QtCharts), readable in print and for
colour-blind users: Okabe-Ito colours, a pattern per answer, and the share
printed on every bar."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalPercentBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen

from app.services.central.overview import Comparison
from app.services.central.palette import OKABE_ITO, SCALE_COLOURS, SCALE_PATTERNS
from app.services.central.stats import SCALE, SCALE_LABELS, ShareRow
from app.ui.i18n import label

_PATTERNS = {"solid": Qt.BrushStyle.SolidPattern, "diagonal": Qt.BrushStyle.BDiagPattern,
             "cross": Qt.BrushStyle.DiagCrossPattern}


def tr(text: str) -> str:
    return QCoreApplication.translate("OverviewCharts", text)


def _style(bar_set: QBarSet, colour: str, pattern: str) -> None:
    brush = QBrush(QColor(colour), _PATTERNS[pattern])
    bar_set.setBrush(brush)
    bar_set.setPen(QPen(QColor(colour), 1.5))
    bar_set.setLabelColor(QColor("#000000"))
    font = QFont()
    font.setBold(True)
    bar_set.setLabelFont(font)


def _short(text: str, limit: int = 42) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(0)
    return chart


def comparison_chart(rows: Sequence[Comparison], own_label: str) -> tuple[QChart,
                                                                          QHorizontalBarSeries]:
    """Share Uppfyllt per area: the chosen group beside the city. Bars are
    drawn bottom-up, so the rows are reversed to read top-down."""
    chart = _chart(tr("Andel Uppfyllt per område – %1 och hela staden").replace("%1", own_label))
    series = QHorizontalBarSeries()
    own = QBarSet(own_label)
    city = QBarSet(tr("Hela staden"))
    _style(own, OKABE_ITO[0], "solid")
    _style(city, OKABE_ITO[1], "diagonal")
    ordered = list(reversed(rows))
    for row in ordered:
        own.append(row.own.shares[0] if row.own is not None else 0.0)
        city.append(row.city.shares[0])
    series.append(own)
    series.append(city)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value %")
    series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsInsideEnd)
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append([_short(r.title) for r in ordered])
    values = QValueAxis()
    values.setRange(0, 100)
    values.setLabelFormat("%d %")
    values.setTitleText(tr("Andel Uppfyllt av de bedömda frågorna"))
    chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(categories)
    series.attachAxis(values)
    return chart, series


def groups_chart(rows: Sequence[ShareRow], own_group: str | None, title: str,
                 label_of: dict[str, str]) -> tuple[QChart, QHorizontalPercentBarSeries]:
    """Every group side by side for one area (100 % stacked: Uppfyllt,
    Delvis, Ej uppfyllt), the chosen group marked with an arrow."""
    chart = _chart(title)
    series = QHorizontalPercentBarSeries()
    sets = {}
    for code in SCALE:
        bar_set = QBarSet(label(SCALE_LABELS[code]))
        _style(bar_set, SCALE_COLOURS[code], SCALE_PATTERNS[code])
        sets[code] = bar_set
        series.append(bar_set)
    ordered = list(reversed(rows))
    for row in ordered:
        for code, value in zip(SCALE, row.shares, strict=True):
            sets[code].append(value)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value %")
    series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsCenter)
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append([("► " if r.group == own_group else "") + label_of.get(r.group, r.group)
                       for r in ordered])
    values = QValueAxis()
    values.setRange(0, 100)
    values.setLabelFormat("%d %")
    chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(categories)
    series.attachAxis(values)
    return chart, series


def chart_view(chart: QChart, name: str) -> QChartView:
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setAccessibleName(name)
    view.setMinimumHeight(260)
    return view
