"""Binding a widget's change signal to a field write: debounced, flushable, undoable.

A ``FieldBinding`` watches one widget. Typing restarts a short timer
(``TYPING_DEBOUNCE_MS``); when it fires, or when the widget loses focus, or
when the window flushes on close or quit, the current value is pushed onto
the visit's undo stack as a ``SaveValueCommand`` whose first redo writes it.
Clicks (check boxes, dates, numbers) are written at once. An ``AutosaveGroup``
keeps every binding of a window so one call flushes them all, and so the
connections are kept in one place (Vorta's ``base_tab.py`` habit).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, QTime, QTimer
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from app.ui.visits.undo import SaveValueCommand

TYPING_DEBOUNCE_MS = 250


class FieldBinding(QObject):
    def __init__(
        self,
        widget: QWidget,
        label: str,
        *,
        read: Callable[[], Any],
        show: Callable[[Any], None],
        write: Callable[[Any, Any], None],
        undo_stack: QUndoStack,
        debounce_ms: int = 0,
        reveal: Callable[[Any], None] | None = None,
    ) -> None:
        """``write(target, value)`` saves; ``reveal(target)`` brings the field
        into view before an undo shows a value. ``target`` is what the widget
        is editing when the value is flushed (a question id for the shared
        question editor; None for a widget bound to one field for good)."""
        super().__init__(widget)
        self.widget = widget
        self.label = label
        self._read = read
        self._show = show
        self._write = write
        self._undo = undo_stack
        self._reveal = reveal
        self._applying = False
        self.target: Any = None
        self.committed: Any = read()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self.flush)
        widget.installEventFilter(self)

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def changed(self, *_args: object) -> None:
        """Connected to the widget's change signal."""
        if self._applying:
            return
        if self._timer.interval() == 0:
            self.flush()
        else:
            self._timer.start()

    def flush(self) -> None:
        """Write the widget's value now if it differs from the last one written."""
        self._timer.stop()
        value = self._read()
        if value == self.committed:
            return
        old, self.committed = self.committed, value
        target = self.target
        reveal = self._reveal
        self._undo.push(
            SaveValueCommand(
                self.label, old, value, show=self._apply,
                write=lambda v: self._write(target, v),
                reveal=(lambda: reveal(target)) if reveal is not None else None,
            )
        )

    def set_value(self, value: Any) -> None:
        """Show a value loaded from the database (no write, no undo step)."""
        self._timer.stop()
        self._apply(value)

    def _apply(self, value: Any) -> None:
        self._applying = True
        try:
            self._show(value)
        finally:
            self._applying = False
        self.committed = value

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.FocusOut:
            self.flush()
        elif event.type() == QEvent.Type.ShortcutOverride and _is_undo_key(event):
            # Leave Ctrl+Z / Ctrl+Shift+Z to the visit's undo stack instead of
            # the widget's private undo, so undo always goes through the service.
            self.flush()
            return True
        return False


def _is_undo_key(event: QEvent) -> bool:
    matches = getattr(event, "matches", None)
    if matches is None:
        return False
    return bool(
        matches(QKeySequence.StandardKey.Undo) or matches(QKeySequence.StandardKey.Redo)
    )


