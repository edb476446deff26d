"""Reusable pieces of the report: headings with bookmarks, text blocks, tables.

Every user string reaches a Paragraph through ``markup.text_paragraph``,
which builds it from plain-text fragments: nothing a user typed is ever
parsed as reportlab markup.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date

from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table

from app.templates.report import styles as st
from app.templates.report.data import ANSWER_LABELS, Area, QuestionResult, answer_label
from app.templates.report.markup import (
    Run,
    TextParagraph,
    clean_text,
    split_paragraphs,
    text_paragraph,
)
from app.templates.report.rows import AREA_WIDTHS_MM, QuestionRow

CONTENT_WIDTH = st.PAGE_SIZE[0] - st.MARGIN_LEFT - st.MARGIN_RIGHT

FRAME_HEIGHT = st.PAGE_SIZE[1] - st.MARGIN_TOP - st.MARGIN_BOTTOM
# Rows shorter than this move whole to the next page; taller ones break across it.
ROW_SPLIT_MIN_HEIGHT = FRAME_HEIGHT / 4


class ReportTable(Table):
    """A table whose tall rows break across pages (so a cell taller than a page lays out).

    reportlab either splits between rows first and then fits the rest into the
    leftover space, which can draw a second header row mid-page, or splits
    inside any row that straddles the page end, which breaks short questions
    for no reason. Here the split goes inside a row first (so the top half
    stays with the part above it), but only for a row too tall to be worth
    moving; a shorter row goes whole to the next page.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        # The split parts are made by reportlab through this class with these set again.
        kwargs.setdefault("splitByRow", 0)
        kwargs.setdefault("splitInRow", 26)  # a split part must hold at least two lines
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def _splitRows(self, availHeight: float, doInRowSplit: int = 0) -> list[Flowable]:  # noqa: N802, N803
        if doInRowSplit:
            used = 0.0
            for height in self._rowHeights:
                if used + height > availHeight:
                    if height < ROW_SPLIT_MIN_HEIGHT:
                        return []
                    break
                used += height
        return super()._splitRows(availHeight, doInRowSplit=doInRowSplit)
DASH = "–"


def fmt_date(value: date | None, empty: str = DASH) -> str:
    """ISO dates, as in the city's own documents."""
    return value.isoformat() if value else empty


class Heading(TextParagraph):
    """A heading that also becomes a bookmark (outline entry) where it lands."""

    def __init__(self, text: str, style_name: str, key: str, level: int) -> None:
        built = text_paragraph(st.styles()[style_name], (text, "normal"))
        super().__init__(built.text, built.style, frags=built.frags)
        self.outline = (clean_text(text), key, level)


# A section heading never starts this close to the bottom of a page. (Cheaper than
# keepWithNext, which wraps the heading together with a whole following table.)
_MIN_SPACE_BELOW_HEADING = {"title": 0.0, "h1": 35 * mm, "h2": 25 * mm}


def heading(text: str, style_name: str, key: str, level: int,
            min_space: float | None = None) -> list[Flowable]:
    """A bookmarked heading, moved to the next page when too little room is left under it."""
    out: list[Flowable] = []
    space = _MIN_SPACE_BELOW_HEADING[style_name] if min_space is None else min_space
    if space:
        out.append(CondPageBreak(space))
    return out + [Heading(text, style_name, key, level)]


class Anchor(Flowable):
    """An invisible bookmark for content that is not a heading (it may split, losing
    attributes, so the bookmark rides on this zero-size flowable just before it)."""

    def __init__(self, title: str, key: str, level: int) -> None:
        super().__init__()
        self.outline = (title, key, level)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


def para(text: str, style: str = "body") -> Paragraph:
    return text_paragraph(st.styles()[style], (text, "normal"))


def text_block(text: str, empty: str = "Inget angivet.", style: str = "body") -> list[Flowable]:
    """User text as paragraphs (blank lines separate them); a muted note when empty."""
    blocks = split_paragraphs(text)
    if not blocks:
        return [para(empty, "note")]
    return [para(b, style) for b in blocks]


def bullet_list(items: Sequence[str], empty: str) -> list[Flowable]:
    items = [i for i in items if i.strip()]
    if not items:
        return [para(empty, "note")]
    style = st.styles()["bullet"]
    # Separate paragraphs (not one ListFlowable) so a heading keeps with the first item.
    return [text_paragraph(style, (i, "normal"), bullet="•") for i in items]


def cell(text: str, style: str = "cell") -> Paragraph:
    return text_paragraph(st.styles()[style], (text, "normal"))


def _head(*labels: str) -> list[Paragraph]:
    return [cell(label, "cell_head") for label in labels]


def list_table(header: Sequence[str], rows: Iterable[Sequence[object]],
               widths_mm: Sequence[float]) -> Table:
    """A table of Paragraph cells that repeats its header and may split inside a tall row."""
    body = [list(r) for r in rows]
    table = ReportTable([_head(*header), *body], colWidths=[w * mm for w in widths_mm],
                        repeatRows=1, hAlign="LEFT")
    table.setStyle(st.grid_table_style())
    return table


def facts_table(pairs: Sequence[tuple[str, str]]) -> Table:
    """Label/value pairs laid out two per row."""
    rows = []
    for i in range(0, len(pairs), 2):
        chunk = list(pairs[i:i + 2])
        if len(chunk) == 1:
            chunk.append(("", ""))
        row: list[object] = []
        for label, value in chunk:
            row += [cell(label, "cell_label"), cell(value or DASH if label else "")]
        rows.append(row)
    label_w, value_w = 34 * mm, CONTENT_WIDTH / 2 - 34 * mm
    table = ReportTable(rows, colWidths=[label_w, value_w, label_w, value_w], hAlign="LEFT")
    table.setStyle(st.facts_table_style())
    return table


