"""Template versions in the database: import, pinning, active version, diff."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import InvalidInputError, UserFacingError
from app.models.template import TemplateVersion
from app.services.template_format import load_template_file, parse_template, shipped_template_files
from app.services.templates import (
    active_template,
    diff_templates,
    ensure_shipped_templates,
    import_template,
    list_versions,
    template_by_version,
    template_by_version_id,
    template_from_dict,
    template_to_dict,
)
from tests.template.helpers import MINIMAL, replace


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(TemplateVersion)) or 0


def test_canonical_round_trip_of_shipped_templates() -> None:
    for path in shipped_template_files():
        t = load_template_file(path)
        assert template_from_dict(template_to_dict(t)) == t


def test_import_is_idempotent_and_stores_source(session: Session, tmp_path: Path) -> None:
    shipped = count(session)  # a database opens with the shipped versions in it
    path = write(tmp_path, "mall.yaml", MINIMAL)
    first = import_template(session, path)
    again = import_template(session, path)
    assert first.id == again.id and count(session) == shipped + 1
    assert first.source_text == MINIMAL and first.source_name == "mall.yaml"
    # Comments and layout do not make new content.
    assert import_template(session, write(tmp_path, "b.yaml", "# kommentar\n" + MINIMAL)).id == first.id


def test_same_version_with_other_content_is_refused(session: Session, tmp_path: Path) -> None:
    shipped = count(session)
    import_template(session, write(tmp_path, "mall.yaml", MINIMAL))
    session.commit()
    changed = write(tmp_path, "andrad.yaml", replace("Finns ett ledningssystem?", "Finns ledningssystem?"))
    with pytest.raises(InvalidInputError) as info:
        import_template(session, changed)
    problems = info.value.problems
    assert "2030.2" in problems[0].message  # suggests the next version number
    assert [p.item for p in problems[1:]] == ["ledningssystem"]
    assert "ny formulering" in problems[1].message and problems[1].file == "andrad.yaml"
    session.rollback()
    assert count(session) == shipped + 1
    stored = template_by_version(session, "2030.1")[1]
    assert stored.question("ledningssystem").text == "Finns ett ledningssystem?"


def test_active_version_by_date_and_pinning(session: Session, tmp_path: Path) -> None:
    ensure_shipped_templates(session)
    ensure_shipped_templates(session)  # idempotent
    assert [v.version for v in list_versions(session)] == ["2027.1", "2025.1"]
    old_id, old = active_template(session, date(2026, 3, 1))
    new_id, new = active_template(session, date(2027, 3, 1))
    assert (old.version, new.version) == ("2025.1", "2027.1")
    # A visit pinned to the old version id keeps it after a newer import...
    newer = replace('version: "2030.1"', 'version: "2031.1"')
    newer = replace("valid_from: 2030-01-01", "valid_from: 2027-06-01", newer)
    newer = replace("id: test-mall", "id: stockholm-aldreomsorg", newer)
    path = write(tmp_path, "mall-2031.1.yaml", newer)
    import_template(session, path)
    assert active_template(session, date(2027, 7, 1))[1].version == "2031.1"
    assert active_template(session, date(2027, 3, 1))[0] == new_id
    # ...and after the file is gone, in a fresh cache.
    path.unlink()
    from app.services import templates

    templates._CACHE.clear()
    assert template_by_version_id(session, old_id) == old
    assert template_by_version_id(session, old_id).question("meny-anslagen")


def test_no_template_for_an_early_date(session: Session) -> None:
    ensure_shipped_templates(session)
    with pytest.raises(UserFacingError):
        active_template(session, date(2020, 1, 1))
    with pytest.raises(UserFacingError):
        template_by_version(session, "1999.1")
    with pytest.raises(UserFacingError):
        template_by_version_id(session, 9999)


def test_same_valid_from_picks_the_higher_version(session: Session) -> None:
    a = parse_template(MINIMAL, "a.yaml")
    b = parse_template(replace('version: "2030.1"', 'version: "2030.10"'), "b.yaml")
    c = parse_template(replace('version: "2030.1"', 'version: "2030.9"'), "c.yaml")
    for t in (a, b, c):
        import_template(session, t)
    assert active_template(session, date(2030, 5, 1))[1].version == "2030.10"


# --- diff --------------------------------------------------------------------


def test_diff_of_shipped_versions() -> None:
    old, new = (load_template_file(p) for p in shipped_template_files())
    diff = diff_templates(old, new)
    assert {c.id for c in diff.added} == {"kris-beredskap", "nyckelfri", "andel-timavlonade",
                                          "installelsetid-natt", "andel-riskbedomda",
                                          "palliativ-samverkan"}
    assert [c.id for c in diff.removed] == ["meny-anslagen"]
    assert {c.id for c in diff.reworded} == {"lex-sarah-rutin", "genomforandeplan-finns",
                                             "sjukskoterska-dygnet-runt", "teammoten"}
    moved = {c.id: (c.old.section_id, c.new.section_id) for c in diff.moved}
    assert moved["dietist"] == ("omvardnad", "hsl-organisation")
    assert "basala-hygienrutiner" in {c.id for c in diff.guidance_changed}
    assert diff_templates(new, new).is_empty()


def test_diff_rules_on_small_templates() -> None:
    base = parse_template(MINIMAL, "a.yaml")
    # Swap the two questions of the first area: one of them counts as moved.
    doc = yaml.safe_load(MINIMAL)
    doc["sections"][0]["questions"].reverse()
    swapped_t = parse_template(yaml.safe_dump(doc, allow_unicode=True), "b.yaml")
    diff = diff_templates(base, swapped_t)
    assert len(diff.moved) == 1 and diff.moved[0].details == ("ordning",)
    assert not diff.added and not diff.removed and not diff.reworded
    # Guidance and other fields.
    changed = parse_template(
        replace("look_at: Rutinen.", "look_at: Rutinen och signeringslistor.",
                replace("basis: Avtal\n", "basis: Avtal 2030\n")), "c.yaml")
    diff = diff_templates(base, changed)
    assert [(c.id, c.details) for c in diff.guidance_changed] == [
        ("lakemedelsrutiner", ("vad som granskas",))]
    assert [(c.id, c.details) for c in diff.other_changed] == [("omsattning", ("grund",))]
    assert not diff.moved


def test_ensure_shipped_keeps_a_stored_version(session: Session, tmp_path: Path, monkeypatch,
                                                caplog) -> None:
    """A shipped file edited without a new version number never replaces what
    visits used; only comments changed is silent."""
    import app.services.templates as templates

    ensure_shipped_templates(session)
    source = next(p for p in shipped_template_files() if "2027.1" in p.name)
    commented = write(tmp_path, source.name, "# ny kommentar\n" + source.read_text("utf-8"))
    monkeypatch.setattr(templates, "shipped_template_files", lambda: [commented])
    ensure_shipped_templates(session)
    assert not caplog.records
    commented.write_text(commented.read_text("utf-8").replace("Finns ett ledningssystem",
                                                              "Finns ledningssystem"), "utf-8")
    ensure_shipped_templates(session)
    assert "keeping the stored one" in caplog.text
    stored = template_by_version(session, "2027.1")[1]
    assert stored.question("ledningssystem").text.startswith("Finns ett ledningssystem")
