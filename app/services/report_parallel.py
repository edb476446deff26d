"""Batch reports on several processes (the CLI's ``--year`` batch).

Rendering is CPU-bound Python, so threads would not help; each worker process
opens its own engine on the same database (read only) and renders whole
reports. The parent keeps a small window of reports in flight, so on cancel it
stops handing out work, lets the running ones finish (each file is written
atomically by the worker) and raises ``Cancelled``: the folder holds only
whole reports (``process_pool.in_processes``: "spawn" workers, and the
rest rendered here if they cannot start or die).

Memory: each worker holds one report at a time (~50 MB with fonts and
reportlab; SQLAlchemy only if a report must be built from the rows), so two
workers keep the batch well under 300 MB. Since the workers no longer import
SQLAlchemy, two beat one even on two cores (208 reports: 61 against 82 ms per
report, benchmarks/report_cli.py), except for a handful of reports, which the
CLI leaves to one process (``min_reports``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from app.services import report_worker
from app.services.process_pool import in_processes
from app.services.report import (
    BatchResult,
    ReportRow,
    batch_reports,
    report_file_name,
    report_rows,
    sqlite_file,
)
from app.services.task_state import Cancelled, TaskState


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
    done = 0
    in_here = False  # the workers failed: this process renders the rest

    def render(row: ReportRow) -> tuple[Callable[..., str], tuple[Any, ...]]:
        return report_worker.render_one, (row.visit_id, str(out_dir / report_file_name(row)), kw)

    initargs = (url, str(database) if database else None)
    for row, message, by_worker in in_processes(
            todo, render, workers=workers, initializer=report_worker.init_worker,
            initargs=initargs, cancelled=lambda: state.cancel_requested):
        if not by_worker:
            if state.cancel_requested:
                break
            if not in_here:
                report_worker.init_worker(*initargs)
                in_here = True
            function, args = render(row)
            message = function(*args)
        if message:
            result.failed.append((row, message))
        else:
            result.written.append(out_dir / report_file_name(row))
        done += 1
        state.report(done, len(todo), row.unit_name)
    if done < len(todo) and state.cancel_requested:
        raise Cancelled()
    result.written.sort()
    return result
