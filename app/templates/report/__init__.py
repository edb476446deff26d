"""The follow-up report PDF: layout (styles, page, flowables) apart from content (data).

Public API: ``build_report(data, out)``, ``render_report_bytes(data)``,
``content_hash(data)`` and the dataclasses in ``data``.
"""

from app.templates.report.lazy_regex import import_platypus

import_platypus()  # before anything else imports reportlab (see lazy_regex.py)

from app.templates.report.build import build_report, render_report_bytes  # noqa: E402
from app.templates.report.data import ReportData, content_hash  # noqa: E402

__all__ = ["ReportData", "build_report", "content_hash", "render_report_bytes"]
