"""Whole jobs on worker processes, and the way back when the workers die."""

from __future__ import annotations

import os
from collections.abc import Callable
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
