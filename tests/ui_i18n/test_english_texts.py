"""In English the program shows English where Swedish used to leak through:
service labels (visit status, answers, sync state), messages put together in
the UI, and the messages of service errors and rejected files."""

from __future__ import annotations

import ast
import errno
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from app.errors import InputProblem, InvalidInputError, Message, UserFacingError, label
from app.services import units as units_service
from app.services import visits as visits_service
from app.services.report import report_rows
from app.services.share.errors import PackageError, translate_os_error
from app.services.templates import ensure_shipped_templates
from app.services.unit_import import import_units_file
from app.services.visits.errors import CANNOT_SAVE_MESSAGE, CannotSaveError
from app.ui.context import UiContext
from app.ui.i18n import error_text, message_text, problem_text
from app.ui.i18n import label as ui_label

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "uppfoljaren_en.ts"
WHO = "Anna Uppföljare"
OFFICER = visits_service.OfficerRef(WHO, "verksamhetsuppfoljare", "Farsta")


# -- the message mechanism, no translation involved --------------------------------

def test_a_message_is_its_swedish_text_everywhere_a_str_is_used() -> None:
    message = Message("Filen {name} är tom ({rows} rader).", name="a.csv", rows=0)
    error = InvalidInputError(message, [InputProblem("a.csv", Message("inga rader"), line=2)])
    assert message == "Filen a.csv är tom (0 rader)."
    assert (message.template, message.args) == ("Filen {name} är tom ({rows} rader).",
                                                {"name": "a.csv", "rows": 0})
    assert str(error) == "Filen a.csv är tom (0 rader).\n  a.csv, rad 2: inga rader"
    assert str(UserFacingError(message)) == "Filen a.csv är tom (0 rader)."
    assert UserFacingError("Enkel text.").message == "Enkel text."


def test_render_translates_nested_messages_and_survives_a_bad_translation() -> None:
    message = Message("{kind} i {where}", kind=label("Brist"), where="rapporten")
    english = {("errors", "{kind} i {where}"): "{kind} in {where}",
               ("Labels", "Brist"): "Deficiency"}
    assert message.render(lambda c, s: english.get((c, s), s)) == "Deficiency in rapporten"
    # A translation that names a field the code does not fill falls back to Swedish.
    assert message.render(lambda c, s: "{kind} {missing}") == "Brist i rapporten"


# -- in English ----------------------------------------------------------------------

def test_service_labels_show_in_english(english: None) -> None:
    assert ui_label("Föranalys") == "Pre-analysis"
    assert ui_label("Väntar på att skickas") == "Waiting to be sent"
    assert ui_label("Delvis uppfyllt") == "Partly met"
    assert ui_label("Fastställd, inte paketerad ännu") == "Finalized, not packaged yet"
    assert ui_label("Hemtjänst") == "Home care"  # reference data: unit types, regiforms
    assert ui_label("Ingen sådan etikett") == "Ingen sådan etikett"  # data stays as it is


def test_plan_warnings_are_english(english: None) -> None:
    from app.services.plan_assign import row_warnings

    warnings = row_warnings(entry_id=1, unit_id="E1", unit_name="Solgården", needs_mas=True,
                            sol_officer_id=None, hsl_officer_id=None, planned_date=None,
                            status="planerad", in_rhythm=True, is_extra=False,
                            today=date(2027, 1, 1))
    assert [message_text(w.message) for w in warnings] == [
        "Solgården: no follow-up officer assigned",
        "Solgården: no MAS assigned for the health care part",
        "Solgården: no planned date"]
    assert warnings[0].message == "Solgården: ingen verksamhetsuppföljare tilldelad"


def test_visit_and_report_lists_show_the_status_in_english(
        english_ctx: UiContext) -> None:
    from app.ui.report_list_model import ReportTableModel
    from app.ui.visits.visit_list_model import Column, VisitTableModel

    with english_ctx.sessions() as session:
        visits = visits_service.list_visits(session)
        reports = report_rows(session)
    assert visits and reports
    model = VisitTableModel()
    model.set_rows(visits)
    shown = {model.index(r, Column.STATUS).data() for r in range(model.rowCount())}
    english = {"Pre-analysis", "Visit done", "Report draft", "Finalized", "Synced"}
    assert shown and shown <= english, shown
    report_model = ReportTableModel()
    report_model.set_rows(reports)
    statuses = [report_model.index(r, 3).data() for r in range(report_model.rowCount())]
    assert all(any(word in s for word in english) for s in statuses), statuses


