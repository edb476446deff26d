"""Officer assignment and plan warnings, as pure functions over plain data.

The care part of a follow-up goes to a verksamhetsuppföljare of the
responsible district; the health-care part of a care home to a MAS of the
district or, where the district has none, of the same region. The suggestion
balances weighted load against each officer's yearly capacity and is
deterministic, so the same register gives the same plan.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from app.errors import Message

DEFAULT_CAPACITY = 24  # weighted follow-ups per year when none is recorded


@dataclass(frozen=True, slots=True)
class OfficerInfo:
    id: int
    name: str
    role: str  # "verksamhetsuppfoljare" | "mas"
    district_id: int | None
    region_id: int | None
    capacity: int | None

    @property
    def effective_capacity(self) -> int:
        return self.capacity if self.capacity is not None else DEFAULT_CAPACITY


class AssignTask(NamedTuple):
    """One plan entry that needs an officer for one role (a named tuple:
    thousands are made when a large year is first built)."""

    key: int
    district_id: int | None
    region_id: int | None
    weight: int
    order: tuple[object, ...]  # tie-break, e.g. (type order, unit name)


@dataclass(frozen=True, slots=True)
class OfficerLoad:
    officer: OfficerInfo
    load: int
    count: int

    @property
    def over_capacity(self) -> bool:
        return self.load > self.officer.effective_capacity


def pool_for(role: str, district_id: int | None, region_id: int | None,
             officers: Sequence[OfficerInfo]) -> list[OfficerInfo]:
    """The officers who may take ``role`` for a unit of this district.

    A verksamhetsuppföljare comes from the district itself. A MAS comes from
    the district, or from its region when the district has none.
    """
    own = [o for o in officers if o.role == role and o.district_id == district_id]
    if own or role != "mas":
        return own
    return [o for o in officers if o.role == role and o.region_id == region_id
            and region_id is not None]


def balance(tasks: Iterable[AssignTask], role: str, officers: Sequence[OfficerInfo],
            load: dict[int, int]) -> dict[int, int | None]:
    """Assign each task to the least-loaded officer of its pool (greedy,
    heaviest tasks first). ``load`` (officer id -> weighted load) is updated
    in place so the caller can chain roles and see the result."""
    result: dict[int, int | None] = {}
    pools: dict[tuple[int | None, int | None], list[OfficerInfo]] = {}
    for task in sorted(tasks, key=lambda t: (-t.weight, t.order, t.key)):
        pool_key = (task.district_id, task.region_id)
        if pool_key not in pools:
            pools[pool_key] = pool_for(role, task.district_id, task.region_id, officers)
        pool = pools[pool_key]
        if not pool:
            result[task.key] = None
            continue
        best, best_key = pool[0], None
        for officer in pool:
            current = load.get(officer.id, 0)
            key = ((current + task.weight) / officer.effective_capacity, current, officer.id)
            if best_key is None or key < best_key:
                best, best_key = officer, key
        load[best.id] = load.get(best.id, 0) + task.weight
        result[task.key] = best.id
    return result


@dataclass(frozen=True, slots=True)
class PlanWarning:
    # ej_tilldelad | ingen_mas | inget_datum | datum_passerat | over_kapacitet | utanfor_rytm
    kind: str
    message: str
    entry_id: int | None = None
    unit_id: str | None = None
    officer_id: int | None = None


def officer_loads(assigned: Iterable[tuple[int | None, int]],
                  officers: Sequence[OfficerInfo]) -> list[OfficerLoad]:
    """Weighted load and count per officer from (officer id, weight) pairs."""
    load: dict[int, int] = {}
    count: dict[int, int] = {}
    for officer_id, weight in assigned:
        if officer_id is not None:
            load[officer_id] = load.get(officer_id, 0) + weight
            count[officer_id] = count.get(officer_id, 0) + 1
    return [OfficerLoad(o, load.get(o.id, 0), count.get(o.id, 0)) for o in officers]


OPEN_STATUSES = frozenset({"planerad", "foranalys"})


def row_warnings(*, entry_id: int, unit_id: str, unit_name: str, needs_mas: bool,
                 sol_officer_id: int | None, hsl_officer_id: int | None,
                 planned_date: date | None, status: str, in_rhythm: bool,
                 is_extra: bool, today: date) -> list[PlanWarning]:
    """What is wrong with one plan entry."""
    found: list[PlanWarning] = []

    def add(kind: str, message: Message) -> None:
        found.append(PlanWarning(kind, Message("{unit}: {problem}", unit=unit_name,
                                               problem=message), entry_id, unit_id))

    if sol_officer_id is None:
        add("ej_tilldelad", Message("ingen verksamhetsuppföljare tilldelad"))
    if needs_mas and hsl_officer_id is None:
        add("ingen_mas", Message("ingen MAS tilldelad för hälso- och sjukvårdsdelen"))
    if planned_date is None:
        add("inget_datum", Message("inget planerat datum"))
    elif planned_date < today and status in OPEN_STATUSES:
        add("datum_passerat", Message("planerat datum {day} har passerat utan genomfört besök",
                                      day=planned_date.isoformat()))
    if not is_extra and not in_rhythm:
        add("utanfor_rytm", Message("enheten är inte längre aktuell enligt rytmen"))
    return found


def capacity_warnings(loads: Iterable[OfficerLoad]) -> list[PlanWarning]:
    return [PlanWarning("over_kapacitet",
                        Message("{officer}: {load} viktade uppföljningar, kapacitet {capacity}",
                                officer=item.officer.name, load=item.load,
                                capacity=item.officer.effective_capacity),
                        officer_id=item.officer.id)
            for item in loads if item.over_capacity]


def weight_of(type_code: str, weights: Mapping[str, int]) -> int:
    return weights.get(type_code, 1)
