"""Every path the application uses, in one place.

The data dir holds the database, attachments and backups. It comes from
``--data-dir``, else the ``UPPFOLJAREN_DATA_DIR`` environment variable, else
platformdirs' user data dir. Config and logs follow platformdirs too, but live
under the data dir when one is given explicitly, so a test or a demo never
touches the user's real home.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from app import APP_ID

ENV_DATA_DIR = "UPPFOLJAREN_DATA_DIR"
DB_FILENAME = "uppfoljaren.sqlite3"


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    config_dir: Path
    log_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / DB_FILENAME

    @property
    def attachments_dir(self) -> Path:
        return self.data_dir / "bilagor"

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def default_share_dir(self) -> Path:
        """The embedded central share used by the demo and tests."""
        return self.data_dir / "central-share"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    def ensure(self) -> AppPaths:
        for folder in (self.data_dir, self.config_dir, self.log_dir):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def resolve_paths(data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
    """Work out where data, config and logs live; creates nothing."""
    chosen = data_dir or os.environ.get(ENV_DATA_DIR)
    if chosen:
        root = Path(chosen).expanduser().resolve()
        return AppPaths(data_dir=root, config_dir=root / "config", log_dir=root / "logs")
    return AppPaths(
        data_dir=Path(platformdirs.user_data_dir(APP_ID, appauthor=False)),
        config_dir=Path(platformdirs.user_config_dir(APP_ID, appauthor=False)),
        log_dir=Path(platformdirs.user_log_dir(APP_ID, appauthor=False)),
    )


def resource_dir() -> Path:
    """The shipped resources (fonts, icons, translations).

    In a PyInstaller bundle they sit beside the executable's data root.
    """
    import sys

    bundle_root = getattr(sys, "_MEIPASS", None)
    if bundle_root:
        return Path(bundle_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"
