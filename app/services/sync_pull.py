"""Pull what the central administration published: template versions and
unit registers. Each file is validated before anything uses it (the
template parser and version check; the unit importer's reader and
validator). A refused file is recorded with its reason and changes nothing:
the version in use stays active. Files already seen (accepted or refused)
are known by their SHA-256 and skipped unread.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models.sync import PulledFile
from app.services.share.layout import Share
from app.services.share.pull import PullReport, pull_published
from app.services.sync_outbox import now
from app.services.template_format import TemplateDef, parse_template
from app.services.templates import check_version_is_free, import_template
from app.services.unit_import import read_records, validate_records
from app.services.units import ImportedUnit, upsert_units


@dataclass
class PullOutcome:
    accepted: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # Swedish messages naming the file
    unchanged: int = 0


def _known(session: Session, kind: str) -> set[str]:
    return set(session.scalars(select(PulledFile.sha256).where(PulledFile.kind == kind)))


def _record(session: Session, kind: str, report: PullReport[object], outcome: PullOutcome,
            accepted_names: list[str]) -> None:
    stamp = now()
    for item in report.accepted:
        if item.name in accepted_names:
            session.add(PulledFile(kind=kind, name=item.name, sha256=item.sha256, accepted=True,
                                   reason="", pulled_at=stamp))
            outcome.accepted.append(item.name)
    for refused in report.refused:
        outcome.refused.append(refused.message)
        if refused.sha256 is not None:  # a file we could not even read is tried again
            session.add(PulledFile(kind=kind, name=refused.name, sha256=refused.sha256,
                                   accepted=False, reason=refused.reason, pulled_at=stamp))
    outcome.unchanged += report.unchanged


def pull_templates(session: Session, share: Share) -> PullOutcome:
    """Validate and import each new template version; a bad one is refused."""

    def validate(data: bytes, name: str) -> TemplateDef:
        tdef = parse_template(data.decode("utf-8-sig"), name)
        check_version_is_free(session, tdef, name)  # same version, other content: refused
        return tdef

    report = pull_published(share, "templates", validate, _known(session, "templates"))
    outcome = PullOutcome()
    accepted: list[str] = []
    for item in report.accepted:
        with session.begin_nested():
            import_template(session, item.value)
        accepted.append(item.name)
    _record(session, "templates", report, outcome, accepted)  # type: ignore[arg-type]
    session.commit()
    return outcome


def _read_units(session: Session, data: bytes, name: str) -> list[ImportedUnit]:
    # The importer reads from a path (CSV or Excel by suffix); the temp file
    # carries the published name so every message names the file the centre sent.
    with tempfile.TemporaryDirectory(prefix="uppf-units-") as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        records = read_records(path)
    return validate_records(session, name, records)


def pull_units(session: Session, share: Share) -> PullOutcome:
    """Validate each new unit register; apply the accepted ones (in name
    order) in one transaction. A refused register changes nothing."""
    report = pull_published(share, "units", lambda data, name: _read_units(session, data, name),
                            _known(session, "units"))
    outcome = PullOutcome()
    accepted: list[str] = []
    for item in sorted(report.accepted, key=lambda i: i.name):
        upsert_units(session, item.value)
        accepted.append(item.name)
    _record(session, "units", report, outcome, accepted)  # type: ignore[arg-type]
    session.commit()
    return outcome
