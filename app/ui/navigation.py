"""The page registry: what the navigation list shows, in order.

To plug in a page, edit its one line in ``PAGES``:
``page("planering", lazy("app.ui.planning_page", "PlanningPage"))``. The class
is imported the first time the page is opened and called as ``PlanningPage(ctx)``. A page may define
``on_shown()``; the main window calls it each time the page is shown (a
cheap place to refresh), and ``save_state()``, called before the settings are
stored (put what the page remembers into ``ctx.settings``).

Titles and descriptions are Swedish source text marked for translation here
and translated where shown (``PageSpec.display_title``), so a language
switch needs no new registry.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:  # the context module loads SQLAlchemy; start-up paints first
    from app.ui.context import UiContext

PageFactory = Callable[["UiContext"], QWidget]
CONTEXT = "Navigation"


@dataclass(frozen=True)
class PageSpec:
    key: str  # stable: stored as Settings.last_page
    title: str  # Swedish source text; see display_title
    icon: str  # file name in resources/icons
    factory: PageFactory

    def display_title(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.title)


def lazy(module: str, name: str) -> PageFactory:
    """A factory that imports ``module`` only when the page is first opened
    (keeps start-up fast)."""

    def factory(ctx: UiContext) -> QWidget:
        page_class = getattr(importlib.import_module(module), name)
        return page_class(ctx)

    return factory


def page(key: str, factory: PageFactory) -> PageSpec:
    """A registry entry: title from TITLES, icon ``<key>.svg``."""
    return PageSpec(key, TITLES[key], f"{key}.svg", factory)


# lupdate needs the literal context, so "Navigation" is spelled out (== CONTEXT).
TITLES: dict[str, str] = {
    "planering": QT_TRANSLATE_NOOP("Navigation", "Planering"),
    "verksamheter": QT_TRANSLATE_NOOP("Navigation", "Verksamheter"),
    "uppfoljningar": QT_TRANSLATE_NOOP("Navigation", "Uppföljningar"),
    "rapporter": QT_TRANSLATE_NOOP("Navigation", "Rapporter"),
    "synk": QT_TRANSLATE_NOOP("Navigation", "Synk"),
    "oversikt": QT_TRANSLATE_NOOP("Navigation", "Översikt"),
    "installningar": QT_TRANSLATE_NOOP("Navigation", "Inställningar"),
}

# The navigation list, in order. To plug in a page, edit its one line:
#     page("planering", lazy("app.ui.planning_page", "PlanningPage")),
PAGES: list[PageSpec] = [
    page("planering", lazy("app.ui.planning_page", "PlanningPage")),
    page("verksamheter", lazy("app.ui.units_page", "UnitsPage")),
    page("uppfoljningar", lazy("app.ui.visits.visits_page", "VisitsPage")),
    page("rapporter", lazy("app.ui.reports_page", "ReportsPage")),
    page("synk", lazy("app.ui.sync_page", "SyncPage")),
    page("oversikt", lazy("app.ui.overview_page", "OverviewPage")),
    page("installningar", lazy("app.ui.settings_page", "SettingsPage")),
]

DEFAULT_PAGE = "verksamheter"


def page_keys() -> list[str]:
    return [spec.key for spec in PAGES]


def find_page(key: str) -> PageSpec | None:
    return next((spec for spec in PAGES if spec.key == key), None)


def start_page(last_page: str) -> str:
    """The page the window opens on: the last one shown, if it still exists."""
    return last_page if find_page(last_page) else DEFAULT_PAGE
