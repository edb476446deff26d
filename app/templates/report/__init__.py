"""The follow-up report PDF: layout (styles, page, flowables) apart from content (data).

Public API: ``build_report(data, out)``, ``render_report_bytes(data)``,
``content_hash(data)`` and the dataclasses in ``data``.
"""

from app.templates.report.build import build_report, render_report_bytes
from app.templates.report.data import ReportData, content_hash

__all__ = ["ReportData", "build_report", "content_hash", "render_report_bytes"]