@pytest.fixture
def started_visit(english_ctx: UiContext) -> str:
    with english_ctx.sessions() as session:
        ensure_shipped_templates(session)
        session.commit()
        unit = next(u for u in units_service.list_units(session) if u.type_code == "vob")
        return visits_service.start_visit(session, unit.id, 2027, officer=OFFICER,
                                          on=date(2027, 3, 1))


def test_visit_window_header_and_finalize_list_are_english(
        qtbot: QtBot, english_ctx: UiContext, started_visit: str) -> None:
    from app.ui.visits.finalize_view import FinalizeView
    from app.ui.visits.visit_window import VisitWindow

    with english_ctx.sessions() as session:
        visits_service.save_visit_field(session, started_visit, "method_notes",
                                        "Ring chefen på 070-123 45 67.", who=WHO)
    window = VisitWindow(english_ctx, started_visit)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert "Pre-analysis" in window.subtitle.text()
    assert "Föranalys" not in window.subtitle.text()
    window.navigate("faststall")
    view = window.views["faststall"]
    assert isinstance(view, FinalizeView)
    texts = [issue.text for issue in view.check()]
    assert any(t.startswith("Unanswered question – ") for t in texts), texts[:3]
    assert any(t.startswith("Summary missing: ") for t in texts)
    assert "Phone number «070-123 45 67» in method" in texts[-1]
    assert not any(t.startswith(("Obesvarad", "Sammanfattning saknas", "Telefonnummer"))
                   for t in texts)
    assert view.summary.text() == f"Items missing: {len(texts) - 1}. Possible personal data: 1."


def test_a_rejected_unit_file_is_explained_in_english(
        qtbot: QtBot, english: None, tmp_path: Path,
        demo_sessions: sessionmaker[Session]) -> None:
    from app.ui.import_dialog import ImportReportDialog

    path = tmp_path / "enheter.csv"
    path.write_text("enhets_id;namn;typ;regiform;uppföljande_stadsdel;stadsdel\n"
                    "E1;Solgården;slott;egen regi;Farsta;Farsta\n"
                    ";Utan id;vob;egen regi;Farsta;Farsta\n", encoding="utf-8")
    with demo_sessions() as session, pytest.raises(InvalidInputError) as caught:
        import_units_file(session, path)
    dialog = ImportReportDialog()
    qtbot.addWidget(dialog)
    dialog.show_problems(caught.value)
    assert dialog.summary.text() == (f"The file {path} was not imported: 2 row(s) have "
                                     "errors. Nothing has been changed.")
    lines = dialog.problem_texts()
    assert f"{path}, line 2, column typ (E1): unknown type 'slott'" in lines[0]
    assert lines[1].endswith("enhets_id (unit id) is missing")
    shown = [dialog.problems.topLevelItem(i).text(3)
             for i in range(dialog.problems.topLevelItemCount())]
    assert shown[0].startswith("unknown type 'slott'")
    assert "saknas" not in " ".join(lines) and "okänd" not in " ".join(shown)


def test_share_and_save_errors_are_english(english: None) -> None:
    gone = translate_os_error(OSError(errno.ENOENT, "No such file"), "/mnt/delad/x.zip", "läsa")
    assert str(gone).startswith("Den centrala mappen går inte att nå (/mnt/delad/x.zip)")
    assert error_text(gone).startswith("The shared folder cannot be reached (/mnt/delad/x.zip)")
    busy = translate_os_error(PermissionError(errno.EACCES, "denied"), "/mnt/delad/y", "skriva")
    assert error_text(busy).startswith("You are not permitted to write /mnt/delad/y")
    package = PackageError("paketet är ingen överlämning till den här mottagaren", "p.zip")
    assert error_text(package) == ("The package p.zip cannot be used: the package is not a "
                                   "handover to this recipient")
    assert error_text(UserFacingError("Ange ditt namn under Inställningar först.")) == \
        "Enter your name under Settings first."
    # Not converted yet (a formatted plain str): shown as it is, not lost.
    assert error_text(UserFacingError("Något annat hände.")) == "Något annat hände."
    assert error_text(CannotSaveError(CANNOT_SAVE_MESSAGE)).startswith(
        "The change could not be saved:")


