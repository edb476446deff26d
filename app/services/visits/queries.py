"""Reading visits: the list, and one visit with everything its window shows."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from app.models import District, Unit
from app.models.visit import (
    Answer,
    Attachment,
    DocumentRequest,
    Finding,
    Participant,
    PreviousDeficiency,
    Visit,
    VisitPart,
)
from app.services.template_format import answer_label
from app.services.visits.common import (
    FINDING_KINDS,
    PART_LABELS,
    PART_STATUSES,
    PREVIOUS_STATUSES,
    REMEDIES,
    SUMMARY_FIELDS,
    VISIT_STATUSES,
    get_visit,
    handed_over_to,
    is_answered,
    loads_dict,
    loads_list,
)
from app.services.visits.lifecycle import previous_visit
from app.services.visits.templating import PinnedTemplate, pinned_template
from app.services.visits.views import (
    AnswerView,
    AttachmentView,
    DocumentView,
    FindingView,
    PartView,
    PreviousDeficiencyView,
    QuestionView,
    SectionView,
    TemplateInfo,
    UnitFacts,
    VisitDetail,
    VisitSummary,
)


def list_visits(
    session: Session, *, year: int | None = None, unit_id: str | None = None,
    status: str | None = None, owner: str | None = None,
) -> list[VisitSummary]:
    """Visits, newest year first; ``owner`` matches either part's owner."""
    conditions = []
    if year is not None:
        conditions.append(Visit.year == year)
    if unit_id is not None:
        conditions.append(Visit.unit_id == unit_id)
    if status is not None:
        conditions.append(Visit.status == status)
    if owner is not None:
        conditions.append(Visit.id.in_(
            select(VisitPart.visit_id).where(VisitPart.owner == owner)))
    # Only the columns the list shows: the long texts stay on disk.
    rows = session.execute(
        select(Visit.id, Visit.unit_id, Visit.year, Visit.seq, Visit.status,
               Visit.template_version_id, Visit.visit_start, Unit.name, Unit.type_code,
               District.name)
        .join(Unit, Visit.unit_id == Unit.id)
        .join(District, Unit.followup_district_id == District.id)
        .where(*conditions)
        .order_by(Visit.year.desc(), Unit.name, Visit.seq)).all()
    parts: dict[str, dict[str, tuple[str, int, str]]] = defaultdict(dict)
    for visit_id, part, part_owner, revision, part_status in session.execute(
            select(VisitPart.visit_id, VisitPart.part, VisitPart.owner, VisitPart.revision,
                   VisitPart.status).join(Visit, VisitPart.visit_id == Visit.id)
            .where(*conditions)):
        parts[visit_id][part] = (part_owner, revision, part_status)
    versions: dict[int, str] = {}
    result = []
    for (visit_id, unit, year_, seq, status_, version_id, start, unit_name, unit_type,
         district) in rows:
        if version_id not in versions:
            versions[version_id] = pinned_template(session, version_id).definition.version
        sol, hsl = parts[visit_id].get("sol"), parts[visit_id].get("hsl")
        result.append(VisitSummary(
            id=visit_id, unit_id=unit, unit_name=unit_name, unit_type=unit_type,
            district=district, year=year_, status=status_,
            status_label=VISIT_STATUSES.get(status_, status_),
            sol_owner=sol[0] if sol else "", hsl_owner=hsl[0] if hsl else None,
            sol_revision=sol[1] if sol else 0, hsl_revision=hsl[1] if hsl else None,
            visit_date=start.date() if start else None,
            template_version=versions[version_id], seq=seq,
            sol_status=sol[2] if sol else "utkast", hsl_status=hsl[2] if hsl else None,
        ))
    return result


def unit_facts(unit: Unit) -> UnitFacts:
    return UnitFacts(
        id=unit.id, name=unit.name, type_code=unit.type_code, type_name=unit.unit_type.name,
        regiform_code=unit.regiform_code, regiform_name=unit.regiform.name,
        provider=unit.provider.name if unit.provider else "", address=unit.address or "",
        district=unit.district.name if unit.district else "",
        followup_district=unit.followup_district.name,
        region=unit.followup_district.region.name, outside_city=unit.outside_city,
        places=unit.places, manager=unit.manager or "",
    )


