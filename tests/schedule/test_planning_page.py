"""The Planering page on a copy of the demo database, with a synchronous runner."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QMenu
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.models import PlanEntry
from app.services.schedule import rhythm_rules
from app.ui.plan_delegates import OfficerDelegate
from app.ui.plan_extra_dialog import ExtraFollowupDialog
from app.ui.plan_rules_dialog import RhythmRulesDialog
from app.ui.plan_table_model import ROW_ROLE, PlanColumn
from app.ui.planning_page import PlanningPage
from app.ui.tasks import SyncTaskRunner

TODAY = date(2027, 3, 10)


@dataclass
class FakeContext:
    sessions: sessionmaker[Session]
    tasks: SyncTaskRunner


@pytest.fixture
def page(qtbot, demo_sessions: sessionmaker[Session]) -> PlanningPage:  # type: ignore[no-untyped-def]
    widget = PlanningPage(FakeContext(demo_sessions, SyncTaskRunner()),  # type: ignore[arg-type]
                          today=lambda: TODAY)
    qtbot.addWidget(widget)
    return widget


def _index(page: PlanningPage, unit_type: str, column: PlanColumn):  # type: ignore[no-untyped-def]
    for row in range(page.model.rowCount()):
        if page.model.row_at(row).unit_type == unit_type:
            return page.model.index(row, column)
    raise AssertionError(unit_type)


def test_page_shows_the_year_with_counts_and_warnings(page: PlanningPage) -> None:
    assert page.year.value() == 2027
    assert page.model.rowCount() == 208  # 179 care homes + day care due in 2027
    assert page.counts.text().startswith("208 uppföljningar")
    assert "Planerad 208" in page.counts.text()
    # Visits planned before "today" and not yet made are warned about.
    overdue = [w for w in page.warnings if w.kind == "datum_passerat"]
    assert overdue and page.warning_list.count() == len(page.warnings)
    assert "Varningar (" in page.tabs.tabText(2)


def test_filters_narrow_the_table_and_the_counts(page: PlanningPage) -> None:
    page.district.setCurrentIndex(page.district.findData("Bromma"))
    rows = page.proxy.visible_rows()
    assert rows and {r.district for r in rows} == {"Bromma"}
    assert page.counts.text().startswith(f"{len(rows)} uppföljningar")
    page.unit_type.setCurrentIndex(page.unit_type.findData("dagverksamhet"))
    assert {r.unit_type for r in page.proxy.visible_rows()} == {"dagverksamhet"}
    page.district.setCurrentIndex(0)
    page.unit_type.setCurrentIndex(0)
    officer_id = page.officer.itemData(1)
    page.officer.setCurrentIndex(1)
    assert all(officer_id in (r.sol_officer_id, r.hsl_officer_id)
               for r in page.proxy.visible_rows())
    page.officer.setCurrentIndex(0)
    page.only_warnings.setChecked(True)
    assert 0 < page.proxy.rowCount() < page.model.rowCount()
    page.only_warnings.setChecked(False)
    page.search.setText("dagverksamhet")
    assert all("dagverksamhet" in r.unit_name.casefold() for r in page.proxy.visible_rows())


def test_rescheduling_and_assigning_are_saved_at_once(
        page: PlanningPage, demo_sessions: sessionmaker[Session]) -> None:
    index = _index(page, "vob", PlanColumn.DATE)
    row = index.data(ROW_ROLE)
    assert page.model.setData(index, date(2027, 9, 14), Qt.ItemDataRole.EditRole)
    with demo_sessions() as session:
        assert session.get(PlanEntry, row.entry_id).planned_date == date(2027, 9, 14)
    page.select_entry(row.entry_id)
    assert page.current_row().planned_date == date(2027, 9, 14)  # type: ignore[union-attr]
    page.tabs.setCurrentIndex(1)
    assert page.calendar.count_on(date(2027, 9, 14)) >= 1
    assert any(page.day_list.item(i).text().startswith(row.unit_name)
               for i in range(page.day_list.count()))

    mas_index = _index(page, "vob", PlanColumn.HSL)
    target = mas_index.data(ROW_ROLE)
    delegate = page.table.itemDelegateForColumn(PlanColumn.HSL)
    assert isinstance(delegate, OfficerDelegate)
    editor = delegate.createEditor(page.table, None, mas_index)  # type: ignore[arg-type]
    assert isinstance(editor, QComboBox) and editor.itemData(0) is None
    other = next(editor.itemData(i) for i in range(1, editor.count())
                 if editor.itemData(i) not in (None, target.hsl_officer_id))
    assert page.model.setData(mas_index, other, Qt.ItemDataRole.EditRole)
    with demo_sessions() as session:
        assert session.get(PlanEntry, target.entry_id).hsl_officer_id == other
    assert page.model.setData(_index(page, "vob", PlanColumn.SOL), None,
                              Qt.ItemDataRole.EditRole)
    assert any(w.kind == "ej_tilldelad" for w in page.warnings)
    page.assign_unassigned()
    assert not any(w.kind == "ej_tilldelad" for w in page.warnings)


def test_extra_followup_from_the_dialog(page: PlanningPage,
                                        demo_sessions: sessionmaker[Session]) -> None:
    units = [("E10200", "Testenheten")]
    dialog = ExtraFollowupDialog(2027, units, page, preselect="E10200")
    dialog.reason.setCurrentIndex(dialog.reason.findData("klagomal"))
    dialog.text.setPlainText("Anhörig har klagat på bemanningen")
    dialog.has_date.setChecked(True)
    page._save_extra(dialog)
    extra = [r for r in page.model.rows() if r.reason == "extra"]
    assert len(extra) == 1 and extra[0].unit_id == "E10200"
    assert extra[0].reason_text.startswith("Extra: Klagomål")
    assert extra[0].planned_date is not None and extra[0].planned_date.year == 2027
    with demo_sessions() as session:
        stored = session.scalars(select(PlanEntry).where(
            PlanEntry.kind == "extra", PlanEntry.unit_id == "E10200",
            PlanEntry.year == 2027)).one()
    assert stored.extra_reason == "klagomal" and "bemanningen" in stored.extra_text


def test_year_change_and_exports(page: PlanningPage, tmp_path: Path) -> None:
    page.year.setValue(2028)
    assert {r.year for r in page.model.rows()} == {2028}
    assert "hemtjanst" in {r.unit_type for r in page.model.rows()}
    page.district.setCurrentIndex(page.district.findData("Farsta"))
    shown = page.proxy.visible_rows()
    page.export("ics", tmp_path / "farsta.ics")
    events = Calendar.from_ical((tmp_path / "farsta.ics").read_bytes()).walk("VEVENT")
    assert len(events) == len(shown)
    page.export("xlsx", tmp_path / "farsta.xlsx")
    sheet = load_workbook(tmp_path / "farsta.xlsx").active
    assert sheet.max_row == len(shown) + 1


def test_rules_dialog_saves_each_change_and_rebuilds(page: PlanningPage,
                                                     demo_sessions: sessionmaker[Session]) -> None:
    page.edit_rules()
    dialog = page.findChild(RhythmRulesDialog)
    assert dialog is not None
    picker = dialog.pickers["dagverksamhet"]
    assert picker.currentData() == "varje"
    picker.setCurrentIndex(picker.findData("jamn"))
    with demo_sessions() as session:
        assert rhythm_rules(session)["dagverksamhet"] == "jamn"
    # 2027 is odd: only day-care units with their own odd parity remain.
    day_care = [r for r in page.model.rows() if r.unit_type == "dagverksamhet"]
    assert day_care and all("egen rytm" in r.reason_text for r in day_care)
    dialog.close()


def test_cleared_date_warns_and_context_menu_offers_edits(page: PlanningPage) -> None:
    row = page.model.row_at(0)
    page._save_edit(row.entry_id, PlanColumn.DATE, None)
    assert any(w.kind == "inget_datum" and w.entry_id == row.entry_id for w in page.warnings)
    page.table.customContextMenuRequested.emit(page.table.visualRect(page.proxy.index(0, 0))
                                               .center())
    menu = page.findChild(QMenu)
    assert menu is not None and any(a.text() == "Ändra datum" for a in menu.actions())
    menu.close()


def test_choosing_an_officer_in_the_cell_editor_saves_it(
        page: PlanningPage, demo_sessions: sessionmaker[Session], qtbot) -> None:  # type: ignore[no-untyped-def]
    source = _index(page, "hemtjanst" if page.year.value() % 2 == 0 else "vob", PlanColumn.SOL)
    row = source.data(ROW_ROLE)
    proxy_index = page.proxy.mapFromSource(source)
    page.table.setCurrentIndex(proxy_index)
    page.table.edit(proxy_index)
    editor = page.table.indexWidget(proxy_index) or page.table.findChild(QComboBox)
    assert isinstance(editor, QComboBox)
    choice = next(i for i in range(1, editor.count())
                  if editor.itemData(i) not in (None, row.sol_officer_id))
    editor.setCurrentIndex(choice)
    chosen = editor.itemData(choice)
    editor.activated.emit(choice)
    with demo_sessions() as session:
        assert session.get(PlanEntry, row.entry_id).sol_officer_id == chosen


@dataclass
class SessionsOnly:
    sessions: sessionmaker[Session]


def test_page_works_with_a_context_without_task_runner(qtbot, demo_sessions) -> None:  # type: ignore[no-untyped-def]
    page = PlanningPage(SessionsOnly(demo_sessions), today=lambda: date(2028, 5, 2))  # type: ignore[arg-type]
    qtbot.addWidget(page)
    assert page.year.value() == 2028 and page.model.rowCount() > 150
    assert page.calendar.selectedDate().month() == 5
