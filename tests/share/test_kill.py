"""SIGKILL a pushing process at random moments, many times.

The child (tests/share/child_push.py) publishes packages one by one and
prints ``ACK <name>`` after each publish returned. After every kill: nothing
under a final name fails verification, and every acknowledged package is on
the share and verifies. At the end a normal push completes, sends each
package exactly once and removes the temp files the killed children left.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.services.share.layout import Share
from app.services.share.package import read_package
from app.services.share.signing import SigningKey, TrustedKey
from app.services.share.sync_runner import push_all
from tests.share.helpers import save_key, sized_item

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 32
PER_ROUND = 40


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")
@pytest.mark.parametrize("mode", ["one-by-one", "batch"])
def test_sigkill_at_random_moments_never_leaves_a_bad_package(tmp_path: Path, mode: str) -> None:
    """one-by-one: publish_package per package (fsync each); batch: push_all
    (temps, one flush per batch, links), acknowledged per returned run."""
    key = SigningKey.generate("laptop-a")
    key_file = tmp_path / "key.json"
    save_key(key, key_file)
    share = Share(tmp_path / "share")
    share.init(create_root=True)
    trusted = {key.key_id: TrustedKey(key.device_id, key.key_id, key.public)}
    outbox = share.outbox_dir("laptop-a")
    extra = ["batch"] if mode == "batch" else []
    # Kill within the time a whole child run takes on this machine, so the
    # kills land mid-push however fast the push (or slow the machine) is.
    window = _run_time(tmp_path / "calibration", key_file, extra)
    rng = random.Random(20260124)
    acked: set[str] = set()
    killed_with_temp = 0
    temps_before: set[str] = set()
    for round_no in range(ROUNDS):
        start = round_no * PER_ROUND // 2  # overlapping ranges: resends are exercised too
        child = _start_child(share.root, key_file, start, extra)
        assert child.stdout is not None
        first_line = child.stdout.readline()  # "READY": start-up time does not eat the window
        time.sleep(rng.uniform(0.0, window))
        child.send_signal(signal.SIGKILL)
        out, err = child.communicate()
        out = first_line + out
        assert "Traceback" not in err, err
        for line in out.splitlines():
            if line.startswith("ACK "):
                acked.add(line.split()[1])
        present = set(os.listdir(outbox)) if outbox.exists() else set()
        for name in present:
            read_package(outbox / name, trusted)  # never a half package under a final name
        missing = acked - present
        assert not missing, f"round {round_no}: acknowledged but missing {missing}"
        tmp = share.tmp_dir("laptop-a")
        temps_now = set(os.listdir(tmp)) if tmp.exists() else set()
        # Temp names are unique per attempt: a new one is a kill that landed mid-copy.
        killed_with_temp += bool(temps_now - temps_before)
        temps_before = temps_now
    assert acked, "no child ever acknowledged a package: the timing never let one finish"
    assert killed_with_temp > 0, "no kill ever landed mid-copy; the test proved nothing"

    last_child_end = (ROUNDS - 1) * PER_ROUND // 2 + PER_ROUND
    everything = [sized_item(n) for n in range(last_child_end)]
    summary = push_all(share, "laptop-a", key, everything)
    assert summary.errors == [] and summary.conflicts == 0
    assert summary.pushed + summary.already_there == len(everything)
    assert summary.already_there >= len(acked)
    assert summary.stale_temps_removed == len(temps_before)
    # push_all cleans stale temps when it starts, so in batch mode each child
    # removed its predecessors' and the last one may have left none.
    assert temps_before or mode == "batch"
    assert os.listdir(share.tmp_dir("laptop-a")) == []
    present = sorted(os.listdir(outbox))
    for name in present:
        read_package(outbox / name, trusted)
    # Exactly once: one package per follow-up, nothing duplicated by the resends.
    assert len(present) == len(everything)
    assert len({n.split(".")[0] for n in present}) == len(present)


def _start_child(share_root: Path, key_file: Path, start: int,
                 extra: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.share.child_push", str(share_root), str(key_file),
         str(start), str(PER_ROUND), "0", *extra],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def _run_time(share_root: Path, key_file: Path, extra: list[str]) -> float:
    """Seconds from a child's READY to its exit after a whole run, on a share
    of its own (the median of three)."""
    Share(share_root).init(create_root=True)
    times = []
    for _ in range(3):
        child = _start_child(share_root, key_file, 0, extra)
        assert child.stdout is not None
        assert child.stdout.readline().startswith("READY")
        began = time.perf_counter()
        _out, err = child.communicate()
        assert child.returncode == 0, err
        times.append(time.perf_counter() - began)
        shutil.rmtree(share_root)
        Share(share_root).init(create_root=True)
    return sorted(times)[1]
