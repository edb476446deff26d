"""``uppfoljaren units``: import and list the unit register."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

from app.cli.context import CliContext
from app.services.unit_import import import_units_file
from app.services.units import IMPORT_HEADERS, list_units


def register(subparsers: argparse._SubParsersAction, add_data_dir) -> None:  # type: ignore[type-arg,no-untyped-def]
    parser = subparsers.add_parser("units", help="enhetsregistret",
                                   description="Importera och lista enhetsregistret.")
    add_data_dir(parser)
    commands = parser.add_subparsers(dest="units_command", metavar="KOMMANDO", required=True)

    importer = commands.add_parser(
        "import", help="importera enheter från CSV eller Excel (.xlsx)",
        description="Importerar enheter (uppdaterar på enhets_id). En fil med fel "
        "importeras inte alls; varje fel listas.",
    )
    add_data_dir(importer)
    importer.add_argument("file", metavar="FIL", type=Path)
    importer.set_defaults(func=run_import)

    lister = commands.add_parser("list", help="lista enheter",
                                 description="Listar enhetsregistret.")
    add_data_dir(lister)
    lister.add_argument("--format", choices=("table", "csv", "json"), default="table")
    lister.set_defaults(func=run_list)


def run_import(ctx: CliContext) -> int:
    with ctx.sessions() as session, session.begin():
        result = import_units_file(session, ctx.args.file)
    print(f"Importerat {result.total} enheter: {result.added} nya, {result.updated} ändrade, "
          f"{result.unchanged} oförändrade.")
    return 0


def run_list(ctx: CliContext) -> int:
    with ctx.sessions() as session:
        rows = list_units(session)
    fmt = ctx.args.format
    if fmt == "json":
        json.dump([r.as_import_record() for r in rows], sys.stdout, ensure_ascii=False, indent=2)
        print()
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=IMPORT_HEADERS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(r.as_import_record() for r in rows)
    else:
        widths = (8, 44, 14, 12, 22)
        header = ("Id", "Namn", "Typ", "Regiform", "Uppföljande stadsdel")
        print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
        for r in rows:
            cells = (r.id, r.name, r.type_name, r.regiform_name, r.followup_district)
            print("  ".join(c[:w].ljust(w) for c, w in zip(cells, widths, strict=True)))
        print(f"{len(rows)} enheter")
    return 0
