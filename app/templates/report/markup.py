"""The one door from user text to reportlab paragraphs.

reportlab's Paragraph parses an XML-like mini-language (<font>, <img>, <a>,
entities). Older versions evaluated parts of it (CVE-2019-19450,
CVE-2023-33733), and any version will draw an <img> it is handed. So user
text never reaches that parser as markup:

- ``text_paragraph`` (what the report uses) builds the Paragraph from text
  fragments directly, so nothing in the text is parsed at all. It is also
  several times cheaper than parsing, which matters for the render budget.
- ``to_markup`` is for code that must write markup around user text: it
  escapes with ``xml.sax.saxutils.escape``.

Both first pass the text through ``clean_text``: characters that neither XML
nor the embedded font can carry (controls, NUL, lone surrogates, glyphs the
font lacks) are replaced with U+FFFD, so nothing is silently dropped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache
from typing import Literal

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph
from reportlab.platypus.paraparser import ParaFrag

# C0/C1 controls except tab and newline, surrogates (lone ones cannot be
# encoded), and the XML non-characters U+FFFE/U+FFFF.
_UNCARRIABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_REPLACEMENT = "\ufffd"

# Set by styles.py once the font is loaded: does the body font have a glyph?
_has_glyph: Callable[[int], bool] = lambda _cp: True  # noqa: E731

Variant = Literal["normal", "italic", "bold"]
Run = tuple[str, Variant]


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
        missing = {ch: _REPLACEMENT for ch in set(text)
                   if ord(ch) > 127 and not _has_glyph(ord(ch))}
        if missing:
            text = text.translate(str.maketrans(missing))
    return text


def split_paragraphs(text: str) -> list[str]:
    """Clean text split on blank lines; empty paragraphs dropped, single breaks kept."""
    return [b.strip() for b in re.split(r"\n\s*\n", clean_text(text)) if b.strip()]


def to_markup(text: str) -> str:
    """Escape user text for Paragraph markup; single line breaks become <br/>."""
    # Imported here: xml.sax.saxutils pulls in urllib and email, which the
    # report itself never needs (it uses text_paragraph), and startup counts.
    from xml.sax.saxutils import escape

    return escape(clean_text(text)).strip("\n").replace("\n", "<br/>")


class TextParagraph(Paragraph):
    """A Paragraph that remembers its line breaks for the width it was last wrapped to.

    A table wraps every cell once to measure the row and again, at the same
    width, to draw it; breaking lines is the costliest step of the render.
    The result depends only on the width (and the fixed text and style).
    """

    _wrapped_width: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        # split() drops blPara when the paragraph cannot be split: wrap again then.
        if availWidth == self._wrapped_width and "blPara" in self.__dict__:
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        self._wrapped_width = availWidth
        return size


@cache
def _prototypes(style: ParagraphStyle) -> dict[str, ParaFrag]:
    """Fragments exactly as reportlab's parser makes them for this style, parsed once."""
    frags = Paragraph("a<i>b</i><b>c</b><br/>d", style).frags
    return {"normal": frags[0], "italic": frags[1], "bold": frags[2], "br": frags[3]}


def text_paragraph(style: ParagraphStyle, *runs: Run,
                   bullet: str | None = None) -> TextParagraph:
    """A Paragraph of plain-text runs (normal/italic/bold); line breaks kept, nothing parsed."""
    proto = _prototypes(style)
    frags: list[ParaFrag] = []
    plain: list[str] = []
    for text, variant in runs:
        cleaned = clean_text(text)
        plain.append(cleaned)
        for i, line in enumerate(cleaned.strip("\n").split("\n")):
            if i:
                frags.append(proto["br"].clone(us_lines=[], link=[]))
            if line:
                frags.append(proto[variant].clone(text=line, us_lines=[], link=[]))
    if not frags:
        frags.append(proto["normal"].clone(text="", us_lines=[], link=[]))
    return TextParagraph("".join(plain), style, bulletText=bullet, frags=frags)
