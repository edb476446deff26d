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
import resource
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
# A fresh process rendering a batch; prints its peak resident memory in kB. VmHWM,
# not ru_maxrss: on Linux ru_maxrss survives exec, so a child would report the
# benchmark's own peak (it holds the 200 .docx builds) instead of its own.
BATCH = (
    "import sys; from pathlib import Path;"
    "from app.templates.report import build_report;"
    "from app.templates.report.sample import sample_report_data;"
    "out = Path(sys.argv[1]); n = int(sys.argv[2]);"
    "[build_report(sample_report_data(n_questions=70, seed=i), out / f'r{i:03d}.pdf')"
    " for i in range(n)];"
    "print(next(int(line.split()[1]) for line in open('/proc/self/status')"
    " if line.startswith('VmHWM')))"
)


def timed(args: list[str], cwd: Path = ROOT) -> tuple[float, float, str]:
    """Wall time and CPU time (user + system, children included) of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, result.stdout


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


class LibreOffice:
    def __init__(self, soffice: str, work: Path) -> None:
        self.soffice = soffice
        # A private profile, created before timing so first-start cost is not counted.
        self.profile = (work / "lo-profile").as_uri()
        self.work = work

    def convert(self, files: list[Path], outdir: Path) -> tuple[float, float]:
        outdir.mkdir(exist_ok=True)
        wall, cpu, _ = timed([self.soffice, f"-env:UserInstallation={self.profile}",
                              "--headless", "--convert-to", "pdf", "--outdir", str(outdir),
                              *map(str, files)], cwd=self.work)
        made = {p.stem for p in outdir.glob("*.pdf")}
        assert {f.stem for f in files} <= made, "LibreOffice did not convert every file"
        return wall, cpu


def _median_pair(pairs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--runs", type=int, default=30, help="in-process repetitions")
    parser.add_argument("--process-runs", type=int, default=7)
    parser.add_argument("--no-peer", action="store_true", help="skip LibreOffice")
    args = parser.parse_args()
    soffice = None if args.no_peer else shutil.which("soffice")
    if not args.no_peer and soffice is None:
        print("peer skipped: soffice not found (apt-get install libreoffice-writer-nogui)")

    r: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="report-bench-") as tmp:
        work = Path(tmp)
        print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        wall, cpu = bench_in_process(args.runs)
        r["in_process_ms"], r["in_process_cpu_ms"] = wall * 1000, cpu * 1000
        print(f"in-process, one 70-question report: median {wall * 1000:.1f} ms "
              f"(CPU {cpu * 1000:.1f} ms); target <= 80 ms")

        lo = None
        files: list[Path] = []
        if soffice:
            from benchmarks.report_docx import build_docx

            (work / "docx").mkdir()
            for i in range(args.batch):
                files.append(work / "docx" / f"r{i:03d}.docx")
                build_docx(sample_report_data(n_questions=70, seed=i), files[-1])
            lo = LibreOffice(soffice, work)
            lo.convert(files[:1], work / "lo-warm")

        # One report, fresh process each; ours and the peer alternate so that load
        # from elsewhere on the machine falls on both alike.
        ours_one, peer_one = [], []
        timed([sys.executable, "-c", ONE_REPORT, str(work / "warm.pdf")])
        for i in range(args.process_runs):
            ours_one.append(timed([sys.executable, "-c", ONE_REPORT, str(work / f"o{i}.pdf")])[:2])
            if lo:
                peer_one.append(lo.convert(files[:1], work / f"lo-one{i}"))
        wall, cpu = _median_pair(ours_one)
        r["one_process_ms"], r["one_process_cpu_ms"] = wall * 1000, cpu * 1000
        print(f"fresh process, one report: median {wall * 1000:.0f} ms (CPU {cpu * 1000:.0f} ms)")
        if lo:
            lo_wall, lo_cpu = _median_pair(peer_one)
            r["peer_one_ms"], r["peer_one_cpu_ms"] = lo_wall * 1000, lo_cpu * 1000
            r["ratio_one"], r["ratio_one_cpu"] = lo_wall / wall, lo_cpu / cpu
            print(f"LibreOffice, one .docx: median {lo_wall * 1000:.0f} ms (CPU "
                  f"{lo_cpu * 1000:.0f} ms) -> ours {r['ratio_one']:.1f}x faster "
                  f"({r['ratio_one_cpu']:.1f}x in CPU time); target >= 5x")

        out = work / "ours"
        out.mkdir()
        wall, cpu, stdout = timed([sys.executable, "-c", BATCH, str(out), str(args.batch)])
        assert len(list(out.glob("*.pdf"))) == args.batch
        r["batch_per_doc_ms"] = wall / args.batch * 1000
        r["batch_per_doc_cpu_ms"] = cpu / args.batch * 1000
        r["peak_mb"] = int(stdout.strip().splitlines()[-1]) / 1024
        print(f"batch of {args.batch}: {wall:.1f} s, {r['batch_per_doc_ms']:.1f} ms per report "
              f"(CPU {r['batch_per_doc_cpu_ms']:.1f} ms), peak memory {r['peak_mb']:.0f} MB; "
              "target <= 300 MB")
        if lo:
            r["ratio_batch"] = r["peer_one_ms"] / r["batch_per_doc_ms"]
            r["ratio_batch_cpu"] = r["peer_one_cpu_ms"] / r["batch_per_doc_cpu_ms"]
            print(f"batch vs LibreOffice per document, one soffice call each: ours "
                  f"{r['ratio_batch']:.1f}x faster ({r['ratio_batch_cpu']:.1f}x in CPU time); "
                  "target >= 20x")
            lo_wall, lo_cpu = lo.convert(files, work / "lo-batch")
            r["peer_batch_per_doc_ms"] = lo_wall / args.batch * 1000
            r["peer_batch_per_doc_cpu_ms"] = lo_cpu / args.batch * 1000
            r["ratio_batch_one_call"] = r["peer_batch_per_doc_ms"] / r["batch_per_doc_ms"]
            r["ratio_batch_one_call_cpu"] = (r["peer_batch_per_doc_cpu_ms"]
                                             / r["batch_per_doc_cpu_ms"])
            print(f"LibreOffice, all {args.batch} .docx in one soffice call (its best case): "
                  f"{r['peer_batch_per_doc_ms']:.0f} ms per document -> ours "
                  f"{r['ratio_batch_one_call']:.1f}x faster "
                  f"({r['ratio_batch_one_call_cpu']:.1f}x in CPU time)")
    print(json.dumps({k: round(v, 2) for k, v in r.items()}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
