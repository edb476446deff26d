"""Build the follow-up report PDF from a ``ReportData``: a pure function of its input.

Preview, CLI and batch export all call ``build_report``/``render_report_bytes``;
the same data always gives the same bytes (reportlab's invariant mode, no
clock, no random ids), so the content hash in the footer and any later
signature mean something.
"""

from __future__ import annotations

import io
import os
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table

from app.durable_io import write_bytes_atomic
from app.templates.report import flowables as fl
from app.templates.report import styles as st
from app.templates.report.data import (
    OFFICER_ROLE_LABELS,
    PART_LABELS,
    PREVIOUS_STATUS_LABELS,
    ReportData,
    content_hash,
    resolved_logo_path,
)
from app.templates.report.markup import clean_text
from app.templates.report.page import PageInfo, ReportDocTemplate

__all__ = ["build_report", "render_report_bytes"]


_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@lru_cache(maxsize=8)
def _logo_reader(path: str, size: int, mtime_ns: int) -> ImageReader:
    raw = Path(path).read_bytes()
    if raw.startswith(_PNG_SIGNATURE):
        # PIL's Image.open first imports every format plugin it knows (~20 ms,
        # a tenth of a one-report process); a PNG (the shipped logo) needs one.
        from PIL import PngImagePlugin

        return ImageReader(PngImagePlugin.PngImageFile(io.BytesIO(raw)))
    return ImageReader(io.BytesIO(raw))


def _logo(data: ReportData) -> ImageReader | None:
    path = resolved_logo_path(data)
    if not path.is_file():
        return None
    stat = path.stat()
    return _logo_reader(str(path), stat.st_size, stat.st_mtime_ns)


def _page_info(data: ReportData, digest: str) -> PageInfo:
    status = (f"Fastställd {fl.fmt_date(data.finalized_on)}" if data.finalized_on
              else "Utkast – ej fastställd")
    return PageInfo(
        organisation=clean_text(data.organisation_name),
        title=clean_text(data.title),
        footer_left=clean_text(f"Rapport-id {data.report_id} · Revision {data.revision} · {status}"),
        footer_right=f"Kontrollsumma {digest}",
        logo=_logo(data),
        draft=data.is_draft,
        internal_copy=data.internal_copy,
        document_date=data.finalized_on or data.visit_on,
    )


def _officers(data: ReportData, role: str | None) -> str:
    names = []
    for o in data.officers:
        if role is None and o.role not in OFFICER_ROLE_LABELS:
            names.append(f"{o.name} ({o.role})")
        elif o.role == role:
            names.append(o.name)
    return ", ".join(names)


def _facts(data: ReportData) -> Table:
    u = data.unit
    omsorg = ", ".join(n for n in (_officers(data, "verksamhetsuppfoljare"),
                                   _officers(data, None)) if n)
    revision = f"{data.revision}, fastställd {fl.fmt_date(data.finalized_on)}" \
        if data.finalized_on else f"{data.revision} (utkast)"
    return fl.facts_table([
        ("Enhet", u.name), ("Typ av verksamhet", u.unit_type),
        ("Regiform", u.regiform), ("Utförare", u.provider),
        ("Avtalspart/nämnd", u.contract_party), ("Adress", u.address),
        ("Stadsdel", u.district), ("Uppföljande stadsdels­förvaltning", u.follow_up_district),
        ("Platser/kunder", u.places), ("Verksamhetschef", u.head_of_operations),
        ("Datum för platsbesök", fl.fmt_date(data.visit_on)),
        ("Föregående uppföljning", fl.fmt_date(data.previous_visit_on)),
        ("Uppföljare, omsorg", omsorg), ("MAS, hälso- och sjukvård", _officers(data, "mas")),
        ("Uppföljningsmall", f"{data.template_name}, version {data.template_version}"),
        ("Rapportrevision", revision),
    ])


