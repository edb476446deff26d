"""City-wide statistics from the consolidated database.

Every figure is one GROUP BY over an indexed table (``central_answer``,
``central_deficiency``), so SQLite and PostgreSQL give the same integers;
shares are computed here from those counts. Only the current revision of
each part counts. The results are plain dataclasses used alike by the CLI,
the Excel export, the PDF summaries and the Översikt page (through the JSON
published to the share, see ``publish``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Integer, case, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.models.central import (
    CentralAnswer,
    CentralArea,
    CentralAreaCube,
    CentralAreaResult,
    CentralDeficiency,
    CentralFollowup,
    CentralQuestion,
    CentralUnit,
)
from app.services.rhythm import UnitFacts, default_rules, is_due

BREAKDOWNS = {"district": "district", "region": "region", "regiform": "regiform",
              "unit-type": "unit_type"}
BREAKDOWN_LABELS = {"district": "Stadsdel", "region": "Region", "regiform": "Regiform",
                    "unit-type": "Enhetstyp"}
CITY = "Hela staden"
SCALE = ("uppfyllt", "delvis", "ej_uppfyllt")
SCALE_LABELS = {"uppfyllt": "Uppfyllt", "delvis": "Delvis uppfyllt",
                "ej_uppfyllt": "Ej uppfyllt"}
TYPE_LABELS = {"vob": "Vård- och omsorgsboende", "profilboende": "Profilboende",
               "servicehus": "Servicehus", "hemtjanst": "Hemtjänst",
               "dagverksamhet": "Dagverksamhet"}
REGIFORM_LABELS = {"egen_regi": "Egen regi", "entreprenad": "Entreprenad",
                   "privat_regi": "Privat regi"}


def group_label(by: str, value: str) -> str:
    """The Swedish name of a breakdown value (codes for type and regiform)."""
    if by == "unit-type":
        return TYPE_LABELS.get(value, value)
    if by == "regiform":
        return REGIFORM_LABELS.get(value, value)
    return value


def _pct(part: int, total: int) -> float:
    return round(100.0 * part / total, 1) if total else 0.0


@dataclass(frozen=True)
class ShareRow:
    """Answers Uppfyllt / Delvis / Ej uppfyllt for one group and one area
    (or one question when ``question_id`` is set)."""

    group: str
    area_id: str
    area_title: str
    question_id: str | None
    question_text: str | None
    uppfyllt: int
    delvis: int
    ej_uppfyllt: int
    followups: int

    @property
    def total(self) -> int:
        return self.uppfyllt + self.delvis + self.ej_uppfyllt

    @property
    def shares(self) -> tuple[float, float, float]:
        return (_pct(self.uppfyllt, self.total), _pct(self.delvis, self.total),
                _pct(self.ej_uppfyllt, self.total))


@dataclass(frozen=True)
class AnswerStats:
    years: tuple[int, ...]
    by: str
    area: str | None
    rows: list[ShareRow]  # per group, in group then area/question order
    city: list[ShareRow]  # the same per area/question for the whole city

    @property
    def groups(self) -> list[str]:
        return sorted({r.group for r in self.rows})


@dataclass(frozen=True)
class DeficiencyRow:
    group: str
    deficiencies: int
    open: int
    open_past_deadline: int


@dataclass(frozen=True)
class CoverageRow:
    group: str
    due: int
    followed_up: int  # of the due units
    extra: int  # followed up although not due

    @property
    def share(self) -> float:
        return _pct(self.followed_up, self.due)


@dataclass(frozen=True)
class TrendRow:
    group: str
    year: int
    uppfyllt: int
    delvis: int
    ej_uppfyllt: int

    @property
    def total(self) -> int:
        return self.uppfyllt + self.delvis + self.ej_uppfyllt

    @property
    def shares(self) -> tuple[float, float, float]:
        return (_pct(self.uppfyllt, self.total), _pct(self.delvis, self.total),
                _pct(self.ej_uppfyllt, self.total))


@dataclass(frozen=True)
class UnitRow:
    """One follow-up behind a figure: its answers in the chosen area/question."""

    followup_id: str
    unit_id: str
    unit_name: str
    group: str
    year: int
    uppfyllt: int
    delvis: int
    ej_uppfyllt: int


def _dimension(table: type, by: str) -> InstrumentedAttribute[str]:
    if by not in BREAKDOWNS:
        raise ValueError(f"okänd indelning {by!r}: {', '.join(BREAKDOWNS)}")
    column: InstrumentedAttribute[str] = getattr(table, BREAKDOWNS[by])
    return column


def _answer_counts() -> list[Any]:
    return [func.sum(case((CentralAnswer.answer == code, 1), else_=0)).cast(Integer)
            for code in SCALE]


def _area_counts() -> list[Any]:
    return [func.sum(CentralAreaResult.uppfyllt).cast(Integer),
            func.sum(CentralAreaResult.delvis).cast(Integer),
            func.sum(CentralAreaResult.ej_uppfyllt).cast(Integer)]


def _cube_counts() -> list[Any]:
    return [func.sum(CentralAreaCube.uppfyllt).cast(Integer),
            func.sum(CentralAreaCube.delvis).cast(Integer),
            func.sum(CentralAreaCube.ej_uppfyllt).cast(Integer)]


def _source(area: str | None, question: str | None = None) -> tuple[type, list[Any], Any]:
    """The table a figure is summed from: per area the cube of current area
    results; per question (an area or question chosen) the answers."""
    if area is None and question is None:
        return CentralAreaCube, _cube_counts(), []
    table: type = CentralAnswer
    counts = _answer_counts()
    where = [CentralAnswer.current.is_(True), CentralAnswer.answer.in_(SCALE)]
    if area is not None:
        where.append(table.area_id == area)  # type: ignore[attr-defined]
    if question is not None:
        where.append(CentralAnswer.question_id == question)
    return table, counts, where


def _names(session: Session) -> tuple[dict[str, tuple[str, int]], dict[str, tuple[str, int]]]:
    areas = {a: (t, p) for a, t, p in session.execute(
        select(CentralArea.area_id, CentralArea.title, CentralArea.position))}
    questions = {q: (t, p) for q, t, p in session.execute(
        select(CentralQuestion.question_id, CentralQuestion.text, CentralQuestion.position))}
    return areas, questions


def answer_stats(session: Session, years: Sequence[int], by: str,
                 area: str | None = None) -> AnswerStats:
    """Shares per group and area; with ``area``, per question in that area."""
    table, counts, where = _source(area)
    dim = _dimension(table, by)
    keys: list[Any] = [dim, table.area_id]  # type: ignore[attr-defined]
    if area is not None:
        keys.append(CentralAnswer.question_id)
    followups = (func.sum(CentralAreaCube.followups).cast(Integer) if table is CentralAreaCube
                 else func.count(func.distinct(CentralAnswer.followup_id)))
    query = (select(*keys, *counts, followups)
             .where(*where, table.year.in_(list(years)))  # type: ignore[attr-defined]
             .group_by(*keys))
    areas, questions = _names(session)
    rows: list[ShareRow] = []
    for record in session.execute(query):
        if area is not None:
            group, area_id, question_id, u, d, e, n = record
            text = questions.get(question_id, (question_id, 0))[0]
        else:
            group, area_id, u, d, e, n = record
            question_id, text = None, None
        title = areas.get(area_id, (area_id, 0))[0]
        rows.append(ShareRow(group, area_id, title, question_id, text, u, d, e, n))

    def order(r: ShareRow) -> int:
        if r.question_id is not None:
            return questions.get(r.question_id, ("", 0))[1]
        return areas.get(r.area_id, ("", 0))[1]

    rows.sort(key=lambda r: (r.group, order(r)))
    city = _city(rows, session, years, area)
    city.sort(key=order)
    return AnswerStats(tuple(sorted(years)), by, area, rows, city)


def _city(rows: Iterable[ShareRow], session: Session, years: Sequence[int],
          area: str | None) -> list[ShareRow]:
    """The whole city: the groups' sums (one group per follow-up, so the
    sums are exact); follow-ups counted again, distinct, in SQL."""
    sums: dict[tuple[str, str | None], list[int]] = {}
    meta: dict[tuple[str, str | None], tuple[str, str | None]] = {}
    for r in rows:
        key = (r.area_id, r.question_id)
        acc = sums.setdefault(key, [0, 0, 0])
        acc[0] += r.uppfyllt
        acc[1] += r.delvis
        acc[2] += r.ej_uppfyllt
        meta[key] = (r.area_title, r.question_text)
    followups: dict[tuple[str, str | None], int] = {}
    if area is None:
        # One follow-up lies in one group per area: the groups' counts add up.
        for r in rows:
            key = (r.area_id, None)
            followups[key] = followups.get(key, 0) + r.followups
    else:
        _table, _counts, where = _source(area)
        query = (select(CentralAnswer.area_id, CentralAnswer.question_id,
                        func.count(func.distinct(CentralAnswer.followup_id)))
                 .where(*where, CentralAnswer.year.in_(list(years)))
                 .group_by(CentralAnswer.area_id, CentralAnswer.question_id))
        for area_id, question_id, count in session.execute(query):
            followups[(area_id, question_id)] = count
    return [ShareRow(CITY, key[0], meta[key][0], key[1], meta[key][1], *sums[key],
                     followups.get(key, 0)) for key in sums]


def deficiency_stats(session: Session, years: Sequence[int], by: str,
                     as_of: date | None = None) -> list[DeficiencyRow]:
    """Deficiencies (brister) per group; open = no later follow-up reported
    them remedied; past deadline = open with a deadline before ``as_of``."""
    as_of = as_of or date.today()
    dim = _dimension(CentralDeficiency, by)
    is_open = CentralDeficiency.status != "atgardad"
    query = (select(dim, func.count(),
                    func.sum(case((is_open, 1), else_=0)).cast(Integer),
                    func.sum(case((is_open & (CentralDeficiency.deadline < as_of), 1),
                                  else_=0)).cast(Integer))
             .where(CentralDeficiency.current.is_(True),
                    CentralDeficiency.year.in_(list(years)))
             .group_by(dim).order_by(dim))
    return [DeficiencyRow(g, n, o or 0, p or 0) for g, n, o, p in session.execute(query)]


def coverage(session: Session, year: int, by: str) -> list[CoverageRow]:
    """Units due in ``year`` by the rhythm rules (register published with
    ``central publish-units``) against the units followed up that year."""
    rules = default_rules()
    field = _dimension(CentralUnit, by).key  # the register has the same column names
    followed = set(session.scalars(select(CentralFollowup.unit_id)
                                   .where(CentralFollowup.year == year)))
    due: dict[str, int] = {}
    done: dict[str, int] = {}
    extra: dict[str, int] = {}
    for unit in session.scalars(select(CentralUnit)):
        group = getattr(unit, field)
        facts = UnitFacts(unit.unit_type, unit.parity, unit.active_from, unit.active_to)
        if is_due(facts, year, rules) is not None:
            due[group] = due.get(group, 0) + 1
            if unit.id in followed:
                done[group] = done.get(group, 0) + 1
        elif unit.id in followed:
            extra[group] = extra.get(group, 0) + 1
    return [CoverageRow(g, due.get(g, 0), done.get(g, 0), extra.get(g, 0))
            for g in sorted(set(due) | set(extra))]


def trend(session: Session, years: Sequence[int], by: str | None,
          area: str | None = None) -> list[TrendRow]:
    """Answers per year (and group; ``by`` None: the whole city)."""
    table, counts = CentralAreaCube, _cube_counts()
    where: list[Any] = [] if area is None else [CentralAreaCube.area_id == area]
    keys: list[Any] = [table.year]  # type: ignore[attr-defined]
    if by is not None:
        keys.insert(0, _dimension(table, by))
    query = (select(*keys, *counts)
             .where(*where, table.year.in_(list(years)))  # type: ignore[attr-defined]
             .group_by(*keys))
    result = []
    for record in session.execute(query):
        result.append(TrendRow(CITY, *record) if by is None else TrendRow(*record))
    return sorted(result, key=lambda r: (r.group, r.year))


def units_behind(session: Session, years: Sequence[int], by: str, group: str | None,
                 area: str | None = None, question: str | None = None) -> list[UnitRow]:
    """The follow-ups behind one figure (a group's share in an area or question)."""
    if question is None:
        table, counts = CentralAreaResult, _area_counts()
        where: list[Any] = [CentralAreaResult.current.is_(True)]
        if area is not None:
            where.append(CentralAreaResult.area_id == area)
    else:
        table, counts, where = _source(area, question)
    dim = _dimension(table, by)
    keys = (table.followup_id, table.unit_id, CentralFollowup.unit_name,  # type: ignore[attr-defined]
            dim, table.year)  # type: ignore[attr-defined]
    query = (select(*keys, *counts)
             .join(CentralFollowup,
                   CentralFollowup.followup_id == table.followup_id)  # type: ignore[attr-defined]
             .where(*where, table.year.in_(list(years)))  # type: ignore[attr-defined]
             .group_by(*keys))
    if group is not None:
        query = query.where(dim == group)
    rows = [UnitRow(*record) for record in session.execute(query)]
    return sorted(rows, key=lambda r: (r.group, r.unit_name, r.year))


def available_years(session: Session) -> list[int]:
    return list(session.scalars(select(CentralFollowup.year).distinct()
                                .order_by(CentralFollowup.year)))
