"""Build real, signed packages from demo follow-ups for the central tests."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from app.services.central.facts import DATA_MEMBER
from app.services.share.layout import Share
from app.services.share.package import PackageMeta, build_package, package_name
from app.services.share.publish import publish_package
from app.services.share.signing import SigningKey, publish_public_key


def make_package(key: SigningKey, snapshot: dict[str, Any], revision: int | None = None
                 ) -> tuple[str, bytes]:
    """(file name, bytes) of a followup package carrying ``snapshot``."""
    snap = copy.deepcopy(snapshot)
    if revision is not None:
        snap["part"]["revision"] = revision
    rev = snap["part"]["revision"]
    meta = PackageMeta(kind="followup", followup_id=snap["visit"]["id"], part=snap["part"]["code"],
                       revision=rev, parent_revision=rev - 1 if rev > 1 else None,
                       device_id=key.device_id, info={"unit_id": snap["unit"]["id"]})
    data = build_package(meta, {DATA_MEMBER: json.dumps(snap, ensure_ascii=False).encode()}, key)
    import hashlib

    return package_name(meta, hashlib.sha256(data).hexdigest()), data


def publish(share: Share, key: SigningKey, snapshot: dict[str, Any],
            revision: int | None = None) -> Path:
    publish_public_key(share, key)
    share.ensure_device(key.device_id)
    name, data = make_package(key, snapshot, revision)
    return publish_package(share, key.device_id, name, data).path


def set_answer(snapshot: dict[str, Any], question_id: str, code: str) -> dict[str, Any]:
    snap = copy.deepcopy(snapshot)
    for section in snap["sections"]:
        for question in section["questions"]:
            if question["id"] == question_id:
                question["answer"]["answer"] = code
                return snap
    raise KeyError(question_id)
