"""The results table as one flowable per question row.

A reportlab Table re-measures and re-draws every cell through generic
machinery; for the results (most of a report) that cost about as much as the
text itself. Here each question is a ``QuestionRow`` that lays out its three
cells directly, looks like the other tables (header band, rules, paddings),
repeats the header at the top of each page the table runs onto, and breaks a
row across pages only when it is too tall to move whole (a long comment).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from app.templates.report import styles as st

AREA_WIDTHS_MM = (13.0, 122.0, 35.0)
HEADER = ("Nr", "Fråga och kommentar", "Bedömning")
PAD_TOP, PAD_BOTTOM = 3.0, 4.0


def _stack_height(flowables: Sequence[Flowable], width: float) -> float:
    """Height of flowables stacked in a cell: their heights plus the space between them."""
    total = 0.0
    for i, f in enumerate(flowables):
        _, h = f.wrap(width, 1e9)
        total += h
        if i:
            total += f.getSpaceBefore()
        if i < len(flowables) - 1:
            total += f.getSpaceAfter()
    return total


class QuestionRow(Flowable):
    """One row: number, question with comment and evidence, answer.

    ``first`` rows draw the table header above them; any row that starts a
    page draws it too, so a table running onto a new page repeats its header.
    Other short lists (the reviewed documents) use it too, with their own
    ``widths_mm`` and ``header``; a first column of width 0 leaves it out.
    """

    def __init__(self, number: Flowable | None, body: list[Flowable],
                 answer: Flowable | None, first: bool, *,
                 widths_mm: Sequence[float] = AREA_WIDTHS_MM,
                 header: Sequence[str] = HEADER) -> None:
        super().__init__()
        self.number, self.body, self.answer, self.first = number, body, answer, first
        self._widths_mm, self._header = widths_mm, header
        widths = [w * mm for w in widths_mm]
        self._col_x = [0.0, widths[0], widths[0] + widths[1]]
        self._col_w = [w - 2 * st.CELL_PADDING_X for w in widths]
        self._table_w = sum(widths)
        self._header_h = st.styles()["cell_head"].leading + PAD_TOP + PAD_BOTTOM

    def _wants_header(self) -> bool:
        frame = getattr(self, "_frame", None)
        return self.first or bool(frame is not None and getattr(frame, "_atTop", False))

    def _content_height(self) -> float:
        heights = [_stack_height(self.body, self._col_w[1])]
        for cell in (self.number, self.answer):
            if cell is not None:
                heights.append(cell.wrap(self._col_w[0 if cell is self.number else 2], 1e9)[1])
        return max(heights) + PAD_TOP + PAD_BOTTOM

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self._with_header = self._wants_header()
        self._row_h = self._content_height()
        self.width = self._table_w
        self.height = self._row_h + (self._header_h if self._with_header else 0)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        from app.templates.report.flowables import ROW_SPLIT_MIN_HEIGHT

        self.wrap(availWidth, availHeight)
        if self._row_h < ROW_SPLIT_MIN_HEIGHT:
            return []  # short rows move whole to the next page
        room = availHeight - PAD_TOP - PAD_BOTTOM - (self._header_h if self._with_header else 0)
        width = self._col_w[1]
        head: list[Flowable] = []
        used = 0.0
        for i, f in enumerate(self.body):
            gap = f.getSpaceBefore() if i else 0.0
            _, h = f.wrap(width, 1e9)
            if used + gap + h <= room:
                head.append(f)
                used += gap + h + f.getSpaceAfter()
                continue
            parts = f.split(width, room - used - gap) if room - used - gap > 0 else []
            if len(parts) == 2:
                head.append(parts[0])
                tail = [parts[1], *self.body[i + 1:]]
            else:
                tail = self.body[i:]
            break
        else:
            return [self]
        # Each part must carry at least two lines of text.
        if not head or _stack_height(head, width) < 2 * st.styles()["cell"].leading:
            return []
        shape = {"widths_mm": self._widths_mm, "header": self._header}
        return [QuestionRow(self.number, head, self.answer, self.first, **shape),
                QuestionRow(None, tail, None, first=False, **shape)]

    def draw(self) -> None:
        canv = self.canv
        top = self.height
        canv.saveState()
        if self._with_header:
            top = self._draw_header(top)
        row_bottom = top - self._row_h
        y_top = top - PAD_TOP
        for cell, col in ((self.number, 0), (self.answer, 2)):
            if cell is not None:
                _, h = cell.wrap(self._col_w[col], 1e9)
                cell.drawOn(canv, self._col_x[col] + st.CELL_PADDING_X, y_top - h)
        y = y_top
        for i, f in enumerate(self.body):
            if i:
                y -= f.getSpaceBefore()
            _, h = f.wrap(self._col_w[1], 1e9)
            y -= h
            f.drawOn(canv, self._col_x[1] + st.CELL_PADDING_X, y)
            y -= f.getSpaceAfter()
        canv.setStrokeColor(st.RULE)
        canv.setLineWidth(0.4)
        canv.line(0, row_bottom, self._table_w, row_bottom)
        canv.restoreState()

    def _draw_header(self, top: float) -> float:
        canv, bottom = self.canv, top - self._header_h
        canv.setFillColor(st.FILL_HEADER)
        canv.rect(0, bottom, self._table_w, self._header_h, stroke=0, fill=1)
        style = st.styles()["cell_head"]
        canv.setFillColor(style.textColor)
        canv.setFont(style.fontName, style.fontSize)
        for x, label in zip(self._col_x, self._header, strict=True):
            canv.drawString(x + st.CELL_PADDING_X, top - PAD_TOP - style.fontSize, label)
        canv.setStrokeColor(st.ACCENT)
        canv.setLineWidth(0.8)
        canv.line(0, top, self._table_w, top)
        canv.line(0, bottom, self._table_w, bottom)
        return bottom

    def __repr__(self) -> str:
        return f"QuestionRow(first={self.first}, body={len(self.body)})"

    def identity(self, maxLen: Any = None) -> str:  # noqa: N803
        return repr(self)
