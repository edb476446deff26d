"""``uppfoljaren demo``: (re)create the demo database."""

from __future__ import annotations

import argparse

from app.cli.context import CliContext
from app.services.demo import DEFAULT_SEED
from app.services.demo_db import ensure_demo_database


def register(subparsers: argparse._SubParsersAction, add_data_dir) -> None:  # type: ignore[type-arg,no-untyped-def]
    parser = subparsers.add_parser(
        "demo", help="skapa demodatabasen",
        description="Skapar demodatabasen med påhittade enheter och uppföljare.",
    )
    add_data_dir(parser)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="slumpfrö (samma frö ger samma data)")
    parser.add_argument("--force", action="store_true",
                        help="ersätt en befintlig databas (en säkerhetskopia sparas först)")
    parser.set_defaults(func=run)


def run(ctx: CliContext) -> int:
    path = ctx.paths.database
    summary = ensure_demo_database(path, seed=ctx.args.seed, force=ctx.args.force)
    if summary is None:
        print(f"Databasen {path} har redan data; inget ändrat (använd --force för att ersätta).")
        return 0
    print(f"Demodatabasen skapad: {path}")
    print(f"  {summary.units} enheter, {summary.officers} uppföljare, {summary.providers} utförare")
    return 0