class AutosaveGroup(QObject):
    """Every binding of one window; flush them all on close, quit or undo."""

    def __init__(self, undo_stack: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = undo_stack
        self.bindings: list[FieldBinding] = []
        self._reveal: Callable[[], None] | None = None

    @contextmanager
    def revealing(self, reveal: Callable[[], None]) -> Iterator[None]:
        """Bindings made inside show their step (``reveal``) before an undo
        changes them, so the user sees what was undone."""
        previous, self._reveal = self._reveal, reveal
        try:
            yield
        finally:
            self._reveal = previous

    def flush_all(self) -> None:
        for binding in self.bindings:
            binding.flush()

    def _add(self, binding: FieldBinding) -> FieldBinding:
        self.bindings.append(binding)
        return binding

    def set_read_only(self, read_only: bool, widgets: set[QWidget] | None = None) -> None:
        """Lock (finalized part) or unlock the bound widgets (all, or those given)."""
        for binding in self.bindings:
            if widgets is None or binding.widget in widgets:
                set_widget_read_only(binding.widget, read_only)

    def text(
        self, widget: QPlainTextEdit | QLineEdit, label: str, write: Callable[[Any], None],
        reveal: Callable[[], None] | None = None,
    ) -> FieldBinding:
        if isinstance(widget, QPlainTextEdit):
            widget.setUndoRedoEnabled(False)
            binding = FieldBinding(
                widget, label, read=widget.toPlainText, show=lambda v: _set_plain(widget, v),
                write=_untargeted(write), undo_stack=self.undo_stack,
                debounce_ms=TYPING_DEBOUNCE_MS, reveal=_untargeted_reveal(reveal or self._reveal),
            )
            widget.textChanged.connect(binding.changed)
        else:
            binding = FieldBinding(
                widget, label, read=widget.text, show=lambda v: widget.setText(v or ""),
                write=_untargeted(write), undo_stack=self.undo_stack,
                debounce_ms=TYPING_DEBOUNCE_MS, reveal=_untargeted_reveal(reveal or self._reveal),
            )
            widget.textEdited.connect(binding.changed)
        return self._add(binding)

    def check(
        self, widget: QAbstractButton, label: str, write: Callable[[Any], None],
        reveal: Callable[[], None] | None = None,
    ) -> FieldBinding:
        binding = FieldBinding(
            widget, label, read=widget.isChecked, show=lambda v: widget.setChecked(bool(v)),
            write=_untargeted(write), undo_stack=self.undo_stack,
            reveal=_untargeted_reveal(reveal or self._reveal),
        )
        widget.toggled.connect(binding.changed)
        return self._add(binding)

    def number(
        self, widget: QSpinBox, label: str, write: Callable[[Any], None],
        reveal: Callable[[], None] | None = None,
    ) -> FieldBinding:
        """A spin box whose minimum means "not given" (None)."""

        def read() -> int | None:
            value = widget.value()
            return None if value == widget.minimum() else value

        def show(value: Any) -> None:
            widget.setValue(widget.minimum() if value is None else int(value))

        binding = FieldBinding(
            widget, label, read=read, show=show, write=_untargeted(write),
            undo_stack=self.undo_stack, debounce_ms=TYPING_DEBOUNCE_MS,
            reveal=_untargeted_reveal(reveal or self._reveal),
        )
        widget.valueChanged.connect(binding.changed)
        return self._add(binding)

    def choice(
        self, widget: QComboBox, label: str, write: Callable[[Any], None],
        reveal: Callable[[], None] | None = None,
    ) -> FieldBinding:
        """A combo box; the item data is the stored value."""

        def show(value: Any) -> None:
            widget.setCurrentIndex(max(widget.findData(value), 0))

        binding = FieldBinding(
            widget, label, read=widget.currentData, show=show, write=_untargeted(write),
            undo_stack=self.undo_stack, reveal=_untargeted_reveal(reveal or self._reveal),
        )
        widget.activated.connect(binding.changed)
        return self._add(binding)

    def date(
        self, widget: QDateEdit, label: str, write: Callable[[Any], None],
        reveal: Callable[[], None] | None = None,
    ) -> FieldBinding:
        """A date edit whose minimum date means "no date" (see ``optional_date_edit``)."""

        def read() -> Any:
            value = widget.date()
            return None if value == widget.minimumDate() else value.toPython()

        def show(value: Any) -> None:
            widget.setDate(widget.minimumDate() if value is None else QDate(value))

        binding = FieldBinding(
            widget, label, read=read, show=show, write=_untargeted(write),
            undo_stack=self.undo_stack, debounce_ms=TYPING_DEBOUNCE_MS,
            reveal=_untargeted_reveal(reveal or self._reveal),
        )
        widget.dateChanged.connect(binding.changed)
        return self._add(binding)


def bind_datetime(
    group: AutosaveGroup, widget: QDateTimeEdit, label: str, write: Callable[[Any], None],
) -> FieldBinding:
    """A date-time edit whose minimum means "not given" (see ``optional_datetime_edit``)."""

    def read() -> Any:
        value = widget.dateTime()
        return None if value == widget.minimumDateTime() else value.toPython()

    def show(value: Any) -> None:
        widget.setDateTime(widget.minimumDateTime() if value is None else QDateTime(value))

    binding = FieldBinding(
        widget, label, read=read, show=show, write=_untargeted(write),
        undo_stack=group.undo_stack, debounce_ms=TYPING_DEBOUNCE_MS,
        reveal=_untargeted_reveal(group._reveal),  # noqa: SLF001
    )
    widget.dateTimeChanged.connect(binding.changed)
    return group._add(binding)  # noqa: SLF001 - same module family


def optional_datetime_edit(parent: QWidget | None = None) -> QDateTimeEdit:
    edit = QDateTimeEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    edit.setMinimumDateTime(QDateTime(NO_DATE, QTime(0, 0)))
    edit.setSpecialValueText("–")
    edit.setDateTime(edit.minimumDateTime())
    _open_calendar_today(edit)
    return edit


class _TodayOnPopup(QObject):
    """An empty date field opens its calendar on today, not on 1900."""

    def __init__(self, edit: QDateTimeEdit) -> None:
        super().__init__(edit)
        self.edit = edit

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Show and self.edit.date() == NO_DATE:
            today = QDate.currentDate()
            calendar = self.edit.calendarWidget()
            calendar.setCurrentPage(today.year(), today.month())
        return False


def _open_calendar_today(edit: QDateTimeEdit) -> None:
    calendar = edit.calendarWidget()
    if calendar is not None:
        calendar.installEventFilter(_TodayOnPopup(edit))


def _set_plain(widget: QPlainTextEdit, value: Any) -> None:
    text = value or ""
    if widget.toPlainText() != text:
        widget.setPlainText(text)


def _untargeted(write: Callable[[Any], None]) -> Callable[[Any, Any], None]:
    return lambda _target, value: write(value)


def _untargeted_reveal(
    reveal: Callable[[], None] | None,
) -> Callable[[Any], None] | None:
    if reveal is None:
        return None
    return lambda _target: reveal()


def set_widget_read_only(widget: QWidget, read_only: bool) -> None:
    """Text stays selectable and scrollable when locked; other inputs are disabled."""
    if isinstance(widget, QPlainTextEdit | QLineEdit):
        widget.setReadOnly(read_only)
    else:
        widget.setEnabled(not read_only)


NO_DATE = QDate(1900, 1, 1)


def optional_date_edit(parent: QWidget | None = None) -> QDateEdit:
    """A date field that can be empty: its minimum date shows as "–"."""
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText("–")
    edit.setDate(NO_DATE)
    _open_calendar_today(edit)
    return edit
