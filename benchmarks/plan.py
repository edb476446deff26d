"""Year-plan speed over a register of 10,000 units.

Builds a temp database with 10,000 units spread over the current districts
(the 2021 type mix, some with their own parity or start year) and 36 officers,
then times ``build_year_plan``:
  - open: reading an already materialised year (what the Planering page and
    ``uppfoljaren plan`` do on every open), the target: median <= 200 ms;
  - first: materialising a year for the first time (rules, balanced officer
    suggestion, dates, bulk insert), each round on a year not built before.
Prints medians (and worst) in milliseconds.

    .venv/bin/python benchmarks/plan.py [--units 10000] [--rounds 9]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, select  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from app.db import open_database  # noqa: E402
from app.models import District, Officer, Unit  # noqa: E402
from app.services.schedule import build_year_plan  # noqa: E402

MIX = (("vob", 144), ("profilboende", 24), ("servicehus", 11), ("hemtjanst", 176),
       ("dagverksamhet", 33))
FORMS = ("egen_regi", "entreprenad", "privat_regi")


def fill(session: Session, count: int, rng: random.Random) -> None:
    districts = [d for d in session.scalars(select(District)) if d.is_valid_on(date(2026, 6, 1))]
    types = [code for code, weight in MIX for _ in range(weight)]
    rows = []
    for number in range(count):
        district = districts[number % len(districts)]
        type_code = rng.choice(types)
        rows.append({
            "id": f"B{number:06d}", "name": f"Enhet {number:05d} {type_code}",
            "type_code": type_code, "regiform_code": rng.choice(FORMS), "address": "",
            "district_id": district.id, "followup_district_id": district.id,
            "outside_city": False,
            "parity": rng.choice(("udda", "jamn")) if rng.random() < 0.05 else None,
            "active_from": date(rng.randint(2020, 2030), 1, 1) if rng.random() < 0.05 else None,
        })
    session.execute(insert(Unit), rows)
    for index in range(36):
        role = "mas" if index < 11 else "verksamhetsuppfoljare"
        session.add(Officer(name=f"Handläggare {index}", role=role,
                            district_id=districts[index % len(districts)].id, capacity=400))


def timed(engine, year: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """(wall, CPU) milliseconds of one build; CPU time is steadier on a busy machine."""
    with Session(engine) as session, session.begin():
        start, cpu = time.perf_counter(), time.process_time()
        rows = build_year_plan(session, year)
        elapsed, cpu_used = time.perf_counter() - start, time.process_time() - cpu
    assert rows
    return elapsed * 1000, cpu_used * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_database(Path(tmp) / "bench.sqlite3")
        with Session(engine) as session, session.begin():
            fill(session, args.units, random.Random(7))
        first = [timed(engine, 2027 + 2 * r) for r in range(args.rounds)]
        opened = [timed(engine, 2027) for _ in range(args.rounds)]
        with Session(engine) as session:
            due = len(build_year_plan(session, 2027))
        engine.dispose()
    print(f"{args.units} units, {due} due in 2027, {args.rounds} rounds")
    for label, times in (("open (already built)", opened), ("first build", first)):
        wall = [w for w, _ in times]
        cpu = [c for _, c in times]
        target = " (target <= 200 ms)" if label.startswith("open") else ""
        print(f"{label:<21} median {statistics.median(wall):.1f} ms wall, "
              f"{statistics.median(cpu):.1f} ms CPU; worst {max(wall):.1f} ms wall{target}")


if __name__ == "__main__":
    main()
