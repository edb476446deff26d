"""What every step of one visit window shares: the visit, its writer, its
undo stack and its autosave bindings. Injected into each step view."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from sqlalchemy.orm import Session

from app.services import visits as visits_service
from app.services.visits import VisitDetail
from app.ui.context import UiContext
from app.ui.visits.autosave import AutosaveGroup
from app.ui.visits.writer import VisitWriter

if TYPE_CHECKING:
    from app.ui.visits.finding_commands import FindingLifecycle

# Step keys, in the order the window lists them.
STEPS = ("foranalys", "platsbesok", "bedomning", "fynd", "sakgranskning", "faststall")


class VisitContext(QObject):
    reloaded = Signal()  # detail re-read after a structural change (finding, finalize)
    navigate_requested = Signal(str, object)  # step key, target (question id, field, row id)
    irregularity_changed = Signal(bool, str)

    def __init__(self, ctx: UiContext, visit_id: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ui = ctx
        self.visit_id = visit_id
        self.writer = VisitWriter(ctx.sessions, self)
        self.undo = QUndoStack(self)
        self.autosave = AutosaveGroup(self.undo, self)
        self.detail: VisitDetail = self._read()
        # Set by the Fynd step: how findings are added and removed undoably.
        self.finding_life: FindingLifecycle | None = None

    @property
    def who(self) -> str:
        return self.ui.settings.officer_name

    def _read(self) -> VisitDetail:
        with self.ui.sessions() as session:
            return visits_service.open_visit(session, self.visit_id)

    def reload(self) -> VisitDetail:
        # Typing not yet written goes first, so re-read fields can't replace it.
        self.flush()
        self.detail = self._read()
        self.reloaded.emit()
        return self.detail

    def part_locked(self, part: str) -> bool:
        view = self.detail.part(part)
        return view is not None and view.locked

    @property
    def visit_locked(self) -> bool:
        """Visit-level fields lock when every part is finalized (the service's rule)."""
        return self.detail.complete

    def write(self, key: str, fn: Callable[[Session], object]) -> bool:
        return self.writer.write(key, fn)

    def save_field(self, field: str, value: Any) -> bool:
        """A visit-level field through ``save_visit_field`` (module attribute looked
        up per call, so tests can replace the service function)."""
        return self.write(
            f"field:{field}",
            lambda s: visits_service.save_visit_field(
                s, self.visit_id, field, value, who=self.who
            ),
        )

    def navigate(self, step: str, target: object = None) -> None:
        self.navigate_requested.emit(step, target)

    def flush(self) -> None:
        self.autosave.flush_all()
