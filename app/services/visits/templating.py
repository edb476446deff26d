"""The template a visit is pinned to, parsed once per process.

A visit keeps the template version that was active when it started, so an
answer's question (and its part) is looked up in that version. Parsing the
YAML takes far longer than a save may, so parsed templates are cached by
database and version id (a version's text never changes once stored).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from sqlalchemy.orm import Session

from app.services.template_format import QuestionDef, TemplateDef


@dataclass(frozen=True)
class PinnedTemplate:
    version_id: int
    definition: TemplateDef

    @cached_property
    def by_id(self) -> dict[str, QuestionDef]:
        return {q.id: q for q in self.definition.all_questions()}

    @cached_property
    def section_titles(self) -> dict[str, str]:
        return {s.id: s.title for s in self.definition.sections}

    def questions(self, unit_type: str, part: str | None = None) -> list[QuestionDef]:
        return self.definition.questions_for(unit_type, part)


_CACHE: dict[tuple[str, int], PinnedTemplate] = {}


def pinned_template(session: Session, version_id: int) -> PinnedTemplate:
    from app.services.templates import template_by_version_id

    key = (str(session.get_bind().url), version_id)
    found = _CACHE.get(key)
    if found is None:
        found = PinnedTemplate(version_id, template_by_version_id(session, version_id))
        _CACHE[key] = found
    return found


def clear_cache() -> None:
    _CACHE.clear()
