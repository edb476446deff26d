"""Start time of the packaged app against the source tree, and the bundle's size.

Runs, alternating, several times each (after one warm-up run of each):
  - ``uppfoljaren --version``: the bundle (dist/uppfoljaren/uppfoljaren) and the source
    tree (this Python, ``-m app``): interpreter + imports + argument parsing;
  - the GUI started offscreen on an existing demo database and quit by itself as soon as
    its event loop runs (UPPFOLJAREN_QUIT_AFTER_MS=1): whole process, start to exit.
Prints medians, the bundle/source ratios (target: at most 1.5) and the bundle's size
unpacked and as .tar.gz (target: at most 250 MB unpacked).

    scripts/build && .venv/bin/python benchmarks/bundle_start.py [--runs 9]
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
BUNDLE = ROOT / "dist" / "uppfoljaren" / "uppfoljaren"


CRASHES: list[str] = []


def timed(command: list[str], env: dict[str, str], cwd: Path) -> float:
    """Wall time of one run. A run that dies by a signal (seen: a crash when the GUI quits
    while its start-up worker still runs) is noted and retried, at most twice."""
    for _attempt in range(3):
        start = time.perf_counter()
        result = subprocess.run(command, env=env, cwd=cwd, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, text=True, timeout=300)
        elapsed = time.perf_counter() - start
        if result.returncode == 0:
            return elapsed
        if result.returncode > 0:
            break
        CRASHES.append(f"{' '.join(command[-2:])}: signal {-result.returncode}")
    raise SystemExit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr[-2000:]}")


def folder_size(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if not BUNDLE.is_file():
        print(f"{BUNDLE} saknas: kör scripts/build först.", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
        env.update(QT_QPA_PLATFORM="offscreen", HOME=str(work / "home"),
                   UPPFOLJAREN_DATA_DIR=str(work / "data"))
        source_env = dict(env, PYTHONPATH=str(ROOT))
        subprocess.run([str(BUNDLE), "demo"], env=env, cwd=work, check=True, stdout=subprocess.DEVNULL)
        gui_env = dict(env, UPPFOLJAREN_QUIT_AFTER_MS="1")
        gui_source_env = dict(source_env, UPPFOLJAREN_QUIT_AFTER_MS="1")
        cases = {
            ("version", "bundle"): ([str(BUNDLE), "--version"], env),
            ("version", "source"): ([sys.executable, "-m", "app", "--version"], source_env),
            ("gui", "bundle"): ([str(BUNDLE)], gui_env),
            ("gui", "source"): ([sys.executable, "-m", "app"], gui_source_env),
        }
        for command, case_env in cases.values():  # warm the page cache for both
            timed(command, case_env, work)
        times: dict[tuple[str, str], list[float]] = {key: [] for key in cases}
        for _ in range(args.runs):
            for key, (command, case_env) in cases.items():
                times[key].append(timed(command, case_env, work))

    print(f"start time, median of {args.runs} runs (offscreen):")
    for what, label in (("version", "--version"), ("gui", "GUI start to quit")):
        bundle = statistics.median(times[(what, "bundle")])
        source = statistics.median(times[(what, "source")])
        verdict = "ok" if bundle <= 1.5 * source else "OVER 1.5x"
        print(f"  {label:18} bundle {bundle:6.3f} s   source tree {source:6.3f} s   "
              f"ratio {bundle / source:4.2f} ({verdict})")
    if CRASHES:
        print(f"runs that crashed and were repeated: {len(CRASHES)} ({'; '.join(CRASHES[:5])})")
    size = folder_size(BUNDLE.parent)
    print(f"bundle size: {size / 1e6:.1f} MB unpacked "
          f"({'ok' if size <= 250e6 else 'OVER 250 MB'})")
    for tarball in sorted((ROOT / "dist").glob("uppfoljaren-*-linux-*.tar.gz")):
        print(f"  {tarball.name}: {tarball.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
