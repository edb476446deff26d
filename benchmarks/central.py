"""Central ingest and statistics speed, on SQLite and on a real PostgreSQL.

1. Ingest 400 packages (real finalized part revisions of the demo database,
   signed, on a local share) into an empty consolidated database.
   Targets: <= 15 s into SQLite, <= 20 s into PostgreSQL.
2. Statistics by district over 8 years on about 3,000 follow-ups and
   200,000 answers (the demo's snapshots re-used for 8 years with shuffled
   answers, ingested as packages). Target: median <= 300 ms on both.

Run: .venv/bin/python benchmarks/central.py [--quick]
Prints medians and, for PostgreSQL, the ratio against SQLite.
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from app.db import open_database, session_factory  # noqa: E402
from app.models.central import CentralAnswer, CentralBase, CentralFollowup  # noqa: E402
from app.services.central.facts import DATA_MEMBER  # noqa: E402
from app.services.central.ingest import ingest_share, open_central  # noqa: E402
from app.services.central.stats import answer_stats, trend  # noqa: E402
from app.services.share.layout import Share  # noqa: E402
from app.services.share.package import PackageMeta, build_package, package_name  # noqa: E402
from app.services.share.publish import publish_package, sync_folder_now  # noqa: E402
from app.services.share.signing import SigningKey, publish_public_key  # noqa: E402

SCALE = ("uppfyllt", "delvis", "ej_uppfyllt")


def demo_snapshots(folder: Path, years: tuple[int, ...]) -> list[dict[str, Any]]:
    """Finalized part revisions of the demo database for ``years``."""
    from app.models.visit import Visit, VisitPart
    from app.services.demo_db import ensure_demo_database
    from app.services.visits.snapshot import revision_snapshot

    path = folder / "demo.sqlite3"
    ensure_demo_database(path)
    engine = open_database(path)
    result = []
    with session_factory(engine)() as session:
        rows = session.execute(
            select(VisitPart.visit_id, VisitPart.part, VisitPart.revision)
            .join(Visit, Visit.id == VisitPart.visit_id)
            .where(Visit.year.in_(years), VisitPart.status == "faststalld")
            .order_by(Visit.id, VisitPart.part)).all()
        for visit_id, part, revision in rows:
            result.append(revision_snapshot(session, visit_id, part, revision))
    engine.dispose()
    return result


def publish_all(share: Share, snapshots: list[dict[str, Any]], devices: int = 8) -> int:
    keys = [SigningKey.generate(f"dev-bench-{i}") for i in range(devices)]
    for key in keys:
        publish_public_key(share, key)
        share.ensure_device(key.device_id)
    for index, snap in enumerate(snapshots):
        key = keys[index % devices]
        rev = snap["part"]["revision"]
        meta = PackageMeta(kind="followup", followup_id=snap["visit"]["id"],
                           part=snap["part"]["code"], revision=rev,
                           parent_revision=rev - 1 if rev > 1 else None, device_id=key.device_id)
        data = build_package(meta, {DATA_MEMBER: json.dumps(snap).encode()}, key)
        import hashlib

        name = package_name(meta, hashlib.sha256(data).hexdigest())
        publish_package(share, key.device_id, name, data, sync_folder=False)
    for key in keys:
        sync_folder_now(share, share.outbox_dir(key.device_id))
    return len(snapshots)


def synthetic(base: list[dict[str, Any]], years: range, per_year: int, seed: int = 8
              ) -> list[dict[str, Any]]:
    """``per_year`` follow-ups a year, built from the base snapshots with new
    ids, the year changed and answers shuffled (both parts of a visit kept)."""
    rng = random.Random(seed)
    visits: dict[str, list[dict[str, Any]]] = {}
    for snap in base:
        visits.setdefault(snap["visit"]["id"], []).append(snap)
    pool = list(visits.values())
    result = []
    for year in years:
        for n in range(per_year):
            parts = pool[n % len(pool)]
            new_id = f"bench{year}{n:04d}"
            for snap in parts:
                copy_ = copy.deepcopy(snap)
                copy_["visit"]["id"], copy_["visit"]["year"] = new_id, year
                copy_["part"]["revision"] = 1
                for section in copy_["sections"]:
                    for q in section["questions"]:
                        if q["answer"] and q["answer"].get("answer") in SCALE:
                            q["answer"]["answer"] = rng.choices(SCALE, (70, 20, 10))[0]
                result.append(copy_)
    return result


def fresh(url: str) -> Any:
    engine = open_central(url)
    CentralBase.metadata.drop_all(engine)
    CentralBase.metadata.create_all(engine)
    return engine


def time_stats(engine: Any, years: list[int], rounds: int) -> tuple[float, float]:
    by_district, trends = [], []
    with Session(engine) as session:
        answer_stats(session, years, "district")  # warm the caches once
        for _ in range(rounds):
            start = time.perf_counter()
            answer_stats(session, years, "district")
            by_district.append(time.perf_counter() - start)
            start = time.perf_counter()
            trend(session, years, "district")
            trends.append(time.perf_counter() - start)
    return statistics.median(by_district), statistics.median(trends)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer follow-ups (smoke run)")
    args = parser.parse_args()
    from tests.pgserver import temporary_postgres

    work = Path(tempfile.mkdtemp(prefix="uppf-central-bench-"))
    try:
        base = demo_snapshots(work, (2023, 2024))
        print(f"demo snapshots: {len(base)}")
        with temporary_postgres() as pg_url:
            urls = {"sqlite": f"sqlite:///{work / 'central.sqlite3'}", "postgresql": pg_url}
            share = Share.local_default(work / "share-400")
            publish_all(share, base[:400])
            ingest_times = {}
            for name, url in urls.items():
                engine = fresh(url)
                start = time.perf_counter()
                summary = ingest_share(engine, share)
                ingest_times[name] = time.perf_counter() - start
                assert summary.ok and len(summary.ingested) == min(400, len(base)), summary
                again = time.perf_counter()
                ingest_share(engine, share)
                print(f"ingest {len(summary.ingested)} packages into {name}: "
                      f"{ingest_times[name]:.2f} s (again, nothing new: "
                      f"{time.perf_counter() - again:.2f} s)")
                engine.dispose()
            print(f"ingest ratio postgresql/sqlite: "
                  f"{ingest_times['postgresql'] / ingest_times['sqlite']:.2f}")

            per_year = 60 if args.quick else 375
            years = range(2019, 2027)
            big = synthetic(base, years, per_year)
            big_share = Share.local_default(work / "share-big")
            publish_all(big_share, big)
            medians = {}
            for name, url in urls.items():
                engine = fresh(url)
                start = time.perf_counter()
                assert ingest_share(engine, big_share).ok
                load = time.perf_counter() - start
                with Session(engine) as s:
                    followups = s.scalar(select(func.count()).select_from(CentralFollowup))
                    answers = s.scalar(select(func.count()).select_from(CentralAnswer))
                medians[name] = time_stats(engine, list(years), rounds=15)
                print(f"{name}: {followups} follow-ups, {answers} answers "
                      f"({len(big)} packages ingested in {load:.1f} s); stats by district "
                      f"over 8 years median {medians[name][0] * 1000:.0f} ms, trend by "
                      f"district {medians[name][1] * 1000:.0f} ms")
                engine.dispose()
            print(f"stats ratio postgresql/sqlite: "
                  f"{medians['postgresql'][0] / medians['sqlite'][0]:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
