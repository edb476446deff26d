"""Template versions in the database: import, the active version for a date,
show, and the difference between two versions.

Every imported version is stored whole (canonical JSON plus the YAML it came
from), so a visit pinned to a version can always be shown, even after the file
is gone. A version number is never reused for other content. Functions flush;
the caller's transaction commits.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import InputProblem, InvalidInputError, Message, UserFacingError
from app.models.template import TemplateVersion
from app.services.template_diff import TemplateDiff, diff_templates
from app.services.template_format import (
    Guidance,
    QuestionDef,
    SectionDef,
    TemplateDef,
    load_template_file,
    shipped_template_files,
    version_key,
)

log = logging.getLogger(__name__)

__all__ = [
    "TemplateDiff",
    "VersionInfo",
    "active_template",
    "canonical_json",
    "check_version_is_free",
    "diff_templates",
    "ensure_shipped_templates",
    "import_template",
    "list_versions",
    "template_by_version",
    "template_by_version_id",
    "template_from_dict",
    "template_to_dict",
]


# --- canonical form -------------------------------------------------------------


def template_to_dict(t: TemplateDef) -> dict[str, Any]:
    """A plain dict of the whole template (JSON-ready, stable key order)."""
    return {
        "id": t.id,
        "name": t.name,
        "version": t.version,
        "valid_from": t.valid_from.isoformat(),
        "unit_types": list(t.unit_types),
        "sections": [
            {
                "id": s.id,
                "title": s.title,
                "questions": [
                    {
                        "id": q.id,
                        "text": q.text,
                        "part": q.part,
                        "unit_types": list(q.unit_types),
                        "basis": q.basis,
                        "answer": q.answer_kind,
                        "number_unit": q.number_unit,
                        "guidance": {
                            "fulfilled": q.guidance.fulfilled,
                            "partly": q.guidance.partly,
                            "not_fulfilled": q.guidance.not_fulfilled,
                            "look_at": q.guidance.look_at,
                            "staff_knowledge": q.guidance.staff_knowledge,
                        },
                        "documents": list(q.documents),
                    }
                    for q in s.questions
                ],
            }
            for s in t.sections
        ],
    }


def template_from_dict(d: dict[str, Any]) -> TemplateDef:
    sections = tuple(
        SectionDef(
            id=s["id"],
            title=s["title"],
            questions=tuple(
                QuestionDef(
                    id=q["id"],
                    text=q["text"],
                    part=q["part"],
                    unit_types=tuple(q["unit_types"]),
                    basis=q["basis"],
                    guidance=Guidance(**q["guidance"]),
                    documents=tuple(q["documents"]),
                    answer_kind=q["answer"],
                    number_unit=q["number_unit"],
                    section_id=s["id"],
                )
                for q in s["questions"]
            ),
        )
        for s in d["sections"]
    )
    return TemplateDef(
        id=d["id"],
        name=d["name"],
        version=d["version"],
        valid_from=date.fromisoformat(d["valid_from"]),
        unit_types=tuple(d["unit_types"]),
        sections=sections,
    )


def canonical_json(t: TemplateDef) -> str:
    return json.dumps(template_to_dict(t), ensure_ascii=False, indent=1)


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- import ---------------------------------------------------------------------


def import_template(
    session: Session,
    tdef_or_path: TemplateDef | Path | str,
    now: datetime | None = None,
) -> TemplateVersion:
    """Store a template version. Re-importing the same content is a no-op that
    returns the stored row; the same version with other content is refused
    with InvalidInputError (nothing is changed)."""
    source_text: str | None = None
    source_name: str | None = None
    if isinstance(tdef_or_path, TemplateDef):
        tdef = tdef_or_path
    else:
        path = Path(tdef_or_path)
        tdef = load_template_file(path)
        source_name = path.name
        source_text = path.read_text(encoding="utf-8-sig")
    content = canonical_json(tdef)
    existing = check_version_is_free(session, tdef, source_name, content)
    if existing is not None:
        return existing
    digest = _sha256(content)
    row = TemplateVersion(
        template_id=tdef.id,
        version=tdef.version,
        name=tdef.name,
        valid_from=tdef.valid_from,
        content=content,
        content_sha256=digest,
        source_text=source_text,
        source_name=source_name,
        imported_at=now or datetime.now().replace(microsecond=0),
    )
    session.add(row)
    session.flush()
    _CACHE[digest] = tdef
    return row


def check_version_is_free(
    session: Session, tdef: TemplateDef, filename: str | None = None, content: str | None = None
) -> TemplateVersion | None:
    """The stored row if this exact version and content is already imported;
    None if the version is new; InvalidInputError if the version number is
    taken by other content."""
    digest = _sha256(content if content is not None else canonical_json(tdef))
    existing = session.scalars(
        select(TemplateVersion).where(
            TemplateVersion.template_id == tdef.id, TemplateVersion.version == tdef.version
        )
    ).one_or_none()
    if existing is None or existing.content_sha256 == digest:
        return existing
    raise InvalidInputError(
        Message("Mallversion {version} finns redan med annat innehåll och har inte "
                "ändrats.", version=tdef.version),
        _conflict_problems(filename or f"{tdef.id} {tdef.version}", existing, tdef),
    )


def _conflict_problems(
    filename: str, existing: TemplateVersion, tdef: TemplateDef
) -> list[InputProblem]:
    stored = _parse_stored(existing.content_sha256, existing.content)
    diff = diff_templates(stored, tdef)
    changed = diff.changed_ids()
    message = Message(
        "Version {version} är redan inläst (den {imported}) med annat innehåll. Ge den "
        "ändrade mallen ett nytt versionsnummer, t.ex. {next_version}.",
        version=tdef.version, imported=f"{existing.imported_at:%Y-%m-%d}",
        next_version=_next_version(tdef.version))
    problems = [InputProblem(filename, message)]
    if diff.header_changes:
        problems.append(InputProblem(filename, Message(
            "Ändrat i mallens huvud: {changes}.", changes=", ".join(diff.header_changes))))
    what: dict[str, list[str]] = {qid: [] for qid in changed}
    for label, group in (
        ("ny fråga", diff.added), ("finns inte i filen", diff.removed),
        ("ny formulering", diff.reworded), ("flyttad", diff.moved),
        ("ändrad vägledning", diff.guidance_changed), ("ändrat", diff.other_changed),
    ):
        for change in group:
            details = f" ({', '.join(change.details)})" if label.startswith("ändra") else ""
            what[change.id].append(label + details)
    for qid in changed[:20]:
        problems.append(InputProblem(filename, Message(
            "Frågan skiljer sig från den inlästa: {changes}.", changes="; ".join(what[qid])),
            item=qid))
    if len(changed) > 20:
        problems.append(InputProblem(filename, Message(
            "... och {count} frågor till.", count=len(changed) - 20)))
    return problems


def _next_version(version: str) -> str:
    year, _, serial = version.partition(".")
    return f"{year}.{int(serial) + 1}" if serial.isdigit() else version + ".1"


def ensure_shipped_templates(session: Session) -> None:
    """Import the shipped template files that are not yet in the database.
    Called at every start, so a file whose exact text is already stored is
    skipped without parsing it."""
    stored = set(session.scalars(select(TemplateVersion.source_text)))
    known = {
        (t, v) for t, v in session.execute(
            select(TemplateVersion.template_id, TemplateVersion.version)
        )
    }
    for path in shipped_template_files():
        if path.read_text(encoding="utf-8-sig") in stored:
            continue
        tdef = load_template_file(path)
        if (tdef.id, tdef.version) not in known:
            import_template(session, path)
            continue
        try:
            check_version_is_free(session, tdef, path.name)
        except InvalidInputError:
            # A version is never replaced: the stored one is what visits used.
            log.warning("shipped %s differs from stored version %s; keeping the stored one",
                        path.name, tdef.version)


# --- reading --------------------------------------------------------------------

# Parsed templates by content hash: stored content never changes, so the
# cache never goes stale and is shared by every database in the process.
_CACHE: dict[str, TemplateDef] = {}


def _parse_stored(digest: str, content: str) -> TemplateDef:
    tdef = _CACHE.get(digest)
    if tdef is None:
        tdef = template_from_dict(json.loads(content))
        _CACHE[digest] = tdef
    return tdef


def template_by_version_id(session: Session, version_id: int) -> TemplateDef:
    digest = session.scalar(
        select(TemplateVersion.content_sha256).where(TemplateVersion.id == version_id)
    )
    if digest is None:
        raise UserFacingError(Message(
            "Mallversionen med id {version_id} finns inte i databasen.", version_id=version_id))
    if digest in _CACHE:
        return _CACHE[digest]
    content = session.scalar(select(TemplateVersion.content).where(TemplateVersion.id == version_id))
    assert content is not None
    return _parse_stored(digest, content)


def template_by_version(
    session: Session, version: str, template_id: str | None = None
) -> tuple[int, TemplateDef]:
    """(template_version.id, def) for a version number like '2027.1'."""
    query = select(TemplateVersion.id).where(TemplateVersion.version == version)
    if template_id is not None:
        query = query.where(TemplateVersion.template_id == template_id)
    ids = list(session.scalars(query.order_by(TemplateVersion.id.desc())))
    if not ids:
        known = ", ".join(v.version for v in list_versions(session)) or "inga"
        raise UserFacingError(Message(
            "Mallversion {version} finns inte (inlästa versioner: {known}).", version=version, known=known))
    return ids[0], template_by_version_id(session, ids[0])


def active_template(session: Session, on: date) -> tuple[int, TemplateDef]:
    """The version new visits use on ``on``: the newest valid_from <= on (the
    highest version number if two share a date)."""
    rows = session.execute(
        select(TemplateVersion.id, TemplateVersion.version, TemplateVersion.valid_from).where(
            TemplateVersion.valid_from <= on
        )
    ).all()
    if not rows:
        raise UserFacingError(
            Message("Ingen uppföljningsmall gäller den {on}. Läs in en mall med "
                    "'uppfoljaren template import FIL'.", on=on.isoformat())
        )
    best = max(rows, key=lambda r: (r.valid_from, version_key(r.version), r.id))
    return best.id, template_by_version_id(session, best.id)


@dataclass(frozen=True)
class VersionInfo:
    id: int
    template_id: str
    version: str
    name: str
    valid_from: date
    imported_at: datetime
    source_name: str | None
    section_count: int
    question_count: int


def list_versions(session: Session) -> list[VersionInfo]:
    """All stored versions, newest first."""
    rows = session.scalars(select(TemplateVersion)).all()
    infos = []
    for row in rows:
        tdef = _parse_stored(row.content_sha256, row.content)
        infos.append(
            VersionInfo(
                id=row.id,
                template_id=row.template_id,
                version=row.version,
                name=row.name,
                valid_from=row.valid_from,
                imported_at=row.imported_at,
                source_name=row.source_name,
                section_count=len(tdef.sections),
                question_count=len(tdef.all_questions()),
            )
        )
    infos.sort(key=lambda v: (v.valid_from, version_key(v.version), v.id), reverse=True)
    return infos


def source_text(session: Session, version_id: int) -> str | None:
    """The YAML a version was imported from, if it came from a file."""
    return session.scalar(
        select(TemplateVersion.source_text).where(TemplateVersion.id == version_id)
    )
