"""``uppfoljaren central``: the central elder-care administration's commands:
ingest the share into the consolidated database, publish templates, unit
registers and statistics, and report city-wide statistics."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from app.cli.context import CliContext
from app.errors import UserFacingError
from app.services.central.stats import BREAKDOWN_LABELS, BREAKDOWNS, CITY, group_label

EXIT_QUARANTINED = 1


def parse_years(text: str) -> list[int]:
    """'2023', '2019-2025' or '2019,2021'."""
    try:
        if "-" in text:
            first, last = (int(x) for x in text.split("-", 1))
            if last < first or last - first > 50:
                raise ValueError
            return list(range(first, last + 1))
        return sorted({int(x) for x in text.split(",")})
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' är inget år: ange till exempel 2023, 2019-2025 eller 2021,2023") from None


def register(subparsers: argparse._SubParsersAction, add_data_dir) -> None:  # type: ignore[type-arg,no-untyped-def]
    parser = subparsers.add_parser(
        "central", help="äldreförvaltningens samlade databas och statistik",
        description="Läser in uppföljningar från den centrala mappen till en samlad databas "
        "(SQLite-fil eller PostgreSQL), publicerar mallar, enhetsregister och statistik, "
        "och tar fram statistik för hela staden.")
    add_data_dir(parser)
    commands = parser.add_subparsers(dest="central_command", metavar="KOMMANDO", required=True)

    def command(name: str, help_text: str, func: Any, db: bool = True,
                share: bool = False) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        add_data_dir(sub)
        if db:
            sub.add_argument("--db", metavar="URL", default=None,
                             help="samlad databas: SQLAlchemy-URL (t.ex. postgresql+psycopg://"
                             "...) eller sökväg till en SQLite-fil (standard: central.sqlite3 "
                             "i datamappen)")
        if share:
            sub.add_argument("--share", metavar="MAPP", type=Path, required=True,
                             help="den centrala mappen")
        sub.set_defaults(func=func)
        return sub

    command("ingest", "läs in alla paket från den centrala mappen", run_ingest, share=True)
    template = command("publish-template", "kontrollera och publicera en mallfil",
                       run_publish_template, db=False, share=True)
    template.add_argument("file", metavar="FIL", type=Path)
    units = command("publish-units", "kontrollera och publicera ett enhetsregister",
                    run_publish_units, share=True)
    units.add_argument("file", metavar="FIL", type=Path)

    stats = command("stats", "statistik för ett år eller en period", run_stats)
    stats.add_argument("--year", "--ar", dest="years", type=parse_years, required=True)
    stats.add_argument("--by", choices=tuple(BREAKDOWNS), default="district")
    stats.add_argument("--area", metavar="OMRÅDE", default=None,
                       help="ett område (id): visa dess frågor")
    stats.add_argument("--view", choices=("shares", "deficiencies", "coverage", "trend"),
                       default="shares", help="andelar (standard), brister, plantäckning "
                       "eller trend över åren")
    stats.add_argument("--format", choices=("table", "csv", "json"), default="table")

    xlsx = command("export-xlsx", "statistiken som Excel-fil (ett blad per indelning)",
                   run_export_xlsx)
    xlsx.add_argument("--year", "--ar", dest="years", type=parse_years, required=True)
    xlsx.add_argument("--output", "-o", type=Path, required=True)

    pdf = command("summary-pdf", "sammanställning (PDF) för en stadsdel eller hela staden",
                  run_summary_pdf)
    pdf.add_argument("--year", "--ar", dest="year", type=int, required=True)
    pdf.add_argument("--district", metavar="STADSDEL", default=None,
                     help="stadsdel; utan: hela staden")
    pdf.add_argument("--all-districts", action="store_true",
                     help="en PDF per stadsdel (och en för hela staden) i --output-mappen")
    pdf.add_argument("--output", "-o", type=Path, required=True)

    publish = command("publish-stats", "publicera statistiken i den centrala mappen",
                      run_publish_stats, share=True)
    publish.add_argument("--year", "--ar", dest="years", type=parse_years, default=None)


def _engine(ctx: CliContext) -> Engine:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, OperationalError

    from app.services.central.ingest import central_url, open_central

    url = central_url(ctx.args.db, ctx.paths.data_dir)
    try:
        shown = make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        raise UserFacingError(f"--db {ctx.args.db!r} är ingen giltig databasadress.") from None
    try:
        return open_central(url)
    except ImportError:
        raise UserFacingError(
            f"Stöd för databasen {shown} saknas i den här installationen (för PostgreSQL: "
            "installera tillägget uppfoljaren[postgres]).") from None
    except OperationalError as exc:
        raise UserFacingError(f"Databasen {shown} kan inte öppnas: "
                              f"{str(exc.orig).strip().splitlines()[0]}") from None


def _share(ctx: CliContext) -> Any:
    from app.services.share.errors import ShareError
    from app.services.share.layout import Share

    share = Share(ctx.args.share)
    try:
        share.check()
    except ShareError as exc:
        raise UserFacingError(str(exc)) from None
    return share


def run_ingest(ctx: CliContext) -> int:
    from app.services.central.ingest import ingest_share
    from app.services.share.errors import ShareError

    engine = _engine(ctx)
    try:
        summary = ingest_share(engine, _share(ctx))
    except ShareError as exc:
        raise UserFacingError(str(exc)) from None
    finally:
        engine.dispose()
    print(f"Inlästa: {len(summary.ingested)}")
    print(f"Redan inlästa: {summary.already_there}")
    print(f"Ersatta av en nyare revision: {len(summary.superseded)}")
    for name in summary.superseded:
        print(f"  {name}")
    print(f"I karantän: {len(summary.quarantined)}")
    for item in summary.quarantined:
        where = f" -> {item.moved_to}" if item.moved_to else " (ligger kvar)"
        print(f"  {item.device_id}/{item.name}: {item.reason}{where}")
    if summary.still_quarantined:
        print(f"Sedan tidigare i karantän, olöst och kvar i mappen: "
              f"{len(summary.still_quarantined)}")
        for item in summary.still_quarantined:
            print(f"  {item.device_id}/{item.name}: {item.reason}")
    for key in summary.flagged_keys:
        print(f"Flaggad nyckel: {key}")
    return 0 if summary.ok else EXIT_QUARANTINED


def run_publish_template(ctx: CliContext) -> int:
    from app.services.central.publish import publish_template

    path, label = publish_template(_share(ctx), ctx.args.file)
    print(f"Publicerade mallen {label}: {path}")
    return 0


def run_publish_units(ctx: CliContext) -> int:
    from app.services.central.publish import publish_units

    engine = _engine(ctx)
    try:
        with Session(engine) as session, session.begin():
            path, count = publish_units(_share(ctx), ctx.args.file, session)
    finally:
        engine.dispose()
    print(f"Publicerade enhetsregistret ({count} enheter): {path}")
    return 0


def _rows(session: Session, args: argparse.Namespace) -> tuple[list[str], list[list[Any]]]:
    from app.services.central import stats as s

    years, by = args.years, args.by
    label = BREAKDOWN_LABELS[by]
    if args.view == "deficiencies":
        rows = s.deficiency_stats(session, years, by)
        return ([label, "Brister", "Öppna", "Öppna efter sista dag"],
                [[group_label(by, r.group), r.deficiencies, r.open, r.open_past_deadline]
                 for r in rows])
    if args.view == "coverage":
        cov = [r for year in years for r in s.coverage(session, year, by)]
        return ([label, "Att följa upp", "Uppföljda", "Andel %", "Extra"],
                [[group_label(by, r.group), r.due, r.followed_up, r.share, r.extra]
                 for r in cov])
    if args.view == "trend":
        trend = s.trend(session, years, by, area=args.area) + s.trend(session, years, None,
                                                                      area=args.area)
        return ([label, "År", "Uppfyllt %", "Delvis %", "Ej uppfyllt %", "Svar"],
                [[group_label(by, r.group), r.year, *r.shares, r.total] for r in trend])
    stats = s.answer_stats(session, years, by, area=args.area)
    what = "Fråga" if args.area else "Område"
    return ([label, what, "Uppfyllt %", "Delvis %", "Ej uppfyllt %", "Svar", "Uppföljningar"],
            [[group_label(by, r.group) if r.group != CITY else CITY,
              (r.question_text or r.question_id) if args.area else r.area_title,
              *r.shares, r.total, r.followups] for r in [*stats.rows, *stats.city]])


def run_stats(ctx: CliContext) -> int:
    engine = _engine(ctx)
    try:
        with Session(engine) as session:
            header, rows = _rows(session, ctx.args)
            if ctx.args.format == "json":
                _print_json(session, ctx.args)
                return 0
    finally:
        engine.dispose()
    if ctx.args.format == "csv":
        writer = csv.writer(sys.stdout, delimiter=";")
        writer.writerow(header)
        writer.writerows(rows)
        return 0
    if not rows:
        print("Inga uppföljningar för den perioden.")
        return 0
    text = [[str(c) for c in row] for row in [header, *rows]]
    widths = [min(60, max(len(r[i]) for r in text)) for i in range(len(header))]
    numeric = [not isinstance(c, str) for c in rows[0]]
    for n, row in enumerate(text):
        print("  ".join(c[:60].rjust(w) if numeric[i] else c[:60].ljust(w)
                        for i, (c, w) in enumerate(zip(row, widths, strict=True))).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))
    return 0


def _print_json(session: Session, args: argparse.Namespace) -> None:
    from app.services.central import stats as s

    body: Any
    if args.view == "deficiencies":
        body = [asdict(r) for r in s.deficiency_stats(session, args.years, args.by)]
    elif args.view == "coverage":
        body = [{**asdict(r), "year": y, "share": r.share}
                for y in args.years for r in s.coverage(session, y, args.by)]
    elif args.view == "trend":
        body = [{**asdict(r), "shares": r.shares}
                for r in s.trend(session, args.years, args.by, area=args.area)]
    else:
        stats = s.answer_stats(session, args.years, args.by, area=args.area)
        body = {"years": list(stats.years), "by": stats.by, "area": stats.area,
                "rows": [{**asdict(r), "total": r.total, "shares": r.shares}
                         for r in stats.rows],
                "city": [{**asdict(r), "total": r.total, "shares": r.shares}
                         for r in stats.city]}
    json.dump(body, sys.stdout, ensure_ascii=False, indent=1)
    print()


def run_export_xlsx(ctx: CliContext) -> int:
    from app.services.central.xlsx import export_xlsx

    engine = _engine(ctx)
    try:
        with Session(engine) as session:
            path = export_xlsx(session, ctx.args.years, ctx.args.output)
    finally:
        engine.dispose()
    print(f"Sparade {path}")
    return 0


def run_summary_pdf(ctx: CliContext) -> int:
    from app.services.central.summary_pdf import write_summaries

    engine = _engine(ctx)
    try:
        with Session(engine) as session:
            paths = write_summaries(session, ctx.args.year, ctx.args.output,
                                    district=ctx.args.district,
                                    all_districts=ctx.args.all_districts)
    finally:
        engine.dispose()
    for path in paths:
        print(f"Sparade {path}")
    return 0


def run_publish_stats(ctx: CliContext) -> int:
    from app.services.central.publish import publish_statistics

    engine = _engine(ctx)
    try:
        with Session(engine) as session:
            path = publish_statistics(_share(ctx), session, ctx.args.years)
    finally:
        engine.dispose()
    print(f"Publicerade statistiken: {path}")
    return 0