def answer_view(kind: str, row: Answer) -> AnswerView:
    if kind == "yesno" and row.yesno is not None and row.answer is None:
        label = "Ja" if row.yesno else "Nej"
    elif kind == "number" and row.number is not None and row.answer is None:
        label = f"{row.number:g}"
    else:
        label = answer_label(row.answer) if row.answer else ""
    return AnswerView(
        question_id=row.question_id, answer=row.answer, answer_label=label, number=row.number,
        yesno=row.yesno, comment=row.comment, evidence=tuple(loads_list(row.evidence)),
        updated_at=row.updated_at, updated_by=row.updated_by,
        answered=is_answered(kind, row.answer, row.number, row.yesno),
    )


def _sections(template: PinnedTemplate, unit_type: str, part: str,
              answers: dict[str, Answer], previous: dict[str, Answer]) -> list[SectionView]:
    by_section: dict[str, list[QuestionView]] = defaultdict(list)
    for q in template.questions(unit_type, part):
        mine, before = answers.get(q.id), previous.get(q.id)
        by_section[q.section_id].append(QuestionView(
            id=q.id, text=q.text, part=q.part, section_id=q.section_id,
            section_title=template.section_titles.get(q.section_id, ""), basis=q.basis,
            answer_kind=q.answer_kind, number_unit=q.number_unit, guidance=q.guidance,
            documents=q.documents,
            answer=answer_view(q.answer_kind, mine) if mine else None,
            previous=answer_view(q.answer_kind, before) if before else None,
        ))
    sections = []
    for section in template.definition.sections:
        questions = by_section.get(section.id)
        if not questions:
            continue
        sections.append(SectionView(
            id=section.id, title=section.title, part=part, questions=tuple(questions),
            answered=sum(1 for q in questions if q.answered), applicable=len(questions),
        ))
    return sections


def part_view(row: VisitPart, sections: list[SectionView],
              handed_over_to: str | None = None) -> PartView:
    status_label = PART_STATUSES.get(row.status, row.status)
    if handed_over_to:
        status_label = f"Överlämnad till {handed_over_to}"
    return PartView(
        part=row.part, label=PART_LABELS.get(row.part, row.part), owner=row.owner,
        owner_role=row.owner_role, owner_district=row.owner_district, status=row.status,
        status_label=status_label, revision=row.revision, handed_over_to=handed_over_to,
        finalized_at=row.finalized_at, finalized_by=row.finalized_by,
        summaries={f: getattr(row, f) for f, p in SUMMARY_FIELDS.items() if p == row.part},
        sections=tuple(sections), answered=sum(s.answered for s in sections),
        applicable=sum(s.applicable for s in sections),
    )


def finding_view(f: Finding) -> FindingView:
    return FindingView(
        id=f.id, part=f.part, kind=f.kind, kind_label=FINDING_KINDS.get(f.kind, f.kind),
        text=f.text, question_ids=tuple(loads_list(f.question_ids)),
        required_action=f.required_action, deadline=f.deadline, remedy=f.remedy,
        remedy_label=REMEDIES.get(f.remedy or "", ""),
        action_plan_received=f.action_plan_received,
    )


def previous_view(p: PreviousDeficiency) -> PreviousDeficiencyView:
    return PreviousDeficiencyView(
        previous_finding_id=p.previous_finding_id, previous_visit_id=p.previous_visit_id,
        previous_year=p.previous_year, part=p.part, text=p.text,
        required_action=p.required_action, deadline=p.deadline,
        question_ids=tuple(loads_list(p.question_ids)), status=p.status,
        status_label=PREVIOUS_STATUSES.get(p.status or "", "Ej bedömd"), comment=p.comment,
    )


