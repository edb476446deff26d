"""Planering: the year plan as a filterable table, a month calendar and warnings.

``PlanningView`` (plan_view.py) is the layout; ``PlanningPage`` fills it
through the services and saves every edit at once (date, officers, extra
follow-ups, rhythm rules): there is no Save button. Work goes through
``ctx.tasks`` when the context has a task runner, else it runs inline.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QPoint
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from app.services.plan_assign import PlanWarning
from app.services.plan_choices import OfficerOption, officer_options, unit_options
from app.services.plan_export import save_plan
from app.services.schedule import (
    add_extra_followup,
    apply_suggestions,
    build_year_plan,
    plan_warnings,
    remove_extra_followup,
    rhythm_rules,
    set_officer,
    set_planned_date,
    set_rhythm_rule,
)
from app.services.schedule_rows import PlanRow
from app.services.units import choices
from app.ui.plan_delegates import OfficerDelegate, to_qdate
from app.ui.plan_extra_dialog import ExtraFollowupDialog
from app.ui.plan_rules_dialog import RhythmRulesDialog
from app.ui.plan_table_model import PlanColumn
from app.ui.plan_view import PlanningView

if TYPE_CHECKING:
    from app.ui.context import UiContext


class PlanningPage(PlanningView):
    """The Planering page: the view filled from, and saving to, the database."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None,
                 today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self.setObjectName("planningPage")
        self.ctx = ctx
        self._today = today
        self._stale = False
        self.year.setValue(today().year)
        self.calendar.setSelectedDate(to_qdate(today()))
        sol = OfficerDelegate(lambda r: self._officer_options(r, "verksamhetsuppfoljare"),
                              self.table)
        hsl = OfficerDelegate(lambda r: self._officer_options(r, "mas"), self.table)
        self.table.setItemDelegateForColumn(PlanColumn.SOL, sol)
        self.table.setItemDelegateForColumn(PlanColumn.HSL, hsl)
        self.model.edit_requested.connect(self._save_edit)
        self.year.valueChanged.connect(self._year_changed)
        self.extra_button.clicked.connect(self.add_extra)
        self.assign_button.clicked.connect(self.assign_unassigned)
        self.export_xlsx.triggered.connect(lambda: self.export("xlsx"))
        self.export_ics.triggered.connect(lambda: self.export("ics"))
        self.rules_button.clicked.connect(self.edit_rules)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.reload()

    # -- running work ------------------------------------------------------------
    def _run(self, fn: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        tasks = getattr(self.ctx, "tasks", None)
        if tasks is None:
            on_done(fn())
        else:
            tasks.run(lambda _state: fn(), on_done, parent=self)

    def _write_then_reload(self, write: Callable[[Any], object]) -> None:
        """Save one edit in its own transaction, then show the year again."""
        year, today, sessions = self.year.value(), self._today(), self.ctx.sessions

        def work() -> tuple[list[PlanRow], list[PlanWarning]]:
            with sessions() as session, session.begin():
                write(session)
                rows = build_year_plan(session, year)
                return rows, plan_warnings(session, rows, today=today)

        self._run(work, lambda result: self.set_plan(*result, today=today))

    def reload(self) -> None:
        self._stale = False
        self._write_then_reload(lambda _session: None)

    def hideEvent(self, event: QHideEvent) -> None:
        # Visits change statuses elsewhere; show fresh numbers when we come back.
        self._stale = True
        super().hideEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _year_changed(self, year: int) -> None:
        today = self._today()
        self.calendar.setSelectedDate(to_qdate(today) if year == today.year
                                      else QDate(year, 2, 1))
        self.reload()

    # -- edits -------------------------------------------------------------------
    def _save_edit(self, entry_id: int, column: int, value: object) -> None:
        if column == PlanColumn.DATE:
            self._write_then_reload(lambda s: set_planned_date(s, entry_id, value))  # type: ignore[arg-type]
        elif column == PlanColumn.SOL:
            self._write_then_reload(
                lambda s: set_officer(s, entry_id, "verksamhetsuppfoljare", value))  # type: ignore[arg-type]
        elif column == PlanColumn.HSL:
            self._write_then_reload(lambda s: set_officer(s, entry_id, "mas", value))  # type: ignore[arg-type]

    def _officer_options(self, row: PlanRow, role: str) -> list[OfficerOption]:
        with self.ctx.sessions() as session:
            return officer_options(session, row.year, role, row.district_id)

    def _context_menu(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        if not index.isValid():
            return
        row = self.proxy.row_at(index.row())
        menu = QMenu(self)
        edit_date = menu.addAction(self.tr("Ändra datum"))
        edit_date.triggered.connect(
            lambda: self.table.edit(index.siblingAtColumn(PlanColumn.DATE)))
        if row.planned_date is not None:
            menu.addAction(self.tr("Ta bort datum")).triggered.connect(
                lambda: self._save_edit(row.entry_id, PlanColumn.DATE, None))
        if row.reason == "extra":
            menu.addSeparator()
            menu.addAction(self.tr("Ta bort extra uppföljning")).triggered.connect(
                lambda: self._write_then_reload(
                    lambda s: remove_extra_followup(s, row.entry_id)))
        else:
            menu.addAction(self.tr("Lägg till extra uppföljning…")).triggered.connect(
                self.add_extra)
        menu.popup(self.table.viewport().mapToGlobal(position))

    def edit_rules(self) -> None:
        with self.ctx.sessions() as session:
            types = choices(session).unit_types
            rules = rhythm_rules(session)
        dialog = RhythmRulesDialog(
            types, rules,
            lambda code, rhythm: self._write_then_reload(
                lambda s: set_rhythm_rule(s, code, rhythm)),
            self)
        dialog.open()

    def add_extra(self) -> None:
        with self.ctx.sessions() as session:
            units = unit_options(session)
        current = self.current_row()
        dialog = ExtraFollowupDialog(self.year.value(), units, self,
                                     preselect=current.unit_id if current else None)
        dialog.accepted.connect(lambda: self._save_extra(dialog))
        dialog.open()

    def _save_extra(self, dialog: ExtraFollowupDialog) -> None:
        request = dialog.request()
        if request is None:
            return
        year = self.year.value()
        self._write_then_reload(lambda s: add_extra_followup(
            s, request.unit_id, year, request.reason, request.text, request.planned_date))

    def assign_unassigned(self) -> None:
        year = self.year.value()
        self._write_then_reload(lambda s: apply_suggestions(s, year))

    def export(self, fmt: str, path: Path | None = None) -> None:
        """Export the rows shown (after filters) to Excel or iCalendar."""
        year = self.year.value()
        if path is None:
            names = {"xlsx": self.tr("Excel-arbetsbok (*.xlsx)"),
                     "ics": self.tr("iCalendar (*.ics)")}
            suggested = str(Path.home() / f"uppfoljningsplan-{year}.{fmt}")
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Exportera planen"),
                                                    suggested, names[fmt])
            if not chosen:
                return
            path = Path(chosen)
            if path.suffix.lower() != f".{fmt}":
                path = path.with_name(path.name + f".{fmt}")
        rows = self.proxy.visible_rows()
        target = path
        self._run(lambda: save_plan(rows, target, year), lambda _result: None)
