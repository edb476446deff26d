"""``uppfoljaren plan``: the year plan, its rhythm rules and extra follow-ups."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from app.cli.context import CliContext
from app.durable_io import write_bytes_atomic
from app.errors import UserFacingError
from app.services.plan_export import FORMATS, render
from app.services.rhythm import RHYTHM_LABELS
from app.services.schedule import (
    EXTRA_REASONS,
    STATUS_LABELS,
    add_extra_followup,
    apply_suggestions,
    build_year_plan,
    plan_warnings,
    rhythm_rules,
    set_rhythm_rule,
)


def register(subparsers: argparse._SubParsersAction, add_data_dir) -> None:  # type: ignore[type-arg,no-untyped-def]
    parser = subparsers.add_parser(
        "plan", help="årsplanen för uppföljningar",
        description="Visar årsplanen: varje enhet som ska följas upp, ansvarig stadsdel, "
        "handläggare, planerat datum och status. Saknade poster enligt rytmen läggs till.")
    add_data_dir(parser)
    _plan_options(parser)
    parser.set_defaults(func=run_plan, plan_parser=parser)
    commands = parser.add_subparsers(dest="plan_command", metavar="KOMMANDO")

    rules = commands.add_parser("rules", help="visa eller ändra rytmreglerna",
                                description="Visar rytmreglerna per enhetstyp, eller ändrar "
                                "en regel med --set TYP=udda|jamn|varje.")
    add_data_dir(rules)
    rules.add_argument("--set", metavar="TYP=RYTM", action="append", default=[],
                       help="t.ex. dagverksamhet=udda (kan anges flera gånger)")
    rules.set_defaults(func=run_rules)

    extra = commands.add_parser("extra", help="lägg till en extra uppföljning",
                                description="Lägger till en uppföljning utanför rytmen.")
    add_data_dir(extra)
    extra.add_argument("--year", type=int, required=True, metavar="ÅR")
    extra.add_argument("--unit", required=True, metavar="ENHETS_ID")
    extra.add_argument("--reason", required=True, choices=sorted(EXTRA_REASONS))
    extra.add_argument("--text", default="", help="fritext om skälet")
    extra.add_argument("--date", type=date.fromisoformat, help="planerat datum ÅÅÅÅ-MM-DD")
    extra.set_defaults(func=run_extra)

    assign = commands.add_parser("assign", help="fördela otilldelade uppföljningar",
                                 description="Fyller tomma handläggarplatser med förslaget "
                                 "som jämnar ut belastningen; gjorda val behålls.")
    add_data_dir(assign)
    assign.add_argument("--year", type=int, required=True, metavar="ÅR")
    assign.add_argument("--district", metavar="NAMN")
    assign.set_defaults(func=run_assign)


def _plan_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--year", type=int, metavar="ÅR", help="planåret, t.ex. 2027")
    parser.add_argument("--district", metavar="NAMN", help="bara en ansvarig stadsdel")
    parser.add_argument("--format", choices=("table", "csv", "json", "ics", "xlsx"),
                        default="table", help="utdataformat (standard: table)")
    parser.add_argument("--output", "-o", type=Path, metavar="FIL",
                        help="skriv till fil (krävs för xlsx)")
    parser.add_argument("--all-day", action="store_true",
                        help="ics: heldagshändelser i stället för 09.00-12.00")
    parser.add_argument("--warnings", action="store_true", help="lista varningar efter tabellen")


def run_plan(ctx: CliContext) -> int:
    args = ctx.args
    if args.year is None:
        args.plan_parser.error("ange --year ÅÅÅÅ")
    with ctx.sessions() as session, session.begin():
        rows = build_year_plan(session, args.year, args.district)
        warnings = plan_warnings(session, rows) if args.warnings else []
    if args.output is not None:
        fmt = args.output.suffix.lower().lstrip(".")
        if fmt not in FORMATS:
            fmt = args.format
        if fmt not in FORMATS:
            raise UserFacingError(f"{args.output}: ange ett filnamn som slutar på .xlsx, .ics, "
                                  ".csv eller .json, eller välj --format.")
        write_bytes_atomic(args.output, render(rows, fmt, args.year, all_day=args.all_day))
        print(f"Sparade {len(rows)} uppföljningar i {args.output}.")
        return 0
    if args.format == "xlsx":
        raise UserFacingError("Excel-formatet kräver --output FIL.xlsx.")
    if args.format != "table":
        data = render(rows, args.format, args.year, all_day=args.all_day)
        if args.format == "csv":
            data = data.removeprefix(b"\xef\xbb\xbf")  # no BOM on a terminal
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    widths = (10, 40, 14, 20, 24, 22, 15)
    header = ("Datum", "Enhet", "Typ", "Stadsdel", "Verksamhetsuppföljare", "MAS", "Status")
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    for r in rows:
        cells = (r.planned_date.isoformat() if r.planned_date else "–", r.unit_name,
                 r.unit_type_name, r.district, r.sol_officer or "–",
                 r.hsl_officer or ("–" if r.needs_mas else ""), r.status_label)
        print("  ".join(c[:w].ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip())
    counts = Counter(r.status for r in rows)
    summary = ", ".join(f"{label.lower()} {counts[code]}" for code, label in STATUS_LABELS.items()
                        if counts[code])
    print(f"{len(rows)} uppföljningar {args.year}" + (f" ({summary})" if summary else ""))
    for warning in warnings:
        print(f"Varning: {warning.message}")
    return 0


def run_rules(ctx: CliContext) -> int:
    with ctx.sessions() as session, session.begin():
        for item in ctx.args.set:
            type_code, sep, rhythm = item.partition("=")
            if not sep:
                raise UserFacingError(f"--set {item}: skriv TYP=udda, TYP=jamn eller TYP=varje.")
            set_rhythm_rule(session, type_code.strip(), rhythm)
        rules = rhythm_rules(session)
    for type_code, rhythm in rules.items():
        print(f"{type_code.ljust(16)}{rhythm.value.ljust(7)}{RHYTHM_LABELS[rhythm]}")
    return 0


def run_extra(ctx: CliContext) -> int:
    args = ctx.args
    with ctx.sessions() as session, session.begin():
        add_extra_followup(session, args.unit, args.year, args.reason, args.text, args.date)
    print(f"Lade till en extra uppföljning av {args.unit} {args.year} "
          f"({EXTRA_REASONS[args.reason].lower()}).")
    return 0


def run_assign(ctx: CliContext) -> int:
    with ctx.sessions() as session, session.begin():
        filled = apply_suggestions(session, ctx.args.year, ctx.args.district)
    print(f"Tilldelade {filled} handläggarplatser.")
    return 0
