"""``uppfoljaren visits``: list follow-ups."""

from __future__ import annotations

import argparse
import csv
import json
import sys

from app.cli.context import CliContext
from app.services.visits import VISIT_STATUSES, list_visits

CSV_FIELDS = ("id", "unit_id", "unit_name", "unit_type", "district", "year", "seq", "status",
              "status_label", "revision", "sol_owner", "sol_status", "sol_revision",
              "hsl_owner", "hsl_status", "hsl_revision", "visit_date", "template_version")


def register(subparsers: argparse._SubParsersAction, add_data_dir) -> None:  # type: ignore[type-arg,no-untyped-def]
    parser = subparsers.add_parser("visits", help="uppföljningar",
                                   description="Lista uppföljningar.")
    add_data_dir(parser)
    commands = parser.add_subparsers(dest="visits_command", metavar="KOMMANDO", required=True)
    lister = commands.add_parser("list", help="lista uppföljningar",
                                 description="Listar uppföljningar, nyaste året först.")
    add_data_dir(lister)
    lister.add_argument("--year", type=int, metavar="ÅR", help="bara detta år")
    lister.add_argument("--unit", metavar="ENHETS_ID", help="bara denna enhet")
    lister.add_argument("--status", choices=tuple(VISIT_STATUSES), help="bara denna status")
    lister.add_argument("--owner", metavar="NAMN", help="bara uppföljningar där NAMN äger en del")
    lister.add_argument("--format", choices=("table", "csv", "json"), default="table")
    lister.set_defaults(func=run_list)


def run_list(ctx: CliContext) -> int:
    args = ctx.args
    with ctx.sessions() as session:
        rows = list_visits(session, year=args.year, unit_id=args.unit, status=args.status,
                           owner=args.owner)
    records = [r.as_record() for r in rows]
    if args.format == "json":
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        print()
    elif args.format == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=CSV_FIELDS, lineterminator="\n",
                                extrasaction="ignore")
        writer.writeheader()
        writer.writerows({k: "" if v is None else v for k, v in r.items()} for r in records)
    else:
        widths = (8, 40, 6, 16, 24, 24, 10)
        header = ("Enhet", "Namn", "År", "Status", "Omsorg (SoL)", "HSL", "Besök")
        print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
        for r in rows:
            sol = f"{r.sol_owner or '–'} r{r.sol_revision}"
            hsl = f"{r.hsl_owner or '–'} r{r.hsl_revision}" if r.hsl_revision else ""
            cells = (r.unit_id, r.unit_name, str(r.year), r.status_label, sol, hsl,
                     r.visit_date.isoformat() if r.visit_date else "")
            print("  ".join(c[:w].ljust(w) for c, w in zip(cells, widths, strict=True)))
        print(f"{len(rows)} uppföljningar")
    return 0
