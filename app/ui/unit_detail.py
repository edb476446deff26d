"""The detail pane beside the unit table: every field of one unit, readable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from app.services.unit_rows import UnitRow
from app.ui.i18n import label


def _value_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class UnitDetail(QFrame):
    """Shows one ``UnitRow``; an explanation when none is chosen."""

    # Shown in three column pairs under the table, read across.
    FIELDS = ("id", "type", "regiform", "provider", "address", "manager",
              "district", "followup", "region", "places", "parity", "active")
    COLUMNS = 3

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unitDetail")
        self.setAccessibleName(self.tr("Enhetsdetaljer"))
        self.setMinimumHeight(120)
        self.unit: UnitRow | None = None

        self._stack = QStackedLayout(self)
        self.empty_label = QLabel(self.tr("Välj en enhet i listan för att se uppgifterna här."))
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setObjectName("emptyHint")
        self.empty_label.setMargin(24)
        self._stack.addWidget(self.empty_label)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(16, 10, 16, 10)
        column.setSpacing(8)
        self.title = _value_label()
        self.title.setObjectName("detailTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        column.addWidget(self.title)

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        titles = {
            "id": self.tr("Enhets-id"),
            "type": self.tr("Typ"),
            "regiform": self.tr("Regiform"),
            "provider": self.tr("Utförare"),
            "address": self.tr("Adress"),
            "district": self.tr("Stadsdel"),
            "followup": self.tr("Uppföljande stadsdel"),
            "region": self.tr("Region"),
            "places": self.tr("Platser"),
            "parity": self.tr("Uppföljningsår"),
            "manager": self.tr("Verksamhetschef"),
            "active": self.tr("Aktiv"),
        }
        self.values: dict[str, QLabel] = {}
        for position, key in enumerate(self.FIELDS):
            value = _value_label()
            value.setAccessibleName(titles[key])
            caption = QLabel(titles[key])
            caption.setObjectName("detailCaption")
            caption.setBuddy(value)
            caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            row, pair = divmod(position, self.COLUMNS)
            grid.addWidget(caption, row, pair * 2)
            grid.addWidget(value, row, pair * 2 + 1)
            self.values[key] = value
        for pair in range(self.COLUMNS):
            grid.setColumnStretch(pair * 2 + 1, 1)
            if pair:
                grid.setColumnMinimumWidth(pair * 2, 150)
        column.addLayout(grid)
        column.addStretch(1)
        scroll.setWidget(body)
        self._stack.addWidget(scroll)
        self.show_unit(None)

    def show_unit(self, unit: UnitRow | None) -> None:
        self.unit = unit
        if unit is None:
            self._stack.setCurrentIndex(0)
            return
        dash = "–"
        self.title.setText(unit.name)
        texts = {
            "id": unit.id,
            "type": label(unit.type_name),
            "regiform": label(unit.regiform_name),
            "provider": unit.provider or dash,
            "address": unit.address or dash,
            "district": unit.district or self.tr("Utanför staden"),
            "followup": unit.followup_district,
            "region": unit.region or dash,
            "places": dash if unit.places is None else str(unit.places),
            "parity": {"udda": self.tr("Udda år"), "jamn": self.tr("Jämna år")}.get(
                unit.parity or "", self.tr("Inte bestämt")),
            "manager": unit.manager or dash,
            "active": self._active_text(unit),
        }
        for key, text in texts.items():
            self.values[key].setText(text)
        self._stack.setCurrentIndex(1)

    def _active_text(self, unit: UnitRow) -> str:
        start = unit.active_from.isoformat() if unit.active_from else ""
        end = unit.active_to.isoformat() if unit.active_to else ""
        if start and end:
            return self.tr("%1 – %2").replace("%1", start).replace("%2", end)
        if start:
            return self.tr("från %1").replace("%1", start)
        if end:
            return self.tr("till %1").replace("%1", end)
        return self.tr("Tills vidare")
