"""The English translation is complete, consistent with the code, and used.

Run scripts/update_translations after adding or changing UI text; these tests
say what it would find and which strings still need an English text.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from app.ui.context import UiContext

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "uppfoljaren_en.ts"
QM = ROOT / "resources" / "translations" / "uppfoljaren_en.qm"
UI_FILES = sorted((ROOT / "app" / "ui").rglob("*.py"))
FIX = "run scripts/update_translations and translate the new entries"

Key = tuple[str, str]  # (context, Swedish source)


def _messages(path: Path) -> dict[Key, ET.Element]:
    root = ET.parse(path).getroot()
    return {(ctx.findtext("name") or "", msg.findtext("source") or ""): msg
            for ctx in root.iter("context") for msg in ctx.iter("message")}


def _texts(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    forms = translation.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [translation.text or ""]


def _is_finished(message: ET.Element) -> bool:
    translation = message.find("translation")
    return (translation is not None and translation.get("type") is None
            and all(text.strip() for text in _texts(message)))


@pytest.fixture(scope="module")
def messages() -> dict[Key, ET.Element]:
    return _messages(TS)


@pytest.fixture(scope="module")
def translator() -> QTranslator:
    translator = QTranslator()
    assert translator.load(str(QM)), f"{QM} does not load"
    return translator


# -- the .ts itself ------------------------------------------------------------------

def test_no_message_is_unfinished_vanished_or_empty(messages: dict[Key, ET.Element]) -> None:
    assert len(messages) > 500
    bad = [key for key, msg in messages.items() if not _is_finished(msg)]
    assert not bad, f"not translated ({FIX}): {bad[:20]}"


def test_placeholders_and_accelerators_are_kept(messages: dict[Key, ET.Element]) -> None:
    problems = []
    for (context, source), msg in messages.items():
        numerus = msg.get("numerus") == "yes"
        for text in _texts(msg):
            # %1..%9 and {name} are filled in by the code; a lost one shows raw or drops data.
            for pattern in (r"%\d", r"\{\w+\}"):
                if sorted(re.findall(pattern, source)) != sorted(re.findall(pattern, text)):
                    problems.append((context, source, text))
            if numerus and "%n" not in text:
                problems.append((context, source, text))
            if ("&" in source.replace("&&", "")) != ("&" in text.replace("&&", "")):
                problems.append((context, source, text))
    assert not problems


def test_numerus_entries_have_english_singular_and_plural(
        messages: dict[Key, ET.Element]) -> None:
    plural = [msg for msg in messages.values() if msg.get("numerus") == "yes"]
    for msg in plural:
        assert len(_texts(msg)) == 2


# -- the .ts against the code --------------------------------------------------------

def _lupdate() -> str:
    beside = Path(sys.executable).with_name("pyside6-lupdate")
    found = str(beside) if beside.exists() else shutil.which("pyside6-lupdate")
    assert found, "pyside6-lupdate (PySide6) is needed"
    return found


def test_every_string_lupdate_finds_in_app_ui_is_translated(
        tmp_path: Path, messages: dict[Key, ET.Element]) -> None:
    fresh = tmp_path / "fresh.ts"
    subprocess.run([_lupdate(), "-no-obsolete", "-source-language", "sv_SE",
                    "-target-language", "en_GB", *map(str, UI_FILES), "-ts", str(fresh)],
                   check=True, capture_output=True, cwd=ROOT)
    found = _messages(fresh)
    assert len(found) > 400  # every page's text, not an empty scan
    # A module-level helper's tr(text) has no class: lupdate files it under "";
    # the helper's own context is checked by the literal scan below.
    helper_texts = {key[1] for path in UI_FILES for key, _ in _literal_calls(path)}
    missing = [key for key in found if not (key[0] == "" and key[1] in helper_texts)
               and (key not in messages or not _is_finished(messages[key]))]
    assert not missing, f"no English text ({FIX}): {missing[:20]}"


def _helpers(tree: ast.Module) -> dict[str, str]:
    """{name: context} of module-level `def _tr(text): return QCoreApplication.translate(CTX, text)`."""
    constants = {target.id: node.value.value for node in tree.body if isinstance(node, ast.Assign)
                 for target in node.targets if isinstance(target, ast.Name)
                 and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)}
    helpers = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and len(node.args.args) == 1:
            param = node.args.args[0].arg
            for call in ast.walk(node):
                if (isinstance(call, ast.Call) and getattr(call.func, "attr", "") == "translate"
                        and len(call.args) >= 2 and getattr(call.args[1], "id", "") == param):
                    first = call.args[0]
                    context = (first.value if isinstance(first, ast.Constant)
                               else constants.get(getattr(first, "id", "")))
                    if isinstance(context, str):
                        helpers[node.name] = context
    return helpers


def _literal_calls(path: Path) -> Iterator[tuple[Key, int]]:
    """(context, text) of every literal tr()/translate()/QT_TRANSLATE_NOOP/_tr() call,
    f-strings included (lupdate skips calls inside them)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    helpers = _helpers(tree)

    def text(node: ast.AST) -> str | None:
        return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None

    def visit(node: ast.AST, cls: str | None) -> Iterator[tuple[Key, int]]:
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, ast.ClassDef) else cls
            if isinstance(child, ast.Call) and child.args:
                func, args = child.func, child.args
                if isinstance(func, ast.Attribute) and func.attr == "tr" \
                        and isinstance(func.value, ast.Name) and text(args[0]) is not None:
                    owner = cls if func.value.id == "self" else func.value.id
                    if owner:
                        yield (owner, text(args[0]) or ""), child.lineno
                elif (getattr(func, "attr", getattr(func, "id", "")) in
                      ("translate", "QT_TRANSLATE_NOOP") and len(args) >= 2
                      and text(args[0]) is not None and text(args[1]) is not None):
                    yield (text(args[0]) or "", text(args[1]) or ""), child.lineno
                elif isinstance(func, ast.Name) and func.id in helpers \
                        and text(args[0]) is not None:
                    yield (helpers[func.id], text(args[0]) or ""), child.lineno
            yield from visit(child, inner)

    yield from visit(tree, None)


