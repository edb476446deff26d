"""Adding and removing a finding as undoable commands.

A finding removed by undo and brought back by redo is a new database row
with a new id (the audit trail shows both). ``FindingIds`` maps every id a
finding ever had to the current one, so commands made earlier (edits of its
text, its removal) still reach it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from app.services import visits as visits_service
from app.ui.visits.controller import VisitContext

# What add_finding takes besides part and kind; the action-plan date is set after.
_ADD_FIELDS = ("text", "question_ids", "required_action", "deadline", "remedy")


class FindingIds:
    def __init__(self) -> None:
        self._moved: dict[int, int] = {}

    def resolve(self, finding_id: int) -> int:
        seen = set()
        while finding_id in self._moved and finding_id not in seen:
            seen.add(finding_id)
            finding_id = self._moved[finding_id]
        return finding_id

    def moved(self, old: int, new: int) -> None:
        self._moved[old] = new


class FindingLifecycle:
    """The service calls behind the commands, with the id bookkeeping."""

    def __init__(self, visit: VisitContext, ids: FindingIds,
                 shown: Callable[[int], dict[str, Any] | None],
                 after: Callable[[int | None], None]) -> None:
        self.visit = visit
        self.ids = ids
        self.shown = shown  # the finding's fields as the view shows them (what was typed)
        self.after = after  # reload the view and select the finding (None: nothing)

    def fields(self, finding_id: int) -> dict[str, Any] | None:
        row = self.shown(self.ids.resolve(finding_id))
        if row is None:
            return None
        return {k: row[k] for k in ("part", "kind", *_ADD_FIELDS, "action_plan_received")}

    def remove(self, finding_id: int) -> bool:
        current = self.ids.resolve(finding_id)
        ok = self.visit.write(f"delete-finding:{current}", lambda s: visits_service.delete_finding(
            s, current, who=self.visit.who))
        if ok:
            self.after(None)
        return ok

    def restore(self, finding_id: int, fields: dict[str, Any]) -> bool:
        created: list[int] = []

        def add(session: Any) -> None:
            new = visits_service.add_finding(
                session, self.visit.visit_id, fields["part"], fields["kind"], who=self.visit.who,
                **{k: fields[k] for k in _ADD_FIELDS})
            if fields.get("action_plan_received"):
                visits_service.update_finding(session, new, who=self.visit.who,
                                              action_plan_received=fields["action_plan_received"])
            created.append(new)

        ok = self.visit.write(f"restore-finding:{finding_id}", add)
        if ok and created:
            self.ids.moved(self.ids.resolve(finding_id), created[0])
            self.after(created[0])
        return ok


class AddFindingCommand(QUndoCommand):
    """The finding exists when pushed; undo removes it, redo brings it back."""

    def __init__(self, text: str, life: FindingLifecycle, finding_id: int) -> None:
        super().__init__(text)
        self.life = life
        self.handle = finding_id
        self.fields: dict[str, Any] | None = None
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
        elif self.fields is not None:
            self.life.restore(self.handle, self.fields)

    def undo(self) -> None:
        self.fields = self.life.fields(self.handle)
        self.life.remove(self.handle)


class RemoveFindingCommand(QUndoCommand):
    def __init__(self, text: str, life: FindingLifecycle, finding_id: int) -> None:
        super().__init__(text)
        self.life = life
        self.handle = finding_id
        self.fields: dict[str, Any] | None = None

    def redo(self) -> None:
        self.fields = self.life.fields(self.handle)
        self.life.remove(self.handle)

    def undo(self) -> None:
        if self.fields is not None:
            self.life.restore(self.handle, self.fields)
