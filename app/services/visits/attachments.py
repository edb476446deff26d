"""Attachments (files, photos) per visit or per answer, copied into the data
dir so the visit keeps them when the original moves or disappears."""

from __future__ import annotations

import hashlib
import uuid
from pathlib import Path

from sqlalchemy.orm import Session

from app.durable_io import write_bytes_atomic
from app.errors import CannotSaveError, Message, UserFacingError
from app.models.visit import Attachment
from app.services.visits import audit
from app.services.visits.common import get_part, get_visit, require_any_open, require_open
from app.services.visits.errors import CANNOT_SAVE_MESSAGE, NotFoundError, writing
from app.services.visits.sanitize import clean_text, clean_who
from app.services.visits.templating import pinned_template

MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024


def _size_text(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",") + " MB"


def add_attachment(session: Session, visit_id: str, source: Path, *, who: str,
                   question_id: str | None = None, attachments_dir: Path) -> int:
    """Copy ``source`` into ``attachments_dir/<visit id>/`` and register it."""
    source = Path(source)
    who = clean_who(who)
    try:
        size = source.stat().st_size
    except OSError as error:
        raise UserFacingError(Message(
            "Filen {name} kan inte läsas ({strerror}).",
            name=source.name, strerror=error.strerror or error)) from error
    if not source.is_file():
        raise UserFacingError(Message("{name} är inte en fil.", name=source.name))
    if size > MAX_ATTACHMENT_BYTES:
        raise UserFacingError(
            Message("Filen {name} är {size}; en bilaga får vara högst {limit}. "
                    "Minska filen (t.ex. lägre upplösning på fotot) eller dela upp den.",
                    name=source.name, size=_size_text(size), limit=_size_text(MAX_ATTACHMENT_BYTES)))
    visit = get_visit(session, visit_id)
    if question_id is not None:
        question = pinned_template(session, visit.template_version_id).by_id.get(question_id)
        if question is None:
            raise NotFoundError(Message(
                "Frågan {question_id} finns inte i uppföljningens mall.", question_id=question_id))
        require_open(get_part(session, visit_id, question.part))
    else:
        require_any_open(session, visit_id)
    try:
        data = source.read_bytes()
    except OSError as error:
        raise UserFacingError(Message(
            "Filen {name} kan inte läsas ({strerror}).",
            name=source.name, strerror=error.strerror or error)) from error
    if len(data) > MAX_ATTACHMENT_BYTES:  # grew since stat()
        raise UserFacingError(Message("Filen {name} är större än 25 MB.", name=source.name))
    suffix = "".join(c for c in source.suffix[:12] if c.isalnum() or c == ".").lower()
    stored = f"{visit_id}/{uuid.uuid4().hex}{suffix}"
    target = Path(attachments_dir) / stored
    try:
        write_bytes_atomic(target, data)
    except OSError as error:
        raise CannotSaveError(CANNOT_SAVE_MESSAGE) from error
    name = clean_text(source.name, "Filnamnet", 260)
    try:
        with writing(session):
            row = Attachment(visit_id=visit_id, question_id=question_id, filename=name,
                             stored_name=stored, size=len(data),
                             sha256=hashlib.sha256(data).hexdigest(), added_at=audit.utcnow(),
                             added_by=who)
            session.add(row)
            session.flush()
            audit.record(session, visit_id, None, "bilaga", None,
                         f"{name} ({question_id or 'uppföljningen'})", who)
            attachment_id = row.id
    except BaseException:
        target.unlink(missing_ok=True)  # no orphan copy of a file the DB does not know
        raise
    return attachment_id


def delete_attachment(session: Session, attachment_id: int, *, who: str,
                      attachments_dir: Path) -> None:
    with writing(session):
        row = session.get(Attachment, attachment_id)
        if row is None:
            raise NotFoundError(Message("Bilagan {attachment_id} finns inte.", attachment_id=attachment_id))
        visit = get_visit(session, row.visit_id)
        if row.question_id is not None:
            part = pinned_template(session, visit.template_version_id).by_id[row.question_id].part
            require_open(get_part(session, row.visit_id, part))
        else:
            require_any_open(session, row.visit_id)
        audit.record(session, row.visit_id, None, "bilaga", row.filename, None, who)
        stored = row.stored_name
        session.delete(row)
    # The file goes only after the row is gone: a crash in between leaves an
    # orphan file, never a row pointing at nothing.
    (Path(attachments_dir) / stored).unlink(missing_ok=True)


def attachment_path(attachments_dir: Path, stored_name: str) -> Path:
    return Path(attachments_dir) / stored_name
