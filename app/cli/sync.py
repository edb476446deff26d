"""``uppfoljaren sync``: exchange with the central share and print a summary."""

from __future__ import annotations

import argparse
import sys

from app.cli.context import CliContext
from app.services.sync import run_sync
from app.services.task_state import TaskState
from app.settings import Settings


def register(subparsers: argparse._SubParsersAction, add_data_dir) -> None:  # type: ignore[type-arg,no-untyped-def]
    parser = subparsers.add_parser(
        "sync", help="synkronisera med den gemensamma mappen",
        description="Skickar fastställda uppföljningar till den gemensamma mappen, hämtar "
        "mallar, enhetsregister och kollegornas delar, och skriver en sammanfattning. "
        "Avslutas med kod 1 om något misslyckades eller behöver åtgärdas.",
    )
    add_data_dir(parser)
    parser.add_argument("--share", metavar="MAPP", default=None,
                        help="den gemensamma mappen (annars inställningen, annars den "
                        "inbyggda mappen i datamappen)")
    parser.set_defaults(func=run)


def run(ctx: CliContext) -> int:
    settings = Settings.load(ctx.paths.settings_file)
    report = run_sync(ctx.sessions, ctx.paths, settings, ctx.args.share, TaskState())
    out = sys.stderr if report.failed else sys.stdout
    for line in report.lines():
        print(line, file=out)
    return 1 if report.failed else 0
