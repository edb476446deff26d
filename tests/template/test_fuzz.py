"""Fuzzing the loader: any input gives a template or a clean validation error."""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import InputProblem, InvalidInputError
from app.services.template_format import TemplateDef, parse_template
from tests.template.helpers import MINIMAL

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(text: str) -> None:
    """The contract: a TemplateDef, or InvalidInputError whose problems all
    name the file and carry a message. Any other exception fails the test."""
    try:
        result = parse_template(text, "fuzz.yaml")
    except InvalidInputError as error:
        assert error.problems
        for problem in error.problems:
            assert isinstance(problem, InputProblem)
            assert problem.file == "fuzz.yaml" and problem.message
            assert problem.line is None or problem.line >= 1
        return
    assert isinstance(result, TemplateDef)
    assert result.sections and all(s.questions for s in result.sections)


@FUZZ
@given(st.text(max_size=400))
def test_arbitrary_text(text: str) -> None:
    check(text)


@FUZZ
@given(st.text(alphabet="[]{}-:,&*!|>'\"#\n ?abc01", max_size=300))
def test_yaml_punctuation(text: str) -> None:
    check(text)


LINES = MINIMAL.splitlines(keepends=True)


@FUZZ
@given(st.lists(st.tuples(st.sampled_from(["drop", "dup", "edit"]),
                          st.integers(0, len(LINES) - 1), st.text(max_size=12)), max_size=6))
def test_mutated_valid_template(edits: list[tuple[str, int, str]]) -> None:
    """Lines of a valid file dropped, duplicated or overwritten: the realistic
    mistakes of hand editing."""
    lines = list(LINES)
    for op, index, fragment in edits:
        index %= len(lines)
        if op == "drop" and len(lines) > 1:
            del lines[index]
        elif op == "dup":
            lines.insert(index, lines[index])
        else:
            line = lines[index]
            cut = len(line) // 2
            lines[index] = line[:cut] + fragment + line[cut:]
    check("".join(lines))


scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                    st.text(max_size=20), st.dates())
keys = st.sampled_from(["format", "template", "sections", "id", "name", "version", "valid_from",
                        "unit_types", "title", "questions", "text", "part", "basis", "guidance",
                        "documents", "answer", "number_unit", "look_at", "fulfilled", "x"])
structures = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=6)), max_leaves=40)


@FUZZ
@given(structures)
def test_random_structures(value: object) -> None:
    check(yaml.safe_dump(value, allow_unicode=True))


@FUZZ
@given(st.dictionaries(keys, structures, max_size=6))
def test_random_fields_in_a_valid_question(extra: dict) -> None:
    doc = yaml.safe_load(MINIMAL)
    doc["sections"][0]["questions"][0].update(extra)
    check(yaml.safe_dump(doc, allow_unicode=True))


def test_pathological_nesting_is_refused_quickly() -> None:
    for text in ("[" * 100_000, "{a: " * 50_000, "- " * 50_000):
        try:
            parse_template(text, "fuzz.yaml")
        except InvalidInputError as error:
            assert "djupt" in error.problems[0].message
        else:  # pragma: no cover - would be a bug
            raise AssertionError("accepted")
