"""Batch reports on several processes (the CLI's ``--year`` batch).

Rendering is CPU-bound Python, so threads would not help; each worker process
opens its own engine on the same database (read only) and renders whole
reports. The parent keeps a small window of reports in flight, so on cancel it
stops handing out work, lets the running ones finish (each file is written
atomically by the worker) and raises ``Cancelled``: the folder holds only
whole reports. Workers start with "spawn", never "fork": the GUI's threads
and Qt state must not be copied into a child.

Memory: each worker holds one report at a time (~50 MB with fonts and
reportlab; SQLAlchemy only if a report must be built from the rows), so two
workers keep the batch well under 300 MB. Since the workers no longer import
SQLAlchemy, two beat one even on two cores (208 reports: 61 against 82 ms per
report, benchmarks/report_cli.py), except for a handful of reports, which the
CLI leaves to one process (``min_reports``).
"""

from __future__ import annotations

import logging
import multiprocessing
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from app.services import report_worker
from app.services.report import (
    BatchResult,
    ReportRow,
    batch_reports,
    report_file_name,
    report_rows,
    sqlite_file,
)
from app.services.task_state import Cancelled, TaskState

log = logging.getLogger(__name__)


def batch_reports_parallel(sessions: sessionmaker[Session], year: int, district: str | None,
                           out_dir: Path, state: TaskState, *, workers: int = 2,
                           organisation: str, logo: Path | None,
                           internal: bool = False, min_reports: int = 1) -> BatchResult:
    """``batch_reports`` on ``workers`` processes; same files, same result.
    Fewer than ``min_reports`` complete follow-ups run in this process, where
    starting the workers would cost more than they save."""
    with sessions() as session:
        rows = report_rows(session, year=year, district=district)
        bind = session.get_bind()
        database = sqlite_file(session)
    if sum(r.complete for r in rows) < min_reports:
        return batch_reports(sessions, year, district, out_dir, state, organisation=organisation,
                             logo=logo, internal=internal)
    url = bind.url.render_as_string(hide_password=False)
    result = BatchResult(skipped=[r for r in rows if not r.complete])
    todo = [r for r in rows if r.complete]
    out_dir.mkdir(parents=True, exist_ok=True)
    kw = {"organisation": organisation, "logo": logo, "internal": internal}
    state.report(0, len(todo), "")
    pending: dict[Future[str], ReportRow] = {}
    queue = list(reversed(todo))
    done = 0

    def record(row: ReportRow, message: str) -> None:
        nonlocal done
        if message:
            result.failed.append((row, message))
        else:
            result.written.append(out_dir / report_file_name(row))
        done += 1
        state.report(done, len(todo), row.unit_name)

    context = multiprocessing.get_context("spawn")
    try:
        with ProcessPoolExecutor(max_workers=max(1, workers), mp_context=context,
                                 initializer=report_worker.init_worker,
                                 initargs=(url, str(database) if database else None)) as pool:
            while queue or pending:
                # Two in flight per worker keeps them busy without queueing the whole year.
                while queue and len(pending) < 2 * workers and not state.cancel_requested:
                    row = queue.pop()
                    target = out_dir / report_file_name(row)
                    pending[pool.submit(report_worker.render_one, row.visit_id, str(target),
                                        kw)] = row
                if not pending:
                    break
                finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    row = pending[future]
                    message = future.result()  # BrokenProcessPool if a worker died
                    del pending[future]
                    record(row, message)
    except (BrokenProcessPool, OSError) as exc:
        # Workers that cannot start or die (a locked-down laptop, an odd
        # bundle): the rest is rendered here, one by one, with the same code.
        log.warning("report workers failed (%s); rendering the rest in this process", exc)
        queue += reversed(list(pending.values()))
        pending.clear()
        report_worker.init_worker(url, str(database) if database else None)
        while queue and not state.cancel_requested:
            row = queue.pop()
            record(row, report_worker.render_one(row.visit_id, str(out_dir / report_file_name(row)),
                                                 kw))
    if queue and state.cancel_requested:
        raise Cancelled()
    result.written.sort()
    return result
