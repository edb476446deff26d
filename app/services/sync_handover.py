"""Handing a follow-up part over to a colleague's laptop through the share.

The sender publishes the part's current state (draft or finalized) as a
handover package addressed to the colleague's device; the local copy stays
as it is, but the part is marked handed over (an audit event) so two people
do not edit it, and a later finalized part from the colleague may replace it
(app.services.sync_merge). The recipient's next sync turns the package into
an editable draft owned by the recipient's officer.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import Message, UserFacingError
from app.models.sync import ReceivedPart
from app.paths import AppPaths
from app.services.share.device_officer import read_device_officers
from app.services.share.publish import PublishResult
from app.services.share.signing import load_or_create_key, load_trusted_keys
from app.services.sync import resolve_share
from app.services.sync_merge import HANDED_OUT, known_officers
from app.services.sync_parts import hand_over
from app.services.visits import audit
from app.services.visits.common import PART_LABELS, PARTS, get_part, handed_over_to
from app.settings import Settings

ROLE_NAMES = {"verksamhetsuppfoljare": "verksamhetsuppföljare", "mas": "MAS"}


@dataclass(frozen=True)
class Recipient:
    device_id: str
    officer: str  # "" when not known here
    role: str = ""  # "verksamhetsuppfoljare" | "mas" | "" when not known
    same_name_elsewhere: bool = False  # another laptop names the same officer

    @property
    def label(self) -> str:
        """How people see the laptop: its officer and role, else its id in words."""
        if not self.officer:
            return f"Dator {self.device_id} (handläggarens namn är inte känt)"
        text = self.officer
        if self.role in ROLE_NAMES:
            text += f", {ROLE_NAMES[self.role]}"
        if self.same_name_elsewhere:  # one person, two laptops: tell them apart
            text += f" (dator {self.device_id[:8]})"
        return text

    @property
    def holder(self) -> str:
        """Who holds a part handed over to this laptop, as the visit shows it."""
        return self.label if self.officer else self.device_id


def _from_received(session: Session, devices: set[str]) -> dict[str, tuple[str, str]]:
    """Device -> (officer, role) as the parts received from it name them: for
    laptops that have not published their officer (an older program)."""
    if not devices:
        return {}
    names = known_officers(session)
    found: dict[str, tuple[str, str]] = {}
    for device, text in session.execute(select(ReceivedPart.from_device, ReceivedPart.snapshot)
                                        .where(ReceivedPart.from_device.in_(devices))
                                        .order_by(ReceivedPart.id)):
        name = names.get(device, "")
        try:
            owner = (json.loads(text).get("part") or {}).get("owner") or {}
        except ValueError:
            owner = {}
        role = str(owner.get("role") or "") if owner.get("name") == name else ""
        if name and (device not in found or role):
            found[device] = (name, role)
    return found


def recipients(session: Session, paths: AppPaths, settings: Settings,
               share_path: str | Path | None = None) -> list[Recipient]:
    """Every other laptop with a published key on the share, named by the
    officer it publishes (else as the parts received from it name them)."""
    share = resolve_share(paths, settings, share_path)
    # A share problem is a ShareError (a UserFacingError with its Swedish
    # message, translatable in the UI): it goes to the caller as it is.
    share.check()
    trusted = load_trusted_keys(share)
    published = read_device_officers(share, trusted)
    devices = {t.device_id for t in trusted.values()} - {settings.device_id}
    people = {d: (o.officer, o.role) for d, o in published.items() if d in devices}
    people.update(_from_received(session, devices - set(people)))
    counts = Counter(name for name, _role in people.values())
    found = [Recipient(d, *people.get(d, ("", "")),
                       same_name_elsewhere=counts[people.get(d, ("", ""))[0]] > 1)
             for d in devices]
    return sorted(found, key=lambda r: (not r.officer, r.officer.casefold(), r.device_id))


def hand_over_part(session: Session, paths: AppPaths, settings: Settings, visit_id: str,
                   part: str, recipient: str, share_path: str | Path | None = None
                   ) -> PublishResult:
    """Publish the part to ``recipient`` (a device id) and mark it handed over here."""
    if part not in PARTS:
        raise UserFacingError(Message("Okänd del '{part}' (ska vara sol eller hsl).", part=part))
    get_part(session, visit_id, part)  # the follow-up and part exist here
    if recipient == settings.device_id:
        raise UserFacingError("Välj en kollegas dator, inte den här.")
    known = {r.device_id: r for r in recipients(session, paths, settings, share_path)}
    if recipient not in known:
        raise UserFacingError(
            Message("Datorn {recipient} har ingen publicerad nyckel i den gemensamma "
                    "mappen. Kollegan behöver synkronisera en gång först.", recipient=recipient))
    share = resolve_share(paths, settings, share_path)
    loaded = load_or_create_key(settings.device_id, paths.config_dir)
    result = hand_over(session, paths, share, loaded.key, visit_id, part, recipient,
                       officer=settings.officer_name)  # a ShareError says what went wrong
    audit.record(session, visit_id, part, HANDED_OUT, None, known[recipient].holder,
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
    from app.models.register import Unit
    from app.models.visit import Visit, VisitPart

    rows = session.execute(
        select(VisitPart.visit_id, Unit.name, Visit.year, VisitPart.part, VisitPart.status)
        .join(Visit, Visit.id == VisitPart.visit_id).join(Unit, Unit.id == Visit.unit_id)
        .order_by(VisitPart.status.desc(), Visit.year.desc(), Unit.name, VisitPart.part)
        .limit(limit)).all()
    return [HandoverCandidate(v, name, year, part, status, handed_over_to(session, v, part))
            for v, name, year, part, status in rows]
