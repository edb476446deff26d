"""The demo's follow-ups and ``uppfoljaren visits list``."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from sqlalchemy.orm import Session, sessionmaker

from app.cli.main import main
from app.models import Unit
from app.services.visits import (
    finalize_check,
    list_revisions,
    list_visits,
    open_visit,
    revision_snapshot,
)


def test_demo_follows_the_rhythm_with_history_and_current_year(
        demo_sessions: sessionmaker[Session]) -> None:
    with demo_sessions() as s:
        visits = list_visits(s)
        units = {u.id: u for u in s.query(Unit)}
    years = Counter(v.year for v in visits)
    assert set(years) == set(range(2019, 2027))
    for v in visits:
        unit = units[v.unit_id]
        if v.year < 2026:
            assert v.status == "faststalld"
        if unit.parity is None and v.unit_type in ("vob", "profilboende", "servicehus") \
                and v.year < 2026:
            assert v.year % 2 == 1, "care homes are followed up in odd years"
        if unit.parity is None and v.unit_type == "hemtjanst":
            assert v.year % 2 == 0, "home care is followed up in even years"
        if unit.parity == "udda":
            assert v.year % 2 == 1
        if v.unit_type in ("vob", "profilboende", "servicehus"):
            assert v.hsl_revision is not None and v.hsl_owner
        assert v.sol_owner
    current = Counter(v.status for v in visits if v.year == 2026)
    assert {"foranalys", "besok_genomfort", "rapport_utkast"} <= set(current)


def test_demo_owners_come_from_the_units_district(
        demo_sessions: sessionmaker[Session]) -> None:
    with demo_sessions() as s:
        visits = [v for v in list_visits(s, year=2025)][:40]
        for v in visits:
            detail = open_visit(s, v.id)
            sol = detail.part("sol")
            assert sol is not None and sol.owner_role == "verksamhetsuppfoljare"
            hsl = detail.part("hsl")
            if hsl is not None:
                assert hsl.owner_role == "mas"


def test_demo_finalized_visits_are_complete_and_deficiencies_repeat(
        demo_sessions: sessionmaker[Session]) -> None:
    with demo_sessions() as s:
        finalized = [v for v in list_visits(s) if v.status == "faststalld"][::25]
        followed = 0
        for v in finalized:
            for part in ("sol", "hsl") if v.hsl_revision else ("sol",):
                assert finalize_check(s, v.id, part) == []
            detail = open_visit(s, v.id)
            followed += len(detail.previous_deficiencies)
            snap = revision_snapshot(s, v.id, "sol")
            assert snap["draft"] is False and snap["unit"]["id"] == v.unit_id
        assert followed > 0
        statuses = Counter(d.status for v in list_visits(s, year=2025)
                           for d in open_visit(s, v.id).previous_deficiencies)
    assert statuses["ej_atgardad"] > 0 and statuses["atgardad"] > 0


def test_demo_has_a_reopened_revision(demo_sessions: sessionmaker[Session]) -> None:
    with demo_sessions() as s:
        reopened = [v for v in list_visits(s, year=2025) if v.sol_revision == 2]
        assert reopened
        revisions = list_revisions(s, reopened[0].id, "sol")
        assert [r.revision for r in revisions] == [1, 2] and revisions[1].reason
        first = revision_snapshot(s, reopened[0].id, "sol", 1)
        second = revision_snapshot(s, reopened[0].id, "sol", 2)
    assert first["part"]["revision"] == 1 and second["part"]["revision"] == 2
    assert first["sections"] != second["sections"]


@pytest.mark.parametrize("fmt", ["json", "csv", "table"])
def test_cli_lists_visits(demo_engine, capsys: pytest.CaptureFixture[str], fmt: str) -> None:  # type: ignore[no-untyped-def]
    data_dir = str(demo_engine.url.database).rsplit("/", 1)[0]
    code = main(["visits", "list", "--data-dir", data_dir, "--year", "2025", "--format", fmt])
    out = capsys.readouterr().out
    assert code == 0
    if fmt == "json":
        rows = json.loads(out)
        assert rows and all(r["year"] == 2025 for r in rows)
        assert {"id", "unit_id", "year", "status", "revision"} <= set(rows[0])
    elif fmt == "csv":
        assert out.splitlines()[0].startswith("id,unit_id,")
    else:
        assert "uppföljningar" in out.splitlines()[-1]


def test_cli_filters_by_unit_and_status(demo_engine, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    data_dir = str(demo_engine.url.database).rsplit("/", 1)[0]
    main(["visits", "list", "--data-dir", data_dir, "--status", "foranalys", "--format", "json"])
    rows = json.loads(capsys.readouterr().out)
    assert rows and {r["status"] for r in rows} == {"foranalys"}
    unit = rows[0]["unit_id"]
    main(["visits", "list", "--data-dir", data_dir, "--unit", unit, "--format", "json"])
    assert {r["unit_id"] for r in json.loads(capsys.readouterr().out)} == {unit}


def test_reopening_bulk_history_keeps_the_finalized_revision(
        demo_sessions: sessionmaker[Session]) -> None:
    from app.services.visits import reopen_part, save_answer

    with demo_sessions() as s:
        visit = next(v for v in list_visits(s, year=2021) if v.sol_revision == 1)
        before = revision_snapshot(s, visit.id, "sol")
        assert list_revisions(s, visit.id, "sol")[0].sha256 is None  # stored lazily
        reopen_part(s, visit.id, "sol", reason="Rättelse.", who=visit.sol_owner)
        qid = before["sections"][0]["questions"][0]["id"]
        save_answer(s, visit.id, qid, who=visit.sol_owner, comment="Ändrad efteråt.")
        assert revision_snapshot(s, visit.id, "sol", 1) == before
        assert list_revisions(s, visit.id, "sol")[0].sha256
