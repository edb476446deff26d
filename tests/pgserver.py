"""A throw-away PostgreSQL cluster for tests, started by the test run itself.

The cluster lives in a temp folder and listens only on a Unix socket there.
PostgreSQL refuses to run as root, so when the tests run as root (as in CI)
the server runs as the ``postgres`` system user that Debian's package creates.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def find_pg_bin() -> Path | None:
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).resolve().parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(candidates[-1]).parent if candidates else None


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


@contextmanager
def temporary_postgres() -> Iterator[str]:
    """Yield an SQLAlchemy URL to a fresh, empty database; remove it all after."""
    bin_dir = find_pg_bin()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL is not installed (Debian package postgresql)")
    root = Path(tempfile.mkdtemp(prefix="uppf-pg-"))
    data, sock = root / "data", root / "sock"
    sock.mkdir()
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(sock, "postgres")
        os.chmod(root, 0o755)
    try:
        subprocess.run(_as_server_user([str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres",
                                        "--auth=trust", "-E", "UTF8", "--locale=C"]),
                       check=True, capture_output=True)
        subprocess.run(_as_server_user([
            str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(root / "log.txt"), "-w", "start",
            "-o", f"-k {sock} -c listen_addresses='' -c fsync=off -p 54329"]),
            check=True, capture_output=True)
        subprocess.run(_as_server_user([str(bin_dir / "createdb"), "-h", str(sock), "-p", "54329",
                                        "-U", "postgres", "uppfoljaren"]),
                       check=True, capture_output=True)
        yield f"postgresql+psycopg://postgres@/uppfoljaren?host={sock}&port=54329"
    finally:
        subprocess.run(_as_server_user([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast",
                                        "stop"]), capture_output=True)
        shutil.rmtree(root, ignore_errors=True)
