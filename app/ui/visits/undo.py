"""Edits as commands on the visit's QUndoStack.

Every change the user makes to a visit is one ``SaveValueCommand``: it knows
how to show a value in its widget and how to write it through the service.
Undo shows the old value and writes it through the same service call that
wrote the new one, so the database and the screen never disagree and the
audit trail records the undo like any other change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand


class SaveValueCommand(QUndoCommand):
    """Set one field from ``old`` to ``new``; the first redo only writes,
    because the widget already shows what the user just typed or clicked."""

    def __init__(
        self,
        text: str,
        old: Any,
        new: Any,
        *,
        show: Callable[[Any], None],
        write: Callable[[Any], None],
        reveal: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(text)
        self.old = old
        self.new = new
        self._show = show
        self._write = write
        self._reveal = reveal
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
        else:
            self._apply(self.new)
        self._write(self.new)

    def undo(self) -> None:
        self._apply(self.old)
        self._write(self.old)

    def _apply(self, value: Any) -> None:
        # Bring the field into view first, so the user sees what changed back.
        if self._reveal is not None:
            self._reveal()
        self._show(value)
