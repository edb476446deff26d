"""Service text in the UI language: labels from service tables and error messages.

Services are Qt-free and speak Swedish. Two kinds of their text reach the UI:
- labels from a service table (visit status, answer, finding kind ...), shown
  through ``label(text)``: context "Labels"; scripts/update_translations lists
  the tables (its DYNAMIC rows for "Labels");
- messages of errors and problems, built as ``app.errors.Message`` (template +
  arguments): ``message_text``/``error_text``/``problem_text`` translate the
  template (context "errors") and fill in the arguments. A plain str (an
  error not yet converted) is shown as it is.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from app.errors import InputProblem, InvalidInputError, Message

LABELS = "Labels"


def label(text: str) -> str:
    """A Swedish label from a service table in the UI language."""
    return QCoreApplication.translate(LABELS, text)


def _translate(context: str, source: str) -> str:
    return QCoreApplication.translate(context, source)


def message_text(text: str) -> str:
    """A service message in the UI language. A plain str is looked up whole: a
    literal message (``UserFacingError("...")``) has an entry; a formatted one
    has none and stays Swedish."""
    if isinstance(text, Message):
        return text.render(_translate)
    return QCoreApplication.translate("errors", text) if text else text


def error_text(error: BaseException) -> str:
    """What the user reads for an error: the translated message, and for a
    rejected file every problem on its own line."""
    if isinstance(error, InvalidInputError):
        lines = [message_text(error.summary)]
        lines += ["  " + problem_text(p) for p in error.problems]
        return "\n".join(lines)
    first = error.args[0] if len(error.args) == 1 else None
    return message_text(first) if isinstance(first, str) else str(error)


def problem_where(problem: InputProblem) -> str:
    """'file, line 3, column Namn (item)' in the UI language."""
    where = problem.file
    if problem.line is not None:
        where += QCoreApplication.translate("errors", ", rad %1").replace(
            "%1", str(problem.line))
    if problem.column:
        where += QCoreApplication.translate("errors", ", kolumn %1").replace(
            "%1", problem.column)
    if problem.item:
        where += f" ({problem.item})"
    return where


def problem_text(problem: InputProblem) -> str:
    return f"{problem_where(problem)}: {message_text(problem.message)}"


def arg(template: str, *values: object) -> str:
    """Fill %1..%9 in one pass (chained .replace would also fill a %2 that the
    text put in for %1 happens to contain)."""
    return re.sub(r"%([1-9])", lambda m: str(values[int(m.group(1)) - 1])
                  if int(m.group(1)) <= len(values) else m.group(0), template)
