"""Errors the user can act on, with calm Swedish messages.

Environment failures (full disk, offline share, a database from a newer
version) are not bugs: they raise a subclass of ``UserFacingError`` whose
message is shown as is. Anything else is a bug and is logged with a traceback.

A message the program UI can show in English is built as ``Message(template,
**args)``: a ``str`` (the Swedish text, so logs, the command line and ``str(error)``
are unchanged) that also keeps its Swedish template and arguments. The UI looks
the template up in its translation (context "errors") and fills in the same
arguments; scripts/update_translations collects every literal ``Message("...")``
template under app/ for the translator.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


class Message(str):
    """Swedish text formatted from ``template`` (``str.format`` fields), which a
    UI can translate: ``render(translate)``. ``context`` is the translation
    context; "Labels" marks a label from a service table (translated there)."""

    template: str
    args: dict[str, Any]
    context: str

    def __new__(cls, template: str, /, *, context: str = "errors", **args: Any) -> Message:
        text = template.format(**args) if args else template
        self = super().__new__(cls, text)
        self.template = template
        self.args = args
        self.context = context
        return self

    def render(self, translate: Callable[[str, str], str]) -> str:
        """The text in another language: ``translate(context, source)`` gives the
        template; arguments that are Messages themselves are rendered too. A
        translation that does not fit its arguments falls back to Swedish."""
        values = {key: value.render(translate) if isinstance(value, Message) else value
                  for key, value in self.args.items()}
        template = translate(self.context, self.template) or self.template
        if not self.args:
            return template
        try:
            return template.format(**values)
        except (KeyError, IndexError, ValueError):
            return str(self)


def label(text: str) -> Message:
    """A Swedish label from a service table inside a message (translated as a label)."""
    return Message(text, context="Labels")


class UserFacingError(Exception):
    """An error whose message (Swedish) can be shown to the user unchanged.

    Raised with a ``Message`` it can also be shown translated (see ``message``)."""

    @property
    def message(self) -> str:
        """The message as given: a ``Message`` when it was built as one."""
        first = self.args[0] if self.args else ""
        return first if isinstance(first, str) else str(self)


class DatabaseTooNewError(UserFacingError):
    pass


class NetworkDataDirError(UserFacingError):
    pass


class UnknownDatabaseError(UserFacingError):
    pass


class CannotSaveError(UserFacingError):
    """The database refused a write: disk full, read-only file, locked, I/O error."""


@dataclass(frozen=True)
class InputProblem:
    """One problem in an input file, located as precisely as possible."""

    file: str
    message: str
    line: int | None = None
    column: str | None = None
    item: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", rad {self.line}"
        if self.column:
            where += f", kolumn {self.column}"
        if self.item:
            where += f" ({self.item})"
        return f"{where}: {self.message}"


class InvalidInputError(UserFacingError):
    """A file was rejected whole; ``problems`` lists every reason."""

    def __init__(self, summary: str, problems: list[InputProblem]) -> None:
        super().__init__(summary)
        self.summary = summary
        self.problems = problems

    @property
    def message(self) -> str:
        return self.summary

    def __str__(self) -> str:
        lines = [self.summary] + [f"  {p}" for p in self.problems]
        return "\n".join(lines)
