"""Runs inside ``unshare -m`` (a private mount namespace, root only) for the
disk-full and unmount tests; prints one JSON line with what it saw.

    python -m tests.share.child_mounts WORKDIR full|unmount
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from app.services.share.layout import Share
from app.services.share.package import read_package
from app.services.share.signing import SigningKey, TrustedKey
from app.services.share.sync_runner import push_all
from tests.share.helpers import item


def _mount(*args: str) -> None:
    subprocess.run(["mount", *args], check=True)


def _verify(share: Share, trusted: dict[str, TrustedKey]) -> dict[str, object]:
    outbox = share.outbox_dir("laptop-a")
    names = sorted(os.listdir(outbox)) if outbox.exists() else []
    bad = []
    for name in names:
        try:
            read_package(outbox / name, trusted)
        except Exception as exc:  # noqa: BLE001 - report, the parent asserts
            bad.append(f"{name}: {exc}")
    tmp = share.tmp_dir("laptop-a")
    return {"names": names, "bad": bad, "temps": sorted(os.listdir(tmp)) if tmp.exists() else []}


def main(workdir: Path, scenario: str) -> dict[str, object]:
    key = SigningKey.generate("laptop-a")
    trusted = {key.key_id: TrustedKey(key.device_id, key.key_id, key.public)}
    items = [item(n, "laptop-a", 200_000) for n in range(12)]
    backing, root = workdir / "backing", workdir / "share"
    backing.mkdir()
    root.mkdir()
    # Small tmpfs: the marker, keys and a few packages fit, 12 x 200 kB do not.
    _mount("-t", "tmpfs", "-o", "size=1m" if scenario == "full" else "size=16m", "tmpfs",
           str(backing))
    (backing / "share").mkdir()
    _mount("--bind", str(backing / "share"), str(root))
    share = Share(root)
    share.init(create_root=False)
    report: dict[str, object] = {"root": str(root)}
    if scenario == "full":
        first = push_all(share, "laptop-a", key, items, workers=2)
        report["first"] = {"pushed": first.pushed, "errors": first.errors}
        report["after_first"] = _verify(share, trusted)
        _mount("-o", "remount,size=16m", str(backing))
    else:
        first = push_all(share, "laptop-a", key, items[:5])
        subprocess.run(["umount", "-l", str(root)], check=True)  # the server goes away
        second = push_all(Share(root), "laptop-a", key, items)
        report["first"] = {"pushed": first.pushed, "errors": first.errors}
        report["while_unmounted"] = {"pushed": second.pushed, "errors": second.errors,
                                     "root_entries": os.listdir(root)}
        _mount("--bind", str(backing / "share"), str(root))  # back on the network
        report["after_first"] = _verify(share, trusted)
    final = push_all(Share(root), "laptop-a", key, items)
    report["final"] = {"pushed": final.pushed, "already_there": final.already_there,
                       "errors": final.errors}
    report["after_final"] = _verify(share, trusted)
    return report


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]), sys.argv[2]), ensure_ascii=False))
