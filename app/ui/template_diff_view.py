"""The difference between two template versions as HTML for a text browser."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from app.services.template_diff import QuestionChange, TemplateDiff
from app.ui.i18n import message_text


def _tr(text: str) -> str:
    return QCoreApplication.translate("TemplatePage", text)


def _section(title: str, changes: tuple[QuestionChange, ...], body) -> str:  # type: ignore[no-untyped-def]
    if not changes:
        return ""
    rows = "".join(f"<li><b>{escape(c.id)}</b>: {body(c)}</li>" for c in changes)
    return f"<h4>{escape(title)} ({len(changes)})</h4><ul>{rows}</ul>"


def _details(c: QuestionChange) -> str:
    return f" <i>({escape(', '.join(c.details))})</i>" if c.details else ""


def diff_html(diff: TemplateDiff, section_titles: dict[str, str]) -> str:
    def where(sid: str | None) -> str:
        return escape(section_titles.get(sid or "", sid or ""))

    def reworded(c: QuestionChange) -> str:
        assert c.old is not None and c.new is not None
        return (f"<span style='color:#a33;text-decoration:line-through'>{escape(c.old.text)}</span>"
                f"<br><span style='color:#2a6'>{escape(c.new.text)}</span>")

    def moved(c: QuestionChange) -> str:
        assert c.old is not None and c.new is not None
        if c.old.section_id == c.new.section_id:
            return escape(c.current.text) + " " + escape(_tr("(ny plats i området)"))
        return f"{escape(c.current.text)}<br>{where(c.old.section_id)} → {where(c.new.section_id)}"

    html = [f"<h3>{escape(_tr('Version'))} {escape(diff.a_version)} → {escape(diff.b_version)}</h3>"]
    if diff.is_empty():
        html.append(f"<p>{escape(_tr('Inga skillnader.'))}</p>")
        return "".join(html)
    html.append(f"<p>{escape(message_text(diff.summary()))}</p>")
    if diff.header_changes:
        html.append(f"<p>{escape(_tr('Ändrat i mallens huvud'))}: "
                    f"{escape(', '.join(diff.header_changes))}</p>")
    html.append(_section(_tr("Nya frågor"), diff.added,
                         lambda c: f"{escape(c.current.text)} <i>({where(c.current.section_id)})</i>"))
    html.append(_section(_tr("Borttagna frågor"), diff.removed,
                         lambda c: f"{escape(c.current.text)} <i>({where(c.current.section_id)})</i>"))
    html.append(_section(_tr("Omformulerade frågor"), diff.reworded, reworded))
    html.append(_section(_tr("Flyttade frågor"), diff.moved, moved))
    html.append(_section(_tr("Ändrad vägledning"), diff.guidance_changed,
                         lambda c: escape(c.current.text) + _details(c)))
    html.append(_section(_tr("Andra ändringar"), diff.other_changed,
                         lambda c: escape(c.current.text) + _details(c)))
    areas = [escape(_tr("Nytt område")) + ": " + escape(s) for s in diff.sections_added]
    areas += [escape(_tr("Borttaget område")) + ": " + escape(s) for s in diff.sections_removed]
    areas += [f"{escape(_tr('Nytt namn på område'))}: {escape(old)} → {escape(new)}"
              for _sid, old, new in diff.sections_renamed]
    if areas:
        html.append("<h4>" + escape(_tr("Områden")) + "</h4><ul>"
                    + "".join(f"<li>{a}</li>" for a in areas) + "</ul>")
    return "".join(html)
