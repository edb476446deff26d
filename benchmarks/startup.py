"""Cold start to the painted main window, whole process, offscreen.

Runs ``python benchmarks/startup.py --child app DATA_DIR`` (the real start:
settings, translator, main window, the Verksamheter page filled with the demo
register, the database opened) and ``--child empty`` (an empty QMainWindow
started the same way) several times each, alternating. All times run from the
parent's launch of the child process, so Python's own start is included.
For the app it records when the window first paints, when the unit register
(the demo's real rows) is painted in it, and when the database layer is
attached behind it (the window fully usable: other pages, import); the
process ends then. The empty window's process ends right after its paint.
Prints medians of
  - launch to the register painted (the strict figure; what the user waits for),
  - launch to the empty QMainWindow painted, and the ratio of the two,
  - launch to the window's first paint, and to the database attached,
  - the empty window's whole process (painted and exited),
and the app's peak memory (max RSS) and CPU time.
Targets: median <= 0.8 s, <= 4x the empty window, peak memory <= 250 MB.

    .venv/bin/python benchmarks/startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NoReturn

ROOT = Path(__file__).resolve().parent.parent


def _on_paint(widget, callback) -> None:  # type: ignore[no-untyped-def]
    """Call ``callback`` once, at the widget's next paint."""
    from PySide6.QtCore import QEvent, QObject

    class Once(QObject):
        def eventFilter(self, watched, event):  # type: ignore[no-untyped-def]
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                callback()
            return False

    widget._bench_filter = Once(widget)
    widget.installEventFilter(widget._bench_filter)


def child(kind: str, data_dir: str | None) -> NoReturn | int:
    import resource

    from PySide6.QtCore import QTimer

    def finish() -> None:
        print(f"ready_at={time.time():.6f}")
        QTimer.singleShot(0, app.quit)

    if kind == "empty":
        from PySide6.QtWidgets import QApplication, QMainWindow

        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.resize(1280, 800)
        window.show()
        _on_paint(window, finish)
    else:
        sys.path.insert(0, str(ROOT))
        from app.ui.application import start

        app, window, code = start(data_dir)
        if window is None:
            return code
        _on_paint(window, lambda: print(f"paint_at={time.time():.6f}"))

        def report_attached() -> None:
            # The database layer attached: every page and the import work.
            if window.ctx is None:
                QTimer.singleShot(5, report_attached)
                return
            print(f"attached_at={time.time():.6f}")
            QTimer.singleShot(0, app.quit)

        def register_painted() -> None:
            print(f"ready_at={time.time():.6f}")
            report_attached()

        def wait_for_register() -> None:
            # Shown from the start-up snapshot, or built once the database is open.
            page = window.page("verksamheter")
            if page is window.opening_label:
                QTimer.singleShot(2, wait_for_register)
                return
            assert page.model.rowCount() > 0, "the register is empty"
            _on_paint(page.table.viewport(), register_painted)

        wait_for_register()
    app.exec()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(f"peak_rss_mb={usage.ru_maxrss / 1024:.1f}")
    print(f"cpu_s={usage.ru_utime + usage.ru_stime:.3f}")
    # Both processes leave the way the app does (app.ui.application.end_process:
    # no Python teardown), so "whole process" is what a user waits for.
    sys.stdout.flush()
    os._exit(0)


def run_once(args: list[str]) -> dict[str, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # As installed: byte-code is cached after the first run.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    launched = time.time()
    start = time.perf_counter()
    done = subprocess.run([sys.executable, __file__, "--child", *args], env=env,
                          capture_output=True, text=True, check=True)
    result = {"whole": time.perf_counter() - start}
    for line in done.stdout.splitlines():
        if "=" in line:
            name, value = line.split("=", 1)
            result[name] = float(value)
    for name in ("paint_at", "ready_at", "attached_at"):
        if name in result:
            result[name.replace("_at", "")] = result[name] - launched
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child[0], args.child[1] if len(args.child) > 1 else None)

    with tempfile.TemporaryDirectory() as folder:
        data_dir = str(Path(folder) / "data")
        first = run_once(["app", data_dir])  # creates the demo database
        print(f"first start (creates the demo database): {first['whole']:.2f} s")
        run_once(["empty"])  # warm the file cache for both, as for a real cold start
        apps, empties = [], []
        for _ in range(args.runs):
            apps.append(run_once(["app", data_dir]))
            empties.append(run_once(["empty"]))

    def median(runs: list[dict[str, float]], key: str) -> float:
        return statistics.median(run[key] for run in runs)

    ready, empty = median(apps, "ready"), median(empties, "ready")
    print(f"runs: {args.runs} each, offscreen, from process launch, medians")
    print(f"app, launch to register painted (demo rows): {ready:.3f} s (target <= 0.8 s)")
    print(f"empty QMainWindow, launch to painted:        {empty:.3f} s")
    print(f"ratio register painted / empty window:       {ready / empty:.2f}x (target <= 4x)")
    print(f"app, launch to window first painted:         {median(apps, 'paint'):.3f} s")
    print(f"app, launch to database attached (all pages): {median(apps, 'attached'):.3f} s")
    print(f"empty QMainWindow, painted and exited (whole process): "
          f"{median(empties, 'whole'):.3f} s")
    print(f"peak memory (max RSS): {max(run['peak_rss_mb'] for run in apps):.0f} MB "
          "(target <= 250 MB)")
    print(f"CPU time per process (less sensitive to other load): app "
          f"{median(apps, 'cpu_s'):.3f} s, empty {median(empties, 'cpu_s'):.3f} s")
    print(f"machine load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
