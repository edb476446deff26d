"""`uppfoljaren central ...` end to end on the small fixture (SQLite file)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from app.cli.main import main
from app.services.central.publish import read_statistics, stats_path
from app.services.share.layout import Share
from app.services.share.signing import SigningKey
from app.services.template_format import shipped_template_files
from tests.central.helpers import make_package, publish
from tests.central.small import small_set


@pytest.fixture
def loaded_share(share: Share, key: SigningKey) -> Share:
    for snap in small_set():
        publish(share, key, snap)
    return share


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_ingest_prints_a_summary_and_exits_1_on_quarantine(
        tmp_path: Path, loaded_share: Share, key: SigningKey,
        capsys: pytest.CaptureFixture[str]) -> None:
    base = ["central", "ingest", "--data-dir", str(tmp_path / "data"),
            "--share", str(loaded_share.root)]
    code, out, _ = run(capsys, *base)
    assert code == 0
    assert "Inlästa: 6" in out and "I karantän: 0" in out
    assert (tmp_path / "data" / "central.sqlite3").exists()
    code, out, _ = run(capsys, *base)
    assert code == 0 and "Inlästa: 0" in out and "Redan inlästa: 6" in out
    name, data = make_package(key, small_set()[0], revision=2)
    (loaded_share.outbox_dir(key.device_id) / name).write_bytes(data[:100])
    code, out, _ = run(capsys, *base)
    assert code == 1
    assert "I karantän: 1" in out and "kontrollsumman" in out and name in out


def test_stats_table_csv_json(tmp_path: Path, loaded_share: Share,
                              capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "c.sqlite3")
    common = ["--data-dir", str(tmp_path / "data"), "--db", db]
    assert run(capsys, "central", "ingest", *common, "--share", str(loaded_share.root))[0] == 0
    code, out, _ = run(capsys, "central", "stats", *common, "--year", "2023", "--by", "district")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:2] == ["Stadsdel", "Område"]
    assert any(line.split()[:3] == ["Aby", "Område", "a1"] and "50.0" in line for line in lines)
    code, out, _ = run(capsys, "central", "stats", *common, "--year", "2023", "--by", "regiform",
                       "--area", "a1", "--format", "csv")
    assert out.splitlines()[0].startswith("Regiform;Fråga;Uppfyllt %")
    assert "Privat regi;Fråga q1?;50.0;0.0;50.0;2;2" in out.splitlines()
    code, out, _ = run(capsys, "central", "stats", *common, "--year", "2022-2024",
                       "--by", "district", "--format", "json")
    body = json.loads(out)
    assert body["years"] == [2022, 2023, 2024]
    city = {r["area_id"]: r for r in body["city"]}
    assert (city["a1"]["uppfyllt"], city["a1"]["delvis"], city["a1"]["ej_uppfyllt"]) == (4, 3, 1)
    code, out, _ = run(capsys, "central", "stats", *common, "--year", "2023", "--by", "district",
                       "--view", "deficiencies", "--format", "csv")
    assert out.splitlines()[1].split(";")[:3] == ["Aby", "3", "2"]
    with pytest.raises(SystemExit) as usage:
        main(["central", "stats", *common, "--year", "20x3"])
    assert usage.value.code == 2 and "'20x3' är inget år" in capsys.readouterr().err


def test_exports_pdf_xlsx_and_published_statistics(
        tmp_path: Path, loaded_share: Share, capsys: pytest.CaptureFixture[str]) -> None:
    common = ["--data-dir", str(tmp_path / "data")]
    run(capsys, "central", "ingest", *common, "--share", str(loaded_share.root))
    xlsx = tmp_path / "stat.xlsx"
    assert run(capsys, "central", "export-xlsx", *common, "--year", "2023", "-o", str(xlsx))[0] == 0
    book = load_workbook(xlsx)
    assert book.sheetnames == ["Stadsdel", "Region", "Regiform", "Enhetstyp", "Brister",
                               "Plantäckning", "Trend"]
    rows = list(book["Stadsdel"].iter_rows(values_only=True))
    assert rows[1][:5] == ("Aby", "Område a1", 2, 1, 1)
    out = tmp_path / "pdf"
    code, text, _ = run(capsys, "central", "summary-pdf", *common, "--year", "2023",
                        "--all-districts", "-o", str(out))
    assert code == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "sammanstallning-2023-Aby.pdf", "sammanstallning-2023-Bstad.pdf",
        "sammanstallning-2023-hela-staden.pdf"]
    aby = "".join(page.extract_text() for page in PdfReader(out / "sammanstallning-2023-Aby.pdf").pages)
    assert "Ekbacken" in aby and "Björkhagen" in aby and "Rutin saknas" in aby
    assert "Hemtjänst Cedern" not in aby.split("Uppföljda enheter")[1]
    assert "Sammanfattning F1 sol" in aby
    code, _, _ = run(capsys, "central", "publish-stats", *common, "--share",
                     str(loaded_share.root))
    assert code == 0
    body = read_statistics(stats_path(loaded_share))
    assert body["years"] == [2022, 2023, 2024]
    city = {r["area_id"]: r for r in body["per_year"]["2023"]["areas"]["district"]["city"]}
    assert (city["a1"]["uppfyllt"], city["a1"]["delvis"], city["a1"]["ej_uppfyllt"]) == (3, 1, 1)


def test_publish_template_and_units(tmp_path: Path, share: Share,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    common = ["--data-dir", str(tmp_path / "data"), "--share", str(share.root)]
    template = shipped_template_files()[-1]
    code, out, _ = run(capsys, "central", "publish-template", *common, str(template))
    assert code == 0 and (share.published_dir("templates") / template.name).exists()
    broken = tmp_path / "trasig-mall.yaml"
    broken.write_text("format: 1\nid: x\n", encoding="utf-8")
    code, _, err = run(capsys, "central", "publish-template", *common, str(broken))
    assert code == 1 and "trasig-mall.yaml" in err
    assert not (share.published_dir("templates") / broken.name).exists()

    units = tmp_path / "enheter-2025.csv"
    units.write_text(
        "enhets_id,namn,typ,regiform,utförare,adress,stadsdel,uppföljande_stadsdel,"
        "utanför_staden,platser,paritet\n"
        "A1,Ekbacken,vob,egen regi,Staden,Gata 1,Farsta,,nej,40,\n"
        "A2,Cedern,hemtjänst,privat regi,AB,Gata 2,Bromma,,nej,,jämn\n", encoding="utf-8")
    code, out, _ = run(capsys, "central", "publish-units", *common, str(units))
    assert code == 0 and "2 enheter" in out
    assert (share.published_dir("units") / units.name).exists()
    bad = tmp_path / "enheter-fel.csv"
    bad.write_text("enhets_id,namn,typ,regiform,stadsdel,uppföljande_stadsdel\n"
                   "X1,Boende,slott,egen regi,Farsta,\n", encoding="utf-8")
    code, _, err = run(capsys, "central", "publish-units", *common, str(bad))
    assert code == 1 and "slott" in err
    assert not (share.published_dir("units") / bad.name).exists()
