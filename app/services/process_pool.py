"""Whole jobs on a few worker processes, with a way back into this process.

Rendering a report PDF is CPU-bound Python, so threads do not help; the
report batch (``report_parallel``) and the sync's catch-up
(``outbox_prepare``) hand whole jobs to worker processes instead. Both need
the same care, kept here once:

- workers start with "spawn", never "fork": the GUI's threads and Qt state
  must not be copied into a child (the bundle's launcher calls
  ``multiprocessing.freeze_support`` so its children become workers);
- two jobs in flight per worker keep them busy without queueing everything
  (a cancel stops the handing out; jobs in flight finish);
- when the workers cannot start or die (a locked-down laptop, a broken
  bundle), every job not done yet comes back marked "not done", so the
  caller does it itself with the same code.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

log = logging.getLogger(__name__)

Job = TypeVar("Job")


def in_processes(
    jobs: Sequence[Job],
    call: Callable[[Job], tuple[Callable[..., Any], tuple[Any, ...]]],
    *,
    workers: int,
    initializer: Callable[..., None],
    initargs: tuple[Any, ...],
    cancelled: Callable[[], bool] = lambda: False,
) -> Iterator[tuple[Job, Any, bool]]:
    """Yield ``(job, result, True)`` as the workers finish jobs (in the order
    they finish). ``call(job)`` gives the function (importable by the child)
    and its arguments. If the pool breaks, each job not finished is yielded
    as ``(job, None, False)``, in input order: the caller does it here.
    After ``cancelled()`` no job is started; the generator ends when the
    ones in flight are done."""
    queue = list(reversed(jobs))
    pending: dict[Future[Any], Job] = {}
    pool: ProcessPoolExecutor | None = None
    try:
        pool = ProcessPoolExecutor(max_workers=max(1, workers),
                                   mp_context=multiprocessing.get_context("spawn"),
                                   initializer=initializer, initargs=initargs)
        while queue or pending:
            while queue and len(pending) < 2 * workers and not cancelled():
                function, args = call(queue[-1])
                future = pool.submit(function, *args)  # BrokenProcessPool: the job stays queued
                pending[future] = queue.pop()
            if not pending:
                return
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                job = pending[future]
                value = future.result()  # BrokenProcessPool when a worker died
                del pending[future]
                yield job, value, True
    except (BrokenProcessPool, OSError) as exc:
        log.warning("worker processes failed (%s); the rest is done in this process", exc)
        rest = [*pending.values(), *reversed(queue)]
        pending.clear()
        queue.clear()
        for job in rest:
            yield job, None, False
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


__all__ = ["in_processes"]
