"""``uppfoljaren template``: validate, import, list, show, diff."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli.main import main
from tests.template.helpers import MINIMAL, replace


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), "template", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_validate_good_and_bad(capsys, data_dir: Path, tmp_path: Path) -> None:
    good = tmp_path / "mall.yaml"
    good.write_text(MINIMAL, encoding="utf-8")
    code, out, _ = run(capsys, data_dir, "validate", str(good))
    assert code == 0 and "giltig" in out and "3 frågor" in out

    bad = tmp_path / "fel.yaml"
    bad.write_text(replace("part: hsl", "part: lss", replace("unit_types: [vob]", "unit_types: [x]")),
                   encoding="utf-8")
    code, out, err = run(capsys, data_dir, "validate", str(bad))
    assert code == 1 and "Traceback" not in err
    lines = err.splitlines()
    assert "2 fel" in lines[0]
    assert any("fel.yaml, rad" in line and "(lakemedelsrutiner)" in line for line in lines)
    assert any("okänd enhetstyp 'x'" in line for line in lines)


def test_import_keeps_active_template_on_bad_input(capsys, data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "mall.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    assert run(capsys, data_dir, "import", str(path))[0] == 0
    code, out, _ = run(capsys, data_dir, "import", str(path))
    assert code == 0 and "redan inläst" in out

    path.write_text(replace("Finns läkemedelsrutiner?", "Finns lokala läkemedelsrutiner?"))
    code, _, err = run(capsys, data_dir, "validate", str(path))
    assert code == 1 and "redan inläst" in err and "(lakemedelsrutiner)" in err
    assert run(capsys, data_dir, "import", str(path))[0] == 1
    code, out, _ = run(capsys, data_dir, "show", "2030.1", "--format", "json")
    shown = json.loads(out)
    texts = [q["text"] for s in shown["sections"] for q in s["questions"]]
    assert "Finns läkemedelsrutiner?" in texts


def test_show_and_list_and_diff(capsys, data_dir: Path) -> None:
    code, out, _ = run(capsys, data_dir, "list")
    assert code == 0 and "2027.1" in out and "2025.1" in out

    code, out, _ = run(capsys, data_dir, "show", "2027.1", "--format", "json")
    doc = json.loads(out)
    q = doc["sections"][0]["questions"][0]
    assert set(q) >= {"id", "text", "part", "unit_types", "basis", "guidance", "scale"}
    assert q["scale"]["answers"][0] == "uppfyllt"
    assert sum(len(s["questions"]) for s in doc["sections"]) >= 90

    code, out, _ = run(capsys, data_dir, "show", "--datum", "2025-06-01")
    assert code == 0 and "version 2025.1" in out and "Uppfyllt / Delvis uppfyllt" in out

    code, out, _ = run(capsys, data_dir, "diff", "2025.1", "2027.1")
    assert code == 0 and "Nya frågor (6)" in out and "dietist: omvardnad → hsl-organisation" in out
    code, out, _ = run(capsys, data_dir, "diff", "2025.1", "2027.1", "--format", "json")
    assert [c["id"] for c in json.loads(out)["removed"]] == ["meny-anslagen"]

    code, _, err = run(capsys, data_dir, "show", "1999.9")
    assert code == 1 and "1999.9" in err
