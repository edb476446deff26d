"""What changed between two template versions, by stable question id.

A question is *added* or *removed* when its id appears in only one version;
*reworded* when its text changed; *moved* when it changed area, or changed
place relative to the questions both versions share (so that inserting or
removing a question does not count as moving its neighbours); *guidance
changed* when any part of its vägledning changed; and *other* changes cover
part, unit types, basis, answer kind and documents.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.errors import Message
from app.services.template_format import QuestionDef, TemplateDef

GUIDANCE_LABELS = {
    "fulfilled": "uppfyllt",
    "partly": "delvis uppfyllt",
    "not_fulfilled": "ej uppfyllt",
    "look_at": "vad som granskas",
    "staff_knowledge": "personalens kunskap",
}
FIELD_LABELS = {
    "part": "del",
    "unit_types": "enhetstyper",
    "basis": "grund",
    "answer_kind": "svarssätt",
    "number_unit": "enhet",
    "documents": "dokument",
}


@dataclass(frozen=True)
class QuestionChange:
    id: str
    old: QuestionDef | None
    new: QuestionDef | None
    # Labels of what changed: guidance parts for guidance_changed, field
    # labels for other_changed, "område" / "ordning" for moved.
    details: tuple[str, ...] = ()

    @property
    def current(self) -> QuestionDef:
        result = self.new or self.old
        assert result is not None
        return result


@dataclass(frozen=True)
class TemplateDiff:
    a_version: str
    b_version: str
    added: tuple[QuestionChange, ...] = ()
    removed: tuple[QuestionChange, ...] = ()
    reworded: tuple[QuestionChange, ...] = ()
    moved: tuple[QuestionChange, ...] = ()
    guidance_changed: tuple[QuestionChange, ...] = ()
    other_changed: tuple[QuestionChange, ...] = ()
    sections_added: tuple[str, ...] = ()
    sections_removed: tuple[str, ...] = ()
    sections_renamed: tuple[tuple[str, str, str], ...] = ()  # (id, old title, new title)
    header_changes: tuple[str, ...] = field(default=())

    def is_empty(self) -> bool:
        return not (
            self.added or self.removed or self.reworded or self.moved or self.guidance_changed
            or self.other_changed or self.sections_added or self.sections_removed
            or self.sections_renamed or self.header_changes
        )

    def changed_ids(self) -> list[str]:
        """Every question id that differs in any way, in first-seen order."""
        seen: dict[str, None] = {}
        for group in (self.added, self.removed, self.reworded, self.moved,
                      self.guidance_changed, self.other_changed):
            for change in group:
                seen.setdefault(change.id, None)
        return list(seen)

    def summary(self) -> str:
        return Message(
            "{a} → {b}, frågor: {added} nya, {removed} borttagna, {reworded} omformulerade, "
            "{moved} flyttade, {guidance} med ändrad vägledning, {other} med andra ändringar.",
            a=self.a_version, b=self.b_version, added=len(self.added),
            removed=len(self.removed), reworded=len(self.reworded), moved=len(self.moved),
            guidance=len(self.guidance_changed), other=len(self.other_changed))


def _stable_order(a_ids: list[str], b_ids: list[str]) -> set[str]:
    """Ids that keep their relative order: the longest common subsequence of
    the shared questions in template order (patience-free O(n*m); n ~ 100)."""
    n, m = len(a_ids), len(b_ids)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            if a_ids[i] == b_ids[j]:
                table[i][j] = table[i + 1][j + 1] + 1
            else:
                table[i][j] = max(table[i + 1][j], table[i][j + 1])
    keep: set[str] = set()
    i = j = 0
    while i < n and j < m:
        if a_ids[i] == b_ids[j]:
            keep.add(a_ids[i])
            i += 1
            j += 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return keep


def diff_templates(a: TemplateDef, b: TemplateDef) -> TemplateDiff:
    """Changes from version ``a`` (older) to ``b`` (newer)."""
    old = {q.id: q for q in a.all_questions()}
    new = {q.id: q for q in b.all_questions()}
    added = [QuestionChange(q.id, None, q) for q in b.all_questions() if q.id not in old]
    removed = [QuestionChange(q.id, q, None) for q in a.all_questions() if q.id not in new]
    shared_a = [q.id for q in a.all_questions() if q.id in new]
    shared_b = [q.id for q in b.all_questions() if q.id in old]
    in_order = _stable_order(shared_a, shared_b)
    reworded, moved, guidance, other = [], [], [], []
    for qid in shared_b:
        qa, qb = old[qid], new[qid]
        if qa.text != qb.text:
            reworded.append(QuestionChange(qid, qa, qb, ("text",)))
        where = []
        if qa.section_id != qb.section_id:
            where.append("område")
        elif qid not in in_order:
            where.append("ordning")
        if where:
            moved.append(QuestionChange(qid, qa, qb, tuple(where)))
        parts = tuple(
            label for key, label in GUIDANCE_LABELS.items()
            if getattr(qa.guidance, key) != getattr(qb.guidance, key)
        )
        if parts:
            guidance.append(QuestionChange(qid, qa, qb, parts))
        fields = tuple(
            label for key, label in FIELD_LABELS.items() if getattr(qa, key) != getattr(qb, key)
        )
        if fields:
            other.append(QuestionChange(qid, qa, qb, fields))
    titles_a = {s.id: s.title for s in a.sections}
    titles_b = {s.id: s.title for s in b.sections}
    header = [
        label for label, x, y in (
            ("id", a.id, b.id), ("namn", a.name, b.name), ("version", a.version, b.version),
            ("giltig från", a.valid_from, b.valid_from), ("enhetstyper", a.unit_types, b.unit_types),
        ) if x != y
    ]
    return TemplateDiff(
        a_version=a.version,
        b_version=b.version,
        added=tuple(added),
        removed=tuple(removed),
        reworded=tuple(reworded),
        moved=tuple(moved),
        guidance_changed=tuple(guidance),
        other_changed=tuple(other),
        sections_added=tuple(s for s in titles_b if s not in titles_a),
        sections_removed=tuple(s for s in titles_a if s not in titles_b),
        sections_renamed=tuple(
            (s, titles_a[s], titles_b[s]) for s in titles_b
            if s in titles_a and titles_a[s] != titles_b[s]
        ),
        header_changes=tuple(header),
    )
