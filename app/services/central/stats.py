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

from sqlalchemy import Integer, case, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.models.central import CentralAnswer, CentralDeficiency, CentralFollowup, CentralUnit
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


def _counts() -> list[object]:
    return [func.sum(case((CentralAnswer.answer == code, 1), else_=0)).cast(Integer)
            for code in SCALE]


def answer_stats(session: Session, years: Sequence[int], by: str,
                 area: str | None = None) -> AnswerStats:
    """Shares per group and area; with ``area``, per question in that area."""
    dim = _dimension(CentralAnswer, by)
    keys: list[InstrumentedAttribute[str]] = [dim, CentralAnswer.area_id]
    if area is not None:
        keys.append(CentralAnswer.question_id)
    query = (select(*keys, func.max(CentralAnswer.area_title),
                    func.max(CentralAnswer.question_text) if area is not None else
                    func.max(CentralAnswer.area_id), *_counts(),
                    func.count(func.distinct(CentralAnswer.followup_id)),
                    func.min(CentralAnswer.position))
             .where(CentralAnswer.current.is_(True), CentralAnswer.year.in_(list(years)),
                    CentralAnswer.answer.in_(SCALE))
             .group_by(*keys))
    if area is not None:
        query = query.where(CentralAnswer.area_id == area)
    rows: list[tuple[ShareRow, int]] = []
    for record in session.execute(query):
        if area is not None:
            group, area_id, question_id, title, text, u, d, e, n, first = record
        else:
            group, area_id, title, _unused, u, d, e, n, first = record
            question_id, text = None, None
        rows.append((ShareRow(group, area_id, title, question_id, text, u, d, e, n), first))
    order: dict[tuple[str, str | None], int] = {}
    for row, first in rows:
        key = (row.area_id, row.question_id)
        order[key] = min(first, order.get(key, first))
    ordered = sorted((r for r, _ in rows),
                     key=lambda r: (r.group, order[(r.area_id, r.question_id)]))
    city = _city(ordered, order, session, years, area)
    return AnswerStats(tuple(sorted(years)), by, area, ordered, city)


def _city(rows: Iterable[ShareRow], order: dict[tuple[str, str | None], int], session: Session,
          years: Sequence[int], area: str | None) -> list[ShareRow]:
    sums: dict[tuple[str, str | None], list[int]] = {}
    meta: dict[tuple[str, str | None], tuple[str, str | None]] = {}
    for r in rows:
        key = (r.area_id, r.question_id)
        acc = sums.setdefault(key, [0, 0, 0])
        acc[0] += r.uppfyllt
        acc[1] += r.delvis
        acc[2] += r.ej_uppfyllt
        meta[key] = (r.area_title, r.question_text)
    followups = _followups_per_key(session, years, area)
    return [ShareRow(CITY, key[0], meta[key][0], key[1], meta[key][1], *sums[key],
                     followups.get(key, 0))
            for key in sorted(sums, key=lambda k: order[k])]


def _followups_per_key(session: Session, years: Sequence[int], area: str | None
                       ) -> dict[tuple[str, str | None], int]:
    keys: list[InstrumentedAttribute[str]] = [CentralAnswer.area_id]
    if area is not None:
        keys.append(CentralAnswer.question_id)
    query = (select(*keys, func.count(func.distinct(CentralAnswer.followup_id)))
             .where(CentralAnswer.current.is_(True), CentralAnswer.year.in_(list(years)),
                    CentralAnswer.answer.in_(SCALE)).group_by(*keys))
    if area is not None:
        query = query.where(CentralAnswer.area_id == area)
    result: dict[tuple[str, str | None], int] = {}
    for record in session.execute(query):
        if area is not None:
            result[(record[0], record[1])] = record[2]
        else:
            result[(record[0], None)] = record[1]
    return result


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
    keys: list[InstrumentedAttribute[object]] = [CentralAnswer.year]
    if by is not None:
        keys.insert(0, _dimension(CentralAnswer, by))  # type: ignore[arg-type]
    query = (select(*keys, *_counts())
             .where(CentralAnswer.current.is_(True), CentralAnswer.year.in_(list(years)),
                    CentralAnswer.answer.in_(SCALE))
             .group_by(*keys))
    if area is not None:
        query = query.where(CentralAnswer.area_id == area)
    result = []
    for record in session.execute(query):
        if by is None:
            result.append(TrendRow(CITY, *record))
        else:
            result.append(TrendRow(*record))
    return sorted(result, key=lambda r: (r.group, r.year))


def units_behind(session: Session, years: Sequence[int], by: str, group: str | None,
                 area: str | None = None, question: str | None = None) -> list[UnitRow]:
    """The follow-ups behind one figure (a group's share in an area or question)."""
    dim = _dimension(CentralAnswer, by)
    keys = (CentralAnswer.followup_id, CentralAnswer.unit_id, CentralFollowup.unit_name, dim,
            CentralAnswer.year)
    query = (select(*keys, *_counts())
             .join(CentralFollowup, CentralFollowup.followup_id == CentralAnswer.followup_id)
             .where(CentralAnswer.current.is_(True), CentralAnswer.year.in_(list(years)),
                    CentralAnswer.answer.in_(SCALE))
             .group_by(*keys))
    if group is not None:
        query = query.where(dim == group)
    if area is not None:
        query = query.where(CentralAnswer.area_id == area)
    if question is not None:
        query = query.where(CentralAnswer.question_id == question)
    rows = [UnitRow(*record) for record in session.execute(query)]
    return sorted(rows, key=lambda r: (r.group, r.unit_name, r.year))


def available_years(session: Session) -> list[int]:
    return list(session.scalars(select(CentralFollowup.year).distinct()
                                .order_by(CentralFollowup.year)))
