"""Reading a unit register file (CSV or XLSX) into validated rows.

CSV may be UTF-8 (with or without BOM) or Windows-1252, comma or semicolon
separated, as Swedish Excel writes it. A bad file is rejected whole with
every bad row listed (row number, column, why); nothing is written.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import InputProblem, InvalidInputError, Message
from app.models import District
from app.services.reference import aliases, fold
from app.services.units import IMPORT_HEADERS, ImportedUnit, ImportResult, upsert_units

REQUIRED_HEADERS = ("enhets_id", "namn", "typ", "regiform", "uppföljande_stadsdel", "stadsdel")
YES = {"ja", "j", "1", "true", "sant", "x", "yes"}
NO = {"nej", "n", "0", "false", "falskt", "", "no"}
PARITIES = {"udda": "udda", "jamn": "jamn", "": None}
MAX_FILE_BYTES = 20 * 1024 * 1024


def _decode(raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _csv_records(raw: bytes) -> Iterator[tuple[int, list[str]]]:
    text = _decode(raw)
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    for record in reader:
        yield reader.line_num, record


def _xlsx_records(path: Path) -> Iterator[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = []
            for value in values:
                if value is None:
                    cells.append("")
                elif isinstance(value, float) and value.is_integer():
                    cells.append(str(int(value)))
                else:
                    cells.append(str(value))
            yield number, cells
    finally:
        workbook.close()


def _header_key(name: str) -> str:
    """Header names match case-insensitively, with or without Swedish letters."""
    return fold(name).replace(" ", "_")


_HEADER_BY_KEY = {_header_key(h): h for h in IMPORT_HEADERS}


def read_records(path: Path) -> list[tuple[int, dict[str, str]]]:
    """Rows as dicts keyed by the canonical header, with their line numbers."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InvalidInputError(
                Message("Filen {name} är för stor ({size} MB).", name=name, size=size // 1_000_000),
                [InputProblem(name, Message("filen får vara högst 20 MB"))],
            )
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            records = list(_xlsx_records(path))
        else:
            records = list(_csv_records(path.read_bytes()))
    except InvalidInputError:
        raise
    except OSError as error:
        raise InvalidInputError(
            Message("Filen {name} kunde inte läsas.", name=name),
            [InputProblem(name, error.strerror or str(error))],
        ) from error
    except Exception as error:  # openpyxl/zip raise many kinds for a broken file
        raise InvalidInputError(
            Message("Filen {name} kunde inte tolkas som CSV eller Excel.", name=name),
            [InputProblem(name, Message(
                "filen är skadad eller har fel format ({kind})", kind=type(error).__name__))],
        ) from error
    records = [(n, r) for n, r in records if any(cell.strip() for cell in r)]
    if not records:
        raise InvalidInputError(Message(
            "Filen {name} är tom.", name=name), [InputProblem(name, Message("inga rader"))])
    header_line, header = records[0]
    columns: dict[int, str] = {}
    for index, title in enumerate(header):
        canonical = _HEADER_BY_KEY.get(_header_key(title))
        if canonical:
            columns[index] = canonical
    missing = [h for h in REQUIRED_HEADERS if h not in columns.values()]
    if missing:
        raise InvalidInputError(
            Message("Filen {name} saknar kolumner.", name=name),
            [InputProblem(name, Message(
                "kolumnen '{column}' saknas i rubrikraden", column=h), line=header_line)
             for h in missing],
        )
    rows = []
    for line, record in records[1:]:
        row = {h: "" for h in IMPORT_HEADERS}
        for index, value in enumerate(record):
            if index in columns:
                row[columns[index]] = value.strip()
        rows.append((line, row))
    return rows


