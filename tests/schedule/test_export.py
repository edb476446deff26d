"""Exports read back: iCalendar with the icalendar parser, Excel with openpyxl."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar
from openpyxl import load_workbook
from sqlalchemy.orm import Session, sessionmaker

from app.services.plan_export import event_uid, save_plan, to_csv, to_ics, to_json, to_xlsx
from app.services.schedule import add_extra_followup, build_year_plan
from app.services.schedule_rows import PlanRow

STAMP = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)


def _rows(demo_sessions: sessionmaker[Session], year: int = 2027) -> list[PlanRow]:
    with demo_sessions() as session, session.begin():
        add_extra_followup(session, "E10001", year, "klagomal", "utan datum")
        return build_year_plan(session, year)


def test_ics_reads_back_one_timed_event_per_dated_visit(demo_sessions) -> None:  # type: ignore[no-untyped-def]
    rows = _rows(demo_sessions)
    dated = [r for r in rows if r.planned_date]
    assert len(dated) == len(rows) - 1  # the extra one has no date yet
    cal = Calendar.from_ical(to_ics(rows, stamp=STAMP))
    events = cal.walk("VEVENT")
    assert len(events) == len(dated)
    zones = cal.walk("VTIMEZONE")
    assert [str(z["TZID"]) for z in zones] == ["Europe/Stockholm"]
    by_uid = {str(e["UID"]): e for e in events}
    assert len(by_uid) == len(events)  # UIDs are unique
    stockholm = ZoneInfo("Europe/Stockholm")
    for r in dated:
        event = by_uid[event_uid(r)]
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert start == datetime.combine(r.planned_date, time(9), stockholm)  # type: ignore[arg-type]
        assert end - start == timedelta(hours=3)
        assert str(event["SUMMARY"]) == f"Uppföljning: {r.unit_name}"
        assert r.sol_officer in str(event["DESCRIPTION"])
        assert str(event["LOCATION"]) == r.address
        assert event["DTSTART"].params["TZID"] == "Europe/Stockholm"


def test_ics_uids_are_stable_between_exports(demo_sessions) -> None:  # type: ignore[no-untyped-def]
    rows = _rows(demo_sessions)
    first = to_ics(rows, stamp=STAMP)
    with demo_sessions() as session, session.begin():
        again = build_year_plan(session, 2027)
    assert to_ics(again, stamp=STAMP) == first


def test_ics_all_day_events(demo_sessions) -> None:  # type: ignore[no-untyped-def]
    rows = _rows(demo_sessions, 2028)
    cal = Calendar.from_ical(to_ics(rows, all_day=True, stamp=STAMP))
    assert not cal.walk("VTIMEZONE")
    for event in cal.walk("VEVENT"):
        start = event.decoded("DTSTART")
        assert type(start) is date and event.decoded("DTEND") == start + timedelta(days=1)


def test_json_and_csv_have_the_documented_fields(demo_sessions) -> None:  # type: ignore[no-untyped-def]
    rows = _rows(demo_sessions)
    records = json.loads(to_json(rows))
    required = {"unit_id", "unit_name", "unit_type", "regiform", "district", "reason",
                "officers", "planned_date", "status"}
    assert len(records) == len(rows) and all(required <= set(r) for r in records)
    care_home = next(r for r in records if r["unit_type"] == "vob")
    assert len(care_home["officers"]) == 2  # verksamhetsuppföljare and MAS
    assert {r["reason"] for r in records} == {"rytm", "extra"}
    parsed = list(csv.DictReader(io.StringIO(to_csv(rows))))
    assert [p["unit_id"] for p in parsed] == [r.unit_id for r in rows]
    assert parsed[0]["planned_date"] == rows[0].planned_date.isoformat()  # type: ignore[union-attr]


def test_xlsx_reads_back(demo_sessions, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = _rows(demo_sessions)
    target = tmp_path / "plan.xlsx"
    save_plan(rows, target, 2027)
    assert target.read_bytes()[:2] == b"PK" and to_xlsx(rows, 2027)[:2] == b"PK"
    sheet = load_workbook(target).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][:3] == ("Datum", "Enhet", "Enhets-id")
    assert len(values) == len(rows) + 1
    assert values[1][0].date() == rows[0].planned_date and values[1][2] == rows[0].unit_id
