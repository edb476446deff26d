"""Extreme content lays out without overflow, loss or a layout error."""

from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path

from pypdf import PdfReader

from app.templates.report import render_report_bytes
from app.templates.report.data import Area, QuestionResult, ReportData
from app.templates.report.sample import sample_report_data
from app.templates.report.styles import MARGIN_LEFT, MARGIN_RIGHT, PAGE_SIZE
from tests.report.pdftools import need, normalise, pypdf_pages, pypdf_text, run_tool


def _words_outside_margins(pdf: bytes, tmp_path: Path) -> list[str]:
    """Words whose box pdftotext places outside the text area (a little slack for rounding)."""
    path = tmp_path / "r.pdf"
    path.write_bytes(pdf)
    out = tmp_path / "bbox.html"
    result = run_tool([need("pdftotext"), "-bbox", str(path), str(out)])
    assert result.returncode == 0, result.stderr
    width, height = PAGE_SIZE
    bad = []
    for x_min, y_min, x_max, y_max, word in re.findall(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<',
            out.read_text(encoding="utf-8")):
        if word == "UTKAST":  # the diagonal watermark is meant to cross the page
            continue
        if float(x_min) < MARGIN_LEFT - 2 or float(x_max) > width - MARGIN_RIGHT + 2 \
                or float(y_min) < 0 or float(y_max) > height:
            bad.append(word)
    return bad


def _one_question(data: ReportData, **changes: object) -> ReportData:
    first = dataclasses.replace(data.areas[0].questions[0], **changes)  # type: ignore[arg-type]
    return dataclasses.replace(data, areas=(
        dataclasses.replace(data.areas[0], questions=(first, *data.areas[0].questions[1:])),
        *data.areas[1:]))


def test_comment_taller_than_a_page_splits_across_pages(tmp_path: Path) -> None:
    sentences = [f"Mening {n}: personalen beskrev rutinen för avvikelser i detalj, och "
                 f"enhetschefen visade dokumentationen för vecka {n % 52 + 1}." for n in range(400)]
    comment = " ".join(sentences[:200]) + "\n\n" + " ".join(sentences[200:])
    base = sample_report_data(n_questions=6, seed=3)
    data = _one_question(base, comment=comment, answer="ej_uppfyllt")
    pdf = render_report_bytes(data)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    assert pages >= render_pages(base) + 3
    # Page furniture, the repeated table header and the answer label interrupt the
    # comment where it splits; without them the comment must read through whole.
    furniture = {"Nr", "Fråga och kommentar", "Bedömning", "Ej uppfyllt", data.organisation_name,
                 data.title}
    lines = [line for page in pypdf_pages(pdf) for line in page.splitlines()
             if line.strip() not in furniture and not re.fullmatch(r"Sida \d+ \(\d+\)", line)
             and not line.startswith(("Rapport-id ", "Kontrollsumma "))]
    assert normalise(comment) in normalise(" ".join(lines))
    assert _words_outside_margins(pdf, tmp_path) == []


def render_pages(data: ReportData) -> int:
    return len(PdfReader(io.BytesIO(render_report_bytes(data))).pages)


def test_hundred_deficiencies(tmp_path: Path) -> None:
    data = sample_report_data(n_questions=98, n_deficiencies=100, seed=9, finalized=False)
    assert len(data.deficiencies) == 100
    pdf = render_report_bytes(data)
    text = pypdf_text(pdf)
    for d in data.deficiencies:
        assert normalise(d.required_action) in text
        assert d.deadline is not None and d.deadline.isoformat() in text
    assert _words_outside_margins(pdf, tmp_path) == []


