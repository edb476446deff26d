"""Settings: declared once with defaults, stored as JSON, tolerant of damage."""

from __future__ import annotations

import json
from pathlib import Path

from app.settings import DEFAULT_ORGANISATION, Settings


def test_defaults_and_device_id_generated_once(tmp_path: Path) -> None:
    path = tmp_path / "config" / "settings.json"
    first = Settings.load(path)
    assert first.language == "sv"
    assert first.organisation_name == DEFAULT_ORGANISATION
    assert first.logo_path is None and first.share_path is None
    assert first.officer_role == "" and first.last_page == "verksamheter"
    assert len(first.device_id) == 32
    assert path.exists()  # the new device id was stored at once
    assert Settings.load(path).device_id == first.device_id


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    settings = Settings.load(path)
    settings.language = "en"
    settings.officer_name = "Åsa Öberg"
    settings.officer_role = "mas"
    settings.officer_district = "Skärholmen"
    settings.share_path = "/mnt/delad"
    settings.save()
    again = Settings.load(path)
    assert again.to_dict() == settings.to_dict()
    assert json.loads(path.read_text(encoding="utf-8"))["officer_name"] == "Åsa Öberg"


def test_bad_values_fall_back_to_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"language": "fi", "officer_role": "chef",
                                "organisation_name": 42, "officer_name": "Per",
                                "device_id": "nope"}), encoding="utf-8")
    settings = Settings.load(path)
    assert settings.language == "sv"
    assert settings.officer_role == ""
    assert settings.organisation_name == DEFAULT_ORGANISATION
    assert settings.officer_name == "Per"
    assert len(settings.device_id) == 32 and settings.device_id != "nope"


def test_damaged_file_gives_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{ not json", encoding="utf-8")
    assert Settings.load(path).language == "sv"
