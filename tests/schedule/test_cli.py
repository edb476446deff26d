"""``uppfoljaren plan`` end to end on a copy of the demo database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from icalendar import Calendar

from app.cli.main import main


@pytest.fixture
def demo_dir(demo_engine, data_dir: Path) -> str:  # type: ignore[no-untyped-def]
    demo_engine.dispose()  # the CLI opens its own engine on the same file
    return str(data_dir)


def test_plan_json(demo_dir: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", demo_dir, "plan", "--year", "2028", "--district", "Bromma",
                 "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert records and {r["district"] for r in records} == {"Bromma"}
    assert {r["unit_type"] for r in records} <= {"hemtjanst", "dagverksamhet"}
    assert all(r["status"] == "planerad" and r["officers"] for r in records)


def test_plan_table_with_counts_and_warnings(demo_dir: str,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", demo_dir, "plan", "--year", "2027", "--warnings"]) == 0
    out = capsys.readouterr().out
    assert "uppföljningar 2027 (planerad" in out
    assert out.splitlines()[0].startswith("Datum")


def test_plan_ics_to_stdout_and_xlsx_to_file(demo_dir: str, tmp_path: Path,
                                             capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["--data-dir", demo_dir, "plan", "--year", "2027", "--format", "ics"]) == 0
    cal = Calendar.from_ical(capsysbinary.readouterr().out)
    assert len(cal.walk("VEVENT")) > 150
    target = tmp_path / "plan.xlsx"
    assert main(["--data-dir", demo_dir, "plan", "--year", "2027", "-o", str(target)]) == 0
    assert target.read_bytes()[:2] == b"PK"
    other = tmp_path / "plan.txt"
    assert main(["--data-dir", demo_dir, "plan", "--year", "2027", "--format", "json",
                 "-o", str(other)]) == 0
    assert other.read_text(encoding="utf-8").startswith("[")
    assert main(["--data-dir", demo_dir, "plan", "--year", "2027", "-o", str(other)]) == 1


def test_rules_extra_and_errors(demo_dir: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", demo_dir, "plan", "rules", "--set", "dagverksamhet=udda"]) == 0
    assert "dagverksamhet   udda" in capsys.readouterr().out
    assert main(["--data-dir", demo_dir, "plan", "extra", "--year", "2028", "--unit", "E10001",
                 "--reason", "oegentligheter"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", demo_dir, "plan", "--year", "2028", "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    day_care = [r for r in records if r["unit_type"] == "dagverksamhet" and r["reason"] == "rytm"]
    # Under the new rule only day-care units with their own even parity remain.
    assert day_care and all("egen rytm" in r["reason_text"] for r in day_care)
    assert any(r["unit_id"] == "E10001" and r["reason"] == "extra" for r in records)
    assert main(["--data-dir", demo_dir, "plan", "--year", "2028", "--district", "X"]) == 1
    assert "Okänd stadsdel" in capsys.readouterr().err
    assert main(["--data-dir", demo_dir, "plan", "rules", "--set", "vob=ibland"]) == 1
    with pytest.raises(SystemExit) as usage:
        main(["--data-dir", demo_dir, "plan"])
    assert usage.value.code == 2
