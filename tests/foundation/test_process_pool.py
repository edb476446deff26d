"""Whole jobs on worker processes, and the way back when the workers die."""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from app.services.process_pool import in_processes


def _init(offset: int) -> None:
    global OFFSET
    OFFSET = offset


OFFSET = 0


def _square(n: int) -> int:
    return n * n + OFFSET


def _call(n: int) -> tuple[Callable[..., Any], tuple[Any, ...]]:
    return _square, (n,)


def test_every_job_is_done_by_the_workers() -> None:
    done = list(in_processes(range(7), _call, workers=2, initializer=_init, initargs=(100,)))
    assert sorted(done) == [(n, n * n + 100, True) for n in range(7)]


def test_after_a_worker_dies_the_rest_comes_back_to_be_done_here() -> None:
    # Job 2 kills its worker mid-job (as out of memory or a policy would).
    def call(n: int) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        return (os._exit, (3,)) if n == 2 else (_square, (n,))

    results = list(in_processes(list(range(8)), call, workers=2, initializer=_init,
                                initargs=(0,)))
    jobs = [job for job, _value, _by_worker in results]
    assert sorted(jobs) == list(range(8))  # each job exactly once, done or handed back
    back = [job for job, value, by_worker in results if not by_worker]
    assert 2 in back and all(value is None for _j, value, w in results if not w)
    assert all(value == job * job for job, value, w in results if w)


def test_cancel_starts_no_further_job() -> None:
    seen: list[int] = []
    for job, _value, _by_worker in in_processes(range(20), _call, workers=1,
                                                initializer=_init, initargs=(0,),
                                                cancelled=lambda: len(seen) >= 1):
        seen.append(job)
    assert 1 <= len(seen) <= 3 < 20  # the ones in flight when cancel came


class _PoolThatBreaks:
    """Stands for a pool whose third job kills its worker: that job's future
    fails and every later submit is refused."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        self.submitted = 0
        self.broken = False

    def submit(self, function: Callable[..., Any], *args: Any) -> Future[Any]:
        from concurrent.futures.process import BrokenProcessPool

        if self.broken:
            raise BrokenProcessPool("the pool is broken")
        self.submitted += 1
        future: Future[Any] = Future()
        if self.submitted == 3:
            self.broken = True
            future.set_exception(BrokenProcessPool("a worker died"))
        else:
            future.set_result(function(*args))
        return future

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        return None


def test_no_job_is_lost_when_submitting_or_collecting_fails(monkeypatch: Any) -> None:
    from app.services import process_pool

    monkeypatch.setattr(process_pool, "ProcessPoolExecutor", _PoolThatBreaks)
    results = list(in_processes(list(range(20)), _call, workers=2, initializer=_init,
                                initargs=(0,)))
    assert sorted(job for job, _v, _w in results) == list(range(20))  # each exactly once
    assert all(value == job * job for job, value, by_worker in results if by_worker)
    assert sum(1 for _j, _v, by_worker in results if not by_worker) >= 17
