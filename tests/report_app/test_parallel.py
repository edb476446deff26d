"""The CLI's multi-process batch: the same files as the serial one, and cancel."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from app.services.report import batch_reports, report_rows
from app.services.report_parallel import batch_reports_parallel
from app.services.task_state import Cancelled, TaskState
from tests.report_app.conftest import ORG


def test_parallel_batch_writes_the_same_bytes_as_the_serial_one(
        demo_sessions: sessionmaker[Session], tmp_path: Path) -> None:
    serial = batch_reports(demo_sessions, 2024, "Farsta", tmp_path / "a", TaskState(),
                           organisation=ORG, logo=None)
    parallel = batch_reports_parallel(demo_sessions, 2024, "Farsta", tmp_path / "b",
                                      TaskState(), workers=2, organisation=ORG, logo=None)
    assert len(serial.written) == len(parallel.written) >= 3
    assert [p.name for p in sorted(serial.written)] == [p.name for p in parallel.written]
    for a, b in zip(sorted(serial.written), parallel.written, strict=True):
        assert a.read_bytes() == b.read_bytes()
    assert parallel.failed == [] and len(parallel.skipped) == len(serial.skipped)


def test_parallel_batch_cancel_leaves_only_whole_files(demo_sessions: sessionmaker[Session],
                                                      tmp_path: Path) -> None:
    state = TaskState()

    def progress(done: int, total: int, text: str) -> None:
        if done == 1:
            state.request_cancel()

    state.on_progress = progress
    with pytest.raises(Cancelled):
        batch_reports_parallel(demo_sessions, 2025, None, tmp_path / "ut", state, workers=2,
                               organisation=ORG, logo=None)
    files = list((tmp_path / "ut").iterdir())
    with demo_sessions() as session:
        total = len(report_rows(session, year=2025, complete=True))
    # The reports in flight when cancel came finish; nothing else starts.
    assert 1 <= len(files) <= 4 < total
    assert all(f.suffix == ".pdf" and f.read_bytes().rstrip().endswith(b"%%EOF") for f in files)


class _BreakingPool:
    """A process pool whose workers die after the first report (as when a
    bundle cannot start them, or a laptop's policy kills them)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        self.calls = 0

    def __enter__(self) -> _BreakingPool:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        return None

    def submit(self, fn: Callable[..., str], *args: object) -> Future[str]:
        from app.services import report_worker

        future: Future[str] = Future()
        self.calls += 1
        if self.calls == 1:  # one report done by a "worker" (in this process)
            report_worker.init_worker(*_INIT)
            future.set_result(fn(*args))
        else:
            future.set_exception(BrokenProcessPool("a worker died"))
        return future


_INIT: list[str | None] = []


def test_parallel_batch_renders_the_rest_here_when_workers_die(
        demo_sessions: sessionmaker[Session], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from app.services import process_pool
    from app.services.report import sqlite_file

    with demo_sessions() as session:
        _INIT[:] = [session.get_bind().url.render_as_string(hide_password=False),
                    str(sqlite_file(session))]
    monkeypatch.setattr(process_pool, "ProcessPoolExecutor", _BreakingPool)
    serial = batch_reports(demo_sessions, 2024, "Farsta", tmp_path / "a", TaskState(),
                           organisation=ORG, logo=None)
    broken = batch_reports_parallel(demo_sessions, 2024, "Farsta", tmp_path / "b", TaskState(),
                                    workers=2, organisation=ORG, logo=None)
    assert broken.failed == [] and len(broken.written) == len(serial.written) >= 3
    for a, b in zip(sorted(serial.written), broken.written, strict=True):
        assert a.name == b.name and a.read_bytes() == b.read_bytes()
