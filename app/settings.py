"""The user's settings, declared once: typed fields with defaults, kept as JSON.

Every setting is a field of ``Settings`` with its default here and nowhere
else. ``load`` tolerates a missing or damaged file (defaults are used, a bad
field falls back to its default) so a broken settings file never stops the
program from starting. Settings hold no secrets: passwords and keys go to the
system keyring. No Qt here, so the CLI and services can read settings too.

``SETTINGS_VERSION`` and ``UPGRADES`` change stored settings between
versions: each function takes the raw dict of version N and returns version
N+1 (Picard's ``config_upgrade.py`` pattern).
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any, Literal, get_args

from app.durable_io import write_text_atomic

log = logging.getLogger(__name__)

Language = Literal["sv", "en"]
OfficerRole = Literal["verksamhetsuppfoljare", "mas", ""]
LANGUAGES: tuple[str, ...] = get_args(Language)
OFFICER_ROLES: tuple[str, ...] = get_args(OfficerRole)
DEFAULT_ORGANISATION = "Stockholms stad – Äldreomsorgen"
SETTINGS_VERSION = 1

# raw dict of version N -> raw dict of version N + 1; index 0 upgrades 0 -> 1.
UPGRADES: list[Callable[[dict[str, Any]], dict[str, Any]]] = [lambda raw: raw]


def _new_device_id() -> str:
    return uuid.uuid4().hex


@dataclass
class Settings:
    language: Language = "sv"
    organisation_name: str = DEFAULT_ORGANISATION
    logo_path: str | None = None
    share_path: str | None = None
    officer_name: str = ""
    officer_role: OfficerRole = ""
    officer_district: str = ""
    last_page: str = "verksamheter"
    window_geometry: str = ""  # base64 of QMainWindow.saveGeometry()
    window_state: str = ""  # base64 of QMainWindow.saveState()
    units_header_state: str = ""  # base64: the unit table's columns, widths and sort
    units_splitter_state: str = ""  # base64: table and detail pane sizes
    device_id: str = field(default_factory=_new_device_id)
    # Where the settings were loaded from; not stored.
    path: Path | None = field(default=None, repr=False, compare=False)

    @classmethod
    def load(cls, path: Path) -> Settings:
        """Read settings from ``path``; defaults for whatever is missing or bad.

        A new device id is written back at once, so it is generated only once.
        """
        raw: dict[str, Any] = {}
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(raw, dict):
                raise ValueError("settings file is not a JSON object")
        except FileNotFoundError:
            raw = {}
        except (OSError, ValueError) as error:
            log.warning("settings file %s unreadable, using defaults: %s", path, error)
            raw = {}
        raw = _upgrade(raw)
        settings = cls(path=path)
        for item in fields(cls):
            if item.name == "path" or item.name not in raw:
                continue
            value = raw[item.name]
            if _valid(item.name, value):
                setattr(settings, item.name, value)
            else:
                log.warning("setting %s=%r is not valid; using the default", item.name, value)
        if "device_id" not in raw or not _valid("device_id", raw.get("device_id")):
            try:
                settings.save()
            except OSError as error:  # read-only config dir: keep running
                log.warning("could not store new settings in %s: %s", path, error)
        return settings

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("path")
        data["version"] = SETTINGS_VERSION
        return data

    def save(self, path: Path | None = None) -> None:
        """Write atomically to ``path`` (or where the settings were loaded from)."""
        target = path or self.path
        if target is None:
            raise ValueError("Settings.save needs a path")
        target.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(target, json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n")
        self.path = target


def _upgrade(raw: dict[str, Any]) -> dict[str, Any]:
    version = raw.get("version", 0)
    if not isinstance(version, int) or version < 0:
        version = 0
    while version < SETTINGS_VERSION:
        raw = UPGRADES[version](dict(raw))
        version += 1
    return raw


def _valid(name: str, value: Any) -> bool:
    if name == "language":
        return value in LANGUAGES
    if name == "officer_role":
        return value in OFFICER_ROLES
    if name in ("logo_path", "share_path"):
        return value is None or isinstance(value, str)
    if name == "device_id":
        return isinstance(value, str) and len(value) == 32 and all(
            c in "0123456789abcdef" for c in value
        )
    return isinstance(value, str)
