"""Read rendered reports back with real PDF readers (pypdf and poppler/qpdf tools)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader


def normalise(text: str) -> str:
    """Collapse whitespace, so line breaks chosen by the layout do not matter."""
    return re.sub(r"\s+", " ", text).strip()


def pypdf_pages(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def pypdf_text(pdf: bytes) -> str:
    return normalise(" ".join(pypdf_pages(pdf)))


def need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} not installed (apt-get install poppler-utils qpdf)")
    return path


def run_tool(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, check=False, timeout=120)


def pdftotext_text(pdf_path: Path, raw: bool = True) -> str:
    # -raw keeps content-stream order: each table cell comes out whole. Without it
    # pdftotext guesses a reading order from positions, as a viewer's search does.
    mode = ["-raw"] if raw else []
    result = run_tool([need("pdftotext"), *mode, "-enc", "UTF-8", str(pdf_path), "-"])
    assert result.returncode == 0, result.stderr
    return normalise(result.stdout)
