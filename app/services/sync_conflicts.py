"""Conflicts a person must decide: one follow-up part revision on the share in
two or more versions (different content, so different package names).

Nothing is ever chosen automatically ("newest wins" needs a clock). To let a
person compare, each version's report PDF is taken out of its package, after
the package is verified like any received one, and written under the data
dir, where the UI opens it. A version that cannot be verified is listed with
its reason instead of a report.

A received part kept apart from the local one (a local merge conflict, see
app.services.sync_merge_rules) is read the same way: its snapshot, as
received and verified, rendered as a report under the data dir.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.durable_io import write_bytes_atomic
from app.errors import Message, UserFacingError
from app.models.register import Unit
from app.models.sync import ReceivedPart
from app.models.visit import Visit
from app.paths import AppPaths
from app.services.share.catalog import revision_conflicts, scan_outboxes
from app.services.share.errors import PackageError
from app.services.share.package import read_package
from app.services.share.signing import load_trusted_keys
from app.services.sync import resolve_share
from app.services.sync_outbox import REPORT_MEMBER
from app.settings import Settings

REPORTS_SUBDIR = Path("synk") / "konflikter"
RECEIVED_SUBDIR = Path("synk") / "mottagna"


@dataclass(frozen=True)
class ConflictCopy:
    device_id: str
    name: str  # the package file name (carries its content hash)
    path: Path


@dataclass(frozen=True)
class Conflict:
    followup_id: str
    part: str
    revision: int
    unit_name: str
    year: int | None
    copies: tuple[ConflictCopy, ...]


@dataclass
class ConflictReports:
    reports: list[Path] = field(default_factory=list)  # one PDF per readable version
    problems: list[str] = field(default_factory=list)


def share_conflicts(session: Session, paths: AppPaths, settings: Settings,
                    share_path: str | Path | None = None) -> list[Conflict]:
    """Every part revision of a follow-up here that the share holds in more
    than one version. Reads the share (listing only): run it off the UI thread."""
    share = resolve_share(paths, settings, share_path)
    share.check()
    local: dict[str, int] = {v: y for v, y in session.execute(select(Visit.id, Visit.year))}
    groups = revision_conflicts(r for r in scan_outboxes(share)
                                if r.parsed.followup_id in local)
    names: dict[str, str] = {v: n for v, n in session.execute(select(Visit.id, Unit.name).join(
        Unit, Unit.id == Visit.unit_id).where(Visit.id.in_({k[0] for k in groups})))}
    return [Conflict(followup, part, revision, names.get(followup, followup),
                     local.get(followup),
                     tuple(ConflictCopy(c.device_id, c.name, c.path) for c in copies))
            for (followup, part, revision), copies in sorted(groups.items())]


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "_", name)[:180]


def conflict_reports(paths: AppPaths, settings: Settings, conflict: Conflict,
                     share_path: str | Path | None = None) -> ConflictReports:
    """Each version's report PDF, verified and written under the data dir."""
    share = resolve_share(paths, settings, share_path)
    trusted = load_trusted_keys(share)
    out = ConflictReports()
    folder = paths.data_dir / REPORTS_SUBDIR
    for copy in conflict.copies:
        try:
            package = read_package(copy.path, trusted, share.fs)
            if package.meta.device_id != copy.device_id:
                raise PackageError("paketet ligger i en annan dators mapp än avsändarens",
                                   copy.path)
        except PackageError as exc:
            out.problems.append(exc.args[0] if exc.args else str(exc))
            continue
        pdf = package.members.get(REPORT_MEMBER)
        if pdf is None:
            out.problems.append(Message("Paketet {path} har ingen rapport.", path=copy.path))
            continue
        target = folder / f"{_safe(copy.name)}.pdf"  # the name carries the content hash
        write_bytes_atomic(target, pdf)
        out.reports.append(target)
    return out


def received_part_report(session: Session, paths: AppPaths, settings: Settings,
                         package_name: str) -> Path:
    """The received part (as its package carried it) as a report PDF under
    the data dir, so a person can read it beside the local part."""
    from app.services.report_map import map_snapshots
    from app.templates.report import build as report_build

    text = session.scalar(select(ReceivedPart.snapshot).where(
        ReceivedPart.package_name == package_name))
    if text is None:
        raise UserFacingError(Message("Den mottagna delen {package} finns inte här.",
                                      package=package_name))
    logo = Path(settings.logo_path) if settings.logo_path else None
    data = map_snapshots([json.loads(text)], organisation=settings.organisation_name,
                         logo=logo if logo is not None and logo.is_file() else None)
    target = paths.data_dir / RECEIVED_SUBDIR / f"{_safe(package_name)}.pdf"
    write_bytes_atomic(target, report_build.render_report_bytes(data))
    return target
