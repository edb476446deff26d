"""The unit register as a Qt table model, and the proxy that filters and sorts it.

Speed over 10,000 rows: each row's lowercase search text is computed once
when rows are set. A filter change computes a mark per row in one Python pass
over those keys (only over the rows still shown when the user types on, which
can only narrow the result), so ``filterAcceptsRow`` is a list lookup.
Sorting reorders the source rows with Python's sort on the precomputed keys
instead of letting the proxy call back into Python for every comparison.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)

from app.services.unit_rows import UnitRow
from app.ui.i18n import label

UNIT_ROLE = Qt.ItemDataRole.UserRole + 1  # the whole UnitRow
UNIT_ID_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex

# Swedish alphabetical order: å, ä, ö come after z, in that order.
_SWEDISH = str.maketrans({"å": "{", "ä": "|", "ö": "}", "æ": "|", "ø": "}", "é": "e",
                          "è": "e", "ü": "y", "á": "a"})


def swedish_key(text: str) -> str:
    return text.casefold().translate(_SWEDISH)


def search_key(row: UnitRow) -> str:
    """What type-ahead matches: name, id, provider and address."""
    return "\x1f".join((row.name, row.id, row.provider, row.address)).casefold()


class Column(IntEnum):
    NAME = 0
    ID = 1
    TYPE = 2
    REGIFORM = 3
    PROVIDER = 4
    DISTRICT = 5
    FOLLOWUP = 6
    PLACES = 7


@dataclass(frozen=True)
class _ColumnSpec:
    title: str  # Swedish source text, translated in headerData
    value: Callable[[UnitRow], str]
    key: Callable[[UnitRow], Any]


def _places_text(row: UnitRow) -> str:
    return "" if row.places is None else str(row.places)


def _district_text(row: UnitRow) -> str:
    return row.district or QCoreApplication.translate("UnitTableModel", "Utanför staden")


COLUMNS: dict[Column, _ColumnSpec] = {
    Column.NAME: _ColumnSpec("Namn", lambda r: r.name, lambda r: swedish_key(r.name)),
    Column.ID: _ColumnSpec("Enhets-id", lambda r: r.id, lambda r: swedish_key(r.id)),
    Column.TYPE: _ColumnSpec("Typ", lambda r: label(r.type_name), lambda r: swedish_key(r.type_name)),
    Column.REGIFORM: _ColumnSpec("Regiform", lambda r: label(r.regiform_name),
                                 lambda r: swedish_key(r.regiform_name)),
    Column.PROVIDER: _ColumnSpec("Utförare", lambda r: r.provider,
                                 lambda r: swedish_key(r.provider)),
    Column.DISTRICT: _ColumnSpec("Stadsdel", _district_text, lambda r: swedish_key(r.district)),
    Column.FOLLOWUP: _ColumnSpec("Uppföljande stadsdel", lambda r: r.followup_district,
                                 lambda r: swedish_key(r.followup_district)),
    Column.PLACES: _ColumnSpec("Platser", _places_text,
                               lambda r: (r.places is None, r.places or 0)),
}


def _header_titles() -> None:
    """Marks the column titles for lupdate; never called."""
    QCoreApplication.translate("UnitTableModel", "Namn")
    QCoreApplication.translate("UnitTableModel", "Enhets-id")
    QCoreApplication.translate("UnitTableModel", "Typ")
    QCoreApplication.translate("UnitTableModel", "Regiform")
    QCoreApplication.translate("UnitTableModel", "Utförare")
    QCoreApplication.translate("UnitTableModel", "Stadsdel")
    QCoreApplication.translate("UnitTableModel", "Uppföljande stadsdel")
    QCoreApplication.translate("UnitTableModel", "Platser")


class UnitTableModel(QAbstractTableModel):
    """Read-only rows of the unit register."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        # These lists keep their identity (changed in place) and stay parallel,
        # so the proxy can hold them and read them without a method call.
        # ``marks`` holds the proxy's filter result per row; sorting here moves
        # the marks with their rows before Qt asks the proxy again.
        self._rows: list[UnitRow] = []
        self._search_keys: list[str] = []
        self._marks: list[bool] = []

    # -- data in -------------------------------------------------------------
    def set_rows(self, rows: Sequence[UnitRow]) -> None:
        self.beginResetModel()
        self._rows[:] = rows
        self._search_keys[:] = [search_key(row) for row in self._rows]
        self._marks[:] = [True] * len(self._rows)
        self.endResetModel()

    @property
    def rows(self) -> list[UnitRow]:
        return self._rows

    @property
    def search_keys(self) -> list[str]:
        return self._search_keys

    @property
    def marks(self) -> list[bool]:
        return self._marks

    def row_at(self, row: int) -> UnitRow:
        return self._rows[row]

    def sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        """Reorder the rows themselves (see the module docstring for why)."""
        if column not in COLUMNS:
            return
        key = COLUMNS[Column(column)].key
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        # Sort positions; a first pass by name keeps equal keys in name order.
        positions = sorted(range(len(self._rows)), key=lambda i: swedish_key(self._rows[i].name))
        positions.sort(key=lambda i: key(self._rows[i]),
                       reverse=order == Qt.SortOrder.DescendingOrder)
        new_of_old = [0] * len(positions)
        for new, old in enumerate(positions):
            new_of_old[old] = new
        self._rows[:] = [self._rows[i] for i in positions]
        self._search_keys[:] = [self._search_keys[i] for i in positions]
        self._marks[:] = [self._marks[i] for i in positions]
        self.changePersistentIndexList(
            old_persistent,
            [self.index(new_of_old[i.row()], i.column()) for i in old_persistent],
        )
        self.layoutChanged.emit()

    # -- Qt model API ----------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[Column(index.column())].value(row)
        if role == UNIT_ROLE:
            return row
        if role == UNIT_ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == Column.PLACES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (Column.NAME,
                                                                      Column.PROVIDER):
            return COLUMNS[Column(index.column())].value(row)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or section not in COLUMNS:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("UnitTableModel", COLUMNS[Column(section)].title)
        if role == Qt.ItemDataRole.TextAlignmentRole and section == Column.PLACES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


