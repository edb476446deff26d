"""Real file-system faults in a private mount namespace (root only):
a small tmpfs as a full share, and a share unmounted in the middle of work.
Elsewhere these are skipped with the reason; FaultyFileSystem covers the
same errors at the sync code's file-system layer in test_faults.py."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run_in_namespace(tmp_path: Path, scenario: str) -> dict:  # type: ignore[type-arg]
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("needs root for unshare -m and mount -t tmpfs")
    if shutil.which("unshare") is None:
        pytest.skip("unshare (util-linux) is not installed")
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"unshare -m is not permitted here: {probe.stderr.decode().strip()}")
    done = subprocess.run(
        ["unshare", "-m", sys.executable, "-m", "tests.share.child_mounts", str(tmp_path),
         scenario],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_disk_full_on_share(tmp_path: Path) -> None:
    report = _run_in_namespace(tmp_path, "full")
    first = report["first"]
    assert first["pushed"] < 12 and first["errors"], first
    assert any("är full" in e and report["root"] in e for e in first["errors"]), first["errors"]
    after = report["after_first"]
    assert after["bad"] == [] and after["temps"] == []  # nothing partial anywhere
    assert len(after["names"]) == first["pushed"]
    final = report["final"]
    assert final["errors"] == [] and final["pushed"] + final["already_there"] == 12
    assert report["after_final"]["bad"] == [] and len(report["after_final"]["names"]) == 12


def test_share_unmounted_mid_work(tmp_path: Path) -> None:
    report = _run_in_namespace(tmp_path, "unmount")
    assert report["first"]["pushed"] == 5 and report["first"]["errors"] == []
    unmounted = report["while_unmounted"]
    assert unmounted["pushed"] == 0 and len(unmounted["errors"]) == 1
    assert "ansluten" in unmounted["errors"][0] and report["root"] in unmounted["errors"][0]
    assert unmounted["root_entries"] == []  # nothing was written onto the bare mount point
    assert report["after_first"]["bad"] == [] and len(report["after_first"]["names"]) == 5
    final = report["final"]
    assert final["errors"] == [] and final["pushed"] == 7 and final["already_there"] == 5
    assert report["after_final"]["bad"] == [] and len(report["after_final"]["names"]) == 12
