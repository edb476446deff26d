"""Kill -9 during autosave, many times: every acknowledged answer survives.

A forked child process saves answers through the same service the window
uses and reports each one after save_answer returned. The parent kills it with
SIGKILL at a random moment, then checks the database: integrity_check ok,
foreign keys ok, every acknowledged value (or a later one) present, with its
audit event. The unacknowledged save in flight may be present or absent.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import sqlite3
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine

from app.services.visits import open_visit, start_visit
from tests.visits import crash_child
from tests.visits.conftest import START_DAY, VU, Env

ROUNDS = 30


def _seq(value: str) -> tuple[int, int]:
    round_no, n = value[1:].split(":")
    return int(round_no), int(n)


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_sigkill_during_autosave_loses_no_acknowledged_answer(env: Env, tmp_db: Engine) -> None:
    with env.sessions() as s:
        vid = start_visit(s, env.care_home, 2026, officer=VU, on=START_DAY)
        detail = open_visit(s, vid)
    questions = [q.id for p in detail.parts for sec in p.sections for q in sec.questions
                 if q.answer_kind == "scale"][:20]
    path = Path(str(tmp_db.url.database))
    tmp_db.dispose()
    rng = random.Random(20261124)
    acked: dict[str, str] = {}
    total_acks = 0
    started = time.monotonic()
    context = multiprocessing.get_context("fork")
    for round_no in range(ROUNDS):
        read_fd, write_fd = os.pipe()
        child = context.Process(target=crash_child.run,
                                args=(str(path), vid, round_no, questions, write_fd))
        child.start()
        os.close(write_fd)
        reader = os.fdopen(read_fd, "rb")
        assert reader.readline() == b"ready\n", "the child did not start"
        time.sleep(rng.uniform(0.02, 0.3))
        child.kill()  # SIGKILL
        child.join()
        assert child.exitcode == -signal.SIGKILL
        out = reader.read().decode()
        reader.close()
        # Only complete lines are acknowledgements: the kill may cut the last one.
        for line in out.split("\n")[:-1]:
            qid, value = line.split("\t")
            acked[qid] = value
            total_acks += 1
        con = sqlite3.connect(path)
        try:
            assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert con.execute("PRAGMA foreign_key_check").fetchall() == []
            stored = dict(con.execute(
                "SELECT question_id, comment FROM answer WHERE visit_id = ?", (vid,)))
            audited = {row[0] for row in con.execute(
                "SELECT new FROM audit_event WHERE visit_id = ? AND field LIKE '%.comment'",
                (vid,))}
        finally:
            con.close()
        for qid, value in acked.items():
            assert qid in stored, f"round {round_no}: acknowledged {qid} lost"
            assert _seq(stored[qid]) >= _seq(value), (
                f"round {round_no}: {qid} holds {stored[qid]}, acknowledged {value}")
            assert value in audited or _seq(stored[qid]) > _seq(value)
    elapsed = time.monotonic() - started
    assert total_acks > ROUNDS, "the child saved too little to test anything"
    assert elapsed < 60, f"{ROUNDS} rounds took {elapsed:.1f} s"


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_sigkill_during_finalize_and_reopen_keeps_revisions_whole(env: Env, tmp_db: Engine
                                                                  ) -> None:
    import hashlib
    import json

    from app.services.visits import finalize_part
    from app.services.visits.snapshot import canonical_json
    from tests.visits.conftest import complete_part

    with env.sessions() as s:
        vid = start_visit(s, env.home_care, 2026, officer=VU, on=START_DAY)
    complete_part(env.sessions, vid, "sol", VU.name)
    with env.sessions() as s:
        qid = open_visit(s, vid).parts[0].sections[0].questions[0].id
        finalize_part(s, vid, "sol", who=VU.name)
    path = Path(str(tmp_db.url.database))
    tmp_db.dispose()
    rng = random.Random(7)
    context = multiprocessing.get_context("fork")
    acked = 1
    for _round in range(10):
        read_fd, write_fd = os.pipe()
        child = context.Process(target=crash_child.run_finalize,
                                args=(str(path), vid, qid, VU.name, write_fd))
        child.start()
        os.close(write_fd)
        reader = os.fdopen(read_fd, "rb")
        assert reader.readline() == b"ready\n"
        time.sleep(rng.uniform(0.1, 0.6))
        child.kill()
        child.join()
        lines = reader.read().decode().split("\n")[:-1]
        reader.close()
        if lines:
            acked = int(lines[-1])
        con = sqlite3.connect(path)
        try:
            assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            status, current = con.execute(
                "SELECT status, revision FROM visit_part WHERE visit_id = ? AND part = 'sol'",
                (vid,)).fetchone()
            revisions = con.execute(
                "SELECT revision, finalized_at, snapshot, sha256 FROM part_revision "
                "WHERE visit_id = ? AND part = 'sol' ORDER BY revision", (vid,)).fetchall()
        finally:
            con.close()
        assert [r[0] for r in revisions] == list(range(1, current + 1))
        assert current >= acked
        for revision, finalized_at, snapshot, sha in revisions:
            if revision < current or status == "faststalld":
                # Every finalized revision is whole: snapshot and its hash together.
                assert finalized_at and snapshot and sha
                assert hashlib.sha256(snapshot.encode()).hexdigest() == sha
                data = json.loads(snapshot)
                assert data["part"]["revision"] == revision
                assert canonical_json(data) == snapshot
            else:
                assert finalized_at is None and snapshot is None
    assert acked >= 4, "the child finalized too few revisions to test anything"
