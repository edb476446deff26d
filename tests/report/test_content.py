"""The report says everything the data holds, in the required order, readable by real readers."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.templates.report import build_report, content_hash, render_report_bytes
from app.templates.report.data import ANSWER_LABELS, PREVIOUS_STATUS_LABELS, ReportData
from app.templates.report.sample import sample_report_data
from tests.report.pdftools import normalise, pdftotext_text, pypdf_pages, pypdf_text


@pytest.fixture(scope="module")
def data() -> ReportData:
    return sample_report_data(n_questions=70, n_deficiencies=6, finalized=True, seed=7)


@pytest.fixture(scope="module")
def pdf(data: ReportData) -> bytes:
    return render_report_bytes(data)


def _expected_snippets(data: ReportData) -> list[str]:
    """Every answer and comment, and the texts of every other section."""
    out: list[str] = []
    for area in data.areas:
        out.append(area.title)
        for q in area.questions:
            out += [q.id, ANSWER_LABELS.get(q.answer, q.answer), q.comment]
    for d in data.deficiencies:
        out += [d.question_text, d.description, d.required_action]
    for p in data.previous_deficiencies:
        out += [p.description, p.required_action, PREVIOUS_STATUS_LABELS[p.status], p.comment]
    s = data.summary
    out += [s.individualisering, s.trygghet, s.inflytande, s.halso_sjukvard]
    out += list(data.strengths) + list(data.improvements)
    out += [doc.name for doc in data.method.documents]
    out += [p.role for p in data.method.participants]
    u = data.unit
    out += [u.name, u.unit_type, u.regiform, u.provider, u.contract_party, u.address,
            u.district, u.places, u.head_of_operations, data.template_name]
    out += [o.name for o in data.officers]
    return [normalise(s) for s in out if s.strip()]


def test_pypdf_finds_every_answer_and_comment(data: ReportData, pdf: bytes) -> None:
    text = pypdf_text(pdf)
    missing = [s for s in _expected_snippets(data) if s not in text]
    assert missing == []


@pytest.mark.parametrize("raw", [True, False], ids=["stream-order", "reading-order"])
def test_pdftotext_finds_every_answer_and_comment(data: ReportData, pdf: bytes, tmp_path: Path,
                                                 raw: bool) -> None:
    path = tmp_path / "rapport.pdf"
    path.write_bytes(pdf)
    text = pdftotext_text(path, raw=raw)
    missing = [s for s in _expected_snippets(data) if s not in text]
    assert missing == []


def test_sections_come_in_the_required_order(pdf: bytes) -> None:
    text = pypdf_text(pdf)
    sections = ["Enhet", "Sammanfattande bedömning", "Individualisering", "Trygghet",
                "Inflytande", "Hälso- och sjukvård (HSL)", "Styrkor", "Förbättringsområden",
                "Brister som ska åtgärdas snarast", "Brister som följs upp vid nästa uppföljning",
                "Uppföljning av tidigare brister", "Metod", "Föranalys", "Sakgranskning",
                "Resultat per område"]
    positions = [text.find(s) for s in sections]
    assert -1 not in positions, dict(zip(sections, positions, strict=True))
    assert positions == sorted(positions)


def test_every_page_has_header_footer_and_numbering(data: ReportData, pdf: bytes) -> None:
    pages = [normalise(p) for p in pypdf_pages(pdf)]
    assert len(pages) > 3
    for n, page in enumerate(pages, start=1):
        assert f"Sida {n} ({len(pages)})" in page
        assert data.organisation_name in page
        assert f"Verksamhetsuppföljning {data.year}: {data.unit.name}" in page
        assert f"Rapport-id {data.report_id}" in page
        assert f"Revision {data.revision}" in page
        assert f"Fastställd {data.finalized_on.isoformat()}" in page  # type: ignore[union-attr]
        assert f"Kontrollsumma {content_hash(data)}" in page
        assert "UTKAST" not in page


def test_draft_has_watermark_on_every_page(data: ReportData) -> None:
    draft = dataclasses.replace(data, finalized_on=None)
    pages = [normalise(p) for p in pypdf_pages(render_report_bytes(draft))]
    assert all("UTKAST" in p and "Utkast – ej fastställd" in p for p in pages)


def test_area_summary_counts_and_not_applicable_listed_compactly(data: ReportData,
                                                                 pdf: bytes) -> None:
    text = pypdf_text(pdf)
    for area in data.areas:
        counts = {c: sum(q.answer == c for q in area.questions) for c in ANSWER_LABELS}
        for code, n in counts.items():
            if n:
                assert f"{ANSWER_LABELS[code]} {n}" in text
    not_applicable = [q for a in data.areas for q in a.questions if q.answer == "ej_aktuellt"]
    assert not_applicable, "the sample should contain Ej aktuellt answers"
    assert "Ej aktuellt för verksamheten:" in text
    for q in not_applicable:
        assert normalise(f"{q.id} {q.text}") in text


def test_internal_note_only_on_internal_copy(data: ReportData) -> None:
    note = "Misstänkt felaktig tidrapportering i mars har lämnats till avtalsenheten."
    public = dataclasses.replace(data, internal_note=note, internal_copy=False)
    internal = dataclasses.replace(data, internal_note=note, internal_copy=True)
    assert note not in pypdf_text(render_report_bytes(public))
    internal_pdf = render_report_bytes(internal)
    internal_text = pypdf_text(internal_pdf)
    assert note in internal_text
    assert "INTERN HANDLING" in internal_text
    outline = PdfReader(io.BytesIO(internal_pdf)).outline
    assert "Intern anteckning" in [getattr(item, "title", None) for item in outline]


def test_empty_sections_say_so() -> None:
    data = dataclasses.replace(sample_report_data(n_questions=3, seed=2), deficiencies=(),
                               previous_deficiencies=(), strengths=(), improvements=())
    text = pypdf_text(render_report_bytes(data))
    for phrase in ("Inga brister som ska åtgärdas snarast.",
                   "Inga brister som följs upp vid nästa uppföljning.",
                   "Inga brister från föregående uppföljning att följa upp.",
                   "Inga styrkor angivna.", "Inga förbättringsområden angivna."):
        assert phrase in text


def test_build_report_to_path_and_to_stream_give_the_same_bytes(data: ReportData,
                                                                 tmp_path: Path) -> None:
    target = tmp_path / "ut" / "rapport.pdf"
    build_report(data, target)
    with (tmp_path / "stream.pdf").open("wb") as stream:
        build_report(data, stream)
    assert target.read_bytes() == (tmp_path / "stream.pdf").read_bytes()
    assert [p.name for p in target.parent.iterdir()] == ["rapport.pdf"]  # no temp files left


def test_unknown_deficiency_kind_is_refused() -> None:
    from app.templates.report.data import Deficiency

    with pytest.raises(ValueError, match="snarast"):
        Deficiency("1.1", "Fråga?", "Brist", "Åtgärd", None, kind="senare")
