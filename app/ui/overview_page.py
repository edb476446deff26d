"""Översikt: the city-wide picture on every laptop, offline.

The officer's own district (or region, regiform, unit type) beside the city
per area; click an area for every group side by side in it, its questions
and the units behind the figure; click a group's bar for its units. Read
from the statistics the central administration published to the share, or
the local copy when the share is not connected (services/central/overview).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCharts import QBarSet
from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.central import overview as ov
from app.services.central.stats import CITY, ShareRow, group_label
from app.ui import i18n
from app.ui.context import UiContext
from app.ui.i18n import error_text, message_text
from app.ui.overview_charts import chart_view, comparison_chart, groups_chart
from app.ui.tasks import TaskState


class OverviewPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setAccessibleName(self.tr("Översikt"))
        self.picture: ov.LoadedPicture | None = None
        self.areas: list[ov.Comparison] = []
        self.area_rows: list[ShareRow] = []
        self.area_id: str | None = None

        title = QLabel(self.tr("Översikt – resultat i hela staden"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.year = QComboBox()
        self.year.setAccessibleName(self.tr("År"))
        self.by = QComboBox()
        self.by.setAccessibleName(self.tr("Indelning"))
        for code, label in ((self.tr("Stadsdel"), "district"), (self.tr("Region"), "region"),
                            (self.tr("Regiform"), "regiform"),
                            (self.tr("Enhetstyp"), "unit-type")):
            self.by.addItem(code, label)
        self.group = QComboBox()
        self.group.setAccessibleName(self.tr("Jämför"))
        self.refresh_button = QPushButton(self.tr("Uppdatera"))
        controls = QHBoxLayout()
        for label, widget in ((self.tr("År"), self.year), (self.tr("Indelning"), self.by),
                              (self.tr("Jämför"), self.group)):
            controls.addWidget(QLabel(label))
            controls.addWidget(widget)
        controls.addStretch(1)
        controls.addWidget(self.refresh_button)

        self.area_view = chart_view(comparison_chart([], "")[0], self.tr("Områden"))
        self.groups_view = chart_view(groups_chart([], None, "", {})[0], self.tr("Grupper"))
        self.questions = self._table([self.tr("Fråga"), self.tr("Uppfyllt (vald)"),
                                      self.tr("Delvis (vald)"), self.tr("Ej uppfyllt (vald)"),
                                      self.tr("Uppfyllt (staden)"), self.tr("Uppföljningar")])
        self.units = self._table([self.tr("Enhet"), self.tr("Uppfyllt"), self.tr("Delvis"),
                                  self.tr("Ej uppfyllt")])
        self.units_title = QLabel()
        units_box = QWidget()
        units_layout = QVBoxLayout(units_box)
        units_layout.setContentsMargins(0, 0, 0, 0)
        units_layout.addWidget(self.units_title)
        units_layout.addWidget(self.units)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.questions, self.tr("Frågor i området"))
        self.tabs.addTab(units_box, self.tr("Enheterna bakom siffran"))

        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.groups_view)
        right.addWidget(self.tabs)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.area_view)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        self.content = split
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(controls)
        layout.addWidget(self.note)
        layout.addWidget(split, 1)
        layout.addStretch(0)

        self.refresh_button.clicked.connect(self.reload)
        self.year.currentIndexChanged.connect(lambda _i: self._render())
        self.by.currentIndexChanged.connect(lambda _i: self._fill_groups())
        self.group.currentIndexChanged.connect(lambda _i: self._render())
        self.reload()

    @staticmethod
    def _table(header: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(header))
        table.setHorizontalHeaderLabels(header)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        return table

    # --- data ---------------------------------------------------------------
    def share_root(self) -> Path:
        configured = self.ctx.settings.share_path
        return Path(configured) if configured else self.ctx.paths.default_share_dir

    def reload(self) -> None:
        """Read the statistics on a worker (the share may be slow or away)."""
        share, cache = self.share_root(), self.ctx.paths.data_dir / ov.CACHE_NAME
        self.refresh_button.setEnabled(False)
        self.note.setText(self.tr("Hämtar statistiken…"))

        def work(_state: TaskState) -> tuple[ov.LoadedPicture | None, str | None]:
            return ov.load_picture(share, cache)

        self.ctx.tasks.run(work, self._loaded, self._failed, parent=self)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        # Shown again after the share came back: the cached copy may be old.
        if self.picture is not None and self.picture.cached:
            self.reload()

    def _failed(self, error: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        self.note.setText(self.tr("Statistiken kunde inte hämtas: %1").replace(
            "%1", error_text(error)))

    def _loaded(self, result: tuple[ov.LoadedPicture | None, str | None]) -> None:
        picture, note = result
        self.refresh_button.setEnabled(True)
        self.picture = picture
        # Without statistics the charts would be empty frames: only the note shows.
        self.content.setVisible(picture is not None)
        if picture is None:
            self.note.setText(message_text(note or ""))
        else:
            when = picture.generated_at.replace("T", " ")
            self.note.setText(message_text(note) if note else self.tr(
                "Statistik från äldreförvaltningen, %1. Samma siffror som kommandot "
                "uppfoljaren central stats.").replace("%1", when))
        self.year.blockSignals(True)
        self.year.clear()
        for year in reversed(ov.years(picture.body) if picture else []):
            self.year.addItem(str(year), year)
        self.year.blockSignals(False)
        self._fill_groups()

    def _fill_groups(self) -> None:
        by = self.by.currentData()
        self.group.blockSignals(True)
        self.group.clear()
        wanted = self.ctx.settings.officer_district if by == "district" else ""
        if self.picture is not None and self.year.currentData() is not None:
            for name in ov.groups(self.picture.body, self.year.currentData(), by):
                self.group.addItem(group_label(by, name), name)
            index = self.group.findData(wanted)
            self.group.setCurrentIndex(max(index, 0))
        self.group.blockSignals(False)
        self._render()

    # --- drawing --------------------------------------------------------------
    def _render(self) -> None:
        year, by, group = self.year.currentData(), self.by.currentData(), self.group.currentData()
        if self.picture is None or year is None:
            self.areas = []
        else:
            self.areas = ov.area_comparison(self.picture.body, year, by, group)
        chart, series = comparison_chart(self.areas, self.group.currentText() or CITY)
        series.clicked.connect(self._area_clicked)
        self.area_view.setChart(chart)
        keep = self.area_id if any(a.key == self.area_id for a in self.areas) else None
        self.select_area(keep or (self.areas[0].key if self.areas else None))

    def _area_clicked(self, index: int, _bar_set: QBarSet) -> None:
        # Bars are drawn bottom-up: index 0 is the last area.
        self.select_area(self.areas[len(self.areas) - 1 - index].key)

    def select_area(self, area_id: str | None) -> None:
        """Show every group in this area, its questions and the chosen group's units."""
        self.area_id = area_id
        year, by, group = self.year.currentData(), self.by.currentData(), self.group.currentData()
        if self.picture is None or area_id is None:
            rows: list[ShareRow] = []
            title = ""
        else:
            rows = list(ov.groups_in_area(self.picture.body, year, by, area_id))
            title = next(a.title for a in self.areas if a.key == area_id)
        labels = {r.group: i18n.label(group_label(by, r.group)) for r in rows}
        chart, series = groups_chart(rows, group, title, labels)
        series.clicked.connect(self._group_clicked)
        self.area_rows = rows
        self.groups_view.setChart(chart)
        self._fill_questions(year, by, group)
        self.show_units(group or CITY)

    def _group_clicked(self, index: int, _bar_set: QBarSet) -> None:
        row = self.area_rows[len(self.area_rows) - 1 - index]
        self.show_units(row.group)
        self.tabs.setCurrentIndex(1)

    def _fill_questions(self, year: int | None, by: str, group: str | None) -> None:
        rows = ([] if self.picture is None or self.area_id is None else
                ov.question_comparison(self.picture.body, year, by, self.area_id, group))
        self.questions.setRowCount(len(rows))
        for n, row in enumerate(rows):
            own = ([f"{v:.0f} %" for v in row.own.shares] if row.own is not None
                   else ["–"] * 3)
            values = [row.title, *own, f"{row.city.shares[0]:.0f} %",
                      str(row.own.followups if row.own is not None else 0)]
            for column, value in enumerate(values):
                self.questions.setItem(n, column, QTableWidgetItem(value))

    def show_units(self, group: str) -> None:
        """List the follow-ups behind ``group``'s figure in the current area."""
        year, by = self.year.currentData(), self.by.currentData()
        units = ([] if self.picture is None or self.area_id is None else
                 ov.units_behind(self.picture.body, year, by, group, self.area_id))
        self.units_title.setText(self.tr("%1: %2 uppföljningar").replace(
            "%1", group_label(by, group)).replace("%2", str(len(units))))
        self.units.setRowCount(len(units))
        for n, unit in enumerate(units):
            for column, value in enumerate((unit.unit_name, unit.uppfyllt, unit.delvis,
                                            unit.ej_uppfyllt)):
                self.units.setItem(n, column, QTableWidgetItem(str(value)))
