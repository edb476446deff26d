"""What the Översikt page shows, read from the statistics the central
administration published to the share (``publish.publish_statistics``).

No database and no Qt: the page calls these functions on the published
JSON, so a laptop shows the city-wide picture offline, from a cached copy
in its data dir when the share cannot be reached. The figures are the
stats module's own rows, so they are the CLI's figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.durable_io import write_bytes_atomic
from app.errors import Message, UserFacingError
from app.services.central.publish import STATS_FILE, STATS_FOLDER, read_statistics
from app.services.central.stats import CITY, ShareRow

CACHE_NAME = "statistik-cache.json"


@dataclass(frozen=True)
class LoadedPicture:
    body: dict[str, Any]
    source: Path
    cached: bool  # read from the local copy, the share could not be reached
    generated_at: str


def published_path(share_root: Path) -> Path:
    return share_root / "published" / STATS_FOLDER / STATS_FILE


def load_picture(share_root: Path | None, cache: Path) -> tuple[LoadedPicture | None, str | None]:
    """The newest statistics: from the share (refreshing the local copy),
    else from the local copy. Returns (picture or None, Swedish note)."""
    problem: str | None = None
    if share_root is not None:
        path = published_path(share_root)
        try:
            data = path.read_bytes()
            body = read_statistics(path)
        except FileNotFoundError:
            problem = Message("Ingen statistik hittades i den centrala mappen ({path}): mappen är "
                              "inte ansluten, eller statistiken är inte publicerad ännu.", path=path)
        except (OSError, UserFacingError) as exc:
            problem = Message(
                "Statistiken i den centrala mappen kunde inte läsas ({path}): {reason}.", path=path,
                reason=exc.message if isinstance(exc, UserFacingError) else exc.strerror)
        else:
            try:
                if not cache.exists() or cache.read_bytes() != data:
                    write_bytes_atomic(cache, data)
            except OSError:
                pass  # the copy is a convenience; the share's file was read
            return LoadedPicture(body, path, False, str(body.get("generated_at", ""))), None
    if cache.exists():
        try:
            body = read_statistics(cache)
        except UserFacingError as exc:
            return None, (Message("{problem} {error}", problem=problem, error=exc.message)
                          if problem else exc.message)
        when = str(body.get("generated_at", ""))
        note = Message("{problem} Visar den sparade statistiken från {when}.",
                       problem=problem or Message("Den centrala mappen är inte ansluten."),
                       when=when.replace("T", " "))
        return LoadedPicture(body, cache, True, when), note
    return None, problem or Message("Ingen statistik finns ännu. Den publiceras av "
                                    "äldreförvaltningen i den centrala mappen.")


def years(body: dict[str, Any]) -> list[int]:
    return sorted(int(y) for y in body.get("per_year", {}))


def _rows(items: list[dict[str, Any]]) -> list[ShareRow]:
    return [ShareRow(**item) for item in items]


def groups(body: dict[str, Any], year: int, by: str) -> list[str]:
    rows = body["per_year"][str(year)]["areas"][by]["rows"]
    return sorted({r["group"] for r in rows})


@dataclass(frozen=True)
class Comparison:
    """One area (or question): the chosen group's figure beside the city's."""

    key: str
    title: str
    own: ShareRow | None
    city: ShareRow


def area_comparison(body: dict[str, Any], year: int, by: str, group: str | None
                    ) -> list[Comparison]:
    entry = body["per_year"][str(year)]["areas"][by]
    own = {r.area_id: r for r in _rows(entry["rows"]) if r.group == group}
    return [Comparison(c.area_id, c.area_title, own.get(c.area_id), c)
            for c in _rows(entry["city"])]


def groups_in_area(body: dict[str, Any], year: int, by: str, area_id: str) -> list[ShareRow]:
    """Every group's figure for one area, group order; the city last."""
    entry = body["per_year"][str(year)]["areas"][by]
    rows = [r for r in _rows(entry["rows"]) if r.area_id == area_id]
    city = [r for r in _rows(entry["city"]) if r.area_id == area_id]
    return sorted(rows, key=lambda r: r.group) + city


def question_comparison(body: dict[str, Any], year: int, by: str, area_id: str,
                        group: str | None) -> list[Comparison]:
    entry = body["per_year"][str(year)]["questions"].get(area_id, {}).get(by)
    if entry is None:
        return []
    own = {r.question_id: r for r in _rows(entry["rows"]) if r.group == group}
    return [Comparison(str(c.question_id), c.question_text or str(c.question_id),
                       own.get(c.question_id), c) for c in _rows(entry["city"])]


@dataclass(frozen=True)
class UnitFigure:
    followup_id: str
    unit_id: str
    unit_name: str
    uppfyllt: int
    delvis: int
    ej_uppfyllt: int


_FIELDS = {"district": "district", "region": "region", "regiform": "regiform",
           "unit-type": "unit_type"}


def units_behind(body: dict[str, Any], year: int, by: str, group: str,
                 area_id: str) -> list[UnitFigure]:
    """The follow-ups behind one group's figure in one area, by unit name."""
    field = _FIELDS[by]
    units = body["per_year"][str(year)]["units"]
    followups = units["followups"]
    result = []
    for fid, area, u, d, e in units["areas"]:
        unit = followups.get(fid)
        if area != area_id or unit is None or (group != CITY and unit[field] != group):
            continue
        result.append(UnitFigure(fid, unit["unit_id"], unit["unit_name"], u, d, e))
    return sorted(result, key=lambda x: (x.unit_name, x.followup_id))
