"""A month calendar of planned visits: each day shows how many are planned."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QLocale, QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QCalendarWidget

from app.services.schedule_rows import PlanRow

BADGE = QColor("#2f6f9f")
BADGE_OVERDUE = QColor("#b26a00")


class PlanCalendar(QCalendarWidget):
    """Month view; a day with planned visits carries a count badge."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("planCalendar")
        self.setAccessibleName(self.tr("Kalender med planerade besök"))
        self.setGridVisible(False)
        self.setLocale(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden))
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.ISOWeekNumbers)
        self.setHorizontalHeaderFormat(QCalendarWidget.HorizontalHeaderFormat.ShortDayNames)
        self._counts: Counter[date] = Counter()
        self._open: Counter[date] = Counter()
        self._today = date.today()

    def set_rows(self, rows: list[PlanRow], today: date | None = None) -> None:
        self._today = today or date.today()
        self._counts = Counter(r.planned_date for r in rows if r.planned_date)
        self._open = Counter(r.planned_date for r in rows if r.planned_date
                             and r.status in ("planerad", "foranalys"))
        self.updateCells()

    def count_on(self, day: date) -> int:
        return self._counts.get(day, 0)

    def paintCell(self, painter: QPainter, rect: QRect, qdate: QDate) -> None:
        super().paintCell(painter, rect, qdate)
        day = date(qdate.year(), qdate.month(), qdate.day())
        count = self._counts.get(day, 0)
        if not count:
            return
        overdue = day < self._today and self._open.get(day, 0) > 0
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(painter.font())
        font.setPointSizeF(max(font.pointSizeF() * 0.75, 6.5))
        font.setBold(True)
        painter.setFont(font)
        text = str(count)
        metrics = painter.fontMetrics()
        height = metrics.height() + 2
        width = max(height, metrics.horizontalAdvance(text) + 10)
        # Centred under the day number, so it reads as that day's count.
        badge = QRect(rect.center().x() - width // 2,
                      min(rect.center().y() + height, rect.bottom() - height - 1), width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BADGE_OVERDUE if overdue else BADGE)
        painter.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2)
        painter.setPen(QColor("white"))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()
