"""The page template: running header, footer, "Sida X (Y)", UTKAST watermark, bookmarks.

"Sida X (Y)" needs the page count before any page is written. ``NumberedCanvas``
holds each finished page back until the document is complete, then writes
them all with the total known. Anything bound to "the current page" in the
PDF (bookmark destinations) must be held back with the page, or it would
point at the wrong page; the canvas records those calls per page and replays
them when the page is finally written. One pass, no second build.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from app.templates.report import styles as st

_LOGO_FORM = "report-logo"


@dataclass(frozen=True)
class PageInfo:
    """What the header and footer print; prepared once per report."""

    organisation: str
    title: str
    footer_left: str
    footer_right: str
    logo: ImageReader | None
    draft: bool
    internal_copy: bool
    document_date: date  # the PDF's creation date: when finalized, else the visit


def _pdf_date(day: date) -> Callable[..., str]:
    """A date formatter for the PDF info that ignores the clock: same data, same bytes."""
    stamp = f"D:{day:%Y%m%d}000000+00'00'"
    return lambda *_clock: stamp


class NumberedCanvas(Canvas):
    """A canvas that writes pages only at the end, so each can say "Sida X (Y)"."""

    def __init__(self, *args: Any, page_info: PageInfo, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._page_info = page_info
        self._held_pages: list[dict[str, Any]] = []
        self._page_bound_calls: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []
        self.setDateFormatter(_pdf_date(page_info.document_date))

    # Page-bound calls are recorded and replayed when their page is written.
    def bookmarkPage(self, key: str, *args: Any, **kwargs: Any) -> None:  # noqa: N802
        self._page_bound_calls.append(("bookmarkPage", (key, *args), kwargs))

    def addOutlineEntry(self, *args: Any, **kwargs: Any) -> None:  # noqa: N802
        self._page_bound_calls.append(("addOutlineEntry", args, kwargs))

    def showPage(self) -> None:  # noqa: N802
        state = dict(self.__dict__)
        state["_page_bound_calls"] = self._page_bound_calls
        self._held_pages.append(state)
        self._page_bound_calls = []
        self._startPage()

    def save(self) -> None:
        if self._code:  # a page drawn but never shown
            self.showPage()
        total = len(self._held_pages)
        held = self._held_pages
        for state in held:
            self.__dict__.update(state)
            draw_late_decorations(self, self._page_info, self._pageNumber, total)
            for name, args, kwargs in state["_page_bound_calls"]:
                getattr(Canvas, name)(self, *args, **kwargs)
            Canvas.showPage(self)
        self._held_pages = []
        Canvas.save(self)


def canvas_maker(page_info: PageInfo) -> Callable[..., NumberedCanvas]:
    def make(*args: Any, **kwargs: Any) -> NumberedCanvas:
        return NumberedCanvas(*args, page_info=page_info, **kwargs)

    return make


def _fit(text: str, font: str, size: float, width: float) -> str:
    """Shorten text with an ellipsis so a single header line never runs over."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def draw_header_footer(canvas: Canvas, info: PageInfo) -> None:
    """Drawn first on each page (under the content): header and footer text."""
    width, height = st.PAGE_SIZE
    left, right = st.MARGIN_LEFT, width - st.MARGIN_RIGHT
    top = height - 12 * mm
    canvas.saveState()
    text_x = left
    if info.logo is not None:
        iw, ih = info.logo.getSize()
        logo_h = 11 * mm
        logo_w = logo_h * iw / ih
        # One form for the whole document: the image is stored and digested once.
        if not canvas.hasForm(_LOGO_FORM):
            canvas.beginForm(_LOGO_FORM)
            canvas.drawImage(info.logo, 0, 0, logo_w, logo_h, mask="auto")
            canvas.endForm()
        canvas.saveState()
        canvas.translate(left, top - logo_h + 1 * mm)
        canvas.doForm(_LOGO_FORM)
        canvas.restoreState()
        text_x = left + logo_w + 3 * mm
    text_width = right - text_x - 30 * mm  # leave room for "Sida X (Y)"
    canvas.setFillColor(st.ACCENT)
    canvas.setFont(st.FONT_BOLD, 9)
    canvas.drawString(text_x, top - 3.5 * mm, _fit(info.organisation, st.FONT_BOLD, 9, text_width))
    canvas.setFillColor(st.MUTED)
    canvas.setFont(st.FONT, 8.5)
    canvas.drawString(text_x, top - 8 * mm, _fit(info.title, st.FONT, 8.5, text_width))
    canvas.setStrokeColor(st.RULE)
    canvas.setLineWidth(0.6)
    rule_y = height - st.MARGIN_TOP + 5 * mm
    canvas.line(left, rule_y, right, rule_y)

    footer_y = st.MARGIN_BOTTOM - 10 * mm
    canvas.line(left, footer_y + 4 * mm, right, footer_y + 4 * mm)
    canvas.setFont(st.FONT, 7.5)
    canvas.setFillColor(st.MUTED)
    right_width = stringWidth(info.footer_right, st.FONT, 7.5)
    canvas.drawString(left, footer_y, _fit(info.footer_left, st.FONT, 7.5,
                                           right - left - right_width - 6 * mm))
    canvas.drawRightString(right, footer_y, info.footer_right)
    if info.internal_copy:
        canvas.setFillColor(st.INTERNAL_BORDER)
        canvas.setFont(st.FONT_BOLD, 8)
        canvas.drawCentredString(width / 2, footer_y - 4.5 * mm,
                                 "INTERN HANDLING – innehåller uppgifter som inte lämnas ut")
    canvas.restoreState()


