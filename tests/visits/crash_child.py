"""Child process of the crash test: saves answers through the real service
in a loop and prints each one only after save_answer returned (committed).

Usage: python -m tests.visits.crash_child DB_PATH VISIT_ID ROUND QID...
"""

from __future__ import annotations

import sys
from pathlib import Path

from app.db import make_engine, session_factory, sqlite_url
from app.services.visits import save_answer


def main(argv: list[str]) -> None:
    path, visit_id, round_no, *questions = argv
    engine = make_engine(sqlite_url(Path(path)))
    sessions = session_factory(engine)
    with sessions() as s:  # warm up (template cache) before saying ready
        save_answer(s, visit_id, questions[0], who="crash", evidence=("dokument",))
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        qid = questions[n % len(questions)]
        value = f"r{round_no}:{n}"
        with sessions() as s:
            save_answer(s, visit_id, qid, who="crash", comment=value,
                        answer=("uppfyllt", "delvis")[n % 2])
        sys.stdout.write(f"{qid}\t{value}\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1:])
