"""The template file format: the shipped files, and one bad file per rule."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.errors import InvalidInputError
from app.services.template_format import (
    ANSWERS,
    EVIDENCE,
    answer_label,
    comment_required,
    load_template_file,
    parse_template,
    proposes_deficiency,
    shipped_template_files,
)
from tests.template.helpers import MINIMAL, replace


def line_of(text: str) -> int:
    return MINIMAL.splitlines().index(text) + 1


def problems_of(text: str) -> list:
    with pytest.raises(InvalidInputError) as info:
        parse_template(text, "mall.yaml")
    assert info.value.problems, "an error must list its problems"
    for problem in info.value.problems:
        assert problem.file == "mall.yaml"
    return info.value.problems


def test_minimal_template_parses() -> None:
    t = parse_template(MINIMAL, "mall.yaml")
    assert (t.id, t.version, t.valid_from) == ("test-mall", "2030.1", date(2030, 1, 1))
    assert [s.id for s in t.sections] == ["ledning", "lakemedel"]
    q = t.question("omsattning")
    assert (q.answer_kind, q.number_unit, q.unit_types) == ("number", "%", ("vob", "hemtjanst"))
    # A section's unit types are the default for its questions.
    assert t.question("lakemedelsrutiner").unit_types == ("vob",)
    assert t.section_of("lakemedelsrutiner").title == "Läkemedel"
    assert [q.id for q in t.questions_for("hemtjanst")] == ["ledningssystem", "omsattning"]
    assert [q.id for q in t.questions_for("vob", "hsl")] == ["lakemedelsrutiner"]


def test_version_keeps_its_written_text() -> None:
    t = parse_template(replace('version: "2030.1"', "version: 2030.10"), "mall.yaml")
    assert t.version == "2030.10"


@pytest.mark.parametrize("path", shipped_template_files(), ids=lambda p: p.name)
def test_shipped_templates_load_clean(path: Path) -> None:
    t = load_template_file(path)
    assert t.unit_types == ("vob", "profilboende", "servicehus", "hemtjanst", "dagverksamhet")
    for q in t.all_questions():
        assert q.guidance.look_at, q.id
        if q.answer_kind == "scale":
            assert q.guidance.fulfilled and q.guidance.partly and q.guidance.not_fulfilled, q.id


def test_main_shipped_template_is_complete() -> None:
    files = {p.name: p for p in shipped_template_files()}
    t = load_template_file(files["uppfoljningsmall-2027.1.yaml"])
    questions = t.all_questions()
    assert len(questions) >= 90 and len(t.sections) >= 14
    assert {q.part for q in questions} == {"sol", "hsl"}
    assert {q.answer_kind for q in questions} == {"scale", "number", "yesno"}
    for unit in t.unit_types:
        assert t.questions_for(unit, "sol"), unit
    # Home care gets only delegation and self-care type HSL questions.
    home_hsl = {q.id for q in t.questions_for("hemtjanst", "hsl")}
    assert home_hsl == {"delegering-rutin", "delegering-forteckning", "delegering-primarvard",
                        "egenvard"}
    assert "sjukskoterska-dygnet-runt" in {q.id for q in t.questions_for("vob", "hsl")}
    assert "30 minuter" in t.question("sjukskoterska-dygnet-runt").text


def test_shipped_versions_are_ordered_oldest_first() -> None:
    versions = [load_template_file(p).version for p in shipped_template_files()]
    assert versions == ["2025.1", "2027.1"]


def test_answer_codes_and_labels() -> None:
    assert [answer_label(a) for a in ANSWERS] == [
        "Uppfyllt", "Delvis uppfyllt", "Ej uppfyllt", "Ej aktuellt", "Ej bedömt"]
    assert len(EVIDENCE) == 5
    assert not comment_required("uppfyllt") and comment_required("delvis")
    assert proposes_deficiency("ej_uppfyllt") and not proposes_deficiency("delvis")


# --- one bad file per rule ---------------------------------------------------


def test_yaml_syntax_error_names_line_and_column() -> None:
    bad = replace("    title: Ledning\n", "    title: [Ledning\n")
    (problem,) = problems_of(bad)
    assert problem.line is not None and problem.column is not None
    assert "rad" in str(problem) and "kolumn" in str(problem)


def test_empty_file() -> None:
    (problem,) = problems_of("")
    assert "tom" in problem.message


def test_duplicate_question_id() -> None:
    bad = replace("- id: omsattning", "- id: ledningssystem")
    (problem,) = problems_of(bad)
    assert problem.item == "ledningssystem" and "två gånger" in problem.message


def test_duplicate_section_id() -> None:
    bad = replace("- id: lakemedel\n", "- id: ledning\n")
    (problem,) = problems_of(bad)
    assert "ledning" in problem.message


def test_missing_question_id() -> None:
    bad = replace("      - id: omsattning\n        text:", "      - text:")
    (problem,) = problems_of(bad)
    assert "'id' saknas" in problem.message
    assert problem.line == line_of("      - id: omsattning")


def test_invalid_question_id() -> None:
    (problem,) = problems_of(replace("id: omsattning", "id: Omsättning 1"))
    assert "Ogiltigt id" in problem.message


def test_unknown_unit_type() -> None:
    (problem,) = problems_of(replace("unit_types: [vob]", "unit_types: [vob, lss]"))
    assert "okänd enhetstyp 'lss'" in problem.message
    assert problem.line == line_of("    unit_types: [vob]")


def test_unit_type_outside_template() -> None:
    (problem,) = problems_of(replace("unit_types: [vob]", "unit_types: [dagverksamhet]"))
    assert "ingår inte i mallen" in problem.message


def test_unknown_part() -> None:
    (problem,) = problems_of(replace("part: hsl", "part: lss"))
    assert problem.item == "lakemedelsrutiner" and "okänd del 'lss'" in problem.message


def test_question_without_guidance() -> None:
    start = MINIMAL.index("        guidance:\n          look_at: Personalstatistik.\n")
    bad = MINIMAL[:start] + MINIMAL[start:].replace(
        "        guidance:\n          look_at: Personalstatistik.\n", "", 1)
    (problem,) = problems_of(bad)
    assert problem.item == "omsattning" and "saknar vägledning" in problem.message


def test_scale_question_with_incomplete_guidance() -> None:
    (problem,) = problems_of(replace("          partly: Inaktuella.\n", ""))
    assert problem.item == "lakemedelsrutiner" and "delvis uppfyllt" in problem.message


def test_section_without_questions() -> None:
    bad = MINIMAL + "  - id: tomt\n    title: Tomt område\n    questions: []\n"
    (problem,) = problems_of(bad)
    assert problem.item == "tomt" and "inga frågor" in problem.message


def test_unknown_field_is_reported() -> None:
    (problem,) = problems_of(replace("        basis: Avtal\n", "        basis: Avtal\n        bsis: x\n"))
    assert "okänt fält 'bsis'" in problem.message


def test_duplicate_yaml_key() -> None:
    (problem,) = problems_of(replace("        basis: Avtal\n", "        basis: Avtal\n        basis: B\n"))
    assert "två gånger" in problem.message


def test_bad_version_and_date() -> None:
    bad = replace("valid_from: 2030-01-01", "valid_from: snart", replace('"2030.1"', "ny"))
    messages = [p.message for p in problems_of(bad)]
    assert len(messages) == 2
    assert any("2027.1" in m for m in messages) and any("ÅÅÅÅ-MM-DD" in m for m in messages)


def test_unknown_answer_kind_and_misplaced_unit() -> None:
    bad = replace("answer: number", "answer: text")
    messages = [p.message for p in problems_of(bad)]
    assert any("okänt svarssätt 'text'" in m for m in messages)
    assert any("number_unit" in m for m in messages)


def test_every_problem_is_listed_at_once() -> None:
    bad = replace("part: hsl", "part: x", replace("unit_types: [vob]", "unit_types: [lss]"))
    bad = replace("- id: omsattning", "- id: ledningssystem", bad)
    problems = problems_of(bad)
    assert len(problems) == 3
    assert "3 fel" in str(InvalidInputError("Mallen mall.yaml har 3 fel", problems))


def test_not_a_mapping() -> None:
    (problem,) = problems_of("- bara\n- en lista\n")
    assert problem.line == 1


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "mall.yaml"
    path.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(InvalidInputError) as info:
        load_template_file(path)
    assert "UTF-8" in info.value.problems[0].message
    with pytest.raises(InvalidInputError):
        load_template_file(tmp_path / "saknas.yaml")


def test_duplicate_id_names_both_lines() -> None:
    (problem,) = problems_of(replace("- id: omsattning", "- id: ledningssystem"))
    assert problem.line == line_of("      - id: omsattning")
    assert f"rad {line_of('      - id: ledningssystem')}" in problem.message


def test_question_repeated_through_a_yaml_alias_is_a_duplicate() -> None:
    bad = replace("      - id: ledningssystem\n", "      - &q\n        id: ledningssystem\n")
    bad = replace("    questions:\n      - id: lakemedelsrutiner", "    questions:\n      - *q\n"
                  "      - id: lakemedelsrutiner", bad)
    problems = problems_of(bad)
    assert any("två gånger" in p.message for p in problems)
