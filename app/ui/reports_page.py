"""The Rapporter page: choose year, district and status, pick a follow-up, see
its report, and print, save, open or make all reports of the year."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services import report as report_service
from app.ui.context import UiContext
from app.ui.report_batch import ReportBatchDialog
from app.ui.report_list_model import VISIT_ID_ROLE, ReportTableModel
from app.ui.report_preview import ReportPreview

STATUS_ALL, STATUS_COMPLETE, STATUS_DRAFT = 0, 1, 2


class ReportsPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.batch_dialog: ReportBatchDialog | None = None
        self.year = QComboBox(self)
        self.district = QComboBox(self)
        self.status = QComboBox(self)
        self.status.addItems([self.tr("Alla"), self.tr("Fastställda"), self.tr("Utkast")])
        self.batch_button = QPushButton(self.tr("Skapa alla rapporter…"), self)
        self.batch_button.clicked.connect(self.open_batch)
        filters = QHBoxLayout()
        for label, combo in ((self.tr("År"), self.year), (self.tr("Stadsdel"), self.district),
                             (self.tr("Status"), self.status)):
            caption = QLabel(label, self)
            caption.setBuddy(combo)
            filters.addWidget(caption)
            filters.addWidget(combo)
        filters.addStretch(1)
        filters.addWidget(self.batch_button)

        self.model = ReportTableModel()
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Uppföljningar"))
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.count = QLabel(self)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count)

        self.preview = ReportPreview(ctx, self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([560, 840])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)

        self._fill_filters()
        for combo in (self.year, self.district, self.status):
            combo.currentIndexChanged.connect(self.refresh)
        self.refresh()

    def _fill_filters(self) -> None:
        with self.ctx.sessions() as session:
            years = report_service.report_years(session)
            districts = report_service.report_districts(session)
        for year in years:
            self.year.addItem(str(year), year)
        self.year.setCurrentIndex(0)  # the newest year: the one being worked on
        self.district.addItem(self.tr("Alla stadsdelar"), None)
        officer_district = self.ctx.settings.officer_district
        for name in districts:
            self.district.addItem(name, name)
        if officer_district in districts:
            self.district.setCurrentIndex(districts.index(officer_district) + 1)

    def selected_year(self) -> int | None:
        value = self.year.currentData()
        return int(value) if value is not None else None

    def refresh(self) -> None:
        complete = {STATUS_ALL: None, STATUS_COMPLETE: True,
                    STATUS_DRAFT: False}[self.status.currentIndex()]
        with self.ctx.sessions() as session:
            rows = report_service.report_rows(session, year=self.selected_year(),
                                              district=self.district.currentData(),
                                              complete=complete)
        self.model.set_rows(rows)
        self.count.setText(self.tr("{n} uppföljningar").format(n=len(rows)))
        self.batch_button.setEnabled(self.selected_year() is not None)
        self.preview.show_visit(None)

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def _selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.preview.show_visit(rows[0].data(VISIT_ID_ROLE) if rows else None)

    def open_batch(self) -> ReportBatchDialog | None:
        year = self.selected_year()
        if year is None:
            return None
        self.batch_dialog = ReportBatchDialog(self.ctx, year, self.district.currentData(), self)
        self.batch_dialog.open()
        return self.batch_dialog
