"""All of the report's look in one place: fonts, colours, sizes, paragraph and table styles."""

from __future__ import annotations

from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import TableStyle

from app.templates.report import markup

PAGE_SIZE = A4
MARGIN_LEFT = 20 * mm
MARGIN_RIGHT = 20 * mm
MARGIN_TOP = 30 * mm  # room for the running header
MARGIN_BOTTOM = 22 * mm  # room for the footer

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
_FONT_FILES = {
    FONT: "DejaVuSans.ttf",
    FONT_BOLD: "DejaVuSans-Bold.ttf",
    FONT_ITALIC: "DejaVuSans-Oblique.ttf",
}

# A calm palette: one dark blue for structure, greys for rules and fills.
INK = colors.HexColor("#1d1d1b")
ACCENT = colors.HexColor("#1f3a5f")
MUTED = colors.HexColor("#5b6470")
COMMENT_INK = colors.HexColor("#33485f")
RULE = colors.HexColor("#b8c0ca")
FILL_HEADER = colors.HexColor("#e6ebf1")
FILL_LABEL = colors.HexColor("#f3f5f8")
FILL_INTERNAL = colors.HexColor("#fdecea")
INTERNAL_BORDER = colors.HexColor("#a1261b")
WATERMARK = colors.Color(0.75, 0.75, 0.75, alpha=0.35)

# Answer colours are used only as a thin marker beside the label, never as the
# only carrier of meaning (the label is always printed).
ANSWER_MARKERS = {
    "uppfyllt": colors.HexColor("#3c7a3f"),
    "delvis": colors.HexColor("#b7791f"),
    "ej_uppfyllt": colors.HexColor("#a1261b"),
    "ej_aktuellt": colors.HexColor("#9aa3ad"),
    "ej_bedomt": colors.HexColor("#9aa3ad"),
}


@cache
def register_fonts() -> None:
    """Load the embedded DejaVu fonts once per process (subsets made by
    scripts/subset_fonts.py: the full faces took twice as long to parse)."""
    from app.paths import resource_dir

    folder = resource_dir() / "fonts"
    fonts = {name: TTFont(name, str(folder / file)) for name, file in _FONT_FILES.items()}
    for font in fonts.values():
        pdfmetrics.registerFont(font)
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD
    )
    # Regular, bold and oblique DejaVu Sans cover the same characters; check against regular.
    glyphs = fonts[FONT].face.charToGlyph
    markup.set_glyph_check(glyphs.__contains__)


def _style(name: str, **kw: object) -> ParagraphStyle:
    base: dict[str, object] = {
        "fontName": FONT,
        "fontSize": 9.5,
        "leading": 13,
        "textColor": INK,
        "alignment": TA_LEFT,
    }
    base.update(kw)
    return ParagraphStyle(name, **base)  # type: ignore[arg-type]


@cache
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    return {
        "title": _style("title", fontName=FONT_BOLD, fontSize=18, leading=23,
                        textColor=ACCENT, spaceAfter=2),
        "subtitle": _style("subtitle", fontSize=10.5, leading=14, textColor=MUTED,
                           spaceAfter=10),
        "h1": _style("h1", fontName=FONT_BOLD, fontSize=13, leading=17, textColor=ACCENT,
                     spaceBefore=14, spaceAfter=6),
        "h2": _style("h2", fontName=FONT_BOLD, fontSize=10.5, leading=14, textColor=ACCENT,
                     spaceBefore=9, spaceAfter=3),
        "body": _style("body", spaceAfter=5),
        "bullet": _style("bullet", leftIndent=13, bulletIndent=3, spaceAfter=3,
                         bulletFontName=FONT_BOLD, bulletColor=ACCENT),
        "cell": _style("cell", fontSize=8.5, leading=11.5),
        "cell_bold": _style("cell_bold", fontName=FONT_BOLD, fontSize=8.5, leading=11.5),
        "cell_label": _style("cell_label", fontSize=8.5, leading=11.5, textColor=MUTED),
        "cell_head": _style("cell_head", fontName=FONT_BOLD, fontSize=8, leading=10.5,
                            textColor=ACCENT),
        "comment": _style("comment", fontSize=8.5, leading=11.5, spaceBefore=2, leftIndent=8,
                          textColor=COMMENT_INK),
        "evidence": _style("evidence", fontName=FONT_ITALIC, fontSize=7.5, leading=10,
                           textColor=MUTED, spaceBefore=2, leftIndent=8),
        "note": _style("note", fontSize=8.5, leading=11.5, textColor=MUTED, spaceAfter=4),
        "area_summary": _style("area_summary", fontSize=8.5, leading=11.5, textColor=MUTED,
                               spaceAfter=4),
        "lead": _style("lead", fontSize=8.5, leading=11.5, textColor=MUTED, spaceAfter=4,
                       keepWithNext=1),
        "internal_head": _style("internal_head", fontName=FONT_BOLD, fontSize=10.5,
                                leading=14, textColor=INTERNAL_BORDER),
        "internal": _style("internal", fontSize=9.5, leading=13),
    }


# Wide enough a gap between columns that text extraction in reading order
# (pdftotext, a viewer's search) keeps neighbouring cells apart.
CELL_PADDING_X = 6

# Tables set a font even when every cell is a flowable; without this it is
# Helvetica, which would be referenced (unembedded) in the PDF.
_TABLE_FONT = ("FONT", (0, 0), (-1, -1), FONT, 8.5)


def grid_table_style(header_rows: int = 1) -> TableStyle:
    """Light horizontal rules, a tinted header row; used by every list table."""
    commands: list[tuple[object, ...]] = [
        _TABLE_FONT,
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING_X),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING_X),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("LINEABOVE", (0, 0), (-1, 0), 0.8, ACCENT),
    ]
    if header_rows:
        commands += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), FILL_HEADER),
            ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, ACCENT),
        ]
    return TableStyle(commands)


def facts_table_style() -> TableStyle:
    return TableStyle([
        _TABLE_FONT,
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (0, -1), FILL_LABEL),
        ("BACKGROUND", (2, 0), (2, -1), FILL_LABEL),
        ("BOX", (0, 0), (-1, -1), 0.6, RULE),
        ("INNERGRID", (0, 0), (-1, -1), 0.4, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ])


def internal_box_style() -> TableStyle:
    return TableStyle([
        _TABLE_FONT,
        ("BOX", (0, 0), (-1, -1), 1.2, INTERNAL_BORDER),
        ("BACKGROUND", (0, 0), (-1, -1), FILL_INTERNAL),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
    ])
