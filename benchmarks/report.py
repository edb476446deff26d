"""Report rendering speed against the peer: LibreOffice exporting the same report from Word.

Officers today fill a Word template and export it to PDF. The peer is that
export done by machine: the same content built as a .docx (python-docx, see
report_docx.py) and converted with ``soffice --headless --convert-to pdf``
(Debian: apt-get install libreoffice-writer-nogui). All figures come from one
run, so the ratios compare like with like on this machine.

Targets: one 70-question report in-process <= 80 ms median; one report as a
fresh process >= 5x faster than LibreOffice converting one .docx; a batch of
200 reports >= 20x faster per document than LibreOffice per document; peak
memory <= 300 MB. "LibreOffice per document" is printed two ways: one soffice
call per document (how an officer exports, one report at a time; the ratio the
target is checked against) and all 200 .docx files in one soffice call
(LibreOffice's best case, shown for honesty).

    .venv/bin/python benchmarks/report.py [--batch 200] [--runs 30] [--no-peer]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.templates.report import render_report_bytes  # noqa: E402
from app.templates.report.sample import sample_report_data  # noqa: E402

# A fresh process rendering one report to a file: what a CLI call costs.
# (Stand-in for the real CLI sub-command until it exists.)
ONE_REPORT = (
    "import sys; from pathlib import Path;"
    "from app.templates.report import build_report;"
    "from app.templates.report.sample import sample_report_data;"
    "build_report(sample_report_data(n_questions=70, seed=1), Path(sys.argv[1]))"
)
# A fresh process rendering a batch; prints its peak resident memory (kB on Linux).
BATCH = (
    "import resource, sys; from pathlib import Path;"
    "from app.templates.report import build_report;"
    "from app.templates.report.sample import sample_report_data;"
    "out = Path(sys.argv[1]); n = int(sys.argv[2]);"
    "[build_report(sample_report_data(n_questions=70, seed=i), out / f'r{i:03d}.pdf')"
    " for i in range(n)];"
    "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
)


def timed(args: list[str], cwd: Path = ROOT) -> tuple[float, str]:
    start = time.perf_counter()
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=True)
    return time.perf_counter() - start, result.stdout


def bench_in_process(runs: int) -> tuple[float, float]:
    """Median wall time and median CPU time of one render (CPU time shows the work
    itself when other processes compete for the machine)."""
    data = sample_report_data(n_questions=70, seed=1)
    render_report_bytes(data)  # fonts loaded, imports warm
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        render_report_bytes(data)
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def bench_one_process(runs: int, work: Path) -> float:
    timed([sys.executable, "-c", ONE_REPORT, str(work / "warm.pdf")])
    return statistics.median(
        timed([sys.executable, "-c", ONE_REPORT, str(work / f"one{i}.pdf")])[0]
        for i in range(runs))


def bench_batch(n: int, work: Path) -> tuple[float, int]:
    out = work / "ours"
    out.mkdir()
    seconds, stdout = timed([sys.executable, "-c", BATCH, str(out), str(n)])
    assert len(list(out.glob("*.pdf"))) == n
    return seconds, int(stdout.strip().splitlines()[-1])


class LibreOffice:
    def __init__(self, soffice: str, work: Path) -> None:
        self.soffice = soffice
        # A private profile, created before timing so first-start cost is not counted.
        self.profile = (work / "lo-profile").as_uri()
        self.work = work

    def convert(self, files: list[Path], outdir: Path) -> float:
        outdir.mkdir(exist_ok=True)
        seconds, _ = timed([self.soffice, f"-env:UserInstallation={self.profile}", "--headless",
                            "--convert-to", "pdf", "--outdir", str(outdir),
                            *map(str, files)], cwd=self.work)
        made = {p.stem for p in outdir.glob("*.pdf")}
        assert {f.stem for f in files} <= made, "LibreOffice did not convert every file"
        return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--runs", type=int, default=30, help="in-process repetitions")
    parser.add_argument("--process-runs", type=int, default=7)
    parser.add_argument("--no-peer", action="store_true", help="skip LibreOffice")
    args = parser.parse_args()

    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="report-bench-") as tmp:
        work = Path(tmp)
        print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        wall, cpu = bench_in_process(args.runs)
        results["in_process_median_ms"] = wall * 1000
        results["in_process_cpu_median_ms"] = cpu * 1000
        print(f"in-process, one 70-question report: median {wall * 1000:.1f} ms "
              f"(CPU {cpu * 1000:.1f} ms) (target <= 80)")
        one = bench_one_process(args.process_runs, work)
        results["one_process_median_s"] = one
        print(f"fresh process, one report: median {one * 1000:.0f} ms")
        batch_s, peak_kb = bench_batch(args.batch, work)
        results["batch_per_doc_ms"] = batch_s / args.batch * 1000
        results["peak_mb"] = peak_kb / 1024
        print(f"batch of {args.batch}: {batch_s:.1f} s, {results['batch_per_doc_ms']:.1f} ms "
              f"per report, peak memory {results['peak_mb']:.0f} MB (target <= 300)")

        soffice = shutil.which("soffice")
        if args.no_peer or soffice is None:
            if soffice is None:
                print("peer skipped: soffice not found (apt-get install libreoffice-writer-nogui)")
            print(json.dumps(results))
            return 0
        from benchmarks.report_docx import build_docx

        docx_dir = work / "docx"
        docx_dir.mkdir()
        files = []
        for i in range(args.batch):
            path = docx_dir / f"r{i:03d}.docx"
            build_docx(sample_report_data(n_questions=70, seed=i), path)
            files.append(path)
        lo = LibreOffice(soffice, work)
        lo.convert(files[:1], work / "lo-warm")
        lo_one = statistics.median(lo.convert(files[:1], work / f"lo-one{i}")
                                   for i in range(max(3, args.process_runs // 2)))
        results["peer_one_process_median_s"] = lo_one
        results["ratio_one_process"] = lo_one / one
        print(f"LibreOffice, one .docx: median {lo_one * 1000:.0f} ms -> ours "
              f"{results['ratio_one_process']:.1f}x faster (target >= 5)")
        results["ratio_batch"] = lo_one * 1000 / results["batch_per_doc_ms"]
        print(f"batch vs LibreOffice one call per document ({lo_one * 1000:.0f} ms each): ours "
              f"{results['ratio_batch']:.1f}x faster per document (target >= 20)")
        lo_batch = lo.convert(files, work / "lo-batch")
        results["peer_batch_one_call_per_doc_ms"] = lo_batch / args.batch * 1000
        results["ratio_batch_vs_one_call"] = (results["peer_batch_one_call_per_doc_ms"]
                                              / results["batch_per_doc_ms"])
        print(f"LibreOffice, {args.batch} .docx in one call: {lo_batch:.1f} s, "
              f"{results['peer_batch_one_call_per_doc_ms']:.0f} ms per document -> ours "
              f"{results['ratio_batch_vs_one_call']:.1f}x faster (its best case)")
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
