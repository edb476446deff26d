"""Child of the crash test: saves answers through the real service in a loop
and reports each one only after save_answer returned (committed).

Runs in a forked process (no open connection is inherited: the parent
disposes its engine first) and writes one line per acknowledged save to a
pipe, with a single write() each, so a kill never leaves half a line
counted as an acknowledgement.
"""

from __future__ import annotations

import os
from pathlib import Path

from app.db import make_engine, session_factory, sqlite_url
from app.services.visits import save_answer


def run(path: str, visit_id: str, round_no: int, questions: list[str], fd: int) -> None:
    engine = make_engine(sqlite_url(Path(path)))
    sessions = session_factory(engine)
    with sessions() as s:  # warm up (template cache) before saying ready
        save_answer(s, visit_id, questions[0], who="crash", evidence=("dokument",))
    os.write(fd, b"ready\n")
    n = 0
    while True:
        n += 1
        qid = questions[n % len(questions)]
        value = f"r{round_no}:{n}"
        with sessions() as s:
            save_answer(s, visit_id, qid, who="crash", comment=value,
                        answer=("uppfyllt", "delvis")[n % 2])
        os.write(fd, f"{qid}\t{value}\n".encode())


def run_finalize(path: str, visit_id: str, question_id: str, who: str, fd: int) -> None:
    """Reopen, change, finalize, over and over; report each finalized revision."""
    from app.services.visits import finalize_part, reopen_part
    from app.services.visits.common import get_part

    engine = make_engine(sqlite_url(Path(path)))
    sessions = session_factory(engine)
    os.write(fd, b"ready\n")
    n = 0
    while True:
        n += 1
        with sessions() as s:
            # A kill between reopening and finalizing leaves a draft: go on from it.
            if get_part(s, visit_id, "sol").status == "faststalld":
                reopen_part(s, visit_id, "sol", reason=f"Ändring {n}", who=who)
        with sessions() as s:
            save_answer(s, visit_id, question_id, who=who, comment=f"version {n}")
        with sessions() as s:
            revision = finalize_part(s, visit_id, "sol", who=who)
        os.write(fd, f"{revision}\n".encode())