class Label(Flowable):
    """One line of text, optionally after a small coloured square.

    Used for the short cells of the results table (question number, answer):
    drawn directly, it costs a fraction of a Paragraph, and there are two per
    question. Text that does not fit on one line goes to a Paragraph instead.
    """

    def __init__(self, text: str, style: str, marker: Color | None = None) -> None:
        super().__init__()
        self.text = clean_text(text)
        self.style = st.styles()[style]
        self.marker = marker

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = avail_width, self.style.leading
        return self.width, self.height

    def draw(self) -> None:
        canv, size = self.canv, self.style.fontSize
        baseline = self.height - size
        x = 0.0
        if self.marker is not None:
            canv.setFillColor(self.marker)
            canv.rect(0, baseline, size * 0.7, size * 0.7, stroke=0, fill=1)
            x = size * 1.1
        canv.setFillColor(self.style.textColor)
        canv.setFont(self.style.fontName, size)
        canv.drawString(x + self.style.leftIndent, baseline, self.text)


def short_cell(text: str, style: str, width: float, marker: Color | None = None) -> Flowable:
    """A Label when the text fits the cell on one line, else a wrapping Paragraph."""
    s = st.styles()[style]
    needed = (stringWidth(clean_text(text), s.fontName, s.fontSize) + s.leftIndent
              + (s.fontSize * 1.1 if marker else 0))
    if needed <= width and "\n" not in text:
        return Label(text, style, marker)
    return cell(text, style)


def answer_cell(answer: str, width: float) -> Flowable:
    """The answer label with a small coloured square; the label always carries the meaning."""
    return short_cell(answer_label(answer), "cell_bold", width, st.ANSWER_MARKERS.get(answer))


def question_cell(q: QuestionResult, width: float) -> list[Flowable]:
    # One-line question texts and evidence lines are Labels: a Paragraph costs
    # several times as much, and there are two per question.
    parts: list[Flowable] = [short_cell(q.text, "cell", width)]
    for n, block in enumerate(split_paragraphs(q.comment)):
        runs: list[Run] = [("Kommentar: ", "italic")] if n == 0 else []
        parts.append(text_paragraph(st.styles()["comment"], *runs, (block, "normal")))
    if q.evidence:
        parts.append(short_cell("Underlag: " + ", ".join(q.evidence), "evidence", width))
    return parts


def area_counts(area: Area) -> Counter[str]:
    return Counter(q.answer if q.answer in ANSWER_LABELS else "_other" for q in area.questions)


def area_summary_text(area: Area) -> str:
    counts = area_counts(area)
    total = len(area.questions)
    parts = [f"{ANSWER_LABELS[c]} {counts[c]}" for c in ANSWER_LABELS if counts[c]]
    if counts["_other"]:
        parts.append(f"Övriga svar {counts['_other']}")
    noun = "fråga" if total == 1 else "frågor"
    return f"{total} {noun}: " + " · ".join(parts) if parts else "Inga frågor."


def area_rows(questions: Sequence[QuestionResult]) -> list[Flowable]:
    """The results table of one area: one flowable per question (see rows.py)."""
    id_w, text_w, answer_w = (w * mm - 2 * st.CELL_PADDING_X for w in AREA_WIDTHS_MM)
    return [QuestionRow(short_cell(q.id, "cell", id_w), question_cell(q, text_w),
                        answer_cell(q.answer, answer_w), first=n == 0)
            for n, q in enumerate(questions)]


def short_list_rows(header: tuple[str, str], rows: Iterable[tuple[str, str]],
                    widths_mm: tuple[float, float]) -> list[Flowable]:
    """A two-column list (text, short value) drawn as rows.py rows, one-line
    cells as Labels: as a Table of Paragraphs the reviewed documents (often
    70+) cost a fifth of a report's rendering."""
    shape = {"widths_mm": (0.0, *widths_mm), "header": ("", *header)}
    text_w, value_w = (w * mm - 2 * st.CELL_PADDING_X for w in widths_mm)
    return [QuestionRow(None, [short_cell(text, "cell", text_w)],
                        short_cell(value, "cell", value_w), first=n == 0, **shape)  # type: ignore[arg-type]
            for n, (text, value) in enumerate(rows)]


def not_applicable_list(questions: Sequence[QuestionResult]) -> list[Flowable]:
    """Questions answered "Ej aktuellt", compactly: id, text and any comment on one line each."""
    if not questions:
        return []
    out: list[Flowable] = [para("Ej aktuellt för verksamheten:", "lead")]
    for q in questions:
        runs: list[Run] = [(f"{q.id} {q.text}", "normal")]
        if q.comment.strip():
            runs.append((f" ({q.comment.strip()})", "italic"))
        out.append(text_paragraph(st.styles()["note"], *runs))
    return out


def overview_table(areas: Sequence[Area]) -> Table:
    """Counts per answer for every area: the page a nämnd reads first."""
    codes = list(ANSWER_LABELS)
    rows: list[list[object]] = []
    totals: Counter[str] = Counter()
    for area in areas:
        counts = area_counts(area)
        totals.update(counts)
        rows.append([cell(area.title)] + [cell(str(counts[c])) for c in codes])
    rows.append([cell("Totalt", "cell_bold")]
                + [cell(str(totals[c]), "cell_bold") for c in codes])
    header = ("Område", *[ANSWER_LABELS[c] for c in codes])
    return list_table(header, rows, (60, 22, 22, 22, 22, 22))
