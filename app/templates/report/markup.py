"""The one door from user text to reportlab Paragraph markup.

reportlab's Paragraph parses an XML-like mini-language (<font>, <img>, <a>,
entities). Older versions evaluated parts of it (CVE-2019-19450,
CVE-2023-33733), and any version will draw an <img> it is handed. So every
piece of user text goes through ``to_markup`` before it reaches a Paragraph:
characters that neither XML nor the embedded font can carry are replaced,
then everything is escaped so markup prints as text. Code in this package
builds markup only by wrapping already-escaped text in its own tags.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from xml.sax.saxutils import escape

# C0/C1 controls except tab and newline, surrogates (lone ones cannot be
# encoded), and the XML non-characters U+FFFE/U+FFFF.
_UNCARRIABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_REPLACEMENT = "\ufffd"

# Set by styles.py once the font is loaded: does the body font have a glyph?
_has_glyph: Callable[[int], bool] = lambda _cp: True  # noqa: E731


def set_glyph_check(check: Callable[[int], bool]) -> None:
    global _has_glyph
    _has_glyph = check


def clean_text(text: str) -> str:
    """Text the PDF can carry: NFC, line breaks unified, uncarriable characters replaced."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\t", "    ").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _UNCARRIABLE.sub(_REPLACEMENT, text)
    if not text.isascii():
        # Check each distinct character once, not every occurrence.
        missing = {ch: _REPLACEMENT for ch in set(text) if ord(ch) > 127 and not _has_glyph(ord(ch))}
        if missing:
            text = text.translate(str.maketrans(missing))
    return text


def to_markup(text: str) -> str:
    """Escape user text for a Paragraph; single line breaks become <br/>."""
    escaped = escape(clean_text(text))
    return escaped.strip("\n").replace("\n", "<br/>")


def paragraphs(text: str) -> list[str]:
    """Split user text on blank lines into escaped paragraph markups (empty ones dropped)."""
    cleaned = clean_text(text)
    blocks = re.split(r"\n\s*\n", cleaned)
    return [escape(b.strip()).replace("\n", "<br/>") for b in blocks if b.strip()]