@dataclass(frozen=True)
class UnitFilter:
    """What the user has narrowed the register to; empty means "all"."""

    text: str = ""
    district: str = ""
    type_code: str = ""
    regiform_code: str = ""


class UnitFilterProxy(QSortFilterProxyModel):
    """Type-ahead over name/id/provider/address plus district, type and regiform.

    The district filter matches a unit's own district or the district that
    follows it up, so units outside the city show under their follow-up district.
    ``filter_applied`` fires once per change (rowsRemoved fires once per range).
    """

    filter_applied = Signal()

    def __init__(self, source: UnitTableModel, parent: Any = None) -> None:
        super().__init__(parent)
        self._source = source
        self._rows = source.rows  # the model's lists, changed in place by it
        self._keys = source.search_keys
        self._marks = source.marks
        self._filter = UnitFilter()
        self._marks_for: UnitFilter | None = UnitFilter()  # what the marks show
        self.setSourceModel(source)
        source.modelReset.connect(self._after_reset)
    @property
    def current_filter(self) -> UnitFilter:
        return self._filter

    def set_filter(self, new: UnitFilter) -> None:
        if new == self._filter:
            return
        self._filter = new
        self._refilter()

    def set_text(self, text: str) -> None:
        self.set_filter(UnitFilter(text, self._filter.district, self._filter.type_code,
                                   self._filter.regiform_code))

    def set_district(self, district: str) -> None:
        self.set_filter(UnitFilter(self._filter.text, district, self._filter.type_code,
                                   self._filter.regiform_code))

    def set_type(self, type_code: str) -> None:
        self.set_filter(UnitFilter(self._filter.text, self._filter.district, type_code,
                                   self._filter.regiform_code))

    def set_regiform(self, regiform_code: str) -> None:
        self.set_filter(UnitFilter(self._filter.text, self._filter.district,
                                   self._filter.type_code, regiform_code))

    def unit_at(self, proxy_row: int) -> UnitRow:
        source_index = self.mapToSource(self.index(proxy_row, 0))
        return self._source.row_at(source_index.row())

    def _after_reset(self) -> None:
        self._marks_for = UnitFilter()  # the model marked every new row shown
        if self._filter != self._marks_for:
            self._refilter()

    def _narrows(self, new: UnitFilter) -> bool:
        """Whether ``new`` can only hide rows that the current marks show:
        the same choices and the typed text extended."""
        old = self._marks_for
        return (old is not None and old.text.strip() != "" and
                new.text.casefold().startswith(old.text.casefold()) and
                (old.district, old.type_code, old.regiform_code) ==
                (new.district, new.type_code, new.regiform_code))

    def _compute(self) -> None:
        f = self._filter
        rows, keys, marks = self._rows, self._keys, self._marks
        words = f.text.casefold().split()
        if not (words or f.district or f.type_code or f.regiform_code):
            marks[:] = [True] * len(rows)
            self._marks_for = f
            return
        if self._narrows(f):
            candidates: Any = [i for i, shown in enumerate(marks) if shown]
        else:
            candidates = range(len(rows))
        if len(words) == 1:
            word = words[0]
            candidates = [i for i in candidates if word in keys[i]]
        elif words:
            candidates = [i for i in candidates if all(w in keys[i] for w in words)]
        if f.district:
            candidates = [i for i in candidates
                          if f.district in (rows[i].district, rows[i].followup_district)]
        if f.type_code:
            candidates = [i for i in candidates if rows[i].type_code == f.type_code]
        if f.regiform_code:
            candidates = [i for i in candidates if rows[i].regiform_code == f.regiform_code]
        new = [False] * len(rows)
        for i in candidates:
            new[i] = True
        marks[:] = new
        self._marks_for = f

    def _refilter(self) -> None:
        self.beginFilterChange()
        self._compute()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        self.filter_applied.emit()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        return self._marks[source_row]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # The source sorts itself; the proxy keeps source order (column -1).
        self._source.sort_rows(column, order)