def test_problem_text_names_line_and_column_in_english(english: None) -> None:
    problem = InputProblem("mall.yaml", Message("Mallen har inga områden."), line=4,
                           column="B", item="ledning")
    assert problem_text(problem) == ("mall.yaml, line 4, column B (ledning): "
                                     "The template has no areas.")
    assert message_text("") == ""


# -- every message template has an English text ------------------------------------

def _templates() -> set[str]:
    """What scripts/update_translations files under "errors": literal Message
    templates, non-ASCII literal first arguments of app errors, progress texts."""
    builtin = {name for name in dir(__builtins__) if name.endswith("Error")} | {
        "ValueError", "TypeError", "KeyError", "RuntimeError", "OSError"}
    found = set()
    for path in (ROOT / "app").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            last = node.args[-1]
            if name == "report" and len(node.args) == 3 and isinstance(last, ast.Constant) \
                    and isinstance(last.value, str) and last.value:
                found.add(last.value)  # progress text of TaskState.report
            if not (isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                continue
            if any(k.arg == "context" for k in node.keywords):
                continue
            text = node.args[0].value
            if name == "Message" or (name.endswith("Error") and name not in builtin
                                     and not text.isascii()):
                found.add(text)
    return found


def test_every_message_template_has_english_text() -> None:
    root = ET.parse(TS).getroot()
    english = {m.findtext("source"): m.find("translation")
               for c in root.iter("context") if c.findtext("name") == "errors"
               for m in c.iter("message")}
    templates = _templates()
    assert len(templates) > 150
    missing = sorted(t for t in templates if t not in english
                     or english[t] is None or english[t].get("type") is not None  # type: ignore[union-attr]
                     or not (english[t].text or "").strip())  # type: ignore[union-attr]
    assert not missing, f"run scripts/update_translations and translate: {missing[:10]}"


def test_no_ui_text_is_computed_inside_tr() -> None:
    """tr("a" if x else "b") or tr(f"...") is invisible to lupdate: the text never
    gets an English entry and shows in Swedish."""
    hidden = []
    for path in (ROOT / "app" / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name not in ("tr", "translate", "_tr"):
                continue
            text = node.args[1] if name == "translate" and len(node.args) > 1 else node.args[0]
            if isinstance(text, ast.IfExp | ast.BoolOp | ast.JoinedStr | ast.BinOp):
                hidden.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not hidden


def test_a_rejected_template_is_explained_in_english(english: None, tmp_path: Path) -> None:
    from app.services.template_format import load_template_file

    path = tmp_path / "mall.yaml"
    path.write_text("format: 1\ntemplate:\n  id: x\n  version: '2027'\n  name: Test\n"
                    "sections:\n  - id: a\n    title: A\n    questions:\n      - id: q1\n"
                    "        text: Fråga\n        part: xyz\n", encoding="utf-8")
    with pytest.raises(InvalidInputError) as caught:
        load_template_file(path)
    lines = error_text(caught.value).splitlines()
    assert lines[0].startswith("The template mall.yaml has ") and "errors" in lines[0]
    assert "  mall.yaml, line 4: The template header: the version '2027' must be written " \
        "as year.number, e.g. 2027.1." in lines
    assert "  mall.yaml, line 12 (q1): Question q1: unknown part 'xyz' (must be sol or hsl)." \
        in lines
    assert str(caught.value).splitlines()[0].startswith("Mallen mall.yaml har ")


def test_units_page_shows_type_and_regiform_in_english(
        english_ctx: UiContext, qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QComboBox

    from app.ui.unit_table_model import Column
    from app.ui.units_page import UnitsPage

    page = UnitsPage(english_ctx)
    qtbot.addWidget(page)
    model = page.model
    shown = {model.data(model.index(row, Column.TYPE), Qt.ItemDataRole.DisplayRole)
             for row in range(model.rowCount())}
    forms = {model.data(model.index(row, Column.REGIFORM), Qt.ItemDataRole.DisplayRole)
             for row in range(model.rowCount())}
    assert "Care home" in shown and "Home care" in shown and "Hemtjänst" not in shown
    assert "Municipal operation" in forms and "Egen regi" not in forms
    items = {combo.itemText(i) for combo in page.findChildren(QComboBox)
             for i in range(combo.count())}
    assert {"Care home", "Contracted"} <= items and "Entreprenad" not in items
    page.select_unit(model.rows[0].id)
    detail = {label.text() for label in page.detail.values.values()}
    assert detail & {"Care home", "Profile home", "Service housing", "Home care", "Day care"}
