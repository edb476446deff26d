"""Child process that SIGKILLs itself at one exact step of the batch protocol.

    python -m tests.share.child_batch SHARE KEYFILE COUNT STEP

STEP is "before-flush" (all temps written, nothing flushed), "after-flush"
(flushed, no final name yet) or "after-first-link" (one package published,
the rest of the batch still under temp names). Prints nothing: the parent
only checks what is left on the share.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from app.services.share.fs import FileSystem
from app.services.share.layout import Share
from app.services.share.sync_runner import push_all
from tests.share.helpers import item, load_key


class DyingFileSystem(FileSystem):
    def __init__(self, step: str) -> None:
        self.step = step

    def flush_all(self, handle: int) -> None:
        if self.step == "before-flush":
            os.kill(os.getpid(), signal.SIGKILL)
        if self._real(handle):
            super().flush_all(handle)
        else:
            os.sync()
        if self.step == "after-flush":
            os.kill(os.getpid(), signal.SIGKILL)

    def open_flush_handle(self, folder: Path) -> int | None:
        handle = super().open_flush_handle(folder)
        if handle is None:  # a CI file system without syncfs: emulate with os.sync
            handle = os.open(folder, os.O_RDONLY)
            self.emulated = handle
        return handle

    def _real(self, handle: int) -> bool:
        return getattr(self, "emulated", None) != handle

    def link(self, source: Path, target: Path) -> None:
        super().link(source, target)
        if self.step == "after-first-link" and target.parent.name == "outbox":
            os.kill(os.getpid(), signal.SIGKILL)


def main(argv: list[str]) -> int:
    root, key_file, count, step = argv[:4]
    key = load_key(Path(key_file))
    share = Share(Path(root), DyingFileSystem(step))
    push_all(share, key.device_id, key, [item(n) for n in range(int(count))], workers=2)
    return 0  # not reached: the file system kills the process


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
