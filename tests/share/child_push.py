"""Child process for the kill, disk-full and many-laptops tests.

Pushes packages ``fu-<start>`` .. ``fu-<start+count-1>`` one at a time with
the real file system and prints ``ACK <name> <sha256>`` after each publish
returned (flushed at once, so the parent sees every acknowledgement before a
kill). Errors print ``ERR <message>``.

    python -m tests.share.child_push SHARE KEYFILE START COUNT PDF_SIZE [batch]

PDF_SIZE 0 means "depends on the follow-up number" (helpers.sized_item).
With "batch" the packages go through ``push_all`` (temps, one flush per
batch, links) in runs of 8, acknowledged when each run has returned, which
is when the DB layer records them.
It does not clean stale temps: the parent checks the next push does.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from app.services.share.errors import ShareError
from app.services.share.layout import Share
from app.services.share.package import build_package, package_name
from app.services.share.publish import publish_package
from app.services.share.signing import SigningKey, publish_public_key
from app.services.share.sync_runner import PushItem, push_all
from tests.share.helpers import item, load_key, sized_item


def main(argv: list[str]) -> int:
    root, key_file, start, count, pdf_size = argv[:5]
    key = load_key(Path(key_file))
    share = Share(Path(root))
    publish_public_key(share, key)
    print("READY", flush=True)  # imports done: the parent times its kill from here
    numbers = range(int(start), int(start) + int(count))
    if argv[5:] == ["batch"]:
        return _push_in_runs(share, key, [_item(n, key.device_id, int(pdf_size)) for n in numbers])
    for n in numbers:
        push = _item(n, key.device_id, int(pdf_size))
        data = build_package(push.meta, push.members, key)  # type: ignore[arg-type]
        name = package_name(push.meta, hashlib.sha256(data).hexdigest())
        try:
            result = publish_package(share, key.device_id, name, data)
        except ShareError as exc:
            print(f"ERR {exc}", flush=True)
            return 3
        print(f"ACK {result.name} {result.status}", flush=True)
    return 0


def _item(n: int, device: str, pdf_size: int) -> PushItem:
    return item(n, device, pdf_size) if pdf_size else sized_item(n, device)


def _push_in_runs(share: Share, key: SigningKey, items: list[PushItem]) -> int:
    for first in range(0, len(items), 8):
        summary = push_all(share, key.device_id, key, items[first:first + 8], workers=2)
        for outcome in summary.results:
            if outcome.result is not None:
                print(f"ACK {outcome.result.name} {outcome.result.status}", flush=True)
        if summary.errors:
            print(f"ERR {summary.errors[0]}", flush=True)
            return 3
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
