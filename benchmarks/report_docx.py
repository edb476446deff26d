"""The peer's input: the same report content as a Word document (python-docx).

Officers today fill a Word template and export it to PDF. This builds that
document from a ``ReportData`` with the same sections, tables and texts, so
LibreOffice's conversion of it can be timed beside our renderer.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Mm, Pt

from app.templates.report.data import (
    ANSWER_LABELS,
    PREVIOUS_STATUS_LABELS,
    ReportData,
    answer_label,
    content_hash,
)


def _table(doc: Document, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text


def build_docx(data: ReportData, path: Path) -> None:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.header.paragraphs[0].text = f"{data.organisation_name}\t{data.title}"
    section.footer.paragraphs[0].text = (
        f"Rapport-id {data.report_id} · Revision {data.revision} · "
        f"Kontrollsumma {content_hash(data)}")
    doc.styles["Normal"].font.name = "DejaVu Sans"
    doc.styles["Normal"].font.size = Pt(9.5)

    doc.add_heading(data.title, 0)
    u = data.unit
    facts = [("Enhet", u.name), ("Typ av verksamhet", u.unit_type), ("Regiform", u.regiform),
             ("Utförare", u.provider), ("Avtalspart/nämnd", u.contract_party),
             ("Adress", u.address), ("Stadsdel", u.district),
             ("Uppföljande stadsdelsförvaltning", u.follow_up_district),
             ("Platser/kunder", u.places), ("Verksamhetschef", u.head_of_operations),
             ("Datum för platsbesök", data.visit_on.isoformat()),
             ("Uppföljare", ", ".join(o.name for o in data.officers)),
             ("Uppföljningsmall", f"{data.template_name}, version {data.template_version}"),
             ("Rapportrevision", str(data.revision))]
    _table(doc, ("Uppgift", "Värde"), facts)

    doc.add_heading("Sammanfattande bedömning", 1)
    s = data.summary
    for title, text in (("Individualisering", s.individualisering), ("Trygghet", s.trygghet),
                        ("Inflytande", s.inflytande),
                        ("Hälso- och sjukvård (HSL)", s.halso_sjukvard)):
        doc.add_heading(title, 2)
        doc.add_paragraph(text)
    doc.add_heading("Styrkor", 1)
    for item in data.strengths:
        doc.add_paragraph(item, style="List Bullet")
    doc.add_heading("Förbättringsområden", 1)
    for item in data.improvements:
        doc.add_paragraph(item, style="List Bullet")
    for kind, title in (("snarast", "Brister som ska åtgärdas snarast"),
                        ("nasta", "Brister som följs upp vid nästa uppföljning")):
        doc.add_heading(title, 1)
        _table(doc, ("Fråga", "Brist", "Åtgärd som krävs", "Senast"), [
            (f"{d.question_id} {d.question_text}", d.description, d.required_action,
             d.deadline.isoformat() if d.deadline else "")
            for d in data.deficiencies if d.kind == kind])
    doc.add_heading("Uppföljning av tidigare brister", 1)
    _table(doc, ("Brist", "Krävd åtgärd", "Status", "Kommentar"), [
        (p.description, p.required_action, PREVIOUS_STATUS_LABELS[p.status], p.comment)
        for p in data.previous_deficiencies])
    doc.add_heading("Metod", 1)
    doc.add_paragraph(data.method.pre_analysis)
    _table(doc, ("Dokument", "Inkom"), [
        (d.name, d.received_on.isoformat() if d.received_on else "Ej inkommet")
        for d in data.method.documents])
    _table(doc, ("Roll", "Antal"), [(p.role, str(p.count)) for p in data.method.participants])
    doc.add_paragraph(data.method.notes)

    doc.add_heading("Resultat per område", 1)
    for area in data.areas:
        doc.add_heading(area.title, 2)
        counts = {c: sum(q.answer == c for q in area.questions) for c in ANSWER_LABELS}
        doc.add_paragraph(" · ".join(f"{ANSWER_LABELS[c]} {n}" for c, n in counts.items() if n))
        _table(doc, ("Nr", "Fråga och kommentar", "Bedömning"), [
            (q.id, f"{q.text}\nKommentar: {q.comment}\nUnderlag: {', '.join(q.evidence)}",
             answer_label(q.answer)) for q in area.questions])
    doc.save(str(path))
