"""What the assessment step shows, built once from a ``VisitDetail``: areas of
question definitions, each answer's editable state and the previous answers."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.services.template_format import QuestionDef
from app.services.visits import QuestionView, VisitDetail
from app.ui.visits.question_editor import AnswerState, PreviousAnswer, format_number
from app.ui.visits.question_model import Area


def as_definition(q: QuestionView) -> QuestionDef:
    return QuestionDef(
        id=q.id, text=q.text, part=q.part, unit_types=(), basis=q.basis, guidance=q.guidance,
        documents=q.documents, answer_kind=q.answer_kind, number_unit=q.number_unit,
        section_id=q.section_id,
    )


def state_of(q: QuestionView) -> AnswerState:
    a = q.answer
    if a is None:
        return AnswerState()
    return AnswerState(a.answer, a.number, a.yesno, a.comment, tuple(a.evidence))


def previous_of(q: QuestionView, year: int) -> PreviousAnswer:
    """The previous visit's answer as shown beside the question (a number in the text)."""
    assert q.previous is not None
    p = q.previous
    choice = AnswerState(p.answer, p.number, p.yesno).choice()
    if choice != "number":
        return PreviousAnswer(year, choice, p.comment)
    number = f"{format_number(p.number)} {q.number_unit or ''}".strip()
    return PreviousAnswer(year, None, " – ".join(t for t in (number, p.comment) if t))


@dataclass
class AssessmentContent:
    areas: list[Area] = field(default_factory=list)
    questions: dict[str, QuestionDef] = field(default_factory=dict)
    states: dict[str, AnswerState] = field(default_factory=dict)
    previous: dict[str, PreviousAnswer] = field(default_factory=dict)
    area_title: dict[str, str] = field(default_factory=dict)

    def answers(self) -> dict[str, str | None]:
        return {qid: state.choice() for qid, state in self.states.items()}

    @classmethod
    def of(cls, detail: VisitDetail) -> AssessmentContent:
        """Areas per part and section, in template order (both parts when the
        visit has two; the view filters by part)."""
        content = cls()
        for part in detail.parts:
            for section in part.sections:
                area = Area(f"{part.part}:{section.id}", section.title)
                for q in section.questions:
                    definition = as_definition(q)
                    area.questions.append(definition)
                    content.questions[q.id] = definition
                    content.area_title[q.id] = section.title
                    content.states[q.id] = state_of(q)
                    if q.previous is not None and detail.previous_year is not None:
                        content.previous[q.id] = previous_of(q, detail.previous_year)
                content.areas.append(area)
        return content