def _internal_note(data: ReportData) -> list[Flowable]:
    if not data.internal_copy:
        return []
    box = fl.ReportTable([[[
        fl.para("Intern anteckning – misstänkta oegentligheter", "internal_head"),
        fl.para("Denna del finns bara i den interna kopian och lämnas inte ut.", "note"),
        *fl.text_block(data.internal_note, "Ingen anteckning.", "internal"),
    ]]], colWidths=[fl.CONTENT_WIDTH])
    box.setStyle(st.internal_box_style())
    return [Spacer(0, 8), CondPageBreak(40 * mm), fl.Anchor("Intern anteckning", "internal", 0),
            box]


def _summary(data: ReportData) -> list[Flowable]:
    s = data.summary
    out: list[Flowable] = [*fl.heading("Sammanfattande bedömning", "h1", "summary", 0),
                           fl.para("Omsorg enligt socialtjänstlagen (SoL)", "area_summary")]
    for title, key, text in (("Individualisering", "summary-ind", s.individualisering),
                             ("Trygghet", "summary-tr", s.trygghet),
                             ("Inflytande", "summary-inf", s.inflytande),
                             ("Hälso- och sjukvård (HSL)", "summary-hsl", s.halso_sjukvard)):
        out += [*fl.heading(title, "h2", key, 1), *fl.text_block(text)]
    return out


def _deficiencies(data: ReportData, kind: str, title: str, key: str, empty: str) -> list[Flowable]:
    chosen = [d for d in data.deficiencies if d.kind == kind]
    out: list[Flowable] = [*fl.heading(title, "h1", key, 0)]
    if not chosen:
        return out + [fl.para(empty, "note")]
    rows = [[[fl.cell(d.question_id, "cell_bold"), fl.cell(d.question_text)],
             fl.text_block(d.description, fl.DASH, "cell"),
             fl.text_block(d.required_action, fl.DASH, "cell"),
             fl.cell(fl.fmt_date(d.deadline, "Ej angiven"))] for d in chosen]
    return out + [fl.list_table(("Fråga", "Brist", "Åtgärd som krävs", "Senast"), rows,
                                (50, 49, 49, 22))]


def _previous(data: ReportData) -> list[Flowable]:
    out: list[Flowable] = [*fl.heading("Uppföljning av tidigare brister", "h1", "previous", 0)]
    if data.previous_visit_on:
        out.append(fl.para(f"Brister från uppföljningen {fl.fmt_date(data.previous_visit_on)}.",
                           "area_summary"))
    if not data.previous_deficiencies:
        return out + [fl.para("Inga brister från föregående uppföljning att följa upp.", "note")]
    rows = [[fl.text_block(p.description, fl.DASH, "cell"),
             fl.text_block(p.required_action, fl.DASH, "cell"),
             fl.cell(PREVIOUS_STATUS_LABELS.get(p.status, p.status), "cell_bold"),
             fl.text_block(p.comment, fl.DASH, "cell")] for p in data.previous_deficiencies]
    return out + [fl.list_table(("Brist", "Krävd åtgärd", "Status", "Kommentar"), rows,
                                (50, 50, 24, 46))]


def _method(data: ReportData) -> list[Flowable]:
    m = data.method
    out: list[Flowable] = [*fl.heading("Metod", "h1", "method", 0),
                           *fl.heading("Föranalys", "h2", "method-pre", 1),
                           *fl.text_block(m.pre_analysis),
                           *fl.heading("Granskade dokument", "h2", "method-docs", 1)]
    if m.documents:
        out += fl.short_list_rows(("Dokument", "Inkom"), [
            (d.name, fl.fmt_date(d.received_on, "Ej inkommet")) for d in m.documents], (140, 30))
    else:
        out.append(fl.para("Inga dokument begärdes in.", "note"))
    visit = f"Platsbesök {fl.fmt_date(data.visit_on)}" + (f", {m.visit_time}" if m.visit_time
                                                          else "") + "."
    out += [*fl.heading("Platsbesök och deltagare", "h2", "method-visit", 1), fl.para(visit)]
    if m.participants:
        out += fl.short_list_rows(("Roll", "Antal"), [
            (p.role, str(p.count)) for p in m.participants], (140, 30))
    out += [Spacer(0, 4), *fl.text_block(m.notes, "")] if m.notes.strip() else []
    out += [*fl.heading("Sakgranskning", "h2", "method-fact", 1),
            fl.para(f"Utföraren sakgranskade rapporten {fl.fmt_date(m.fact_check_on)}."
                    if m.fact_check_on else "Sakgranskning har inte genomförts.")]
    return out


