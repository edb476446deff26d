"""Many laptops at once: 8 processes push to one share at the same time.

Four laptops, two processes each (a laptop running a second sync while the
first is still going): the pair pushes overlapping ranges into the same
outbox, so the no-replace link races for the same names. Every package must
arrive exactly once and verify.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app.services.share.catalog import revision_conflicts, scan_outboxes
from app.services.share.layout import Share
from app.services.share.package import read_package
from app.services.share.signing import SigningKey, load_trusted_keys
from tests.share.helpers import item, save_key

ROOT = Path(__file__).resolve().parents[2]
DEVICES = 4
PER_PROCESS = 30
OVERLAP_SHIFT = 10


def _shift(device: int) -> int:
    """Even laptops: both processes push the very same names at the same time
    (the link race); odd laptops: partly overlapping ranges."""
    return 0 if device % 2 == 0 else OVERLAP_SHIFT


def test_eight_processes_push_to_one_share(tmp_path: Path) -> None:
    share = Share(tmp_path / "share")
    share.init(create_root=True)
    keys = [SigningKey.generate(f"laptop-{d}") for d in range(DEVICES)]
    children = []
    for d, key in enumerate(keys):
        key_file = tmp_path / f"key-{d}.json"
        save_key(key, key_file)
        for p in range(2):
            start = d * 1000 + p * _shift(d)
            # One process per laptop publishes one by one, the other through
            # push_all's batches: both protocols race for the same names.
            children.append(subprocess.Popen(
                [sys.executable, "-m", "tests.share.child_push", str(share.root), str(key_file),
                 str(start), str(PER_PROCESS), "30000"] + (["batch"] if p == 1 else []),
                cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            ))
    assert len(children) >= 8
    statuses: list[str] = []
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        statuses += [line.split()[2] for line in out.splitlines() if line.startswith("ACK ")]
    assert len(statuses) == len(children) * PER_PROCESS
    assert set(statuses) <= {"pushed", "already_there"}

    trusted = load_trusted_keys(share)
    assert set(trusted) == {k.key_id for k in keys}
    refs = scan_outboxes(share)
    for d, key in enumerate(keys):
        expected = {item(n, key.device_id, 30000).meta.followup_id
                    for n in range(d * 1000, d * 1000 + _shift(d) + PER_PROCESS)}
        mine = [r for r in refs if r.device_id == key.device_id]
        assert sorted(r.parsed.followup_id for r in mine) == sorted(expected)  # exactly once
        for ref in mine:
            package = read_package(ref.path, trusted)
            assert package.meta.device_id == key.device_id
        assert os.listdir(share.tmp_dir(key.device_id)) == []
    assert revision_conflicts(refs) == {}
    assert statuses.count("pushed") == len(refs)
