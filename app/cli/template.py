"""``uppfoljaren template``: validate, import, list, show and diff the
follow-up template (uppföljningsmall)."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.cli.context import CliContext
from app.services.template_diff import QuestionChange, TemplateDiff
from app.services.template_format import (
    ANSWERS,
    PART_LABELS,
    QuestionDef,
    TemplateDef,
    answer_label,
    load_template_file,
)
from app.services.templates import (
    active_template,
    check_version_is_free,
    diff_templates,
    ensure_shipped_templates,
    import_template,
    list_versions,
    template_by_version,
    template_to_dict,
)


def register(subparsers: argparse._SubParsersAction, add_data_dir) -> None:  # type: ignore[type-arg,no-untyped-def]
    parser = subparsers.add_parser(
        "template", help="uppföljningsmallen",
        description="Kontrollera, läs in, visa och jämför versioner av uppföljningsmallen.",
    )
    add_data_dir(parser)
    commands = parser.add_subparsers(dest="template_command", metavar="KOMMANDO", required=True)

    validate = commands.add_parser(
        "validate", help="kontrollera en mallfil utan att läsa in den",
        description="Kontrollerar en mallfil och listar varje fel med rad och fråge-id. "
        "Databasen ändras inte.",
    )
    add_data_dir(validate)
    validate.add_argument("file", metavar="FIL", type=Path)
    validate.set_defaults(func=run_validate)

    importer = commands.add_parser(
        "import", help="läs in en ny mallversion",
        description="Läser in en mallversion. En fil med fel läses inte in, och den "
        "aktiva mallen ändras inte.",
    )
    add_data_dir(importer)
    importer.add_argument("file", metavar="FIL", type=Path)
    importer.set_defaults(func=run_import)

    lister = commands.add_parser("list", help="lista inlästa mallversioner")
    add_data_dir(lister)
    lister.set_defaults(func=run_list)

    show = commands.add_parser(
        "show", help="visa en mallversion",
        description="Visar en mallversion: områden och frågor med vägledning. Utan VERSION "
        "visas den mall som gäller i dag (eller --datum).",
    )
    add_data_dir(show)
    show.add_argument("version", metavar="VERSION", nargs="?")
    show.add_argument("--format", choices=("table", "json"), default="table")
    show.add_argument("--datum", "--date", dest="on", type=date.fromisoformat, default=None,
                      help="visa mallen som gäller detta datum (ÅÅÅÅ-MM-DD)")
    show.set_defaults(func=run_show)

    differ = commands.add_parser(
        "diff", help="jämför två mallversioner",
        description="Visar frågor som lagts till, tagits bort, omformulerats, flyttats eller "
        "fått ändrad vägledning mellan A och B. A och B är versionsnummer eller mallfiler.",
    )
    add_data_dir(differ)
    differ.add_argument("a", metavar="A")
    differ.add_argument("b", metavar="B")
    differ.add_argument("--format", choices=("table", "json"), default="table")
    differ.set_defaults(func=run_diff)


def run_validate(ctx: CliContext) -> int:
    tdef = load_template_file(ctx.args.file)
    with ctx.sessions() as session:
        check_version_is_free(session, tdef, ctx.args.file.name)
    print(f"{ctx.args.file.name}: mallen är giltig – version {tdef.version}, giltig från "
          f"{tdef.valid_from.isoformat()}, {len(tdef.sections)} områden, "
          f"{len(tdef.all_questions())} frågor.")
    return 0


def run_import(ctx: CliContext) -> int:
    tdef = load_template_file(ctx.args.file)
    with ctx.sessions() as session, session.begin():
        before = {v.id for v in list_versions(session)}
        row = import_template(session, ctx.args.file)
        is_new = row.id not in before
    if is_new:
        print(f"Inläst: version {tdef.version} ({tdef.name}), giltig från "
              f"{tdef.valid_from.isoformat()}, {len(tdef.all_questions())} frågor.")
    else:
        print(f"Version {tdef.version} är redan inläst med samma innehåll; inget ändrat.")
    return 0


def _prepared(ctx: CliContext) -> Session:
    session = ctx.sessions()
    with session.begin():
        ensure_shipped_templates(session)
    return session


def run_list(ctx: CliContext) -> int:
    with _prepared(ctx) as session:
        versions = list_versions(session)
        active_id = active_template(session, date.today())[0] if versions else None
    print(f"{'Version':<9} {'Giltig från':<12} {'Områden':>7} {'Frågor':>6}  Namn")
    for v in versions:
        mark = "  (gäller i dag)" if v.id == active_id else ""
        print(f"{v.version:<9} {v.valid_from.isoformat():<12} {v.section_count:>7} "
              f"{v.question_count:>6}  {v.name}{mark}")
    return 0


def _resolve(session: Session, ref: str) -> TemplateDef:
    path = Path(ref)
    if path.suffix.lower() in (".yaml", ".yml") or path.is_file():
        return load_template_file(path)
    return template_by_version(session, ref)[1]


def scale_of(q: QuestionDef) -> dict[str, Any]:
    if q.answer_kind == "number":
        return {"kind": "number", "unit": q.number_unit}
    if q.answer_kind == "yesno":
        return {"kind": "yesno", "answers": ["ja", "nej"]}
    return {"kind": "scale", "answers": list(ANSWERS)}


def _scale_text(q: QuestionDef) -> str:
    if q.answer_kind == "number":
        return f"Tal ({q.number_unit})" if q.number_unit else "Tal"
    if q.answer_kind == "yesno":
        return "Ja / Nej med kommentar"
    return " / ".join(answer_label(a) for a in ANSWERS)


def run_show(ctx: CliContext) -> int:
    with _prepared(ctx) as session:
        if ctx.args.version:
            tdef = _resolve(session, ctx.args.version)
        else:
            tdef = active_template(session, ctx.args.on or date.today())[1]
    if ctx.args.format == "json":
        doc = template_to_dict(tdef)
        for section in doc["sections"]:
            for q in section["questions"]:
                q["scale"] = scale_of(tdef.question(q["id"]))
        json.dump(doc, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    print(f"{tdef.name}, version {tdef.version}, giltig från {tdef.valid_from.isoformat()}")
    print(f"Enhetstyper: {', '.join(tdef.unit_types)}")
    wrap = textwrap.TextWrapper(width=100, initial_indent="      ", subsequent_indent="        ")
    for number, section in enumerate(tdef.sections, start=1):
        print(f"\n{number}. {section.title} [{section.id}]")
        for q in section.questions:
            print(f"  {q.id}  ({PART_LABELS[q.part]}; {', '.join(q.unit_types)})")
            print(textwrap.indent(textwrap.fill(q.text, 96), "    "))
            print(f"    Grund: {q.basis}")
            print(f"    Svar: {_scale_text(q)}")
            g = q.guidance
            for label, value in (("Uppfyllt", g.fulfilled), ("Delvis", g.partly),
                                 ("Ej uppfyllt", g.not_fulfilled), ("Granska", g.look_at),
                                 ("Personalen", g.staff_knowledge)):
                if value:
                    print(wrap.fill(f"{label}: {value}"))
            if q.documents:
                print(wrap.fill("Dokument: " + "; ".join(q.documents)))
    return 0


def _change_line(change: QuestionChange, what: str) -> str:
    line = f"  {change.id}: {what}"
    return line + (f" ({', '.join(change.details)})" if change.details else "")


def diff_as_text(diff: TemplateDiff) -> str:
    out = [f"Jämförelse {diff.a_version} → {diff.b_version}", diff.summary()]
    if diff.header_changes:
        out.append("Mallens huvud ändrat: " + ", ".join(diff.header_changes))
    groups = (
        ("Nya frågor", diff.added, lambda c: c.current.text),
        ("Borttagna frågor", diff.removed, lambda c: c.current.text),
        ("Omformulerade", diff.reworded, lambda c: f"”{c.old.text}” → ”{c.new.text}”"),
        ("Flyttade", diff.moved, lambda c: f"{c.old.section_id} → {c.new.section_id}"),
        ("Ändrad vägledning", diff.guidance_changed, lambda c: c.current.text),
        ("Andra ändringar", diff.other_changed, lambda c: c.current.text),
    )
    for title, changes, describe in groups:
        if changes:
            out.append(f"\n{title} ({len(changes)}):")
            out.extend(_change_line(c, describe(c)) for c in changes)
    for sid in diff.sections_added:
        out.append(f"Nytt område: {sid}")
    for sid in diff.sections_removed:
        out.append(f"Borttaget område: {sid}")
    for sid, old, new in diff.sections_renamed:
        out.append(f"Område {sid} har bytt namn: ”{old}” → ”{new}”")
    if diff.is_empty():
        out.append("Inga skillnader.")
    return "\n".join(out)


def diff_as_dict(diff: TemplateDiff) -> dict[str, Any]:
    def entries(changes: tuple[QuestionChange, ...]) -> list[dict[str, Any]]:
        return [{"id": c.id, "details": list(c.details),
                 "old_text": c.old.text if c.old else None,
                 "new_text": c.new.text if c.new else None,
                 "old_section": c.old.section_id if c.old else None,
                 "new_section": c.new.section_id if c.new else None} for c in changes]

    return {
        "a": diff.a_version, "b": diff.b_version,
        "added": entries(diff.added), "removed": entries(diff.removed),
        "reworded": entries(diff.reworded), "moved": entries(diff.moved),
        "guidance_changed": entries(diff.guidance_changed),
        "other_changed": entries(diff.other_changed),
        "sections_added": list(diff.sections_added),
        "sections_removed": list(diff.sections_removed),
        "sections_renamed": [list(r) for r in diff.sections_renamed],
        "header_changes": list(diff.header_changes),
    }


def run_diff(ctx: CliContext) -> int:
    with _prepared(ctx) as session:
        a, b = _resolve(session, ctx.args.a), _resolve(session, ctx.args.b)
    diff = diff_templates(a, b)
    if ctx.args.format == "json":
        json.dump(diff_as_dict(diff), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(diff_as_text(diff))
    return 0
