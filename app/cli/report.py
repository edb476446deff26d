"""``uppfoljaren report``: the follow-up report as PDF, one or a whole year.

    uppfoljaren report VISIT_ID --out FILE.pdf [--internal]
    uppfoljaren report --year Y [--district D] --out-dir DIR [--internal] [--workers N]

Imports stay inside the functions: ``--help`` and the other commands do not
pay for reportlab.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli.context import CliContext
from app.errors import UserFacingError

# Below this many reports one process is quicker than starting two workers.
MIN_PARALLEL_REPORTS = 12


def register(subparsers: argparse._SubParsersAction, add_data_dir) -> None:  # type: ignore[type-arg,no-untyped-def]
    parser = subparsers.add_parser(
        "report", help="uppföljningsrapport som PDF",
        description="Skriver uppföljningsrapporten som PDF: en uppföljning (VISIT_ID --out) "
        "eller alla fastställda för ett år (--year --out-dir).")
    add_data_dir(parser)
    parser.add_argument("visit_id", nargs="?", metavar="VISIT_ID", help="uppföljningens id")
    parser.add_argument("--out", type=Path, metavar="FIL.pdf", help="rapportfilen")
    parser.add_argument("--year", type=int, metavar="ÅR", help="alla fastställda detta år")
    parser.add_argument("--district", metavar="STADSDEL", help="bara denna uppföljande stadsdel")
    parser.add_argument("--out-dir", type=Path, metavar="MAPP", help="mapp för --year")
    parser.add_argument("--workers", type=int, metavar="N",
                        help="processer för --year (standard: 2 med minst 2 kärnor, annars 1)")
    parser.add_argument("--internal", action="store_true",
                        help="intern kopia med anteckning om misstänkta oegentligheter")
    parser.set_defaults(func=run, _parser=parser)


def _settings(ctx: CliContext) -> tuple[str, Path | None]:
    from app.settings import Settings

    settings = Settings.load(ctx.paths.settings_file)
    return settings.organisation_name, Path(settings.logo_path) if settings.logo_path else None


def run(ctx: CliContext) -> int:
    args = ctx.args
    parser: argparse.ArgumentParser = args._parser
    if args.visit_id and args.year is None:
        if args.out is None:
            parser.error("ange --out FIL.pdf")
        return _single(ctx, args.visit_id, args.out, args.internal)
    if args.year is not None and not args.visit_id:
        if args.out_dir is None:
            parser.error("ange --out-dir MAPP")
        return _batch(ctx, args.year, args.district, args.out_dir, args.internal, args.workers)
    parser.error("ange antingen VISIT_ID --out FIL.pdf eller --year ÅR --out-dir MAPP")
    return 2  # parser.error exits; for the type checker


def _single(ctx: CliContext, visit_id: str, out: Path, internal: bool) -> int:
    from app.durable_io import write_bytes_atomic
    from app.services.report_fast import fast_report_data
    from app.templates.report import render_report_bytes

    organisation, logo = _settings(ctx)
    kw = {"organisation": organisation, "logo": logo, "internal": internal}
    # A finalized follow-up prints from its stored snapshots without SQLAlchemy;
    # anything else (drafts, old schema, unknown id) takes the normal path.
    data = fast_report_data(ctx.paths.database, visit_id, **kw)  # type: ignore[arg-type]
    if data is None:
        from app.services.report import report_data_for
        from app.services.visits.errors import NotFoundError

        with ctx.sessions() as session:
            try:
                data = report_data_for(session, visit_id, **kw)  # type: ignore[arg-type]
            except NotFoundError as error:
                raise UserFacingError(f"Ingen uppföljning med id {visit_id}.") from error
    try:
        write_bytes_atomic(out, render_report_bytes(data))
    except OSError as error:
        raise UserFacingError(f"Kunde inte skriva {out}: {error.strerror}") from error
    state = "utkast" if data.is_draft else f"fastställd {data.finalized_on}"
    print(f"{out} ({data.unit.name}, revision {data.revision}, {state})")
    return 0


def _batch(ctx: CliContext, year: int, district: str | None, out_dir: Path,
           internal: bool, workers: int | None) -> int:
    import os

    from app.services.report import batch_reports, report_districts
    from app.services.report_parallel import batch_reports_parallel
    from app.services.task_state import TaskState

    # Two workers from two cores on, for a batch big enough to repay starting
    # them (see report_parallel.py); an explicit --workers is taken as given.
    chosen = workers
    workers = workers if workers is not None else (2 if (os.cpu_count() or 1) >= 2 else 1)
    if workers < 1:
        raise UserFacingError("--workers ska vara minst 1.")

    if district:
        with ctx.sessions() as session:
            known = report_districts(session)
        if district not in known:
            raise UserFacingError(f"Okänd stadsdel '{district}'. Finns: {', '.join(known)}.")
    organisation, logo = _settings(ctx)
    try:
        if workers == 1:
            result = batch_reports(ctx.sessions, year, district, out_dir, TaskState(),
                                   organisation=organisation, logo=logo, internal=internal)
        else:
            result = batch_reports_parallel(ctx.sessions, year, district, out_dir, TaskState(),
                                            workers=workers, organisation=organisation,
                                            logo=logo, internal=internal,
                                            min_reports=1 if chosen else MIN_PARALLEL_REPORTS)
    except OSError as error:
        raise UserFacingError(f"Kunde inte skriva i {out_dir}: {error.strerror}") from error
    for row, message in result.failed:
        print(f"{row.unit_name} ({row.visit_id}): {message}", file=sys.stderr)
    print(f"{len(result.written)} rapporter skrivna till {out_dir}; "
          f"{len(result.skipped)} ej fastställda hoppades över; {len(result.failed)} misslyckades.")
    return 1 if result.failed else 0
