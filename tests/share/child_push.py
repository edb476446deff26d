"""Child process for the kill, disk-full and many-laptops tests.

Pushes packages ``fu-<start>`` .. ``fu-<start+count-1>`` one at a time with
the real file system and prints ``ACK <name> <sha256>`` after each publish
returned (flushed at once, so the parent sees every acknowledgement before a
kill). Errors print ``ERR <message>``.

    python -m tests.share.child_push SHARE KEYFILE START COUNT PDF_SIZE

PDF_SIZE 0 means "depends on the follow-up number" (helpers.sized_item).
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
from app.services.share.signing import publish_public_key
from tests.share.helpers import item, load_key, sized_item


def main(argv: list[str]) -> int:
    root, key_file, start, count, pdf_size = argv[:5]
    key = load_key(Path(key_file))
    share = Share(Path(root))
    publish_public_key(share, key)
    print("READY", flush=True)  # imports done: the parent times its kill from here
    for n in range(int(start), int(start) + int(count)):
        push = item(n, key.device_id, int(pdf_size)) if int(pdf_size) else sized_item(n, key.device_id)
        data = build_package(push.meta, push.members, key)  # type: ignore[arg-type]
        name = package_name(push.meta, hashlib.sha256(data).hexdigest())
        try:
            result = publish_package(share, key.device_id, name, data)
        except ShareError as exc:
            print(f"ERR {exc}", flush=True)
            return 3
        print(f"ACK {result.name} {result.status}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