def open_visit(session: Session, visit_id: str) -> VisitDetail:
    visit = get_visit(session, visit_id)
    unit = session.scalar(select(Unit).where(Unit.id == visit.unit_id).options(
        joinedload(Unit.unit_type), joinedload(Unit.regiform), joinedload(Unit.provider),
        joinedload(Unit.district), joinedload(Unit.followup_district).joinedload(
            District.region)))
    assert unit is not None  # foreign key
    before = previous_visit(session, visit)
    parts = list(session.scalars(select(VisitPart).where(VisitPart.visit_id == visit_id)))
    return assemble_detail(
        visit, unit_facts(unit), pinned_template(session, visit.template_version_id),
        answers=list(session.scalars(select(Answer).where(Answer.visit_id == visit_id))),
        previous_answers=list(session.scalars(
            select(Answer).where(Answer.visit_id == before.id))) if before else [],
        previous=before,
        parts=parts,
        documents=list(session.scalars(select(DocumentRequest).where(
            DocumentRequest.visit_id == visit_id))),
        participants=list(session.scalars(
            select(Participant).where(Participant.visit_id == visit_id))),
        findings=list(session.scalars(select(Finding).where(Finding.visit_id == visit_id))),
        previous_deficiencies=list(session.scalars(select(PreviousDeficiency).where(
            PreviousDeficiency.visit_id == visit_id))),
        attachments=list(session.scalars(select(Attachment).where(
            Attachment.visit_id == visit_id))),
        handed_over={p.part: r for p in parts if (r := handed_over_to(session, visit_id, p.part))},
    )


def assemble_detail(
    visit: Visit, unit: UnitFacts, template: PinnedTemplate, *, answers: list[Answer],
    previous_answers: list[Answer], previous: Visit | None, parts: list[VisitPart],
    documents: list[DocumentRequest], participants: list[Participant],
    findings: list[Finding], previous_deficiencies: list[PreviousDeficiency],
    attachments: list[Attachment], handed_over: dict[str, str] | None = None,
) -> VisitDetail:
    """A VisitDetail from rows already at hand (open_visit loads them; the demo
    builds them in memory), so both give the very same shape."""
    mine = {a.question_id: a for a in answers}
    before = {a.question_id: a for a in previous_answers}
    part_views = tuple(
        part_view(p, _sections(template, unit.type_code, p.part, mine, before),
                  (handed_over or {}).get(p.part))
        for p in sorted(parts, key=lambda p: p.part, reverse=True)  # sol before hsl
    )
    definition = template.definition
    return VisitDetail(
        id=visit.id, unit=unit, year=visit.year, seq=visit.seq,
        status=visit.status, status_label=VISIT_STATUSES.get(visit.status, visit.status),
        template=TemplateInfo(template.version_id, definition.id, definition.name,
                              definition.version),
        parts=part_views,
        documents=tuple(DocumentView(d.id, d.part, d.name, tuple(loads_list(d.question_ids)),
                                     d.received, d.received_on)
                        for d in sorted(documents, key=lambda d: (d.sort_order, d.id or 0))),
        participants={p.role: p.count for p in participants},
        findings=tuple(finding_view(f) for f in sorted(
            findings, key=lambda f: (f.sort_order, f.id or 0))),
        previous_deficiencies=tuple(previous_view(p) for p in sorted(
            previous_deficiencies, key=lambda p: p.id or 0)),
        attachments=tuple(AttachmentView(a.id, a.question_id, a.filename, a.stored_name,
                                         a.size, a.added_at, a.added_by)
                          for a in sorted(attachments, key=lambda a: a.id or 0)),
        preanalysis_notes=visit.preanalysis_notes, key_facts=loads_dict(visit.key_facts),
        visit_start=visit.visit_start, visit_end=visit.visit_end,
        method_notes=visit.method_notes, irregularity_flag=bool(visit.irregularity_flag),
        irregularity_note=visit.irregularity_note, factcheck_sent=visit.factcheck_sent,
        factcheck_reply_date=visit.factcheck_reply_date,
        factcheck_reply=visit.factcheck_reply, factcheck_changes=visit.factcheck_changes,
        previous_visit_id=previous.id if previous else None,
        previous_year=previous.year if previous else None,
        created_at=visit.created_at, created_by=visit.created_by,
        updated_at=visit.updated_at,
    )
