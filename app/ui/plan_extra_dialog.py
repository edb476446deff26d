"""Adding a follow-up outside the rhythm: unit, reason, note, optional date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.schedule import EXTRA_REASONS
from app.ui.plan_delegates import from_qdate


@dataclass(frozen=True)
class ExtraRequest:
    unit_id: str
    reason: str
    text: str
    planned_date: date | None


class ExtraFollowupDialog(QDialog):
    """Asks for what ``add_extra_followup`` needs; ``request()`` gives it."""

    def __init__(self, year: int, units: list[tuple[str, str]],
                 parent: QWidget | None = None, preselect: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Extra uppföljning %1").replace("%1", str(year)))
        self.setObjectName("extraFollowupDialog")
        self.unit = QComboBox()
        self.unit.setEditable(True)
        self.unit.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.unit.setAccessibleName(self.tr("Enhet"))
        for unit_id, name in units:
            self.unit.addItem(f"{name} ({unit_id})", unit_id)
        completer = QCompleter(self.unit.model(), self.unit)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.unit.setCompleter(completer)
        self.unit.setMinimumContentsLength(40)
        if preselect is not None:
            self.unit.setCurrentIndex(max(self.unit.findData(preselect), 0))

        self.reason = QComboBox()
        self.reason.setAccessibleName(self.tr("Skäl"))
        for code, label in EXTRA_REASONS.items():
            self.reason.addItem(self.tr(label), code)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(self.tr("Beskrivning av skälet"))
        self.text.setPlaceholderText(self.tr("T.ex. vilka brister som ska kontrolleras igen"))
        self.text.setFixedHeight(self.fontMetrics().height() * 5)
        self.has_date = QCheckBox(self.tr("Planerat datum:"))
        self.day = QDateEdit(QDate(year, max(min(date.today().month, 11), 2), 1)
                             if year == date.today().year else QDate(year, 2, 1))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setDateRange(QDate(year, 1, 1), QDate(year, 12, 31))
        self.day.setEnabled(False)
        self.day.setAccessibleName(self.tr("Planerat datum"))
        self.has_date.toggled.connect(self.day.setEnabled)

        form = QFormLayout()
        form.addRow(self.tr("&Enhet:"), self.unit)
        form.addRow(self.tr("&Skäl:"), self.reason)
        form.addRow(self.tr("&Beskrivning:"), self.text)
        date_row = QHBoxLayout()
        date_row.addWidget(self.has_date)
        date_row.addWidget(self.day)
        date_row.addStretch(1)
        form.addRow(date_row)
        hint = QLabel(self.tr("Den extra uppföljningen läggs till utöver rytmen och sparas "
                              "direkt. Handläggare kan väljas i tabellen."))
        hint.setWordWrap(True)
        hint.setObjectName("hintLabel")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Lägg till"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Avbryt"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def request(self) -> ExtraRequest | None:
        unit_id: Any = self.unit.currentData()
        if not unit_id or self.unit.currentText() != self.unit.itemText(self.unit.currentIndex()):
            return None
        return ExtraRequest(
            unit_id=str(unit_id), reason=str(self.reason.currentData()),
            text=self.text.toPlainText().strip(),
            planned_date=from_qdate(self.day.date()) if self.has_date.isChecked() else None,
        )
