"""File > Importera enheter… through the main window: a good file is written,
a bad file is rejected whole with every problem listed."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from app.models import Unit
from app.services.units import IMPORT_HEADERS
from app.ui.units_page import UnitsPage

GOOD_ROWS = [
    ["GUI-0001", "Testgårdens vård- och omsorgsboende", "vob", "privat regi", "Testomsorg AB",
     "Testvägen 1, 127 00 Skärholmen", "Skärholmen", "Skärholmen", "nej", "54", "udda"],
    ["GUI-0002", "Provhusets dagverksamhet", "dagverksamhet", "egen regi", "",
     "Provgatan 2", "Skärholmen", "", "nej", "", ""],
]


def _write_csv(path: Path, rows: list[list[str]]) -> Path:
    lines = [";".join(IMPORT_HEADERS)] + [";".join(row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _unit_count(ctx) -> int:  # type: ignore[no-untyped-def]
    with ctx.sessions() as session:
        return session.scalar(select(func.count()).select_from(Unit))


def test_good_file_is_imported_and_shown(main_window, ui_ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    main_window.show_page("verksamheter")
    page = main_window.page("verksamheter")
    assert isinstance(page, UnitsPage)
    before = _unit_count(ui_ctx)
    shown_before = page.model.rowCount()

    main_window.import_units(_write_csv(tmp_path / "enheter.csv", GOOD_ROWS))

    assert _unit_count(ui_ctx) == before + 2
    report = main_window.last_import_report
    assert report is not None and report.isVisible()
    assert "2 nya" in report.summary.text()
    assert report.problems.isHidden()
    # The page read the register again: the new unit is there and findable.
    assert page.model.rowCount() == shown_before + 2
    page.search.setText("GUI-0001")
    assert [u.name for u in page.visible_units()] == ["Testgårdens vård- och omsorgsboende"]
    assert "2 nya" in main_window.statusBar().currentMessage()


def test_bad_file_is_rejected_whole_with_the_errors_listed(main_window, ui_ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    before = _unit_count(ui_ctx)
    rows = [
        GOOD_ROWS[0],  # valid, yet must not be written either
        ["GUI-0003", "", "vob", "privat regi", "", "", "Skärholmen", "", "nej", "", ""],
        ["GUI-0004", "Felaktiga hemmet", "slott", "egen regi", "", "", "Skärholmen", "",
         "nej", "många", ""],
    ]
    main_window.import_units(_write_csv(tmp_path / "trasig.csv", rows))

    assert _unit_count(ui_ctx) == before  # nothing written
    report = main_window.last_import_report
    assert report is not None and report.isVisible()
    assert "importerades inte" in report.summary.text()
    assert not report.problems.isHidden()
    listed = [
        [report.problems.topLevelItem(i).text(c) for c in range(4)]
        for i in range(report.problems.topLevelItemCount())
    ]
    assert ["3", "namn", "GUI-0003", "namn saknas"] in listed
    columns_on_row_4 = {row[1] for row in listed if row[0] == "4"}
    assert {"typ", "platser"} <= columns_on_row_4
    assert len(report.problem_texts()) == len(listed) >= 3


def test_unreadable_file_is_reported_not_raised(main_window, ui_ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    before = _unit_count(ui_ctx)
    broken = tmp_path / "trasig.xlsx"
    broken.write_bytes(b"this is not a spreadsheet")
    main_window.import_units(broken)
    assert _unit_count(ui_ctx) == before
    report = main_window.last_import_report
    assert report is not None and report.problems.topLevelItemCount() >= 1
