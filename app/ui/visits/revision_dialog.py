"""An earlier revision of a part, read-only, from its frozen snapshot.

The snapshot (``revision_snapshot``, format_version 1) is shown as a readable
page: the part, who finalized it and why it was reopened, the summary, every
answer with its comment, and the findings.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from app.ui.i18n import label


def snapshot_html(data: dict[str, Any]) -> str:
    part = data.get("part", {})
    unit = data.get("unit", {})
    out = [f"<h2>{escape(unit.get('name', ''))} · {data.get('visit', {}).get('year', '')}</h2>",
           f"<p><b>{escape(label(part.get('label', '')))}</b>, revision {part.get('revision', '')}"]
    if part.get("finalized_at"):
        when = str(part["finalized_at"])[:16].replace("T", " ")
        out.append(" – " + escape(QCoreApplication.translate(
            "RevisionDialog", "fastställd %1 av %2").replace("%1", when).replace(
            "%2", part.get("finalized_by") or "")))
    out.append("</p>")
    if part.get("reason"):
        title = QCoreApplication.translate("RevisionDialog", "Motivering")
        out.append(f"<p><i>{escape(title)}: {escape(part['reason'])}</i></p>")
    for item in part.get("summary", []):
        out.append(f"<p><b>{escape(label(item['label']))}:</b> {escape(item['text'])}</p>")
    for section in data.get("sections", []):
        out.append(f"<h3>{escape(section['title'])} ({section.get('answered')}/"
                   f"{section.get('applicable')})</h3><ul>")
        for q in section.get("questions", []):
            answer = q.get("answer") or {}
            shown = label(answer.get("label") or "–")
            if answer.get("number") is not None:
                shown = f"{answer['number']:g} {q.get('number_unit') or ''}".strip()
            comment = f" – {escape(answer['comment'])}" if answer.get("comment") else ""
            out.append(f"<li>{escape(q['text'])}<br><b>{escape(shown)}</b>{comment}</li>")
        out.append("</ul>")
    findings = data.get("findings", [])
    if findings:
        title = QCoreApplication.translate("RevisionDialog", "Fynd")
        required = QCoreApplication.translate("RevisionDialog", "Krav på åtgärd")
        out.append(f"<h3>{escape(title)}</h3><ul>")
        for f in findings:
            action = (f"<br>{escape(required)}: {escape(f['required_action'])}"
                      if f.get("required_action") else "")
            out.append(f"<li><b>{escape(label(f['kind_label']))}:</b> {escape(f['text'])}"
                       f"{action}</li>")
        out.append("</ul>")
    return "".join(out)


class RevisionDialog(QDialog):
    def __init__(self, title: str, snapshot: dict[str, Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(800, 680)
        self.view = QTextBrowser()
        self.view.setHtml(snapshot_html(snapshot))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