def validate_records(
    session: Session, name: str, records: list[tuple[int, dict[str, str]]]
) -> list[ImportedUnit]:
    districts = {fold(d.name): d.id for d in session.scalars(select(District))}
    known = aliases()
    problems: list[InputProblem] = []
    result: list[ImportedUnit] = []
    seen_ids: dict[str, int] = {}

    for line, row in records:
        def bad(column: str, why: str, line: int = line, row: dict[str, str] = row) -> None:
            problems.append(InputProblem(name, why, line=line, column=column,
                                         item=row.get("enhets_id") or None))

        unit_id = row["enhets_id"]
        if not unit_id:
            bad("enhets_id", Message("enhets_id saknas"))
        elif len(unit_id) > 40:
            bad("enhets_id", Message("enhets_id är längre än 40 tecken"))
        elif unit_id in seen_ids:
            bad("enhets_id", Message(
                "enhets_id {unit_id} finns redan på rad {first_line}",
                unit_id=unit_id, first_line=seen_ids[unit_id]))
        else:
            seen_ids[unit_id] = line
        if not row["namn"]:
            bad("namn", Message("namn saknas"))
        type_code = known.unit_types.get(fold(row["typ"]))
        if type_code is None:
            bad("typ", Message("okänd typ '{value}' (vob, profilboende, servicehus, hemtjänst, "
                    "dagverksamhet)", value=row['typ']))
        regiform = known.regiforms.get(fold(row["regiform"]))
        if regiform is None:
            bad("regiform", Message(
                "okänd regiform '{value}' (egen regi, entreprenad, privat regi)", value=row['regiform']))
        outside_text = fold(row["utanför_staden"])
        outside = outside_text in YES
        if outside_text not in YES and outside_text not in NO:
            bad("utanför_staden", Message("'{value}' ska vara ja eller nej", value=row['utanför_staden']))
        district_id = None
        if row["stadsdel"]:
            district_id = districts.get(fold(row["stadsdel"]))
            if district_id is None:
                bad("stadsdel", Message("okänd stadsdel '{value}'", value=row['stadsdel']))
        elif not outside:
            bad("stadsdel", Message("stadsdel saknas (får bara vara tom för en enhet utanför staden)"))
        followup_id = district_id
        if row["uppföljande_stadsdel"]:
            followup_id = districts.get(fold(row["uppföljande_stadsdel"]))
            if followup_id is None:
                bad("uppföljande_stadsdel",
                    Message("okänd stadsdel '{value}'", value=row['uppföljande_stadsdel']))
        elif not row["stadsdel"]:
            bad("uppföljande_stadsdel",
                Message("uppföljande stadsdel krävs för en enhet utan stadsdel (utanför staden)"))
        places = None
        if row["platser"]:
            text = row["platser"].replace(" ", "").replace("\u00a0", "")
            if text.isdigit() and int(text) < 100_000:
                places = int(text)
            else:
                bad("platser", Message("'{value}' är inte ett heltal", value=row['platser']))
        parity_key = fold(row["paritet"])
        if parity_key not in PARITIES:
            bad("paritet", Message("'{value}' ska vara udda, jämn eller tom", value=row['paritet']))
        if type_code and regiform and followup_id is not None and unit_id and row["namn"]:
            result.append(ImportedUnit(
                id=unit_id, name=row["namn"], type_code=type_code, regiform_code=regiform,
                provider=row["utförare"], address=row["adress"], district_id=district_id,
                followup_district_id=followup_id, outside_city=outside, places=places,
                parity=PARITIES.get(parity_key),
            ))
    if problems:
        rows_with_errors = len({p.line for p in problems})
        raise InvalidInputError(
            Message("Filen {name} importerades inte: {rows_with_errors} rad(er) har fel. "
                    "Inget har ändrats.", name=name, rows_with_errors=rows_with_errors),
            problems,
        )
    return result


def import_units_file(session: Session, path: Path) -> ImportResult:
    """Validate the whole file, then upsert every unit in the caller's transaction."""
    records = read_records(path)
    rows = validate_records(session, str(path), records)
    return upsert_units(session, rows)
