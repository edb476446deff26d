"""What the central administration publishes to the share: template
versions and unit registers (validated first, never replacing a published
name) and the city-wide statistics every laptop shows offline.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.durable_io import write_bytes_atomic
from app.errors import Message, UserFacingError
from app.models.central import CentralAreaResult, CentralFollowup
from app.services.central.stats import (
    BREAKDOWNS,
    answer_stats,
    available_years,
    coverage,
    deficiency_stats,
    trend,
)
from app.services.share.layout import Share
from app.services.share.pull import publish_for_pull

STATS_FOLDER = "statistics"
STATS_FILE = "statistik.json"
STATS_FORMAT = "uppfoljaren-statistik"
STATS_FORMAT_VERSION = 1


def _publish(share: Share, kind: str, path: Path, data: bytes) -> Path:
    try:
        return publish_for_pull(share, kind, path.name, data)
    except ValueError:
        raise UserFacingError(
            Message("Filnamnet {name} går inte att publicera: använd bara bokstäver a-z, "
                    "siffror, punkt, - och _.", name=path.name)) from None
    except FileExistsError:
        raise UserFacingError(
            Message("En annan fil med namnet {name} är redan publicerad och ersätts "
                    "aldrig. Ge den nya versionen ett nytt namn (till exempel med "
                    "versionsnumret).", name=path.name)) from None


def publish_template(share: Share, path: Path) -> tuple[Path, str]:
    """Validate a template file (parse_template) and publish it for laptops to pull."""
    from app.services.template_format import parse_template

    data = _read(path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise UserFacingError(Message("Filen {path} är inte UTF-8-kodad text.", path=path)) from None
    template = parse_template(text, str(path))
    share.check()
    return _publish(share, "templates", path, data), f"{template.name} {template.version}"


@dataclass(frozen=True)
class RegisterUnit:
    id: str
    name: str
    unit_type: str
    regiform: str
    district: str
    region: str
    parity: str | None


def validate_units(path: Path) -> list[RegisterUnit]:
    """Validate a unit register exactly as a laptop's import does (against the
    shipped reference data, in a throw-away database); InvalidInputError
    lists every problem."""
    from app.db import open_database, session_factory
    from app.models.reference import District
    from app.services.unit_import import read_records, validate_records

    with tempfile.TemporaryDirectory(prefix="uppfoljaren-units-") as folder:
        engine = open_database(Path(folder) / "check.sqlite3")
        try:
            with session_factory(engine)() as session:
                rows = validate_records(session, str(path), read_records(path))
                districts = {d.id: (d.name, d.region.name) for d in session.scalars(
                    select(District))}
        finally:
            engine.dispose()
    return [RegisterUnit(u.id, u.name, u.type_code, u.regiform_code,
                         districts[u.followup_district_id][0],
                         districts[u.followup_district_id][1], u.parity) for u in rows]


def publish_units(share: Share, path: Path, session: Session) -> tuple[Path, int]:
    """Validate a unit register, publish it, and make it the plan-coverage
    register of the consolidated database (in the caller's transaction)."""
    from app.models.central import CentralUnit

    units = validate_units(path)
    share.check()
    published = _publish(share, "units", path, _read(path))
    session.execute(delete(CentralUnit))
    session.add_all(CentralUnit(id=u.id, name=u.name, unit_type=u.unit_type,
                                regiform=u.regiform, district=u.district, region=u.region,
                                parity=u.parity) for u in units)
    return published, len(units)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UserFacingError(Message(
            "Filen {path} kan inte läsas ({strerror}).", path=path, strerror=exc.strerror)) from None


def stats_path(share: Share) -> Path:
    return share.root / "published" / STATS_FOLDER / STATS_FILE


def _plain(rows: Sequence[Any]) -> list[dict[str, Any]]:
    return [asdict(r) for r in rows]


def city_picture(session: Session, years: Sequence[int] | None = None,
                 as_of: date | None = None) -> dict[str, Any]:
    """Everything the Översikt page shows, as plain JSON: per year and
    breakdown the shares per area and per question, the units behind each
    district figure, deficiencies, coverage; trends over all years."""
    years = list(years) if years else available_years(session)
    body: dict[str, Any] = {
        "format": STATS_FORMAT, "format_version": STATS_FORMAT_VERSION,
        "generated_at": datetime.now(UTC).replace(tzinfo=None).isoformat(timespec="seconds"),
        "years": years, "per_year": {},
    }
    areas = answer_stats(session, years, "district").city
    body["trend"] = {
        "city": _plain(trend(session, years, None)),
        "by": {by: _plain(trend(session, years, by)) for by in BREAKDOWNS},
        "areas": {a.area_id: {"title": a.area_title,
                              "city": _plain(trend(session, years, None, area=a.area_id)),
                              "district": _plain(trend(session, years, "district",
                                                       area=a.area_id))}
                  for a in areas},
    }
    for year in years:
        entry: dict[str, Any] = {"areas": {}, "questions": {}, "units": {},
                                 "deficiencies": {}, "coverage": {}}
        for by in BREAKDOWNS:
            stats = answer_stats(session, [year], by)
            entry["areas"][by] = {"rows": _plain(stats.rows), "city": _plain(stats.city)}
            entry["deficiencies"][by] = _plain(deficiency_stats(session, [year], by, as_of))
            entry["coverage"][by] = _plain(coverage(session, year, by))
        for area_row in entry["areas"]["district"]["city"]:
            area_id = area_row["area_id"]
            entry["questions"][area_id] = {}
            for by in BREAKDOWNS:
                q = answer_stats(session, [year], by, area=area_id)
                # Texts once, in the city rows: the group rows repeat them otherwise.
                entry["questions"][area_id][by] = {
                    "rows": [{**row, "area_title": "", "question_text": None}
                             for row in _plain(q.rows)],
                    "city": _plain(q.city)}
        entry["units"] = _unit_rows(session, year)
        body["per_year"][str(year)] = entry
    return body


def _unit_rows(session: Session, year: int) -> dict[str, Any]:
    """The follow-ups of the year with every breakdown's value (once each),
    and their counts per area [follow-up, area, uppfyllt, delvis, ej
    uppfyllt], so the page can list the units behind any group's figure."""
    r, f = CentralAreaResult, CentralFollowup
    followups = {
        fid: {"unit_id": uid, "unit_name": name, "district": district, "region": region,
              "regiform": regiform, "unit_type": unit_type}
        for fid, uid, name, district, region, regiform, unit_type in session.execute(
            select(f.followup_id, f.unit_id, f.unit_name, f.district, f.region, f.regiform,
                   f.unit_type).where(f.year == year).order_by(f.unit_name, f.followup_id))}
    counts = [list(row) for row in session.execute(
        select(r.followup_id, r.area_id, func.sum(r.uppfyllt), func.sum(r.delvis),
               func.sum(r.ej_uppfyllt))
        .where(r.current.is_(True), r.year == year)
        .group_by(r.followup_id, r.area_id).order_by(r.followup_id, r.area_id))]
    return {"followups": followups, "areas": counts}


def publish_statistics(share: Share, session: Session, years: Sequence[int] | None = None
                       ) -> Path:
    """Write the city picture to published/statistics/statistik.json atomically
    (temp, fsync, rename): only the centre writes it, so replacing is safe and a
    laptop reading it sees the old or the new file, never half of one."""
    share.check()
    body = city_picture(session, years)
    target = stats_path(share)
    share.ensure_dir(target.parent)
    write_bytes_atomic(target, json.dumps(body, ensure_ascii=False).encode("utf-8"))
    os.chmod(target, 0o644)  # the temp file was private; every laptop reads this one
    return target


def read_statistics(path: Path) -> dict[str, Any]:
    """Read a published statistics file; UserFacingError if it is not one."""
    try:
        body = json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise UserFacingError(Message(
            "Statistikfilen {path} kan inte läsas ({exc}).", path=path, exc=exc)) from None
    if not isinstance(body, dict) or body.get("format") != STATS_FORMAT:
        raise UserFacingError(Message("Filen {path} är ingen statistikfil från Uppföljaren.", path=path))
    if int(body.get("format_version", 0)) > STATS_FORMAT_VERSION:
        raise UserFacingError(Message("Statistikfilen {path} är nyare än programmet; uppdatera.", path=path))
    return body
