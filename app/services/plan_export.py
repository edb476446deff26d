"""Exporting the year plan: CSV, JSON, iCalendar (.ics) and Excel (.xlsx).

Each format is a pure function of ``PlanRow``s returning text or bytes;
``save_plan`` writes a file atomically. The iCalendar file has one event per
dated visit with a UID that stays the same between exports (unit, year and
kind), so re-importing into Outlook updates events instead of doubling them.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from app.durable_io import write_bytes_atomic
from app.services.schedule_rows import PlanRow

TZID = "Europe/Stockholm"
VISIT_START, VISIT_END = time(9, 0), time(12, 0)
UID_DOMAIN = "uppfoljaren.stockholm.se"
CSV_FIELDS = ("unit_id", "unit_name", "unit_type", "regiform", "district", "region",
              "reason", "reason_text", "sol_officer", "hsl_officer", "planned_date",
              "status", "status_label", "year", "entry_id")


def to_json(rows: Sequence[PlanRow]) -> str:
    return json.dumps([r.as_record() for r in rows], ensure_ascii=False, indent=2) + "\n"


def to_csv(rows: Sequence[PlanRow]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, extrasaction="ignore",
                            lineterminator="\n")
    writer.writeheader()
    for r in rows:
        record = r.as_record()
        writer.writerow({key: "" if record[key] is None else record[key] for key in CSV_FIELDS})
    return out.getvalue()


def event_uid(row: PlanRow) -> str:
    return f"{row.unit_id}-{row.year}-{row.reason}@{UID_DOMAIN}"


def _description(row: PlanRow) -> str:
    lines = [
        f"Enhet: {row.unit_name} ({row.unit_id})",
        f"Typ: {row.unit_type_name}, {row.regiform_name}",
        f"Stadsdel: {row.district}",
        f"Skäl: {row.reason_text}",
        f"Verksamhetsuppföljare: {row.sol_officer or '–'}",
    ]
    if row.needs_mas:
        lines.append(f"MAS: {row.hsl_officer or '–'}")
    lines.append(f"Status: {row.status_label}")
    return "\n".join(lines)


def to_ics(rows: Sequence[PlanRow], *, all_day: bool = False,
           stamp: datetime | None = None) -> bytes:
    """One VEVENT per row that has a date; undated rows are left out.

    Timed events run 09:00-12:00 Stockholm time and the file carries the
    matching VTIMEZONE; ``stamp`` (DTSTAMP) defaults to now.
    """
    stamp = stamp or datetime.now(UTC).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", "-//Uppföljaren//Planering//SV")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Uppföljningar")
    dated = [r for r in rows if r.planned_date is not None]
    if dated and not all_day:
        years = [r.planned_date.year for r in dated if r.planned_date]
        cal.add_component(Timezone.from_tzid(TZID, first_date=date(min(years) - 1, 12, 1),
                                             last_date=date(max(years), 12, 31)))
    zone = ZoneInfo(TZID)
    for r in dated:
        assert r.planned_date is not None
        event = Event()
        event.add("uid", event_uid(r))
        event.add("dtstamp", stamp)
        event.add("summary", f"Uppföljning: {r.unit_name}")
        if all_day:
            event.add("dtstart", r.planned_date)
            event.add("dtend", r.planned_date + timedelta(days=1))
        else:
            event.add("dtstart", datetime.combine(r.planned_date, VISIT_START, zone))
            event.add("dtend", datetime.combine(r.planned_date, VISIT_END, zone))
        if r.address:
            event.add("location", r.address)
        event.add("description", _description(r))
        event.add("categories", ["Verksamhetsuppföljning"])
        event.add("status", "CONFIRMED" if r.status != "planerad" else "TENTATIVE")
        cal.add_component(event)
    return cal.to_ical()


XLSX_COLUMNS: tuple[tuple[str, int], ...] = (
    ("Datum", 12), ("Enhet", 40), ("Enhets-id", 10), ("Typ", 22), ("Regiform", 13),
    ("Stadsdel", 22), ("Skäl", 34), ("Verksamhetsuppföljare", 24), ("MAS", 22), ("Status", 16),
)


def to_xlsx(rows: Sequence[PlanRow], year: int) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = f"Plan {year}"
    sheet.append([title for title, _ in XLSX_COLUMNS])
    header_fill = PatternFill("solid", fgColor="DDE6F0")
    for index, (_, width) in enumerate(XLSX_COLUMNS, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font = Font(bold=True)
        cell.fill = header_fill
        cell.alignment = Alignment(vertical="center")
        sheet.column_dimensions[get_column_letter(index)].width = width
    for r in rows:
        sheet.append([r.planned_date, r.unit_name, r.unit_id, r.unit_type_name, r.regiform_name,
                      r.district, r.reason_text, r.sol_officer, r.hsl_officer, r.status_label])
        sheet.cell(row=sheet.max_row, column=1).number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(XLSX_COLUMNS))}{max(sheet.max_row, 1)}"
    book.properties.title = f"Uppföljningsplan {year}"
    book.properties.creator = "Uppföljaren"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


FORMATS = ("csv", "json", "ics", "xlsx")


def render(rows: Sequence[PlanRow], fmt: str, year: int, *, all_day: bool = False) -> bytes:
    if fmt == "csv":
        return to_csv(rows).encode("utf-8-sig")  # BOM so Excel reads å, ä, ö
    if fmt == "json":
        return to_json(rows).encode("utf-8")
    if fmt == "ics":
        return to_ics(rows, all_day=all_day)
    if fmt == "xlsx":
        return to_xlsx(rows, year)
    raise ValueError(f"unknown format {fmt!r}")


def save_plan(rows: Sequence[PlanRow], path: Path, year: int, *, all_day: bool = False) -> None:
    """Write the plan to ``path`` in the format its suffix names."""
    fmt = path.suffix.lower().lstrip(".")
    write_bytes_atomic(path, render(rows, fmt, year, all_day=all_day))
