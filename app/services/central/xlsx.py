"""The city-wide statistics as an Excel workbook: one sheet per breakdown
(district, region, regiform, unit type) with the shares per area, then
deficiencies, plan coverage and the trend over the years."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy.orm import Session

from app.durable_io import write_bytes_atomic
from app.errors import UserFacingError
from app.services.central.stats import (
    BREAKDOWN_LABELS,
    BREAKDOWNS,
    CITY,
    answer_stats,
    coverage,
    deficiency_stats,
    group_label,
    trend,
)


def _sheet(book: Workbook, title: str, header: list[str], rows: list[list[object]]) -> None:
    sheet: Worksheet = book.create_sheet(title[:31])
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    sheet.freeze_panes = "A2"
    for index, name in enumerate(header, start=1):
        width = max([len(name), *(len(str(r[index - 1])) for r in rows[:200])]) + 2
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = min(width, 60)


def build_workbook(session: Session, years: Sequence[int]) -> Workbook:
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    period = f"{min(years)}–{max(years)}" if len(years) > 1 else str(years[0])
    for by in BREAKDOWNS:
        stats = answer_stats(session, years, by)
        label = BREAKDOWN_LABELS[by]
        _sheet(book, label, [label, "Område", "Uppfyllt", "Delvis", "Ej uppfyllt",
                             "Uppfyllt %", "Delvis %", "Ej uppfyllt %", "Uppföljningar",
                             "Period"],
               [[group_label(by, r.group) if r.group != CITY else CITY, r.area_title,
                 r.uppfyllt, r.delvis, r.ej_uppfyllt, *r.shares, r.followups, period]
                for r in [*stats.rows, *stats.city]])
    rows: list[list[object]] = []
    for by in BREAKDOWNS:
        rows += [[BREAKDOWN_LABELS[by], group_label(by, r.group), r.deficiencies, r.open,
                  r.open_past_deadline] for r in deficiency_stats(session, years, by)]
    _sheet(book, "Brister", ["Indelning", "Grupp", "Brister", "Öppna",
                             "Öppna efter sista dag"], rows)
    rows = []
    for year in years:
        for by in BREAKDOWNS:
            rows += [[year, BREAKDOWN_LABELS[by], group_label(by, r.group), r.due,
                      r.followed_up, r.share, r.extra] for r in coverage(session, year, by)]
    _sheet(book, "Plantäckning", ["År", "Indelning", "Grupp", "Att följa upp", "Uppföljda",
                                  "Andel %", "Extra"], rows)
    rows = [[CITY, r.year, r.uppfyllt, r.delvis, r.ej_uppfyllt, *r.shares]
            for r in trend(session, years, None)]
    rows += [[r.group, r.year, r.uppfyllt, r.delvis, r.ej_uppfyllt, *r.shares]
             for r in trend(session, years, "district")]
    _sheet(book, "Trend", ["Stadsdel", "År", "Uppfyllt", "Delvis", "Ej uppfyllt",
                           "Uppfyllt %", "Delvis %", "Ej uppfyllt %"], rows)
    return book


def export_xlsx(session: Session, years: Sequence[int], target: Path) -> Path:
    if target.suffix.lower() != ".xlsx":
        raise UserFacingError(f"Filen {target} ska sluta på .xlsx.")
    import io

    buffer = io.BytesIO()
    build_workbook(session, years).save(buffer)
    try:
        write_bytes_atomic(target, buffer.getvalue())
    except OSError as exc:
        raise UserFacingError(f"Filen {target} kan inte sparas ({exc.strerror}).") from None
    return target
