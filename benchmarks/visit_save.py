"""Autosave and open speed of a follow-up, through the real visit services.

On a fresh demo database (the full 388-unit history), starts a 2027 follow-up
of a care home (template 2027.1, about 100 applicable questions, with its
2025 visit as the previous one), then:
  * saves every answer, then every comment, one committed save_answer call per
    change in a fresh session (as the visit window does), timing each call;
  * opens the follow-up (open_visit: all questions, the previous visit's
    answers, documents, findings) in a fresh session, many times.
Targets: save p95 <= 20 ms; open median <= 150 ms.
Peer: a bare sqlite3 INSERT + COMMIT with the same PRAGMAs (WAL,
synchronous=FULL), the floor that one fsync per commit sets.

    .venv/bin/python benchmarks/visit_save.py [--opens 30]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import select  # noqa: E402

from app.db import open_database, session_factory  # noqa: E402
from app.models import Unit  # noqa: E402
from app.services.demo_db import ensure_demo_database  # noqa: E402
from app.services.visits import OfficerRef, open_visit, save_answer, start_visit  # noqa: E402


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def _bare_sqlite_commit(folder: Path, rounds: int) -> list[float]:
    con = sqlite3.connect(folder / "peer.sqlite3", isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL"):
        con.execute(f"PRAGMA {pragma}")
    con.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
    times = []
    for n in range(rounds):
        start = time.perf_counter()
        con.execute("BEGIN")
        con.execute("INSERT INTO t (v) VALUES (?)", (f"kommentar {n}",))
        con.execute("COMMIT")
        times.append((time.perf_counter() - start) * 1000)
    con.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--opens", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "uppfoljaren.sqlite3"
        started = time.perf_counter()
        ensure_demo_database(path)
        demo_seconds = time.perf_counter() - started
        engine = open_database(path)
        sessions = session_factory(engine)
        me = OfficerRef("Bänk Mätare", "verksamhetsuppfoljare", "Farsta")
        with sessions() as s:
            unit = s.scalar(select(Unit).where(Unit.type_code == "vob", Unit.active_from.is_(None))
                            .order_by(Unit.id))
            assert unit is not None
            visit_id = start_visit(s, unit.id, 2027, officer=me, on=date(2027, 3, 1))
            detail = open_visit(s, visit_id)
        questions = [q for p in detail.parts for sec in p.sections for q in sec.questions]
        saves: list[float] = []
        for q in questions:
            with sessions() as s:
                start = time.perf_counter()
                if q.answer_kind == "number":
                    save_answer(s, visit_id, q.id, who=me.name, number=12)
                elif q.answer_kind == "yesno":
                    save_answer(s, visit_id, q.id, who=me.name, yesno=True)
                else:
                    save_answer(s, visit_id, q.id, who=me.name, answer="delvis",
                                evidence=("dokument", "observation"))
                saves.append((time.perf_counter() - start) * 1000)
        for n, q in enumerate(questions):
            with sessions() as s:
                start = time.perf_counter()
                save_answer(s, visit_id, q.id, who=me.name,
                            comment=f"Kommentar {n}: rutinen är känd men inte reviderad. " * 4)
                saves.append((time.perf_counter() - start) * 1000)
        opens: list[float] = []
        for _ in range(args.opens):
            with sessions() as s:
                start = time.perf_counter()
                detail = open_visit(s, visit_id)
                opens.append((time.perf_counter() - start) * 1000)
        with_previous = sum(1 for q in questions if detail.question(q.id).previous is not None)
        engine.dispose()
        peer = _bare_sqlite_commit(folder, len(saves))
    print(f"demo database built in {demo_seconds:.1f} s")
    print(f"follow-up: {len(questions)} questions ({with_previous} with a previous answer, "
          f"{detail.previous_year})")
    print(f"save_answer (committed), {len(saves)} saves: median {statistics.median(saves):.1f} ms,"
          f" p95 {_pct(saves, 95):.1f} ms, max {max(saves):.1f} ms  (target p95 <= 20 ms)")
    print(f"peer bare sqlite3 INSERT+COMMIT: median {statistics.median(peer):.1f} ms, "
          f"p95 {_pct(peer, 95):.1f} ms; ratio of medians "
          f"{statistics.median(saves) / statistics.median(peer):.1f}x")
    print(f"open_visit, {len(opens)} opens: median {statistics.median(opens):.1f} ms, "
          f"p95 {_pct(opens, 95):.1f} ms  (target median <= 150 ms)")


if __name__ == "__main__":
    main()
