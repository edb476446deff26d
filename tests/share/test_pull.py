from __future__ import annotations

import hashlib
import json

import pytest

from app.services.share.errors import ShareUnavailableError
from app.services.share.layout import Share
from app.services.share.pull import list_published, publish_for_pull, pull_published
from tests.share.faults import FaultyFileSystem


def template_validator(data: bytes, name: str) -> dict:  # type: ignore[type-arg]
    """Stands in for the template loader: needs JSON with a version and questions."""
    body = json.loads(data.decode("utf-8"))
    if not isinstance(body.get("version"), int):
        raise ValueError("fältet 'version' saknas eller är inte ett heltal")
    if not body.get("questions"):
        raise ValueError("mallen har inga frågor")
    return body


def _doc(version: int, questions: int = 2) -> bytes:
    return json.dumps({"version": version,
                       "questions": [f"F{i}" for i in range(questions)]}).encode()


def test_good_files_are_accepted_bad_refused_with_reason(share: Share) -> None:
    publish_for_pull(share, "templates", "mall-2026-v1.json", _doc(1))
    publish_for_pull(share, "templates", "mall-2026-v2.json", _doc(2, questions=0))
    publish_for_pull(share, "templates", "mall-2026-v3.json", b"{not json")
    report = pull_published(share, "templates", template_validator)
    assert [a.name for a in report.accepted] == ["mall-2026-v1.json"]
    assert report.accepted[0].value["version"] == 1
    assert report.accepted[0].sha256 == hashlib.sha256(_doc(1)).hexdigest()
    refused = {r.name: r for r in report.refused}
    assert set(refused) == {"mall-2026-v2.json", "mall-2026-v3.json"}
    assert refused["mall-2026-v2.json"].reason == "mallen har inga frågor."
    message = refused["mall-2026-v2.json"].message
    assert "mall-2026-v2.json" in message and "redan används gäller fortfarande" in message
    assert "Expecting property name" in refused["mall-2026-v3.json"].reason


def test_known_files_are_skipped_so_nothing_new_is_cheap(share: Share) -> None:
    publish_for_pull(share, "units", "enhetsregister-2026-01.json", _doc(1))
    first = pull_published(share, "units", template_validator)
    calls: list[str] = []

    def counting(data: bytes, name: str) -> dict:  # type: ignore[type-arg]
        calls.append(name)
        return template_validator(data, name)

    again = pull_published(share, "units", counting, {a.sha256 for a in first.accepted})
    assert again.accepted == [] and again.unchanged == 1 and calls == []


def test_temp_and_junk_names_are_ignored_odd_names_refused(share: Share) -> None:
    folder = share.published_dir("templates")
    (folder / ".mall.json.host.1.abcd0123.part").write_bytes(b"half")
    (folder / "mall (1).json").write_bytes(_doc(1))
    (folder / "mall åäö.json").write_bytes(_doc(1))
    assert list_published(share, "templates") == ["mall åäö.json"]
    report = pull_published(share, "templates", template_validator)
    assert report.accepted == [] and report.refused[0].reason == "ogiltigt filnamn."


def test_oversized_file_is_refused_unparsed(share: Share) -> None:
    publish_for_pull(share, "templates", "stor.json", _doc(1) + b" " * 5000)
    report = pull_published(share, "templates", template_validator, max_bytes=1000)
    assert report.accepted == [] and "större än 1000 byte" in report.refused[0].reason


def test_publish_for_pull_never_replaces(share: Share) -> None:
    path = publish_for_pull(share, "templates", "mall-v1.json", _doc(1))
    assert publish_for_pull(share, "templates", "mall-v1.json", _doc(1)) == path
    with pytest.raises(FileExistsError):
        publish_for_pull(share, "templates", "mall-v1.json", _doc(9))
    assert path.read_bytes() == _doc(1)


def test_unreachable_share_raises_and_accepts_nothing(share: Share) -> None:
    publish_for_pull(share, "templates", "mall-v1.json", _doc(1))
    faulty = Share(share.root, FaultyFileSystem(fail_at=1, kind="WIN53", only=("listdir",)))
    with pytest.raises(ShareUnavailableError) as caught:
        pull_published(faulty, "templates", template_validator)
    assert "går inte att nå" in str(caught.value)
