"""Template load speed: read, parse and validate the shipped main template.

Times ``load_template_file`` on uppfoljningsmall-2027.1.yaml (read the file,
compose YAML with line numbers, check every rule, build the TemplateDef);
the target is a median <= 50 ms. For context it also times the peer step a
visit takes when it opens a pinned version from the database
(``template_from_dict`` of the stored canonical JSON, uncached). Prints
medians (and worst) in milliseconds.

    .venv/bin/python benchmarks/template_load.py [--rounds 31]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.services.template_format import load_template_file, shipped_template_files  # noqa: E402
from app.services.templates import canonical_json, template_from_dict  # noqa: E402

TARGET_MS = 50.0


def timed(fn: Callable[[], object], rounds: int) -> list[float]:
    fn()  # warm-up: imports, libyaml, file cache
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=31)
    args = parser.parse_args()
    path = next(p for p in shipped_template_files() if p.name == "uppfoljningsmall-2027.1.yaml")
    template = load_template_file(path)
    questions = len(template.all_questions())
    print(f"{path.name}: {path.stat().st_size // 1024} KiB, {len(template.sections)} areas, "
          f"{questions} questions, {args.rounds} rounds")

    load = timed(lambda: load_template_file(path), args.rounds)
    stored = canonical_json(template)
    from_db = timed(lambda: template_from_dict(json.loads(stored)), args.rounds)

    load_median = statistics.median(load)
    print(f"load+validate YAML:   median {load_median:6.1f} ms  worst {max(load):6.1f} ms  "
          f"(target <= {TARGET_MS:.0f} ms: {'ok' if load_median <= TARGET_MS else 'MISSED'})")
    print(f"stored JSON -> def:   median {statistics.median(from_db):6.1f} ms  "
          f"worst {max(from_db):6.1f} ms")
    print(f"ratio YAML load / stored JSON: {load_median / statistics.median(from_db):.1f}x")


if __name__ == "__main__":
    main()