def _results(data: ReportData) -> list[Flowable]:
    *room, heading = fl.heading("Resultat per område", "h1", "results", 0)
    if not data.areas:
        return [*room, heading, fl.para("Inga frågor besvarade.", "note")]
    # The overview table is kept whole on one page; the heading goes with it
    # rather than standing alone above an empty rest of a page.
    out: list[Flowable] = [*room, KeepTogether([
        heading, fl.para("Antal frågor per bedömning och område.", "lead"),
        fl.overview_table(data.areas)])]
    for n, area in enumerate(data.areas, start=1):
        applicable = [q for q in area.questions if q.answer != "ej_aktuellt"]
        not_applicable = [q for q in area.questions if q.answer == "ej_aktuellt"]
        parts = sorted({PART_LABELS.get(q.part, q.part) for q in area.questions})
        # Room for the heading, the summary line and the table's first rows.
        heading = fl.heading(area.title, "h2", f"area-{n}", 1, min_space=50 * mm)
        summary = fl.para(fl.area_summary_text(area)
                          + (f" ({', '.join(parts)})" if parts else ""), "area_summary")
        out += [*heading, summary]
        if applicable:
            out += fl.area_rows(applicable)
        out += fl.not_applicable_list(not_applicable)
    return out


def _story(data: ReportData) -> list[Flowable]:
    story: list[Flowable] = [
        *fl.heading(data.title, "title", "facts", 0),
        fl.para(f"Uppföljningsrapport · Rapport-id {data.report_id} · Revision {data.revision}",
                "subtitle"),
        _facts(data),
        *_internal_note(data),
        *_summary(data),
        *fl.heading("Styrkor", "h1", "strengths", 0),
        *fl.bullet_list(data.strengths, "Inga styrkor angivna."),
        *fl.heading("Förbättringsområden", "h1", "improvements", 0),
        *fl.bullet_list(data.improvements, "Inga förbättringsområden angivna."),
        *_deficiencies(data, "snarast", "Brister som ska åtgärdas snarast", "def-now",
                       "Inga brister som ska åtgärdas snarast."),
        *_deficiencies(data, "nasta", "Brister som följs upp vid nästa uppföljning", "def-next",
                       "Inga brister som följs upp vid nästa uppföljning."),
        *_previous(data),
        *_method(data),
        *_results(data),
    ]
    return story


def build_report(data: ReportData, out: BinaryIO | Path | str) -> None:
    """Render the report to a path (written atomically) or a binary file object."""
    if isinstance(out, str | os.PathLike):
        write_bytes_atomic(Path(out), render_report_bytes(data))
        return
    st.register_fonts()
    info = _page_info(data, content_hash(data))
    doc = ReportDocTemplate(
        out, info,
        subject=clean_text(f"Uppföljningsrapport för {data.unit.name}, {data.unit.unit_type}"),
        keywords=clean_text(f"verksamhetsuppföljning, {data.year}, {data.unit.follow_up_district}, "
                            f"{data.report_id}, revision {data.revision}"),
    )
    doc.build_story(_story(data))


def render_report_bytes(data: ReportData) -> bytes:
    buffer = io.BytesIO()
    build_report(data, buffer)
    return buffer.getvalue()
