"""Sammanställning: a PDF for a district committee (nämnd) per year, with
every unit followed up that year, its summary and deficiencies, and a chart
of all its units side by side; and a city-wide one per year (districts side
by side). Fonts and table styles are the follow-up report's.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, SimpleDocTemplate, Spacer
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.durable_io import write_bytes_atomic
from app.errors import UserFacingError
from app.models.central import CentralDeficiency, CentralFollowup
from app.services.central.palette import SCALE_COLOURS, SCALE_PATTERNS
from app.services.central.stats import (
    CITY,
    REGIFORM_LABELS,
    SCALE,
    SCALE_LABELS,
    TYPE_LABELS,
    ShareRow,
    answer_stats,
    coverage,
    deficiency_stats,
    units_behind,
)
from app.templates.report import styles as st
from app.templates.report.flowables import CONTENT_WIDTH, cell, fmt_date, list_table, para

STATUS_LABELS = {"oppen": "Öppen", "delvis": "Delvis åtgärdad", "atgardad": "Åtgärdad"}


@dataclass(frozen=True)
class Bar:
    label: str
    counts: tuple[int, int, int]  # uppfyllt, delvis, ej uppfyllt


def _hatch(drawing: Drawing, x: float, y: float, w: float, h: float, pattern: str) -> None:
    """Lines inside a segment, so it reads without colour (print, colour-blindness)."""
    step = 4.0
    ink = colors.Color(1, 1, 1, alpha=0.8)
    if pattern in ("diagonal", "cross"):
        offset = -h
        while offset < w:
            x0, x1 = max(x, x + offset), min(x + w, x + offset + h)
            if x1 > x0:
                drawing.add(Line(x0, y + (x0 - x - offset), x1, y + (x1 - x - offset),
                                 strokeColor=ink, strokeWidth=0.7))
            offset += step
    if pattern == "cross":
        offset = 0.0
        while offset < w + h:
            x0, x1 = max(x, x + offset - h), min(x + w, x + offset)
            if x1 > x0:
                drawing.add(Line(x0, y + (x + offset - x0), x1, y + (x + offset - x1),
                                 strokeColor=ink, strokeWidth=0.7))
            offset += step


def bar_chart(bars: Sequence[Bar], width: float = CONTENT_WIDTH) -> Drawing:
    """Horizontal 100 % stacked bars, one per unit or district, with the share
    printed in each segment wide enough to hold it, and a legend."""
    row_h, gap, label_w, top = 11.0, 4.0, 62 * mm, 22.0
    plot_w = width - label_w - 8
    height = top + len(bars) * (row_h + gap) + 4
    drawing = Drawing(width, height)
    font, bold = st.FONT, st.FONT_BOLD
    legend_x = label_w
    for code in SCALE:
        drawing.add(Rect(legend_x, height - 12, 14, 9, fillColor=colors.HexColor(
            SCALE_COLOURS[code]), strokeColor=colors.black, strokeWidth=0.3))
        _hatch(drawing, legend_x, height - 12, 14, 9, SCALE_PATTERNS[code])
        drawing.add(String(legend_x + 18, height - 10.5, SCALE_LABELS[code], fontName=font,
                           fontSize=7.5))
        legend_x += 30 * mm
    for index, bar in enumerate(bars):
        y = height - top - (index + 1) * (row_h + gap) + gap
        name = bar.label if len(bar.label) <= 38 else bar.label[:37] + "…"
        drawing.add(String(label_w - 4, y + 3, name, fontName=font, fontSize=7.5,
                           textAnchor="end"))
        total = sum(bar.counts)
        x = label_w
        if not total:
            drawing.add(String(x + 2, y + 3, "inga bedömda frågor", fontName=font,
                               fontSize=7, fillColor=st.MUTED))
            continue
        for code, count in zip(SCALE, bar.counts, strict=True):
            w = plot_w * count / total
            if w <= 0:
                continue
            drawing.add(Rect(x, y, w, row_h, fillColor=colors.HexColor(SCALE_COLOURS[code]),
                             strokeColor=colors.white, strokeWidth=0.5))
            _hatch(drawing, x, y, w, row_h, SCALE_PATTERNS[code])
            share = f"{round(100 * count / total)} %"
            if w > 24:
                drawing.add(Rect(x + w / 2 - 11, y + 1.8, 22, 7.6, fillColor=colors.white,
                                 strokeColor=None))
                drawing.add(String(x + w / 2, y + 3, share, fontName=bold, fontSize=6.5,
                                   textAnchor="middle"))
            x += w
    return drawing


def _share_table(rows: Sequence[ShareRow], city: dict[str, ShareRow], group: str) -> Flowable:
    body = []
    for r in rows:
        c = city.get(r.area_id)
        body.append([cell(r.area_title), cell(f"{r.shares[0]:.0f} %"),
                     cell(f"{r.shares[1]:.0f} %"), cell(f"{r.shares[2]:.0f} %"),
                     cell(f"{c.shares[0]:.0f} %" if c else "–"), cell(str(r.followups))])
    return list_table(["Område", f"Uppfyllt ({group})", "Delvis", "Ej uppfyllt",
                       "Uppfyllt (staden)", "Uppföljn."], body, (62, 24, 18, 20, 26, 20))


def _unit_sections(session: Session, year: int, district: str) -> list[Flowable]:
    story: list[Flowable] = []
    followups = session.scalars(select(CentralFollowup).where(
        CentralFollowup.year == year, CentralFollowup.district == district)
        .order_by(CentralFollowup.unit_name)).all()
    for f in followups:
        story.append(CondPageBreak(45 * mm))
        story.append(para(f.unit_name, "h2"))
        story.append(para(
            f"{TYPE_LABELS.get(f.unit_type, f.unit_type)}, "
            f"{REGIFORM_LABELS.get(f.regiform, f.regiform)}"
            f"{', ' + f.provider if f.provider else ''}. Besök {fmt_date(f.visit_date)}.",
            "note"))
        for s in json.loads(f.summary or "[]"):
            if s.get("text"):
                story.append(para(str(s.get("label", "")), "cell_bold"))
                story.append(para(str(s["text"])))
        found = session.scalars(select(CentralDeficiency).where(
            CentralDeficiency.followup_id == f.followup_id,
            CentralDeficiency.current.is_(True)).order_by(CentralDeficiency.id)).all()
        if found:
            story.append(list_table(
                ["Brist", "Krav på åtgärd", "Senast", "Status"],
                [[cell(d.text), cell(d.required_action or "–"), cell(fmt_date(d.deadline)),
                  cell(STATUS_LABELS.get(d.status, d.status))] for d in found],
                (58, 60, 24, 28)))
        else:
            story.append(para("Inga brister.", "note"))
    return story


def build_summary(session: Session, year: int, district: str | None) -> bytes:
    """The PDF for one district (or the whole city with ``district`` None)."""
    by = "district"
    stats = answer_stats(session, [year], by)
    if district is not None and district not in stats.groups:
        known = ", ".join(stats.groups) or "inga"
        raise UserFacingError(f"Stadsdelen {district} har inga uppföljningar {year} "
                              f"(stadsdelar med uppföljningar: {known}).")
    city = {r.area_id: r for r in stats.city}
    name = district or CITY
    story: list[Flowable] = [
        para(f"Sammanställning av verksamhetsuppföljningar {year}", "title"),
        para(f"{name} · äldreomsorgen i Stockholms stad", "subtitle"),
    ]
    story += _key_figures(session, year, district)
    if district is None:
        bars = [Bar(g, _totals([r for r in stats.rows if r.group == g])) for g in stats.groups]
        story.append(para("Stadsdelarna sida vid sida", "h1"))
    else:
        units: dict[str, list[int]] = {}
        for u in units_behind(session, [year], by, district):
            acc = units.setdefault(u.unit_name, [0, 0, 0])
            acc[0], acc[1], acc[2] = acc[0] + u.uppfyllt, acc[1] + u.delvis, acc[2] + u.ej_uppfyllt
        bars = [Bar(n, (c[0], c[1], c[2])) for n, c in sorted(units.items())]
        story.append(para("Enheterna sida vid sida", "h1"))
    story.append(para("Andel av de bedömda frågorna (Ej aktuellt och Ej bedömt räknas inte).",
                      "lead"))
    story.append(bar_chart(bars))
    story.append(para("Resultat per område", "h1"))
    rows = stats.city if district is None else [r for r in stats.rows if r.group == district]
    story.append(_share_table(rows, city, name if district else "staden"))
    if district is not None:
        story.append(para("Uppföljda enheter", "h1"))
        story += _unit_sections(session, year, district)
    else:
        story.append(para("Brister per stadsdel", "h1"))
        story.append(list_table(
            ["Stadsdel", "Brister", "Öppna", "Öppna efter sista dag"],
            [[cell(r.group), cell(str(r.deficiencies)), cell(str(r.open)),
              cell(str(r.open_past_deadline))] for r in deficiency_stats(session, [year], by)],
            (70, 30, 30, 40)))
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=st.PAGE_SIZE, leftMargin=st.MARGIN_LEFT,
                            rightMargin=st.MARGIN_RIGHT, topMargin=20 * mm,
                            bottomMargin=18 * mm, title=f"Sammanställning {year} {name}",
                            author="Uppföljaren", invariant=1)
    doc.build(story, onFirstPage=_footer(name, year), onLaterPages=_footer(name, year))
    return out.getvalue()


def _totals(rows: Sequence[ShareRow]) -> tuple[int, int, int]:
    return (sum(r.uppfyllt for r in rows), sum(r.delvis for r in rows),
            sum(r.ej_uppfyllt for r in rows))


def _key_figures(session: Session, year: int, district: str | None) -> list[Flowable]:
    query = select(func.count()).select_from(CentralFollowup).where(CentralFollowup.year == year)
    if district is not None:
        query = query.where(CentralFollowup.district == district)
    followups = session.scalar(query) or 0
    defs = [r for r in deficiency_stats(session, [year], "district", date.today())
            if district is None or r.group == district]
    cov = [r for r in coverage(session, year, "district") if district is None or r.group == district]
    due, done = sum(r.due for r in cov), sum(r.followed_up for r in cov)
    figures = [("Uppföljningar", str(followups)),
               ("Brister", str(sum(r.deficiencies for r in defs))),
               ("Öppna brister efter sista dag", str(sum(r.open_past_deadline for r in defs))),
               ("Planen", f"{done} av {due} enheter uppföljda" if due else "inget enhetsregister")]
    return [list_table(["Nyckeltal", "Värde"], [[cell(k), cell(v, "cell_bold")]
                                                for k, v in figures], (80, 90)), Spacer(1, 4)]


def _footer(name: str, year: int):  # type: ignore[no-untyped-def]
    def draw(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont(st.FONT, 7.5)
        canvas.setFillColor(st.MUTED)
        canvas.drawString(st.MARGIN_LEFT, 10 * mm, f"Sammanställning {year} – {name}")
        canvas.drawRightString(st.PAGE_SIZE[0] - st.MARGIN_RIGHT, 10 * mm, f"Sida {doc.page}")
        canvas.restoreState()
    return draw


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9åäöÅÄÖ_-]+", "-", name).strip("-") or "stadsdel"


def write_summaries(session: Session, year: int, output: Path, district: str | None = None,
                    all_districts: bool = False) -> list[Path]:
    """One PDF (``output`` a file) or, with ``all_districts``, one per district
    plus the city-wide one in the folder ``output``."""
    if not all_districts:
        target = output if output.suffix.lower() == ".pdf" else output / (
            f"sammanstallning-{year}-{_safe(district or 'hela-staden')}.pdf")
        return [_write(target, build_summary(session, year, district))]
    output.mkdir(parents=True, exist_ok=True)
    paths = [_write(output / f"sammanstallning-{year}-hela-staden.pdf",
                    build_summary(session, year, None))]
    for group in answer_stats(session, [year], "district").groups:
        paths.append(_write(output / f"sammanstallning-{year}-{_safe(group)}.pdf",
                            build_summary(session, year, group)))
    return paths


def _write(target: Path, data: bytes) -> Path:
    try:
        write_bytes_atomic(target, data)
    except OSError as exc:
        raise UserFacingError(f"Filen {target} kan inte sparas ({exc.strerror}).") from None
    return target