def draw_late_decorations(canvas: Canvas, info: PageInfo, page: int, total: int) -> None:
    """Drawn last on each page, once the total is known: page number and watermark."""
    width, height = st.PAGE_SIZE
    canvas.saveState()
    canvas.setFont(st.FONT, 8.5)
    canvas.setFillColor(st.MUTED)
    canvas.drawRightString(width - st.MARGIN_RIGHT, height - 12 * mm - 3.5 * mm,
                           f"Sida {page} ({total})")
    if info.draft:
        canvas.setFillColor(st.WATERMARK)
        canvas.setFont(st.FONT_BOLD, 110)
        canvas.translate(width / 2, height / 2)
        canvas.rotate(52)
        canvas.drawCentredString(0, -38, "UTKAST")
    canvas.restoreState()


class ReportDocTemplate(BaseDocTemplate):
    """A4, one frame, metadata in Swedish, deterministic output, bookmarks from headings."""

    def __init__(self, out: Any, info: PageInfo, subject: str, keywords: str) -> None:
        width, height = st.PAGE_SIZE
        super().__init__(
            out,
            pagesize=st.PAGE_SIZE,
            leftMargin=st.MARGIN_LEFT,
            rightMargin=st.MARGIN_RIGHT,
            topMargin=st.MARGIN_TOP,
            bottomMargin=st.MARGIN_BOTTOM,
            title=info.title,
            author=info.organisation,
            subject=subject,
            keywords=keywords,
            creator="Uppföljaren",
            lang="sv-SE",
            invariant=1,
            initialFontName=st.FONT,
            displayDocTitle=1,
        )
        self._info = info
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
        self.addPageTemplates([PageTemplate(id="report", frames=[frame],
                                            onPage=self._on_page, pagesize=st.PAGE_SIZE)])

    def _on_page(self, canvas: Canvas, _doc: BaseDocTemplate) -> None:
        draw_header_footer(canvas, self._info)

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802
        outline = getattr(flowable, "outline", None)
        if outline is not None:
            title, key, level = outline
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level=level, closed=False)

    def build_story(self, story: list[Flowable]) -> None:
        self.build(story, canvasmaker=canvas_maker(self._info))

