from __future__ import annotations

import os
import stat
from pathlib import Path

import keyring.backend
import keyring.errors
import pytest
from keyring.backends import fail, null

from app.services.share.errors import KeyStorageError
from app.services.share.layout import Share
from app.services.share.signing import (
    FALLBACK_KEY_FILE,
    KEYRING_SERVICE,
    SigningKey,
    load_or_create_key,
    load_trusted_keys,
    public_key_document,
    publish_public_key,
)


class MemoryKeyring(keyring.backend.KeyringBackend):
    """The test backend: a dict, usable (priority 1)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self, fail_on_set: bool = False) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}
        self.fail_on_set = fail_on_set

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        if self.fail_on_set:
            raise keyring.errors.PasswordSetError("locked")
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


def test_key_is_created_once_in_the_keyring(tmp_path: Path) -> None:
    backend = MemoryKeyring()
    first = load_or_create_key("laptop-a", tmp_path, backend)
    assert first.storage == "keyring" and first.created and first.warning is None
    assert (KEYRING_SERVICE, "laptop-a") in backend.store
    second = load_or_create_key("laptop-a", tmp_path, backend)
    assert not second.created and second.key.key_id == first.key.key_id
    assert not (tmp_path / FALLBACK_KEY_FILE).exists()


@pytest.mark.parametrize("backend", [null.Keyring(), fail.Keyring(), MemoryKeyring(True)],
                         ids=["null", "fail", "set-refused"])
def test_fallback_file_with_warning(tmp_path: Path, backend: keyring.backend.KeyringBackend) -> None:
    first = load_or_create_key("laptop-a", tmp_path, backend)
    assert first.storage == "file" and first.created
    assert first.warning is not None and str(tmp_path / FALLBACK_KEY_FILE) in first.warning
    assert "mindre skyddat" in first.warning
    mode = stat.S_IMODE(os.stat(tmp_path / FALLBACK_KEY_FILE).st_mode)
    if os.name == "posix":
        assert mode == 0o600
    again = load_or_create_key("laptop-a", tmp_path, backend)
    assert not again.created and again.key.key_id == first.key.key_id
    other = load_or_create_key("laptop-b", tmp_path, backend)
    assert other.key.key_id != first.key.key_id
    assert load_or_create_key("laptop-a", tmp_path, backend).key.key_id == first.key.key_id


def test_default_backend_in_tests_is_null_and_falls_back(tmp_path: Path) -> None:
    load = load_or_create_key("laptop-a", tmp_path)  # conftest sets the null backend
    assert load.storage == "file" and load.warning


def test_damaged_key_storage_is_an_error_not_a_new_key(tmp_path: Path) -> None:
    backend = MemoryKeyring()
    backend.store[(KEYRING_SERVICE, "laptop-a")] = "not base64!"
    with pytest.raises(KeyStorageError):
        load_or_create_key("laptop-a", tmp_path, backend)
    (tmp_path / FALLBACK_KEY_FILE).write_text("{broken")
    with pytest.raises(KeyStorageError) as caught:
        load_or_create_key("laptop-a", tmp_path, null.Keyring())
    assert str(tmp_path / FALLBACK_KEY_FILE) in str(caught.value)
    assert (tmp_path / FALLBACK_KEY_FILE).read_text() == "{broken"


def test_public_keys_on_the_share(share: Share, key: SigningKey, key_b: SigningKey) -> None:
    path = publish_public_key(share, key)
    assert path == share.keys_dir("laptop-a") / f"{key.key_id}.pub.json"
    assert publish_public_key(share, key) == path  # idempotent
    publish_public_key(share, key_b)
    # Junk and misplaced files are ignored, not trusted.
    (share.keys_dir("laptop-a") / "junk.pub.json").write_text("{}")
    stray = share.root / "keys" / "laptop-c"
    stray.mkdir()
    (stray / f"{key.key_id}.pub.json").write_bytes(public_key_document(key))
    trusted = load_trusted_keys(share)
    assert set(trusted) == {key.key_id, key_b.key_id}
    assert trusted[key.key_id].device_id == "laptop-a"
    signature = key.sign(b"hej")
    assert trusted[key.key_id].verify(signature, b"hej")
    assert not trusted[key_b.key_id].verify(signature, b"hej")


def test_windows_style_backend_is_kept_on_this_machine(tmp_path: Path) -> None:
    class VaultLike(MemoryKeyring):
        persist = "enterprise"  # WinVaultKeyring has a class-level persist descriptor

    backend = VaultLike()
    load_or_create_key("laptop-a", tmp_path, backend)
    assert backend.persist == "local machine"