def test_long_names_and_unbroken_words_stay_inside_the_page(tmp_path: Path) -> None:
    long_word = "Avvikelsehanteringsrutinsuppföljningsdokumentationskontrollen" * 4
    url = "https://intranat.example.invalid/" + "a" * 180
    base = sample_report_data(n_questions=8, seed=4)
    unit = dataclasses.replace(
        base.unit, name="Stiftelsen Hemmet för Gamla i Stockholms Södra Förorter – "
        "Vård- och omsorgsboendet Solrosen med profil demens och språk", address=url)
    data = _one_question(dataclasses.replace(
        base, unit=unit, organisation_name="Stockholms stad, Hägersten-Älvsjö "
        "stadsdelsförvaltning, avdelningen för äldreomsorg och socialpsykiatri"),
        comment=f"{long_word} {url}", id="12.345.678", answer="Ja, enligt intervju med "
        "enhetschef och två sjuksköterskor")
    pdf = render_report_bytes(data)
    assert _words_outside_margins(pdf, tmp_path) == []
    text = pypdf_text(pdf).replace(" ", "")
    assert long_word in text and url in text


def test_report_without_questions_or_optional_data() -> None:
    base = sample_report_data(n_questions=1, seed=1)
    data = dataclasses.replace(
        base, areas=(Area("Tomt område"),), previous_visit_on=None, logo_path="/saknas/logo.png",
        method=dataclasses.replace(base.method, documents=(), participants=(), notes="",
                                   fact_check_on=None, pre_analysis=""))
    text = pypdf_text(render_report_bytes(data))
    assert "Tomt område" in text and "Inga frågor." in text
    assert "Sakgranskning har inte genomförts." in text


def test_value_answers_print_as_given() -> None:
    base = sample_report_data(n_questions=5, seed=2)
    data = _one_question(base, answer="87 %")
    assert isinstance(data.areas[0].questions[0], QuestionResult)
    text = pypdf_text(render_report_bytes(data))
    assert "87 %" in text and "Övriga svar 1" in text


def test_table_headers_repeat_only_at_page_tops() -> None:
    """A table split must not leave a second header row in the middle of a page."""
    for seed in (1, 4, 8):
        data = sample_report_data(n_questions=98, n_deficiencies=12, seed=seed)
        for page in pypdf_pages(render_report_bytes(data)):
            lines = [line.strip() for line in page.splitlines()]
            headers = sum(line == "Fråga och kommentar" for line in lines)
            areas_started = sum(line in {a.title for a in data.areas} for line in lines)
            assert headers <= areas_started + 1, (seed, lines[:12])


def test_many_sample_reports_lay_out() -> None:
    """Different contents meet page ends at different places: splits of every kind."""
    for seed in range(1, 13):
        for n_questions, n_deficiencies in ((70, 4), (25, 0), (98, 15)):
            data = sample_report_data(n_questions=n_questions, n_deficiencies=n_deficiencies,
                                      seed=seed, finalized=seed % 2 == 0)
            pdf = render_report_bytes(data)
            assert pdf.startswith(b"%PDF-") and len(PdfReader(io.BytesIO(pdf)).pages) >= 2


def test_question_text_and_evidence_taller_than_a_page() -> None:
    """Not only comments: any part of a results row may be longer than a page."""
    huge = " ".join(f"Delfråga {n} om rutiner, ansvar och uppföljning?" for n in range(300))
    base = sample_report_data(n_questions=5, seed=6)
    data = _one_question(base, text=huge, comment=huge,
                         evidence=tuple(f"Dokument nummer {n}" for n in range(200)))
    pdf = render_report_bytes(data)
    text = pypdf_text(pdf)
    assert "Delfråga 299 om rutiner" in text and "Dokument nummer 199" in text


def test_reviewed_documents_long_and_many_lay_out_within_margins(tmp_path: Path) -> None:
    from app.templates.report.data import ReviewedDocument

    base = sample_report_data(n_questions=5, seed=3)
    long_name = " ".join(f"dokumentdel{i}" for i in range(1500))  # several pages on its own
    docs = (ReviewedDocument(long_name, None),
            *(ReviewedDocument(f"Rutin nummer {i}", None) for i in range(120)))
    data = dataclasses.replace(base, method=dataclasses.replace(base.method, documents=docs))
    pdf = render_report_bytes(data)
    text = normalise(pypdf_text(pdf))
    assert "dokumentdel0 " in text and "dokumentdel1499" in text
    assert all(f"Rutin nummer {i} " in text or f"Rutin nummer {i}\n" in text
               for i in (0, 60, 119))
    assert _words_outside_margins(pdf, tmp_path) == []
