"""Batch reports on several processes (the CLI's ``--year`` batch).

Rendering is CPU-bound Python, so threads would not help; each worker process
opens its own engine on the same database (read only) and renders whole
reports. The parent keeps a small window of reports in flight, so on cancel it
stops handing out work, lets the running ones finish (each file is written
atomically by the worker) and raises ``Cancelled``: the folder holds only
whole reports. Workers start with "spawn", never "fork": the GUI's threads
and Qt state must not be copied into a child.

Memory: each worker holds one report at a time (~90 MB with fonts and
libraries), so two workers keep the batch under 300 MB. The CLI uses two only
on machines with at least four cores: on two busy cores the second worker's
start-up and contention made the batch slower (benchmarks/report_cli.py).
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from app.services.report import BatchResult, ReportRow, report_file_name, report_rows
from app.services.task_state import Cancelled, TaskState

_SESSIONS: sessionmaker[Session] | None = None


def _init_worker(url: str) -> None:
    global _SESSIONS
    from app.db import make_engine, session_factory

    _SESSIONS = session_factory(make_engine(url))


def _render_one(visit_id: str, target: str, kw: dict[str, Any]) -> str:
    from app.errors import UserFacingError
    from app.services.report import render_visit_report

    assert _SESSIONS is not None
    try:
        with _SESSIONS() as session:
            render_visit_report(session, visit_id, Path(target), **kw)
    except (UserFacingError, OSError, ValueError, KeyError) as error:
        return str(error) or type(error).__name__
    return ""


def batch_reports_parallel(sessions: sessionmaker[Session], year: int, district: str | None,
                           out_dir: Path, state: TaskState, *, workers: int = 2,
                           organisation: str, logo: Path | None,
                           internal: bool = False) -> BatchResult:
    """``batch_reports`` on ``workers`` processes; same files, same result."""
    with sessions() as session:
        rows = report_rows(session, year=year, district=district)
        bind = session.get_bind()
    url = bind.url.render_as_string(hide_password=False)
    result = BatchResult(skipped=[r for r in rows if not r.complete])
    todo = [r for r in rows if r.complete]
    out_dir.mkdir(parents=True, exist_ok=True)
    kw = {"organisation": organisation, "logo": logo, "internal": internal}
    state.report(0, len(todo), "")
    pending: dict[Future[str], ReportRow] = {}
    queue = list(reversed(todo))
    done = 0
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=max(1, workers), mp_context=context,
                             initializer=_init_worker, initargs=(url,)) as pool:
        while queue or pending:
            # Two in flight per worker keeps them busy without queueing the whole year.
            while queue and len(pending) < 2 * workers and not state.cancel_requested:
                row = queue.pop()
                target = out_dir / report_file_name(row)
                pending[pool.submit(_render_one, row.visit_id, str(target), kw)] = row
            if not pending:
                break
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                row = pending.pop(future)
                message = future.result()
                if message:
                    result.failed.append((row, message))
                else:
                    result.written.append(out_dir / report_file_name(row))
                done += 1
                state.report(done, len(todo), row.unit_name)
    if queue and state.cancel_requested:
        raise Cancelled()
    result.written.sort()
    return result
