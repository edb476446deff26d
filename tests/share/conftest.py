from __future__ import annotations

from pathlib import Path

import pytest

from app.services.share.layout import Share
from app.services.share.signing import SigningKey, TrustedKey, trusted_from_keys


@pytest.fixture
def share(tmp_path: Path) -> Share:
    s = Share(tmp_path / "share")
    s.init(created_by_device="laptop-a", create_root=True)
    return s


@pytest.fixture
def key() -> SigningKey:
    return SigningKey.generate("laptop-a")


@pytest.fixture
def key_b() -> SigningKey:
    return SigningKey.generate("laptop-b")


@pytest.fixture
def trusted(key: SigningKey, key_b: SigningKey) -> dict[str, TrustedKey]:
    return trusted_from_keys(key, key_b)
