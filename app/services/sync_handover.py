"""Handing a follow-up part over to a colleague's laptop through the share.

The sender publishes the part's current state (draft or finalized) as a
handover package addressed to the colleague's device; the local copy stays
as it is, but the part is marked handed over (an audit event) so two people
do not edit it, and a later finalized part from the colleague may replace it
(app.services.sync_merge). The recipient's next sync turns the package into
an editable draft owned by the recipient's officer.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from app.errors import UserFacingError
from app.paths import AppPaths
from app.services.share.errors import ShareError
from app.services.share.publish import PublishResult
from app.services.share.signing import load_or_create_key, load_trusted_keys
from app.services.sync import resolve_share
from app.services.sync_merge import HANDED_OUT, known_officers
from app.services.sync_parts import hand_over
from app.services.visits import audit
from app.services.visits.common import PART_LABELS, PARTS, get_part, handed_over_to
from app.settings import Settings


@dataclass(frozen=True)
class Recipient:
    device_id: str
    officer: str  # "" when not known here

    @property
    def label(self) -> str:
        return f"{self.officer} ({self.device_id})" if self.officer else self.device_id


def recipients(session: Session, paths: AppPaths, settings: Settings,
               share_path: str | Path | None = None) -> list[Recipient]:
    """Every other device with a published key on the share, with its officer
    when a part received from it names one."""
    share = resolve_share(paths, settings, share_path)
    try:
        share.check()
        trusted = load_trusted_keys(share)
    except ShareError as exc:
        raise UserFacingError(str(exc)) from exc
    names = known_officers(session)
    devices = {t.device_id for t in trusted.values()} - {settings.device_id}
    return sorted((Recipient(d, names.get(d, "")) for d in devices),
                  key=lambda r: (r.officer or "~", r.device_id))


def hand_over_part(session: Session, paths: AppPaths, settings: Settings, visit_id: str,
                   part: str, recipient: str, share_path: str | Path | None = None
                   ) -> PublishResult:
    """Publish the part to ``recipient`` (a device id) and mark it handed over here."""
    if part not in PARTS:
        raise UserFacingError(f"Okänd del '{part}' (ska vara sol eller hsl).")
    get_part(session, visit_id, part)  # the follow-up and part exist here
    if recipient == settings.device_id:
        raise UserFacingError("Välj en kollegas dator, inte den här.")
    known = {r.device_id: r for r in recipients(session, paths, settings, share_path)}
    if recipient not in known:
        raise UserFacingError(
            f"Datorn {recipient} har ingen publicerad nyckel i den gemensamma mappen. "
            "Kollegan behöver synkronisera en gång först.")
    share = resolve_share(paths, settings, share_path)
    loaded = load_or_create_key(settings.device_id, paths.config_dir)
    try:
        result = hand_over(session, paths, share, loaded.key, visit_id, part, recipient,
                           officer=settings.officer_name)
    except ShareError as exc:
        raise UserFacingError(str(exc)) from exc
    audit.record(session, visit_id, part, HANDED_OUT, None, known[recipient].label,
                 settings.officer_name or settings.device_id)
    session.commit()
    return result


@dataclass(frozen=True)
class HandoverCandidate:
    visit_id: str
    unit_name: str
    year: int
    part: str
    status: str
    handed_over_to: str | None

    @property
    def label(self) -> str:
        text = f"{self.unit_name} {self.year} – {PART_LABELS.get(self.part, self.part)}"
        if self.status == "faststalld":
            text += " (fastställd)"
        if self.handed_over_to:
            text += f" (överlämnad till {self.handed_over_to})"
        return text


def handover_candidates(session: Session, limit: int = 500) -> list[HandoverCandidate]:
    """Parts that can be handed over: every part of the follow-ups here,
    drafts first, newest years first."""
    from sqlalchemy import select

    from app.models.register import Unit
    from app.models.visit import Visit, VisitPart

    rows = session.execute(
        select(VisitPart.visit_id, Unit.name, Visit.year, VisitPart.part, VisitPart.status)
        .join(Visit, Visit.id == VisitPart.visit_id).join(Unit, Unit.id == Visit.unit_id)
        .order_by(VisitPart.status.desc(), Visit.year.desc(), Unit.name, VisitPart.part)
        .limit(limit)).all()
    return [HandoverCandidate(v, name, year, part, status, handed_over_to(session, v, part))
            for v, name, year, part, status in rows]
