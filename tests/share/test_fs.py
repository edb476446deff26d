from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from app.services.share.errors import (
    ShareBusyError,
    ShareFullError,
    ShareIOError,
    SharePermissionError,
    ShareUnavailableError,
    translate_os_error,
)
from app.services.share.fs import FileSystem, process_alive
from tests.share.faults import make_error


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("ENOSPC", ShareFullError), ("EIO", ShareIOError), ("EACCES", SharePermissionError),
        ("ENOTCONN", ShareUnavailableError), ("ESTALE", ShareUnavailableError),
        ("WIN32", ShareBusyError), ("WIN53", ShareUnavailableError),
        ("WIN64", ShareUnavailableError), ("WIN112", ShareFullError),
        ("WIN5", SharePermissionError),
    ],
)
def test_os_errors_map_to_swedish_share_errors(kind: str, expected: type) -> None:
    error = translate_os_error(make_error(kind), Path("Z:/uppf/devices/x/outbox/a.pkg"), "skriva")
    assert type(error) is expected
    assert "Z:/uppf/devices/x/outbox/a.pkg" in str(error)
    assert error.path == Path("Z:/uppf/devices/x/outbox/a.pkg")


def test_link_never_replaces(tmp_path: Path) -> None:
    fs = FileSystem()
    (tmp_path / "a").write_bytes(b"new")
    (tmp_path / "b").write_bytes(b"old")
    with pytest.raises(FileExistsError):
        fs.link(tmp_path / "a", tmp_path / "b")
    assert (tmp_path / "b").read_bytes() == b"old"


@pytest.mark.parametrize("code", [errno.EPERM, errno.EOPNOTSUPP, errno.EXDEV])
def test_link_falls_back_where_hard_links_are_unsupported(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    def no_links(src: object, dst: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "link", no_links)
    fs = FileSystem()
    (tmp_path / "a").write_bytes(b"new")
    fs.link(tmp_path / "a", tmp_path / "final")
    assert (tmp_path / "final").read_bytes() == b"new"
    (tmp_path / "c").write_bytes(b"other")
    with pytest.raises(FileExistsError):
        fs.link(tmp_path / "c", tmp_path / "final")  # the fallback still never replaces
    assert (tmp_path / "final").read_bytes() == b"new"


def test_link_permission_error_is_not_hidden_by_the_fallback(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def denied(src: object, dst: object) -> None:
        raise PermissionError(errno.EACCES, "denied")

    monkeypatch.setattr(os, "link", denied)
    (tmp_path / "a").write_bytes(b"x")
    with pytest.raises(PermissionError):
        FileSystem().link(tmp_path / "a", tmp_path / "final")
    assert not (tmp_path / "final").exists()


def test_read_bytes_is_capped(tmp_path: Path) -> None:
    (tmp_path / "big").write_bytes(b"x" * 1000)
    assert len(FileSystem().read_bytes(tmp_path / "big", 10)) == 11


def test_process_alive() -> None:
    assert process_alive(os.getpid())
    assert not process_alive(0)
    assert not process_alive(999_999_999)


def test_read_bytes_with_a_huge_cap_reads_the_file(tmp_path: Path) -> None:
    # read(n) allocates n bytes first: a cap like 1 TiB must not be allocated.
    (tmp_path / "small").write_bytes(b"abc")
    assert FileSystem().read_bytes(tmp_path / "small", 1 << 40) == b"abc"
    assert FileSystem().read_bytes(tmp_path / "small", 3) == b"abc"
    assert FileSystem().read_bytes(tmp_path / "small", 2) == b"abc"
