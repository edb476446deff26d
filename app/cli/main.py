"""Entry point ``uppfoljaren``: no arguments starts the GUI.

Each sub-command lives in its own module under ``app/cli/`` and exposes
``register(subparsers)``, which adds its parser and sets ``func`` to a
callable taking a ``CliContext`` and returning an exit code.
Exit codes: 0 success, 1 bad input (message on stderr), 2 usage error.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from app import __version__
from app.cli.context import CliContext
from app.errors import UserFacingError

# Sub-command modules, in the order they appear in --help.
COMMAND_MODULES = ["demo", "units", "plan", "visits", "template", "central", "report", "sync"]

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2


def _add_data_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="datamapp (annars UPPFOLJAREN_DATA_DIR eller användarens datamapp)",
    )


def _command_in(argv: Sequence[str]) -> str | None:
    """The sub-command named on the command line (skipping --data-dir's value)."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--data-dir":
            skip = True
        elif not arg.startswith("-"):
            return arg if arg in COMMAND_MODULES else None
    return None


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """All sub-commands, or with ``only`` just that one: a command then does not
    pay for importing every other command's libraries (openpyxl, reportlab...)."""
    parser = argparse.ArgumentParser(
        prog="uppfoljaren",
        description="Uppföljaren: verksamhetsuppföljning inom äldreomsorgen. "
        "Utan kommando startar programmet.",
    )
    parser.add_argument("--version", action="version", version=f"uppfoljaren {__version__}")
    _add_data_dir(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="KOMMANDO")
    for name in COMMAND_MODULES if only is None else [only]:
        module = importlib.import_module(f"app.cli.{name}")
        module.register(subparsers, _add_data_dir)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    parser = build_parser(_command_in(sys.argv[1:] if argv is None else argv))
    args = parser.parse_args(argv)
    if args.command is None:
        from app.cli.gui import run_gui

        return run_gui(getattr(args, "data_dir", None))
    context = CliContext(args)
    try:
        return int(args.func(context) or EXIT_OK)
    except UserFacingError as error:
        print(str(error), file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("Avbrutet.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away; stop quietly like other tools.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
