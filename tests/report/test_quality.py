"""PDF quality: embedded fonts, structure, metadata, bookmarks, A4, identical bytes."""

from __future__ import annotations

import dataclasses
import io
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.templates.report import content_hash, render_report_bytes
from app.templates.report.data import ReportData
from app.templates.report.sample import sample_report_data
from tests.report.pdftools import need, normalise, run_tool


@pytest.fixture(scope="module")
def data() -> ReportData:
    return sample_report_data(n_questions=40, n_deficiencies=3, finalized=True, seed=11)


@pytest.fixture(scope="module")
def pdf(data: ReportData) -> bytes:
    return render_report_bytes(data)


@pytest.fixture
def pdf_path(pdf: bytes, tmp_path: Path) -> Path:
    path = tmp_path / "rapport.pdf"
    path.write_bytes(pdf)
    return path


def test_pdffonts_shows_only_embedded_dejavu(pdf_path: Path) -> None:
    result = run_tool([need("pdffonts"), str(pdf_path)])
    assert result.returncode == 0, result.stderr
    rows = result.stdout.splitlines()[2:]
    assert rows, result.stdout
    names = set()
    for row in rows:
        cols = row.split()
        names.add(cols[0].split("+")[-1])
        # columns: name type encoding emb sub uni object ID; emb/sub/uni are yes/no
        assert cols[-5:-2] == ["yes", "yes", "yes"], row
    assert names == {"DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"}


def test_qpdf_check_passes(pdf_path: Path) -> None:
    result = run_tool([need("qpdf"), "--check", str(pdf_path)])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors found" in result.stdout


def test_metadata_language_and_a4(data: ReportData, pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    meta = reader.metadata
    assert meta is not None
    assert meta.title == f"Verksamhetsuppföljning {data.year}: {data.unit.name}"
    assert meta.author == data.organisation_name
    assert data.unit.name in (meta.subject or "")
    assert reader.trailer["/Root"]["/Lang"] == "sv-SE"
    assert data.finalized_on is not None
    assert meta["/CreationDate"] == f"D:{data.finalized_on:%Y%m%d}000000+00'00'"
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width), round(height)) == (595, 842)


def _outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    """(level, title, page number) for every bookmark, depth first."""
    out: list[tuple[int, str, int]] = []

    def walk(items: list, level: int) -> None:  # type: ignore[type-arg]
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                out.append((level, item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return out


def test_bookmarks_for_each_section_point_at_their_page(data: ReportData, pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    outline = _outline(reader)
    top = [title for level, title, _ in outline if level == 0]
    assert top == [data.title, "Sammanfattande bedömning", "Styrkor", "Förbättringsområden",
                   "Brister som ska åtgärdas snarast",
                   "Brister som följs upp vid nästa uppföljning",
                   "Uppföljning av tidigare brister", "Metod", "Resultat per område"]
    area_titles = [title for level, title, _ in outline if level == 1 and title in
                   {a.title for a in data.areas}]
    assert area_titles == [a.title for a in data.areas]
    pages = [normalise(p.extract_text()) for p in reader.pages]
    # Each bookmark's page shows its heading (deferred pages must not shift them).
    for _, title, page in outline:
        assert normalise(title) in pages[page - 1], (title, page)
    assert outline[-1][2] == len(pages) or outline[-1][2] > outline[0][2]


def test_same_data_gives_same_bytes_even_in_a_fresh_process(data: ReportData,
                                                            pdf: bytes) -> None:
    assert render_report_bytes(data) == pdf
    code = ("import sys; from app.templates.report import render_report_bytes;"
            "from app.templates.report.sample import sample_report_data;"
            "sys.stdout.buffer.write(render_report_bytes(sample_report_data("
            "n_questions=40, n_deficiencies=3, finalized=True, seed=11)))")
    fresh = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True,
                           env={"PYTHONHASHSEED": "123", "PATH": "/usr/bin:/bin"},
                           cwd=Path(__file__).resolve().parents[2], timeout=120)
    assert fresh.stdout == pdf


def test_content_hash_follows_printed_content(data: ReportData, tmp_path: Path) -> None:
    digest = content_hash(data)
    assert len(digest) == 12 and int(digest, 16) >= 0
    assert content_hash(dataclasses.replace(data)) == digest
    changed_comment = dataclasses.replace(data, areas=(
        dataclasses.replace(data.areas[0], questions=(
            dataclasses.replace(data.areas[0].questions[0], comment="Ändrad kommentar."),
            *data.areas[0].questions[1:])),
        *data.areas[1:]))
    assert content_hash(changed_comment) != digest
    assert content_hash(dataclasses.replace(data, revision=data.revision + 1)) != digest
    assert content_hash(dataclasses.replace(data, internal_copy=True)) != digest
    # The note is not printed on the public copy, so it does not count there.
    secret = dataclasses.replace(data, internal_note="Misstänkt fusk med tidrapporter.")
    assert content_hash(secret) == digest
    assert content_hash(dataclasses.replace(secret, internal_copy=True)) != content_hash(
        dataclasses.replace(data, internal_copy=True))
    # The logo counts by its bytes, not by where the file lies.
    from app.templates.report.data import default_logo_path

    copy = tmp_path / "logo.png"
    copy.write_bytes(default_logo_path().read_bytes())
    assert content_hash(dataclasses.replace(data, logo_path=str(copy))) == digest
    copy.write_bytes(copy.read_bytes() + b"\0")
    assert content_hash(dataclasses.replace(data, logo_path=str(copy))) != digest
