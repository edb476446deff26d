"""The Verksamheter page through the real model and proxy, on the demo database."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.services.units import list_units
from app.ui.unit_table_model import Column, swedish_key
from app.ui.units_page import UnitsPage


def _page(main_window) -> UnitsPage:  # type: ignore[no-untyped-def]
    main_window.show_page("verksamheter")
    page = main_window.page("verksamheter")
    assert isinstance(page, UnitsPage)
    return page


def test_page_shows_every_demo_unit(main_window, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    page = _page(main_window)
    with ui_ctx.sessions() as session:
        expected = list_units(session)
    assert page.proxy.rowCount() == len(expected) > 300
    assert {u.id for u in page.visible_units()} == {u.id for u in expected}
    assert page.count.text() == f"{len(expected)} enheter"


def test_type_ahead_matches_name_id_provider_and_address(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = _page(main_window)
    units = page.model.rows
    target = units[len(units) // 2]
    for text in (target.id, target.name[:6].upper(), target.address, target.provider):
        page.search.clear()
        if text.isascii():  # QTest types ASCII only
            qtbot.keyClicks(page.search, text)
        else:
            page.search.setText(text)
        shown = page.visible_units()
        needle = text.casefold()
        assert target in shown
        assert all(
            any(needle in field.casefold() for field in (u.name, u.id, u.provider, u.address))
            for u in shown
        )
        assert len(shown) < len(units)
    page.search.clear()
    qtbot.keyClicks(page.search, "zzzqqq-ingen")
    assert page.proxy.rowCount() == 0
    assert page.count.text() == f"Visar 0 av {len(units)} enheter"
    qtbot.keyClick(page.search, Qt.Key.Key_Escape)  # Escape clears the search
    assert page.search.text() == ""
    assert page.proxy.rowCount() == len(units)


def test_several_words_must_all_match(main_window) -> None:  # type: ignore[no-untyped-def]
    page = _page(main_window)
    target = next(u for u in page.model.rows if u.provider and " " in u.name)
    first_word = target.name.split()[0]
    page.search.setText(f"{first_word.lower()} {target.id}")
    assert page.visible_units() == [target]


def _choose(combo, data: str) -> None:  # type: ignore[no-untyped-def]
    index = combo.findData(data)
    assert index > 0, data
    combo.setCurrentIndex(index)


def test_district_type_and_regiform_filters(main_window) -> None:  # type: ignore[no-untyped-def]
    page = _page(main_window)
    units = list(page.model.rows)
    district = Counter(u.followup_district for u in units).most_common(1)[0][0]
    _choose(page.district, district)
    shown = page.visible_units()
    assert shown and all(district in (u.district, u.followup_district) for u in shown)
    assert len(shown) == sum(district in (u.district, u.followup_district) for u in units)

    _choose(page.unit_type, "hemtjanst")
    shown = page.visible_units()
    assert shown and all(u.type_code == "hemtjanst" for u in shown)

    _choose(page.regiform, "privat_regi")
    shown = page.visible_units()
    expected = [u for u in units if district in (u.district, u.followup_district)
                and u.type_code == "hemtjanst" and u.regiform_code == "privat_regi"]
    assert {u.id for u in shown} == {u.id for u in expected}
    assert page.count.text() == f"Visar {len(expected)} av {len(units)} enheter"

    page.district.setCurrentIndex(0)
    page.unit_type.setCurrentIndex(0)
    page.regiform.setCurrentIndex(0)
    assert page.proxy.rowCount() == len(units)


def test_sorting_by_column_both_ways(main_window) -> None:  # type: ignore[no-untyped-def]
    page = _page(main_window)
    page.table.sortByColumn(Column.PLACES, Qt.SortOrder.DescendingOrder)
    places = [u.places for u in page.visible_units()]
    known = [p for p in places if p is not None]
    assert known == sorted(known, reverse=True)

    page.table.sortByColumn(Column.PROVIDER, Qt.SortOrder.AscendingOrder)
    providers = [swedish_key(u.provider) for u in page.visible_units()]
    assert providers == sorted(providers)

    page.table.sortByColumn(Column.NAME, Qt.SortOrder.DescendingOrder)
    names = [swedish_key(u.name) for u in page.visible_units()]
    assert names == sorted(names, reverse=True)
    # The view shows what the proxy holds, in the same order.
    assert page.proxy.index(0, Column.NAME).data() == page.visible_units()[0].name


def test_swedish_order_puts_a_ring_a_umlaut_o_umlaut_after_z() -> None:
    words = ["Östra", "Åby", "Zeta", "Ängby", "alfa"]
    assert sorted(words, key=swedish_key) == ["alfa", "Zeta", "Åby", "Ängby", "Östra"]


def test_sorting_keeps_filter_and_selection(main_window) -> None:  # type: ignore[no-untyped-def]
    page = _page(main_window)
    _choose(page.unit_type, "vob")
    chosen = page.visible_units()[3]
    assert page.select_unit(chosen.id)
    page.table.sortByColumn(Column.ID, Qt.SortOrder.DescendingOrder)
    assert all(u.type_code == "vob" for u in page.visible_units())
    ids = [u.id for u in page.visible_units()]
    assert ids == sorted(ids, reverse=True)
    current = page.table.currentIndex()
    assert page.proxy.unit_at(current.row()) == chosen
    assert page.detail.unit == chosen


def test_detail_pane_follows_the_selection(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = _page(main_window)
    assert page.detail.unit is None  # nothing chosen yet: an explanation, not a blank
    assert page.detail.empty_label.text()
    unit = next(u for u in page.model.rows if u.places is not None and u.provider)
    page.search.setText(unit.id)
    qtbot.keyClick(page.search, Qt.Key.Key_Down)  # Down moves from search into the results
    assert page.table.hasFocus() or page.table.currentIndex().isValid()
    assert page.detail.unit == unit
    assert page.detail.title.text() == unit.name
    assert page.detail.values["id"].text() == unit.id
    assert page.detail.values["provider"].text() == unit.provider
    assert page.detail.values["places"].text() == str(unit.places)
    assert page.detail.values["followup"].text() == unit.followup_district
    page.search.setText("zzzqqq-ingen-sådan")
    assert page.detail.unit is None


def test_controls_have_accessible_names(main_window) -> None:  # type: ignore[no-untyped-def]
    page = _page(main_window)
    for widget in (page.search, page.district, page.unit_type, page.regiform, page.table,
                   page.detail, main_window.nav):
        assert widget.accessibleName(), widget


def test_typing_on_and_back_matches_a_fresh_search(main_window) -> None:  # type: ignore[no-untyped-def]
    """Typing on only re-checks the rows still shown; the result must equal a
    search from scratch at every keystroke, forwards and backwards."""
    page = _page(main_window)
    units = list(page.model.rows)
    _choose(page.unit_type, "vob")

    def expected(text: str) -> set[str]:
        words = text.casefold().split()
        return {u.id for u in units if u.type_code == "vob" and all(
            any(w in f.casefold() for f in (u.name, u.id, u.provider, u.address))
            for w in words)}

    query = "ba om"
    typed = [query[:end] for end in range(1, len(query) + 1)]
    for text in typed + typed[::-1] + [""]:
        page.search.setText(text)
        assert {u.id for u in page.visible_units()} == expected(text), text
    page.table.sortByColumn(Column.ID, Qt.SortOrder.AscendingOrder)
    page.search.setText("om")
    assert {u.id for u in page.visible_units()} == expected("om")


def test_filters_and_table_are_reached_with_tab(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = _page(main_window)
    main_window.activateWindow()
    page.focus_search()
    qtbot.waitUntil(page.search.hasFocus)
    order = []
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order == [page.district, page.unit_type, page.regiform, page.table]


def test_columns_sort_and_panes_are_remembered(qtbot, ui_ctx) -> None:  # type: ignore[no-untyped-def]
    from app.settings import Settings
    from app.ui.application import create_main_window

    window = create_main_window(ui_ctx)
    qtbot.addWidget(window)
    page = _page(window)
    page.table.setColumnHidden(Column.PLACES, True)
    page.table.setColumnHidden(Column.FOLLOWUP, False)
    page.table.sortByColumn(Column.ID, Qt.SortOrder.DescendingOrder)
    window.close()

    ui_ctx.settings = Settings.load(ui_ctx.paths.settings_file)
    again = create_main_window(ui_ctx)
    qtbot.addWidget(again)
    page = _page(again)
    assert page.table.isColumnHidden(Column.PLACES)
    assert not page.table.isColumnHidden(Column.FOLLOWUP)
    header = page.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        Column.ID, Qt.SortOrder.DescendingOrder)
    ids = [u.id for u in page.visible_units()]
    assert ids == sorted(ids, reverse=True)
