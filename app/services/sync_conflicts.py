"""Conflicts a person must decide: one follow-up part revision on the share in
two or more versions (different content, so different package names).

Nothing is ever chosen automatically ("newest wins" needs a clock). To let a
person compare, each version's report PDF is taken out of its package, after
the package is verified like any received one, and written under the data
dir, where the UI opens it. A version that cannot be verified is listed with
its reason instead of a report.

Versions moved to the share's quarantine (``quarantine/<device>/<package
name>.<real hash>.skadad``: damaged on the share, or replaced there by a
good copy) are offered beside them, labelled as such. Each is read and
verified like any package: one whose bytes still hash as its quarantine
name says and that verifies (signature, manifest, the same follow-up, part
and revision) can be read; a damaged one is named with its reason and never
opened as if valid.

A received part kept apart from the local one (a local merge conflict, see
app.services.sync_merge_rules) is read the same way: its snapshot, as
received and verified, rendered as a report under the data dir.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
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
from app.services.share.catalog import PackageRef, revision_conflicts, scan_outboxes
from app.services.share.errors import PackageError, translate_os_error
from app.services.share.layout import Share, valid_id
from app.services.share.package import (
    DEFAULT_LIMITS,
    Package,
    parse_package_name,
    read_package,
    verify_package_bytes,
)
from app.services.share.signing import TrustedKey, load_trusted_keys
from app.services.sync import resolve_share
from app.services.sync_outbox import REPORT_MEMBER
from app.settings import Settings

REPORTS_SUBDIR = Path("synk") / "konflikter"
QUARANTINE_LABEL = "Karantän: skadad eller ersatt version"
OUTBOX_LABEL = "Gemensamma mappen"
_QUARANTINE_RE = re.compile(r"^(?P<package>.+\.pkg)\.(?P<sha>[0-9a-f]{16})\.skadad$")
RECEIVED_SUBDIR = Path("synk") / "mottagna"


@dataclass(frozen=True)
class ConflictCopy:
    device_id: str
    name: str  # the package file name (carries its content hash)
    path: Path
    # In the share's quarantine: moved aside as damaged or replaced. ``sha16``
    # is the content hash its quarantine name records.
    quarantined: bool = False
    sha16: str = ""

    @property
    def where(self) -> str:
        """Where the version lies, in plain Swedish (a label the UI translates)."""
        return QUARANTINE_LABEL if self.quarantined else OUTBOX_LABEL


@dataclass(frozen=True)
class Conflict:
    followup_id: str
    part: str
    revision: int
    unit_name: str
    year: int | None
    copies: tuple[ConflictCopy, ...]


@dataclass(frozen=True)
class VersionResult:
    copy: ConflictCopy
    report: Path | None  # the verified version's report, else None
    problem: str | None  # why it cannot be read (damaged, unverifiable), else None


@dataclass
class ConflictReports:
    reports: list[Path] = field(default_factory=list)  # one PDF per readable version
    problems: list[str] = field(default_factory=list)
    versions: list[VersionResult] = field(default_factory=list)  # every copy, in order


def quarantined_versions(share: Share, local: set[str]) -> list[tuple[PackageRef, str]]:
    """Packages of follow-ups here in the share's quarantine, each with the
    content hash its quarantine name records."""
    found: list[tuple[PackageRef, str]] = []
    for device_id in share.list_names(share.root / "quarantine"):
        if not valid_id(device_id):
            continue
        folder = share.quarantine_dir(device_id)
        for name in share.list_names(folder):
            match = _QUARANTINE_RE.match(name)
            parsed = parse_package_name(match["package"]) if match else None
            if match and parsed is not None and parsed.followup_id in local:
                found.append((PackageRef(device_id, name, folder / name, parsed), match["sha"]))
    return found


def share_conflicts(session: Session, paths: AppPaths, settings: Settings,
                    share_path: str | Path | None = None) -> list[Conflict]:
    """Every part revision of a follow-up here that the share holds in more
    than one version, or of which a version was moved to quarantine (with
    the versions still in the outboxes beside it). Reads the share (listing
    only): run it off the UI thread."""
    share = resolve_share(paths, settings, share_path)
    share.check()
    local: dict[str, int] = {v: y for v, y in session.execute(select(Visit.id, Visit.year))}
    refs = [r for r in scan_outboxes(share) if r.parsed.followup_id in local]
    groups: dict[tuple[str, str, int], list[ConflictCopy]] = {
        key: [ConflictCopy(c.device_id, c.name, c.path) for c in copies]
        for key, copies in revision_conflicts(refs).items()}
    aside = quarantined_versions(share, set(local))
    for ref, _sha in aside:
        groups.setdefault(ref.parsed.revision_key, [
            ConflictCopy(r.device_id, r.name, r.path) for r in refs
            if r.parsed.revision_key == ref.parsed.revision_key])
    for ref, sha in aside:
        groups[ref.parsed.revision_key].append(
            ConflictCopy(ref.device_id, ref.name, ref.path, quarantined=True, sha16=sha))
    names: dict[str, str] = {v: n for v, n in session.execute(select(Visit.id, Unit.name).join(
        Unit, Unit.id == Visit.unit_id).where(Visit.id.in_({k[0] for k in groups})))}
    return [Conflict(followup, part, revision, names.get(followup, followup),
                     local.get(followup), tuple(copies))
            for (followup, part, revision), copies in sorted(groups.items())]


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "_", name)[:180]


def _read_quarantined(share: Share, conflict: Conflict, copy: ConflictCopy,
                      trusted: Mapping[str, TrustedKey]) -> Package:
    """A quarantined version, verified: its bytes still hash as its quarantine
    name records, and it is a valid package of this very part revision."""
    def damaged(reason: Message | str) -> PackageError:
        return PackageError(Message("versionen i karantän är skadad: {reason}", reason=reason),
                            copy.path)

    try:
        data = share.fs.read_bytes(copy.path, DEFAULT_LIMITS.max_package_bytes)
    except OSError as exc:
        raise translate_os_error(exc, copy.path, "läsa") from exc
    if hashlib.sha256(data).hexdigest()[:16] != copy.sha16:
        raise damaged(Message("innehållet har ändrats sedan det flyttades dit"))
    try:
        package = verify_package_bytes(data, trusted, path=copy.path)
    except PackageError as exc:
        raise damaged(exc.reason) from exc
    meta = package.meta
    if (meta.followup_id, meta.part, meta.revision) != (
            conflict.followup_id, conflict.part, conflict.revision):
        raise damaged(Message("paketet gäller en annan del eller revision än namnet säger"))
    return package


def conflict_reports(paths: AppPaths, settings: Settings, conflict: Conflict,
                     share_path: str | Path | None = None) -> ConflictReports:
    """Each version's report PDF, verified and written under the data dir; a
    version that cannot be verified is named with its reason instead."""
    share = resolve_share(paths, settings, share_path)
    trusted = load_trusted_keys(share)
    out = ConflictReports()
    folder = paths.data_dir / REPORTS_SUBDIR
    for copy in conflict.copies:
        try:
            if copy.quarantined:
                package = _read_quarantined(share, conflict, copy, trusted)
            else:
                package = read_package(copy.path, trusted, share.fs)
            if package.meta.device_id != copy.device_id:
                raise PackageError("paketet ligger i en annan dators mapp än avsändarens",
                                   copy.path)
        except PackageError as exc:
            problem = exc.args[0] if exc.args else str(exc)
            out.problems.append(problem)
            out.versions.append(VersionResult(copy, None, problem))
            continue
        pdf = package.members.get(REPORT_MEMBER)
        if pdf is None:
            problem = Message("Paketet {path} har ingen rapport.", path=copy.path)
            out.problems.append(problem)
            out.versions.append(VersionResult(copy, None, problem))
            continue
        # The name carries the content hash; a quarantined one says so first.
        stem = ("KARANTAN-" if copy.quarantined else "") + _safe(copy.name)
        target = folder / f"{stem}.pdf"
        write_bytes_atomic(target, pdf)
        out.reports.append(target)
        out.versions.append(VersionResult(copy, target, None))
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
