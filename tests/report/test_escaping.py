"""User text is text: markup never runs, odd characters never break the layout."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hyp
from pypdf import PdfReader

from app.templates.report import render_report_bytes
from app.templates.report.data import ReportData
from app.templates.report.markup import clean_text, split_paragraphs, text_paragraph, to_markup
from app.templates.report.sample import sample_report_data
from tests.report.pdftools import normalise, pdftotext_text, pypdf_text

SWEDISH = "Åsa Öberg och Ärlig Ängsö: åäö ÅÄÖ é è ü Ü ß æ ø « » „ “ ” ‘ ’ – — € § ½ ° ≤ ≥ ± … •"


def _with_comment(comment: str, text: str = "Finns rutin för avvikelser?") -> ReportData:
    base = sample_report_data(n_questions=4, n_deficiencies=1, seed=5)
    first = dataclasses.replace(base.areas[0].questions[0], text=text, comment=comment,
                                answer="delvis")
    area = dataclasses.replace(base.areas[0], questions=(first, *base.areas[0].questions[1:]))
    return dataclasses.replace(base, areas=(area, *base.areas[1:]))


def _image_count(pdf: bytes) -> int:
    reader = PdfReader(io.BytesIO(pdf))
    count = 0
    for page in reader.pages:
        for _name, obj in (page["/Resources"].get("/XObject") or {}).items():
            obj = obj.get_object()
            if obj["/Subtype"] == "/Image":
                count += 1
            else:  # a form: the logo is drawn inside one
                inner = obj.get("/Resources", {}).get("/XObject", {})
                count += sum(1 for o in inner.values() if o.get_object()["/Subtype"] == "/Image")
    return count


def test_markup_in_user_text_prints_literally(tmp_path: Path) -> None:
    hostile = ('<font color="red" size="40">röd</font> <img src="/etc/passwd" width="100"/> '
               '<a href="https://example.invalid">länk</a> &amp; & < > "citat" \'apostrof\'')
    clean_pdf = render_report_bytes(_with_comment("Vanlig kommentar."))
    pdf = render_report_bytes(_with_comment(hostile, text="<b>fet?</b> & <i>kursiv</i>"))
    text = pypdf_text(pdf)
    assert normalise(hostile) in text
    assert "<b>fet?</b> & <i>kursiv</i>" in text
    path = tmp_path / "r.pdf"
    path.write_bytes(pdf)
    assert normalise(hostile) in pdftotext_text(path)
    # The <img> did not become an image, and no link annotation was made.
    assert _image_count(pdf) == _image_count(clean_pdf)
    assert all("/Annots" not in p for p in PdfReader(io.BytesIO(pdf)).pages)


def test_cve_2023_33733_payload_is_printed_not_evaluated(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    payload = (
        "<para><font color=\"[[[getattr(pow, Word('__globals__'))['os'].system("
        f"'touch {marker}') for Word in [ orgTypeFun( 'Word', (str,), {{ 'mutated': 1, "
        "'startswith': lambda self, x: 1 == 0, '__eq__': lambda self, x: self.mutated "
        "and not self.mutated and 0, '__hash__': lambda self: hash(str(self)) }) ] ] for "
        "orgTypeFun in [type(type(1))] for none in [[].append(1)]]] and 'red'\">"
        "exploit</font></para>"
    )
    pdf = render_report_bytes(_with_comment(payload))
    assert not marker.exists()
    assert normalise(payload) in pypdf_text(pdf)


def test_every_swedish_letter_and_symbols_round_trip(tmp_path: Path) -> None:
    data = dataclasses.replace(_with_comment(SWEDISH, text=SWEDISH),
                               organisation_name="Östermalms stadsdelsförvaltning")
    pdf = render_report_bytes(data)
    assert SWEDISH in pypdf_text(pdf)
    path = tmp_path / "r.pdf"
    path.write_bytes(pdf)
    assert SWEDISH in pdftotext_text(path)


def test_characters_that_cannot_be_carried_are_replaced_not_fatal() -> None:
    nasty = "före\x00NUL\x07bell\x1b[31m\ud800ensam\udfffsurrogat\ufffe\r\nnästa rad\tflik"
    cleaned = clean_text(nasty)
    assert "\x00" not in cleaned and "\ud800" not in cleaned and "\x1b" not in cleaned
    assert cleaned == ("före\ufffdNUL\ufffdbell\ufffd[31m\ufffdensam\ufffdsurrogat\ufffd\n"
                       "nästa rad    flik")
    text = pypdf_text(render_report_bytes(_with_comment(nasty)))
    assert "före�NUL�bell" in text and "nästa rad flik" in text


def test_glyphs_missing_from_the_font_become_replacement_characters() -> None:
    # U+10900 (Phoenician) is not in DejaVu Sans: printing it would leave a blank box.
    assert clean_text("a\U00010900b") == "a\ufffdb"
    assert clean_text("Öl, €, ½") == "Öl, €, ½"


def test_markup_helpers_escape_and_keep_line_breaks() -> None:
    assert to_markup("a < b & c > d\nny rad") == "a &lt; b &amp; c &gt; d<br/>ny rad"
    assert split_paragraphs("första\nrad två\n\n  \n<andra>") == ["första\nrad två", "<andra>"]


def test_text_paragraph_is_never_parsed_as_markup() -> None:
    from app.templates.report.styles import styles

    para = text_paragraph(styles()["body"], ("<b>x</b> &amp;", "normal"), ("kursiv", "italic"))
    assert [f.text for f in para.frags] == ["<b>x</b> &amp;", "kursiv"]
    assert [f.fontName for f in para.frags] == ["DejaVuSans", "DejaVuSans-Oblique"]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hyp.text(min_size=1, max_size=300))
def test_any_unicode_text_renders(comment: str) -> None:
    pdf = render_report_bytes(_with_comment(comment, text=comment))
    assert len(PdfReader(io.BytesIO(pdf)).pages) >= 1


# Left-to-right scripts whose extracted text is comparable character by character.
_LTR_TEXT = hyp.text(
    alphabet=hyp.characters(min_codepoint=0, max_codepoint=0x2FFF,
                            exclude_categories=("Mn", "Me", "Cf", "Lo", "Lm")),
    min_size=1, max_size=300)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_LTR_TEXT)
def test_text_comes_back_out(comment: str) -> None:
    pdf = render_report_bytes(_with_comment(comment))
    expected = normalise(clean_text(comment).replace("\ufffd", ""))
    text = pypdf_text(pdf).replace("\ufffd", "")
    words = [w for w in expected.split(" ") if w]
    assert all(w in text for w in words[:20])
