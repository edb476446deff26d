"""Verksamheter: the unit register with type-ahead, filters and a detail pane.

``UnitsView`` is the layout (it takes rows and choices and knows no
database); ``UnitsPage`` fills it from the services through the context.

At start-up the page can be built before the database layer has loaded: it
shows the rows of a ``RegisterSnapshot`` (read with plain sqlite3) and gets
its context through ``attach`` once the database is open. Nothing here
imports SQLAlchemy at module level, for that reason.
"""

from __future__ import annotations

import base64
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.unit_rows import Choices, UnitRow
from app.ui.i18n import label
from app.ui.unit_detail import UnitDetail
from app.ui.unit_table_model import Column, UnitFilterProxy, UnitTableModel

if TYPE_CHECKING:
    from app.services.register_snapshot import RegisterSnapshot
    from app.settings import Settings
    from app.ui.context import UiContext

log = logging.getLogger(__name__)

COLUMN_WIDTHS = {Column.NAME: 300, Column.ID: 76, Column.TYPE: 165, Column.REGIFORM: 96,
                 Column.PROVIDER: 175, Column.DISTRICT: 145, Column.FOLLOWUP: 160,
                 Column.PLACES: 64}
HIDDEN_BY_DEFAULT = (Column.FOLLOWUP,)  # shown in the detail pane; the header menu shows it


def _choices_from_rows(rows: list[UnitRow]) -> Choices:
    return Choices(
        districts=sorted({r.followup_district for r in rows} | {r.district for r in rows if r.district}),
        unit_types=sorted({(r.type_code, r.type_name) for r in rows}),
        regiforms=sorted({(r.regiform_code, r.regiform_name) for r in rows}),
    )


