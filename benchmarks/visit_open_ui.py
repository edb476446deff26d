"""How long the visit window takes to open, and one autosave round trip.

Builds the demo database in a temp folder, takes a finalized care-home
follow-up with a previous visit (about 100 questions, findings, previous
deficiencies) and times, offscreen:
  - service: ``open_visit`` alone (the peer: the window can't be faster);
  - window: ``VisitWindow(ctx, id)`` built and shown, assessment step visible;
  - save: one answer written through the window's writer (service + commit);
  - next: moving to the next question (editor, guidance and previous answer
    refilled), painted.
Prints medians in milliseconds and the window/service ratio.

    .venv/bin/python benchmarks/visit_open_ui.py [--rounds 9]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication  # noqa: E402

from app.db import open_database, session_factory  # noqa: E402
from app.paths import resolve_paths  # noqa: E402
from app.services import visits as visits_service  # noqa: E402
from app.services.demo_db import ensure_demo_database  # noqa: E402
from app.settings import Settings  # noqa: E402
from app.ui.context import UiContext  # noqa: E402
from app.ui.tasks import SyncTaskRunner  # noqa: E402


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    from app.ui.visits.assessment_view import AssessmentView
    from app.ui.visits.visit_window import VisitWindow

    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder)
        ensure_demo_database(data / "uppfoljaren.sqlite3")
        engine = open_database(data / "uppfoljaren.sqlite3")
        sessions = session_factory(engine)
        with sessions() as session:
            visit = next(v for v in visits_service.list_visits(session, status="rapport_utkast")
                         if v.unit_type == "vob")
        settings = Settings(path=data / "settings.json", officer_name=visit.hsl_owner or "MAS",
                            officer_role="mas", officer_district=visit.district)
        ctx = UiContext(paths=resolve_paths(data), sessions=sessions, settings=settings,
                        tasks=SyncTaskRunner())
        service, window, save, step = [], [], [], []
        for _ in range(args.rounds):
            start = time.perf_counter()
            with sessions() as session:
                visits_service.open_visit(session, visit.id)
            service.append(time.perf_counter() - start)
            start = time.perf_counter()
            win = VisitWindow(ctx, visit.id)
            win.show()
            app.processEvents()
            window.append(time.perf_counter() - start)
            view = win.views["bedomning"]
            assert isinstance(view, AssessmentView)
            view.select(next(q for q in view.visible_ids()
                             if view.questions[q].answer_kind == "scale"))
            code = "delvis" if view.states[view.current_id() or ""].answer != "delvis" \
                else "uppfyllt"
            start = time.perf_counter()
            view.choose(code)
            save.append(time.perf_counter() - start)
            for _ in range(5):
                start = time.perf_counter()
                view.move(1)
                app.processEvents()
                step.append(time.perf_counter() - start)
            win.close()
            win.deleteLater()
            app.processEvents()
        engine.dispose()
    print(f"visit {visit.unit_name} {visit.year}, {args.rounds} rounds")
    print(f"service open_visit   median {median_ms(service):7.1f} ms")
    print(f"window open + show   median {median_ms(window):7.1f} ms "
          f"({median_ms(window) / median_ms(service):.1f}x the service)")
    print(f"one answer saved     median {median_ms(save):7.1f} ms")
    print(f"next question        median {median_ms(step):7.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
