"""Importing the unit register: good files in every accepted shape, each kind
of bad file rejected whole with every problem listed, re-import is a no-op."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from app.errors import InvalidInputError
from app.models import Unit
from app.services.unit_import import import_units_file
from app.services.units import IMPORT_HEADERS, list_units

HEADER = ",".join(IMPORT_HEADERS)
GOOD_ROWS = [
    "A1,Solrosens vård- och omsorgsboende,vob,egen regi,Stadsdelsnämnden Farsta,"
    "Björkvägen 1,Farsta,,nej,54,",
    "A2,Omtanke Hemtjänst – Bromma,Hemtjänst,LOV,Omtanke AB,Torggatan 3,bromma,,0,120,",
    "A3,Lärkans profilboende,Vård- och omsorgsboende,privat,Lärkan AB,Storgatan 9 Solna,"
    ",Skarpnäck,ja,40,udda",
    "A4,Ängsgårdens dagverksamhet,DAGVERKSAMHET,Entreprenad,Ängen AB,Ängsvägen 2,"
    "Södermalm,Östermalm,,,jämn",
]


def write(tmp_path: Path, lines: list[str], *, name: str = "enheter.csv",
          encoding: str = "utf-8", bom: bool = False, sep: str = ",") -> Path:
    text = "\n".join(line.replace(",", sep) if sep != "," else line for line in lines) + "\n"
    data = text.encode(encoding)
    path = tmp_path / name
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


def count_units(session) -> int:
    return session.scalar(select(func.count()).select_from(Unit))


def test_good_file_imports_every_field(session, tmp_path: Path) -> None:
    result = import_units_file(session, write(tmp_path, [HEADER, *GOOD_ROWS]))
    session.commit()
    assert (result.added, result.updated, result.unchanged) == (4, 0, 0)
    rows = {r.id: r for r in list_units(session)}
    assert rows["A1"].type_code == "vob" and rows["A1"].followup_district == "Farsta"
    assert rows["A2"].type_code == "hemtjanst" and rows["A2"].regiform_code == "privat_regi"
    assert rows["A2"].district == "Bromma" and rows["A2"].places == 120
    assert rows["A3"].outside_city and rows["A3"].district == ""
    assert rows["A3"].followup_district == "Skarpnäck" and rows["A3"].parity == "udda"
    assert rows["A4"].regiform_code == "entreprenad" and rows["A4"].parity == "jamn"
    assert rows["A4"].followup_district == "Östermalm" and rows["A4"].places is None


@pytest.mark.parametrize("shape", ["bom", "cp1252", "semicolon"])
def test_swedish_excel_csv_shapes(session, tmp_path: Path, shape: str) -> None:
    path = write(tmp_path, [HEADER, *GOOD_ROWS], bom=shape == "bom",
                 encoding="cp1252" if shape == "cp1252" else "utf-8",
                 sep=";" if shape == "semicolon" else ",")
    # Semicolon files keep commas inside fields; our rows have none there.
    result = import_units_file(session, path)
    assert result.added == 4
    names = {r.name for r in list_units(session)}
    assert {"Ängsgårdens dagverksamhet", "Omtanke Hemtjänst – Bromma"} <= names


def test_xlsx_import(session, tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(IMPORT_HEADERS))
    sheet.append(["X1", "Tallmons äldreboende", "vob", "egen regi", "SDN", "Tallstigen 4",
                  "Bromma", None, "nej", 60, None])
    path = tmp_path / "enheter.xlsx"
    workbook.save(path)
    assert import_units_file(session, path).added == 1
    assert list_units(session)[0].places == 60


def test_reimport_changes_nothing_and_updates_on_id(session, tmp_path: Path) -> None:
    path = write(tmp_path, [HEADER, *GOOD_ROWS])
    import_units_file(session, path)
    session.commit()
    again = import_units_file(session, path)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 4)
    changed = write(tmp_path, [HEADER, GOOD_ROWS[0].replace(",54,", ",60,")], name="b.csv")
    result = import_units_file(session, changed)
    assert (result.added, result.updated) == (0, 1)
    assert session.get(Unit, "A1").places == 60
    assert count_units(session) == 4


BAD_CASES = {
    "unknown type": ("A9,Namn,slott,egen regi,X,Gata 1,Farsta,,nej,1,", "typ", "okänd typ"),
    "unknown regiform": ("A9,Namn,vob,kooperativ,X,Gata 1,Farsta,,nej,1,", "regiform", "okänd regiform"),
    "unknown district": ("A9,Namn,vob,egen regi,X,Gata 1,Atlantis,,nej,1,", "stadsdel", "okänd stadsdel"),
    "outside without followup": ("A9,Namn,vob,privat,X,Gata 1,,,ja,1,", "uppföljande_stadsdel", "krävs"),
    "inside without district": ("A9,Namn,vob,privat,X,Gata 1,,Farsta,nej,1,", "stadsdel", "saknas"),
    "places not a number": ("A9,Namn,vob,egen regi,X,Gata 1,Farsta,,nej,många,", "platser", "heltal"),
    "bad parity": ("A9,Namn,vob,egen regi,X,Gata 1,Farsta,,nej,1,varannan", "paritet", "udda"),
    "bad yes/no": ("A9,Namn,vob,egen regi,X,Gata 1,Farsta,,kanske,1,", "utanför_staden", "ja eller nej"),
    "missing id": (",Namn,vob,egen regi,X,Gata 1,Farsta,,nej,1,", "enhets_id", "saknas"),
    "missing name": ("A9,,vob,egen regi,X,Gata 1,Farsta,,nej,1,", "namn", "saknas"),
}


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_each_bad_row_rejects_the_whole_file(session, tmp_path: Path, case: str) -> None:
    bad_row, column, words = BAD_CASES[case]
    path = write(tmp_path, [HEADER, GOOD_ROWS[0], bad_row])
    with pytest.raises(InvalidInputError) as caught:
        import_units_file(session, path)
    problems = caught.value.problems
    assert len(problems) == 1
    assert problems[0].line == 3 and problems[0].column == column
    assert words in problems[0].message
    assert str(path) in str(caught.value)
    assert count_units(session) == 0  # nothing written, not even the good row


def test_every_bad_row_is_listed(session, tmp_path: Path) -> None:
    rows = [HEADER, GOOD_ROWS[0]] + [BAD_CASES[c][0].replace("A9", f"B{i}") if "missing id" != c
                                     else BAD_CASES[c][0] for i, c in enumerate(sorted(BAD_CASES))]
    with pytest.raises(InvalidInputError) as caught:
        import_units_file(session, write(tmp_path, rows))
    assert len({p.line for p in caught.value.problems}) == len(BAD_CASES)


def test_duplicate_ids_in_one_file(session, tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="rad") as caught:
        import_units_file(session, write(tmp_path, [HEADER, GOOD_ROWS[0], GOOD_ROWS[0]]))
    assert "finns redan på rad 2" in caught.value.problems[0].message


@pytest.mark.parametrize(
    ("content", "words"),
    [(b"", "tom"), (b"namn,typ\nX,vob\n", "saknar kolumner"),
     (b"PK\x03\x04garbage", "kunde inte tolkas")],
)
def test_malformed_files(session, tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / ("bad.xlsx" if content.startswith(b"PK") else "bad.csv")
    path.write_bytes(content)
    with pytest.raises(InvalidInputError, match=words):
        import_units_file(session, path)


def test_missing_file(session, tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="kunde inte läsas"):
        import_units_file(session, tmp_path / "finns-inte.csv")
