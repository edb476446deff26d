"""Import reportlab's platypus without compiling its URL pattern up front.

``reportlab.platypus.paragraph`` compiles, as it is imported, a long URL
pattern with wide Unicode classes (``uri_pat``): about 25 ms, a tenth of a
whole one-report ``uppfoljaren report`` process. reportlab uses it only when
hyphenating a URL across lines, which the report never switches on. Imported
through ``import_platypus``, that one pattern compiles on first use instead;
every other ``re.compile`` call goes straight through, and if reportlab's
pattern ever changes it is simply compiled at import as before.
"""

from __future__ import annotations

import re
import sys
from typing import Any

_COMPILE = re.compile
_URI_PATTERN_START = "(^(?:[a-z0-9\\.\\-\\+]*)://)"


class LazyPattern:
    """A compiled pattern made on first use; then it answers as that pattern."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._pattern, self._flags = pattern, flags
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if self._compiled is None:
            self._compiled = _COMPILE(self._pattern, self._flags)
        return getattr(self._compiled, name)


def _compile(pattern: Any, flags: int = 0) -> Any:
    if isinstance(pattern, str) and pattern.startswith(_URI_PATTERN_START):
        return LazyPattern(pattern, flags)
    return _COMPILE(pattern, flags)


def import_platypus() -> None:
    """Import reportlab.platypus (once per process) with the URL pattern made lazily."""
    if "reportlab.platypus.paragraph" in sys.modules:
        return
    re.compile = _compile  # type: ignore[assignment]
    try:
        import reportlab.platypus  # noqa: F401
    finally:
        re.compile = _COMPILE
