"""Navigation, remembered page and geometry, placeholders, about, language switch."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from app import __version__
from app.settings import Settings
from app.ui.application import create_main_window
from app.ui.navigation import PAGES, page_keys


def test_navigation_lists_every_page_in_swedish(main_window) -> None:  # type: ignore[no-untyped-def]
    titles = [main_window.nav.item(i).text() for i in range(main_window.nav.count())]
    assert titles == ["Planering", "Verksamheter", "Uppföljningar", "Rapporter", "Synk",
                      "Översikt", "Inställningar"]
    assert page_keys()[1] == "verksamheter"
    assert main_window.current_key == "verksamheter"  # the default first page


def test_every_page_is_built(main_window) -> None:  # type: ignore[no-untyped-def]
    for spec in PAGES:
        main_window.show_page(spec.key)
        page = main_window.stack.currentWidget()
        assert page is main_window.page(spec.key)
        assert type(page).__module__.startswith("app.ui.")


def test_keyboard_shortcuts_switch_pages(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    for number, spec in enumerate(PAGES, start=1):
        main_window.page_actions[number - 1].trigger()
        assert main_window.current_key == spec.key
        assert main_window.page_actions[number - 1].shortcut().toString() == f"Ctrl+{number}"


def test_last_page_and_geometry_are_remembered(qtbot, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    window = create_main_window(ui_ctx)
    qtbot.addWidget(window)
    window.resize(790, 555)  # the offscreen screen is small
    window.show()
    qtbot.waitExposed(window)
    window.show_page("rapporter")
    size = (window.width(), window.height())
    window.close()

    stored = Settings.load(ui_ctx.paths.settings_file)
    assert stored.last_page == "rapporter"
    assert stored.window_geometry

    ui_ctx.settings = stored
    again = create_main_window(ui_ctx)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.current_key == "rapporter"
    assert again.stack.currentWidget() is again.page("rapporter")
    # The offscreen screen is 800 px wide, so Qt may narrow a wide window on
    # restore; the height is what it was.
    assert again.height() == size[1] == 555


def test_unknown_last_page_falls_back_to_the_register(qtbot, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    ui_ctx.settings.last_page = "borttagen-sida"
    window = create_main_window(ui_ctx)
    qtbot.addWidget(window)
    assert window.current_key == "verksamheter"


def test_about_dialog_shows_the_version(main_window) -> None:  # type: ignore[no-untyped-def]
    dialog = main_window.show_about()
    assert dialog.isVisible()
    assert __version__ in dialog.version_label.text()
    dialog.close()


def test_language_switch_in_settings_shows_english(main_window, qtbot, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    main_window.show_page("installningar")
    settings_page = main_window.page("installningar")
    settings_page.language.setCurrentIndex(settings_page.language.findData("en"))
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    qtbot.waitUntil(lambda: main_window.nav.item(1).text() == "Units")
    titles = [main_window.nav.item(i).text() for i in range(main_window.nav.count())]
    assert titles == ["Planning", "Units", "Follow-ups", "Reports", "Sync", "Overview",
                      "Settings"]
    assert [a.text() for a in main_window.menuBar().actions()] == ["&File", "&View", "&Help"]
    assert Settings.load(ui_ctx.paths.settings_file).language == "en"

    # Pages are rebuilt in English; the register page too.
    qtbot.waitUntil(lambda: main_window.stack.currentWidget() is main_window.page("installningar"))
    main_window.show_page("verksamheter")
    units = main_window.page("verksamheter")
    assert units.search.placeholderText().startswith("Search by name")
    assert units.count.text().endswith("units")
    assert units.model.headerData(0, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal) == "Name"

    # And back to Swedish.
    main_window.show_page("installningar")
    settings_page = main_window.page("installningar")
    settings_page.language.setCurrentIndex(settings_page.language.findData("sv"))
    QApplication.processEvents()
    qtbot.waitUntil(lambda: main_window.nav.item(1).text() == "Verksamheter")


def test_starting_in_english(qtbot, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    from app.ui.application import install_language

    ui_ctx.settings.language = "en"
    install_language("en")
    window = create_main_window(ui_ctx)
    qtbot.addWidget(window)
    assert window.nav.item(0).text() == "Planning"
    assert window.import_action.text() == "&Import units…"


def test_settings_page_saves_fields_and_checks_the_share(main_window, ui_ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    main_window.show_page("installningar")
    page = main_window.page("installningar")
    page.officer_name.setText("Åsa Öberg")
    page.officer_role.setCurrentIndex(page.officer_role.findData("mas"))
    page.share.setText(str(tmp_path / "finns-inte"))
    assert "finns inte" in page.share_status.text()
    page.share.setText(str(tmp_path))
    assert "finns" in page.share_status.text() and "inte" not in page.share_status.text()
    page.save()  # what the debounce timer does
    stored = Settings.load(ui_ctx.paths.settings_file)
    assert (stored.officer_name, stored.officer_role, stored.share_path) == (
        "Åsa Öberg", "mas", str(tmp_path))
    tab_titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert tab_titles[:3] == ["Allmänt", "Handläggare", "Gemensam mapp"]


def test_extra_settings_tab_plugs_in(main_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    import app.ui.settings_page as settings_page

    monkeypatch.setattr(settings_page, "EXTRA_TABS", [("Mall", lambda ctx: QLabel("mall"))])
    main_window.show_page("installningar")
    page = main_window.page("installningar")
    assert page.tabs.tabText(page.tabs.count() - 1) == "Mall"
