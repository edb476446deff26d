"""Cold start to the painted main window, whole process, offscreen.

Runs ``python benchmarks/startup.py --child app DATA_DIR`` (the real start:
settings, translator, database, main window on the demo database) and
``--child empty`` (an empty QMainWindow started the same way) several times
each, alternating, and prints the median wall time of each whole process,
the ratio, and the app's peak memory (max RSS).
Targets: app median <= 0.8 s, <= 4x the empty window, peak memory <= 250 MB.

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

ROOT = Path(__file__).resolve().parent.parent


def _quit_on_first_paint(app, window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):  # type: ignore[no-untyped-def]
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, app.quit)
            return False

    window._first_paint = FirstPaint(window)
    window.installEventFilter(window._first_paint)


def child(kind: str, data_dir: str | None) -> int:
    import resource

    if kind == "empty":
        from PySide6.QtWidgets import QApplication, QMainWindow

        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.resize(1280, 800)
        window.show()
    else:
        sys.path.insert(0, str(ROOT))
        from app.ui.application import start

        app, window, code = start(data_dir)
        if window is None:
            return code
    _quit_on_first_paint(app, window)
    app.exec()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(f"peak_rss_mb={usage.ru_maxrss / 1024:.1f}")
    print(f"cpu_s={usage.ru_utime + usage.ru_stime:.3f}")
    return 0


def run_once(args: list[str]) -> tuple[float, float | None, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # As installed: byte-code is cached after the first run.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, __file__, "--child", *args], env=env,
                          capture_output=True, text=True, check=True)
    elapsed = time.perf_counter() - start
    values = dict(line.split("=", 1) for line in done.stdout.splitlines() if "=" in line)
    peak = float(values["peak_rss_mb"]) if "peak_rss_mb" in values else None
    return elapsed, peak, float(values.get("cpu_s", "nan"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child[0], args.child[1] if len(args.child) > 1 else None)

    with tempfile.TemporaryDirectory() as folder:
        data_dir = str(Path(folder) / "data")
        first, _, _ = run_once(["app", data_dir])  # creates the demo database
        print(f"first start (creates the demo database): {first:.2f} s")
        app_times, empty_times, peaks, app_cpu, empty_cpu = [], [], [], [], []
        run_once(["empty"])  # warm the file cache for both, as for a real cold start
        for _ in range(args.runs):
            elapsed, peak, cpu = run_once(["app", data_dir])
            app_times.append(elapsed)
            app_cpu.append(cpu)
            if peak is not None:
                peaks.append(peak)
            elapsed, _, cpu = run_once(["empty"])
            empty_times.append(elapsed)
            empty_cpu.append(cpu)
    app_median = statistics.median(app_times)
    empty_median = statistics.median(empty_times)
    print(f"runs: {args.runs} each, offscreen")
    print(f"main window on the demo database: median {app_median:.3f} s (target <= 0.8 s)")
    print(f"empty QMainWindow:                median {empty_median:.3f} s")
    print(f"ratio: {app_median / empty_median:.2f}x (target <= 4x)")
    print(f"peak memory (max RSS): {max(peaks):.0f} MB (target <= 250 MB)")
    print(f"CPU time per process (less sensitive to other load): app "
          f"{statistics.median(app_cpu):.3f} s, empty {statistics.median(empty_cpu):.3f} s")
    print(f"machine load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
