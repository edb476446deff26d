"""Benchmark: sync 400 finalized follow-up parts from the database to an empty share.

On a fresh demo database, 400 finalized part revisions get their frozen
snapshot (as finalizing in the program does), then:
  * prepare at finalize: the first quarter one by one with ``prepare_revision``,
    as the program does on a worker thread right after each finalize (render
    the report PDF, build, sign and keep the package; reported, no target);
  * catch-up prepare: the rest with ``queue_finalized``, as a sync does for
    revisions nobody prepared yet (the PDFs on worker processes when there
    are many; reported, no target);
  * push: ``run_sync`` against an empty share folder, the packages already
    prepared (outbox rows back to "queued"), timed end to end (share check,
    key, push, verify, receipts, pull, parts from colleagues);
  * peer: ``cp -r`` of the same package bytes to the same file system, in the same round
    (and, for information, ``cp -r`` followed by ``sync``: the push fsyncs every package);
  * second sync with nothing new.
Targets (issue 7): push <= 10 s and <= 3x cp -r; second sync <= 0.5 s.

    .venv/bin/python benchmarks/sync_db.py [--count 400] [--rounds 3]
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

from sqlalchemy import select, update  # noqa: E402

from app.db import open_database, session_factory  # noqa: E402
from app.models.sync import OutboxEntry  # noqa: E402
from app.models.visit import PartRevision, VisitPart  # noqa: E402
from app.paths import resolve_paths  # noqa: E402
from app.services.demo_db import ensure_demo_database  # noqa: E402
from app.services.outbox_prepare import catch_up_workers, prepare_revision  # noqa: E402
from app.services.share.layout import Share  # noqa: E402
from app.services.share.signing import load_or_create_key  # noqa: E402
from app.services.sync import run_sync  # noqa: E402
from app.services.sync_outbox import (  # noqa: E402
    packages_dir,
    pending_revisions,
    queue_finalized,
)
from app.services.task_state import TaskState  # noqa: E402
from app.services.visits.snapshot import canonical_json, digest, live_snapshot  # noqa: E402
from app.settings import Settings  # noqa: E402


def _settle() -> None:
    if hasattr(os, "sync"):
        os.sync()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", action="store_true",
                        help="profile the last round's run_sync (main thread) and print the top")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="uppf-syncdb-") as tmp:
        base = Path(tmp)
        paths = resolve_paths(base / "data").ensure()
        ensure_demo_database(paths.database)
        sessions = session_factory(open_database(paths.database))
        settings = Settings.load(paths.settings_file)
        with sessions() as session:
            session.execute(update(PartRevision).values(snapshot=None))
            current = session.execute(
                select(PartRevision).join(VisitPart, (VisitPart.visit_id == PartRevision.visit_id)
                                          & (VisitPart.part == PartRevision.part)
                                          & (VisitPart.revision == PartRevision.revision))
                .where(PartRevision.finalized_at.is_not(None),
                       # one revision per part: every report's other part is frozen too
                       PartRevision.visit_id.not_in(select(PartRevision.visit_id).where(
                           PartRevision.revision > 1)))
                .order_by(PartRevision.id).limit(args.count)).scalars().all()
            for rev in current:  # freeze as finalize_part does
                text = canonical_json(live_snapshot(session, rev.visit_id, rev.part))
                rev.snapshot, rev.sha256 = text, digest(text)
            session.commit()
            key = load_or_create_key(settings.device_id, paths.config_dir).key
            at_finalize = pending_revisions(session)[:max(1, args.count // 4)]
            started = time.perf_counter()
            for rev in at_finalize:
                outcome = prepare_revision(session, paths, settings, key, rev)
                assert outcome.status == "queued", outcome
            prepare_one = (time.perf_counter() - started) / len(at_finalize)
            started = time.perf_counter()
            queued = queue_finalized(session, paths, settings, key)
            catch_up = time.perf_counter() - started
        assert queued.queued == args.count - len(at_finalize) and not queued.errors, \
            queued.errors
        local = packages_dir(paths)
        payload = sum(p.stat().st_size for p in local.iterdir())

        cp_times, cp_sync_times, push_times, second_times = [], [], [], []
        for round_no in range(args.rounds):
            target = base / f"cp-{round_no}"
            _settle()
            started = time.perf_counter()
            subprocess.run(["cp", "-r", str(local), str(target)], check=True)
            cp_times.append(time.perf_counter() - started)
            # A durable copy for comparison: the push fsyncs every package.
            # (Settled first, or the sync would also write back the copy above.)
            _settle()
            started = time.perf_counter()
            subprocess.run(["cp", "-r", str(local), str(target) + "-sync"], check=True)
            os.sync()
            cp_sync_times.append(time.perf_counter() - started)
            shutil.rmtree(str(target) + "-sync")

            share = Share(base / f"share-{round_no}")
            share.init(created_by_device="centralen", create_root=True)
            with sessions() as session:
                session.execute(update(OutboxEntry).values(state="queued", pushed_at=None,
                                                           verified_at=None))
                session.commit()
            _settle()
            profiler = cProfile.Profile() if args.profile and round_no == args.rounds - 1 else None
            started = time.perf_counter()
            if profiler is not None:
                profiler.enable()
            first = run_sync(sessions, paths, settings, share.root, TaskState())
            push_times.append(time.perf_counter() - started)
            if profiler is not None:
                profiler.disable()
                pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
            assert first.pushed == args.count and not first.failed, first.lines()
            started = time.perf_counter()
            second = run_sync(sessions, paths, settings, share.root, TaskState())
            second_times.append(time.perf_counter() - started)
            assert second.pushed == 0 and second.already_there == args.count, second.lines()
            shutil.rmtree(target)
            shutil.rmtree(share.root)

    cp_med, push_med = statistics.median(cp_times), statistics.median(push_times)
    paired = statistics.median(p / c for p, c in zip(push_times, cp_times, strict=True))
    print(f"revisions: {args.count}, packages: {payload / 1e6:.1f} MB, rounds: {args.rounds}, "
          f"cpus: {os.cpu_count()}")
    print(f"prepare at finalize, one revision (render PDF, build and keep its package) "
          f"{prepare_one * 1000:.0f} ms, off the UI thread ({len(at_finalize)} revisions)")
    print(f"catch-up prepare in the sync ({queued.queued} revisions, {catch_up_workers()} "
          f"worker processes) {catch_up:.1f} s ({catch_up / queued.queued * 1000:.0f} ms per "
          f"revision, {prepare_one * queued.queued / catch_up:.2f}x one by one)")
    print(f"cp -r of the packages (peer)   median {cp_med:.3f} s  samples "
          + " ".join(f"{t:.3f}" for t in cp_times))
    print(f"cp -r + sync (durable peer)    median {statistics.median(cp_sync_times):.3f} s  "
          "samples " + " ".join(f"{t:.3f}" for t in cp_sync_times))
    print(f"run_sync to an empty share     median {push_med:.3f} s  (target <= 10 s; "
          f"ratio vs cp -r {push_med / cp_med:.2f}x, paired {paired:.2f}x, target <= 3x)  samples "
          + " ".join(f"{t:.3f}" for t in push_times))
    durable = statistics.median(cp_sync_times)
    print(f"  run_sync against the durable peer {push_med / durable:.2f}x; the flush the push "
          f"must do alone (cp -r + sync minus cp -r) is {(durable - cp_med) / cp_med:.2f}x "
          "cp -r here")
    print(f"second sync, nothing new       median {statistics.median(second_times):.3f} s  "
          "(target <= 0.5 s)  samples " + " ".join(f"{t:.3f}" for t in second_times))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
