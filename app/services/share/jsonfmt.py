"""``json.dumps(value, indent=1, sort_keys=True)``, byte for byte, faster.

The manifest of every package is written in that format, and a package's
name carries the hash of its bytes, so the text must never change. With an
indent, the standard library falls back from its C encoder to a generator
per nesting level, which is a noticeable part of building many small
packages; this writes the same text with one recursive function and the C
string escaper. Anything outside plain JSON types (non-string keys, other
objects) goes to ``json.dumps`` itself, so the result is always identical;
a test compares the two on generated values.
"""

from __future__ import annotations

import json
from typing import Any

_escape = json.encoder.encode_basestring_ascii  # the C escaper json.dumps uses (ensure_ascii)


class _Unsupported(Exception):
    pass


def dumps_indent1_sorted(value: Any) -> str:
    try:
        out: list[str] = []
        _write(value, 0, out)
        return "".join(out)
    except _Unsupported:
        return json.dumps(value, indent=1, sort_keys=True)


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == float("inf"):
        return "Infinity"
    if value == float("-inf"):
        return "-Infinity"
    return float.__repr__(value)


def _write(value: Any, level: int, out: list[str]) -> None:
    # The same order of type checks as json.encoder._make_iterencode.
    if isinstance(value, str):
        out.append(_escape(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        out.append(_float(value))
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        inner = "\n" + " " * (level + 1)
        out.append("[" + inner)
        for position, item in enumerate(value):
            if position:
                out.append("," + inner)
            _write(item, level + 1, out)
        out.append("\n" + " " * level + "]")
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        if not all(isinstance(key, str) for key in value):
            raise _Unsupported
        inner = "\n" + " " * (level + 1)
        out.append("{" + inner)
        for position, key in enumerate(sorted(value)):
            if position:
                out.append("," + inner)
            out.append(_escape(key) + ": ")
            _write(value[key], level + 1, out)
        out.append("\n" + " " * level + "}")
    else:
        raise _Unsupported


__all__ = ["dumps_indent1_sorted"]
