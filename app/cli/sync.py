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
    parser.add_argument("--hand-over", metavar="UPPFÖLJNING", default=None,
                        help="lämna över en del av uppföljningen (dess id) till en kollega "
                        "i stället för att synkronisera")
    parser.add_argument("--part", choices=("sol", "hsl"), default=None,
                        help="delen som lämnas över (med --hand-over)")
    parser.add_argument("--to", metavar="DATOR", default=None,
                        help="kollegans dator-id (med --hand-over; se --recipients)")
    parser.add_argument("--recipients", action="store_true",
                        help="lista datorerna som kan ta emot en överlämning")
    parser.set_defaults(func=run)


def _hand_over(ctx: CliContext, settings: Settings) -> int:
    from app.services.sync_handover import hand_over_part, recipients

    args = ctx.args
    with ctx.sessions() as session:
        if args.recipients:
            for r in recipients(session, ctx.paths, settings, args.share):
                print(f"{r.device_id}\t{r.label}")
            return 0
        if not args.part or not args.to:
            print("--hand-over kräver --part sol|hsl och --to DATOR.", file=sys.stderr)
            return 2
        result = hand_over_part(session, ctx.paths, settings, args.hand_over, args.part,
                                args.to, args.share)
    print(f"Överlämnad: {result.path}")
    return 0


def run(ctx: CliContext) -> int:
    settings = Settings.load(ctx.paths.settings_file)
    if ctx.args.hand_over or ctx.args.recipients:
        return _hand_over(ctx, settings)
    if ctx.args.part or ctx.args.to:
        print("--part och --to används bara med --hand-over.", file=sys.stderr)
        return 2
    report = run_sync(ctx.sessions, ctx.paths, settings, ctx.args.share, TaskState())
    out = sys.stderr if report.failed else sys.stdout
    for line in report.lines():
        print(line, file=out)
    return 1 if report.failed else 0