class UnitsView(QWidget):
    """Search field, three filters, the table and the detail pane."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = UnitTableModel(self)
        self.proxy = UnitFilterProxy(self.model, self)
        self._shown: tuple[list[UnitRow], Choices] | None = None  # what set_units got

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Sök på namn, enhets-id, utförare eller adress"))
        self.search.setAccessibleName(self.tr("Sök enhet"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(180)
        self.search.installEventFilter(self)
        self.district = self._combo(self.tr("Filtrera på stadsdel"))
        self.unit_type = self._combo(self.tr("Filtrera på typ"))
        self.regiform = self._combo(self.tr("Filtrera på regiform"))
        self.count = QLabel()
        self.count.setObjectName("countLabel")
        self.count.setAccessibleName(self.tr("Antal enheter som visas"))

        search_label = QLabel(self.tr("&Sök:"))
        search_label.setBuddy(self.search)
        bar = QHBoxLayout()
        bar.setSpacing(8)
        bar.addWidget(search_label)
        bar.addWidget(self.search, 3)
        # The filters carry no separate labels (their first item, "Alla
        # stadsdelar" etc., says what they are; screen readers get the
        # accessible name), so the bar fits a 1280 px screen at 150 %.
        for combo in (self.district, self.unit_type, self.regiform):
            bar.addWidget(combo, 1)

        self.table = QTableView()
        self.table.setObjectName("unitTable")
        self.table.setAccessibleName(self.tr("Enheter"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().height() + 10)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, width in COLUMN_WIDTHS.items():
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(Column.NAME, Qt.SortOrder.AscendingOrder)
        for column in HIDDEN_BY_DEFAULT:
            self.table.setColumnHidden(column, True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)

        self.detail = UnitDetail()
        # The detail pane sits under the table, so the table keeps the full
        # width for its columns.
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([560, 140])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.count)

        self.search.textChanged.connect(self.proxy.set_text)
        self.district.currentIndexChanged.connect(
            lambda: self.proxy.set_district(self.district.currentData() or ""))
        self.unit_type.currentIndexChanged.connect(
            lambda: self.proxy.set_type(self.unit_type.currentData() or ""))
        self.regiform.currentIndexChanged.connect(
            lambda: self.proxy.set_regiform(self.regiform.currentData() or ""))
        self.proxy.filter_applied.connect(self._after_filter)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        self.setTabOrder(self.search, self.district)
        self.setTabOrder(self.district, self.unit_type)
        self.setTabOrder(self.unit_type, self.regiform)
        self.setTabOrder(self.regiform, self.table)
        self._update_count()

    def _header_menu(self, position: QPoint) -> None:
        """Right-click on the header: choose which columns to show."""
        menu = QMenu(self)
        for column in Column:
            if column == Column.NAME:
                continue
            title = self.model.headerData(column, Qt.Orientation.Horizontal)
            action = menu.addAction(title)
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(column))
            action.toggled.connect(
                lambda shown, c=column: self.table.setColumnHidden(c, not shown))
        menu.exec(self.table.horizontalHeader().mapToGlobal(position))

    def _combo(self, accessible: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(accessible)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        combo.setToolTip(accessible)
        return combo

    # -- filling -------------------------------------------------------------
    def set_units(self, rows: list[UnitRow], available: Choices | None = None) -> bool:
        """Show ``rows``; False (and nothing touched: no reset, the scroll
        position and selection stay) when they are what is shown already."""
        available = available or _choices_from_rows(rows)
        if self._shown == (rows, available):
            return False
        self._shown = (list(rows), available)
        selected = self.detail.unit.id if self.detail.unit else None
        self._fill(self.district, self.tr("Alla stadsdelar"),
                   [(name, name) for name in available.districts])
        self._fill(self.unit_type, self.tr("Alla typer"),
                   [(code, label(name)) for code, name in available.unit_types])
        self._fill(self.regiform, self.tr("Alla regiformer"),
                   [(code, label(name)) for code, name in available.regiforms])
        self.model.set_rows(rows)
        header = self.table.horizontalHeader()
        self.model.sort_rows(header.sortIndicatorSection(), header.sortIndicatorOrder())
        if selected is not None:
            self.select_unit(selected)
        self._update_count()
        return True

    def _fill(self, combo: QComboBox, all_text: str, items: list[tuple[str, str]]) -> None:
        """Refill a filter, keeping what was chosen when it still exists."""
        current = combo.currentData() or ""
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(all_text, "")
        for code, name in items:
            combo.addItem(name, code)
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)
        if index < 0 and current:
            combo.currentIndexChanged.emit(0)

    # -- behaviour -------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def select_unit(self, unit_id: str) -> bool:
        for row in range(self.proxy.rowCount()):
            if self.proxy.unit_at(row).id == unit_id:
                self.table.selectRow(row)
                self.table.scrollTo(self.proxy.index(row, 0))
                return True
        return False

    def visible_units(self) -> list[UnitRow]:
        return [self.proxy.unit_at(row) for row in range(self.proxy.rowCount())]

    def _current_changed(self, current: object, _previous: object) -> None:
        index = self.table.currentIndex()
        self.detail.show_unit(self.proxy.unit_at(index.row()) if index.isValid() else None)

    def _after_filter(self) -> None:
        self._update_count()
        if not self.table.currentIndex().isValid():
            self.detail.show_unit(None)

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            # Two strings rather than a "%n" plural: lupdate drops the plural
            # form of translate(), and PySide's tr() on a subclass misses it.
            self.count.setText(self.tr("1 enhet") if total == 1
                               else self.tr("%1 enheter").replace("%1", str(total)))
        else:
            self.count.setText(self.tr("Visar %1 av %2 enheter")
                               .replace("%1", str(shown)).replace("%2", str(total)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # In the search field: Down moves into the results, Escape clears.
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key == Qt.Key.Key_Down and self.proxy.rowCount():
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)
                if not self.table.currentIndex().isValid():
                    self.table.selectRow(0)
                return True
            if key == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
        return super().eventFilter(watched, event)


class UnitsPage(UnitsView):
    """The Verksamheter page: the view filled from the database.

    ``UnitsPage(ctx)`` reads the register at once. ``UnitsPage(None,
    settings=..., snapshot=...)`` is the start-up form: it shows the snapshot
    and reads nothing until ``attach(ctx)``.
    """

    def __init__(self, ctx: UiContext | None, parent: QWidget | None = None, *,
                 settings: Settings | None = None,
                 snapshot: RegisterSnapshot | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unitsPage")
        self.ctx = ctx
        chosen = ctx.settings if ctx is not None else settings
        if chosen is None:
            raise ValueError("UnitsPage needs a context, or settings and a snapshot")
        self.settings = chosen
        self._restore_state()
        if ctx is not None:
            self.reload()
        elif snapshot is not None:
            self.set_units(snapshot.rows, snapshot.choices)

    def attach(self, ctx: UiContext, register: RegisterSnapshot | None = None) -> None:
        """The database is open behind a page built from a snapshot.
        ``register`` is the register read again through the database layer
        (on the worker that opened it; read here when not given): the check
        that what is shown is what the database holds. The snapshot is only
        taken when nothing could differ, so this normally changes nothing on
        screen (set_units leaves equal rows alone)."""
        self.ctx = ctx
        changed = (self.set_units(register.rows, register.choices) if register is not None
                   else self.reload())
        if changed:
            log.warning("the start-up register differed from the database; shown again")

    def _restore_state(self) -> None:
        """Columns, widths, sort order and pane sizes as the user left them."""
        settings = self.settings
        try:
            if settings.units_header_state:
                self.table.horizontalHeader().restoreState(
                    QByteArray(base64.b64decode(settings.units_header_state)))
            if settings.units_splitter_state:
                self.splitter.restoreState(
                    QByteArray(base64.b64decode(settings.units_splitter_state)))
        except ValueError:  # a damaged value: keep the defaults
            pass

    def save_state(self) -> None:
        """Called by the main window before it stores the settings."""
        def encode(data: QByteArray) -> str:
            return base64.b64encode(bytes(data.data())).decode()

        self.settings.units_header_state = encode(self.table.horizontalHeader().saveState())
        self.settings.units_splitter_state = encode(self.splitter.saveState())

    def reload(self) -> bool:
        """Read the register again (after an import, say); True when what is
        shown changed. 10,000 rows read in well under a second, so this runs
        on the UI thread."""
        from app.services.units import choices, list_units

        if self.ctx is None:
            return False  # not attached yet: attach() reads
        with self.ctx.sessions() as session:
            rows = list_units(session)
            available = choices(session)
        return self.set_units(rows, available)