def test_every_literal_ui_string_has_english_text(messages: dict[Key, ET.Element]) -> None:
    calls = [(key, f"{path.relative_to(ROOT)}:{line}")
             for path in UI_FILES for key, line in _literal_calls(path)]
    assert len(calls) > 500
    missing = [(key, where) for key, where in calls
               if key not in messages or not _is_finished(messages[key])]
    assert not missing, f"no English text ({FIX}): {missing[:20]}"


# -- the compiled .qm ----------------------------------------------------------------

def test_qm_holds_every_translation(translator: QTranslator,
                                    messages: dict[Key, ET.Element]) -> None:
    for (context, source), msg in messages.items():
        if msg.get("numerus") == "yes":
            # the form for the count (tr() fills in %n afterwards)
            assert translator.translate(context, source, None, 1) == _texts(msg)[0]
            assert translator.translate(context, source, None, 3) == _texts(msg)[1]
        else:
            assert translator.translate(context, source) == _texts(msg)[0], (context, source)


def test_service_labels_shown_through_tr_are_translated(translator: QTranslator) -> None:
    """Labels from app/services reach the UI as self.tr(label); update_translations
    lists them, so each has English text in the context that shows it."""
    from app.services.schedule_rows import STATUS_LABELS
    from app.services.template_format import ANSWER_LABELS, EVIDENCE_LABELS
    from app.services.visits.common import FINDING_KINDS, PART_LABELS, PARTICIPANT_ROLES

    shown = [("QuestionEditor", ANSWER_LABELS), ("QuestionEditor", EVIDENCE_LABELS),
             ("FindingsView", FINDING_KINDS), ("FindingsView", PART_LABELS),
             ("VisitStepView", PARTICIPANT_ROLES), ("PlanningView", STATUS_LABELS),
             ("PlanTableModel", STATUS_LABELS)]
    for context, table in shown:
        for label in table.values():
            english = translator.translate(context, label)
            assert english and english != label or label in ("Observation", "MAS"), \
                (context, label)
    assert translator.translate("QuestionEditor", "Delvis uppfyllt") == "Partly met"
    assert translator.translate("FindingsView", "Brist") == "Deficiency"


# -- the running program -------------------------------------------------------------

def test_main_window_shows_english_navigation(qtbot, english_ctx: UiContext) -> None:  # type: ignore[no-untyped-def]
    from app.ui.application import create_main_window, install_language
    from app.ui.navigation import PAGES

    window = create_main_window(english_ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    english = {"planering": "Planning", "verksamheter": "Units", "uppfoljningar": "Follow-ups",
               "rapporter": "Reports", "synk": "Sync", "oversikt": "Overview",
               "installningar": "Settings"}
    assert titles == [english[spec.key] for spec in PAGES]
    menus = [action.text() for action in window.menuBar().actions()]
    assert "&File" in menus and "&Help" in menus

    install_language("sv")  # a switch back retranslates the same window (posted event)
    swedish = [spec.title for spec in PAGES]
    qtbot.waitUntil(lambda: [window.nav.item(i).text()
                             for i in range(window.nav.count())] == swedish)
