"""The command line as a user runs it (real processes), and the demo register."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

from sqlalchemy import select

from app import __version__
from app.models import Officer, Unit
from app.services.demo import MIX
from app.services.units import list_units


def cli(*args: str, data_dir: Path | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "app", *args]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def test_version() -> None:
    result = cli("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"uppfoljaren {__version__}"


def test_usage_error_exits_2() -> None:
    assert cli("units", "frobnicate").returncode == 2
    assert cli("--no-such-flag").returncode == 2


def test_help_on_each_command() -> None:
    for args in (["--help"], ["demo", "--help"], ["units", "--help"], ["units", "import", "--help"],
                 ["units", "list", "--help"]):
        result = cli(*args)
        assert result.returncode == 0 and "usage" in result.stdout.lower()


def test_demo_then_export_imports_again_unchanged(tmp_path: Path) -> None:
    data = tmp_path / "data"
    created = cli("demo", data_dir=data)
    assert created.returncode == 0, created.stderr
    assert "388 enheter" in created.stdout
    again = cli("demo", data_dir=data)
    assert again.returncode == 0 and "inget ändrat" in again.stdout

    exported = cli("units", "list", "--format", "csv", data_dir=data)
    assert exported.returncode == 0
    rows = list(csv.DictReader(io.StringIO(exported.stdout)))
    assert len(rows) == 388
    export_file = tmp_path / "export.csv"
    export_file.write_text(exported.stdout, encoding="utf-8")
    reimport = cli("units", "import", str(export_file), data_dir=data)
    assert reimport.returncode == 0, reimport.stderr
    assert "0 nya, 0 ändrade, 388 oförändrade" in reimport.stdout

    as_json = json.loads(cli("units", "list", "--format", "json", data_dir=data).stdout)
    assert as_json == rows  # same keys and values as the csv headers

    json_file = tmp_path / "export.json"
    # A JSON export turned back into CSV by a user's tool imports unchanged too.
    with open(json_file.with_suffix(".csv"), "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(as_json[0]))
        writer.writeheader()
        writer.writerows(as_json)
    assert "388 oförändrade" in cli("units", "import", str(json_file.with_suffix(".csv")),
                                    data_dir=data).stdout


def test_bad_import_exits_1_naming_file_line_and_field(tmp_path: Path) -> None:
    bad = tmp_path / "fel.csv"
    bad.write_text("enhets_id,namn,typ,regiform,stadsdel,uppföljande_stadsdel\n"
                   "X1,Boende,slott,egen regi,Farsta,\n", encoding="utf-8")
    result = cli("units", "import", str(bad), data_dir=tmp_path / "data")
    assert result.returncode == 1
    assert "fel.csv, rad 2, kolumn typ" in result.stderr
    assert "okänd typ 'slott'" in result.stderr
    listed = cli("units", "list", "--format", "json", data_dir=tmp_path / "data")
    assert json.loads(listed.stdout) == []


def test_environment_variable_selects_data_dir(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("UPPFOLJAREN_DATA_DIR", str(tmp_path / "env-data"))
    assert cli("units", "list").returncode == 0
    assert (tmp_path / "env-data" / "uppfoljaren.sqlite3").exists()


def test_demo_follows_the_2021_mix(demo_sessions) -> None:
    with demo_sessions() as session:
        units = session.scalars(select(Unit)).all()
        officers = session.scalars(select(Officer)).all()
        rows = list_units(session)
    assert len(units) == 388
    mix = Counter((u.type_code, u.regiform_code, u.outside_city) for u in units)
    for type_code, regiform, inside, outside in MIX:
        assert mix[(type_code, regiform, False)] == inside
        assert mix[(type_code, regiform, True)] == outside
    assert Counter(u.type_code for u in units) == {
        "vob": 144, "profilboende": 24, "hemtjanst": 176, "servicehus": 11, "dagverksamhet": 33}
    assert Counter(o.role for o in officers) == {"mas": 11, "verksamhetsuppfoljare": 25}
    assert all(u.followup_district_id is not None for u in units)
    assert all(u.district_id is None for u in units if u.outside_city)
    assert any(u.parity for u in units if u.type_code == "dagverksamhet")
    assert len({r.followup_district for r in rows}) == 13  # every current district


def test_register_is_deterministic_per_seed(tmp_path: Path) -> None:
    from sqlalchemy.orm import Session

    from app.db import open_database
    from app.services.demo import create_demo

    def register(folder: str, seed: int) -> list[tuple[str, str, str, str]]:
        engine = open_database(tmp_path / folder / "db.sqlite3")
        with Session(engine) as session:
            create_demo(session, seed=seed, history=False)
            result = [(r.id, r.name, r.address, r.manager) for r in list_units(session)]
        engine.dispose()
        return result

    first = register("a", 7)
    assert first == register("b", 7)
    assert first != register("c", 8)


def test_force_recreates_after_backup(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert cli("demo", "--seed", "1", data_dir=data).returncode == 0
    first = cli("units", "list", "--format", "json", data_dir=data).stdout
    assert cli("demo", "--seed", "2", "--force", data_dir=data).returncode == 0
    second = cli("units", "list", "--format", "json", data_dir=data).stdout
    assert first != second
    assert len(list(data.glob("uppfoljaren.sqlite3.backup-*"))) == 1
