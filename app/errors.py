"""Errors the user can act on, with calm Swedish messages.

Environment failures (full disk, offline share, a database from a newer
version) are not bugs: they raise a subclass of ``UserFacingError`` whose
message is shown as is. Anything else is a bug and is logged with a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass


class UserFacingError(Exception):
    """An error whose message (Swedish) can be shown to the user unchanged."""


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

    def __str__(self) -> str:
        lines = [self.summary] + [f"  {p}" for p in self.problems]
        return "\n".join(lines)
