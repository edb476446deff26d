"""The Mall page: tree, search, filters, guidance, version history, diff, import."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy.orm import Session, sessionmaker

from app.services.templates import ensure_shipped_templates, list_versions
from app.ui.tasks import SyncTaskRunner
from app.ui.template_page import TemplatePage
from tests.template.helpers import MINIMAL, replace


@pytest.fixture
def page(qtbot, sessions: sessionmaker[Session]) -> TemplatePage:  # type: ignore[no-untyped-def]
    with sessions() as session, session.begin():
        ensure_shipped_templates(session)
    widget = TemplatePage(sessions, tasks=SyncTaskRunner(), today=date(2026, 11, 24))
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    return widget


def test_tree_shows_the_active_version(page: TemplatePage) -> None:
    template = page.current_template()
    assert template is not None and template.version == "2027.1"
    assert page.proxy.rowCount() == len(template.sections) >= 14
    assert len(page.visible_question_ids()) == len(template.all_questions())
    assert "gäller nu" in page.version.currentText()


def test_search_covers_text_and_guidance(page: TemplatePage, qtbot) -> None:  # type: ignore[no-untyped-def]
    page.search.setText("nattfasta")
    qtbot.waitUntil(lambda: page.visible_question_ids() == ["nattfasta"])
    # "inställelsetid" is in guidance of one and text of another; accents optional.
    page.search.setText("installelsetiden")
    qtbot.waitUntil(lambda: "sjukskoterska-dygnet-runt" in page.visible_question_ids())
    page.search.setText("")
    qtbot.waitUntil(lambda: len(page.visible_question_ids()) > 90)


def test_filters_by_unit_type_and_part(page: TemplatePage) -> None:
    page.unit_type.setCurrentIndex(page.unit_type.findData("hemtjanst"))
    page.part.setCurrentIndex(page.part.findData("hsl"))
    assert set(page.visible_question_ids()) == {
        "delegering-rutin", "delegering-forteckning", "delegering-primarvard", "egenvard"}
    assert page.count.text().startswith("4 av")


def test_guidance_is_shown_beside_the_question(page: TemplatePage) -> None:
    assert page.select_question("sjukskoterska-dygnet-runt")
    html = page.detail.toPlainText()
    assert "30 minuter" in html and "Delvis uppfyllt" in html and "Vägledning" in html
    assert "Vad som granskas" in html and "Dokument till föranalysen" in html


def test_history_and_diff(page: TemplatePage) -> None:
    assert page.history_model.rowCount() == 2
    assert (page.diff_a.currentText(), page.diff_b.currentText()) == ("2025.1", "2027.1")
    text = page.diff_view.toPlainText()
    assert "Nya frågor (6)" in text and "meny-anslagen" in text and "Flyttade frågor" in text
    # Showing the older version changes the tree.
    page.version.setCurrentIndex(page.version.findData(list_versions_id(page, "2025.1")))
    assert "meny-anslagen" in page.visible_question_ids()


def list_versions_id(page: TemplatePage, version: str) -> int:
    return next(v.id for v in page._overview.versions if v.version == version)


def test_bad_import_lists_problems_and_keeps_versions(
    page: TemplatePage, tmp_path: Path, sessions: sessionmaker[Session]
) -> None:
    bad = tmp_path / "fel.yaml"
    bad.write_text(replace("part: hsl", "part: lss"), encoding="utf-8")
    page.import_path(bad)
    box = page.message_box
    assert box is not None and box.icon() == QMessageBox.Icon.Warning
    assert "fel.yaml" in box.text() and "okänd del 'lss'" in box.informativeText()
    with sessions() as session:
        assert len(list_versions(session)) == 2
    assert page.current_template().version == "2027.1"

    good = tmp_path / "ny.yaml"
    good.write_text(MINIMAL, encoding="utf-8")
    page.import_path(good)
    assert page.message_box.icon() == QMessageBox.Icon.Information
    assert page.history_model.rowCount() == 3


def test_import_of_a_taken_version_is_refused(page: TemplatePage, tmp_path: Path) -> None:
    first = tmp_path / "mall.yaml"
    first.write_text(MINIMAL, encoding="utf-8")
    page.import_path(first)
    changed = tmp_path / "andrad.yaml"
    changed.write_text(replace("Finns läkemedelsrutiner?", "Finns rutiner?"), encoding="utf-8")
    page.import_path(changed)
    box = page.message_box
    assert box.icon() == QMessageBox.Icon.Warning
    assert "finns redan" in box.text() and "(lakemedelsrutiner)" in box.informativeText()
    assert page.history_model.rowCount() == 3
    assert page.import_button.isEnabled()
