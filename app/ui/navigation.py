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


def coming_soon(key: str) -> PageFactory:
    """A page that says what will be here (``PLANNED[key]``), for pages not built yet."""

    def factory(ctx: UiContext) -> QWidget:
        from app.ui.placeholder_page import PlaceholderPage

        summary, *items = PLANNED[key]
        return PlaceholderPage(
            QCoreApplication.translate(CONTEXT, TITLES[key]),
            QCoreApplication.translate(CONTEXT, summary),
            [QCoreApplication.translate(CONTEXT, item) for item in items],
        )

    return factory


def page(key: str, factory: PageFactory | None = None) -> PageSpec:
    """A registry entry: title from TITLES, icon ``<key>.svg``; no factory
    means "coming soon"."""
    return PageSpec(key, TITLES[key], f"{key}.svg", factory or coming_soon(key))


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

# What a page not built yet will hold: a summary, then the main things.
PLANNED: dict[str, tuple[str, ...]] = {
    "planering": (
        QT_TRANSLATE_NOOP("Navigation", "Årets uppföljningar, fördelade på "
                          "handläggare och månader."),
        QT_TRANSLATE_NOOP("Navigation", "Årsplan enligt rytmen: udda och jämna år, "
                          "nya enheter och avvikelser"),
        QT_TRANSLATE_NOOP("Navigation", "Jämn fördelning mellan "
                          "verksamhetsuppföljare och MAS"),
        QT_TRANSLATE_NOOP("Navigation", "Varningar för krockar, semester och "
                          "enheter som saknar uppföljning"),
    ),
    "uppfoljningar": (
        QT_TRANSLATE_NOOP("Navigation", "Besöken och bedömningarna, från bokning "
                          "till färdig uppföljning."),
        QT_TRANSLATE_NOOP("Navigation", "Bokade och genomförda besök per enhet"),
        QT_TRANSLATE_NOOP("Navigation", "Mallens frågor med bedömning, kommentar "
                          "och bilagor"),
        QT_TRANSLATE_NOOP("Navigation", "Utkast som sparas medan du skriver, också "
                          "utan nätverk"),
    ),
    "rapporter": (
        QT_TRANSLATE_NOOP("Navigation", "Uppföljningsrapporter som PDF, en i taget "
                          "eller många på en gång."),
        QT_TRANSLATE_NOOP("Navigation", "Förhandsvisning av rapporten innan den "
                          "skickas"),
        QT_TRANSLATE_NOOP("Navigation", "Utkast med vattenstämpel och slutliga "
                          "rapporter"),
        QT_TRANSLATE_NOOP("Navigation", "Rapporter för flera enheter i ett svep"),
    ),
    "synk": (
        QT_TRANSLATE_NOOP("Navigation", "Utbyte med den gemensamma mappen när "
                          "nätverket finns."),
        QT_TRANSLATE_NOOP("Navigation", "Skicka färdiga uppföljningar och hämta "
                          "kollegornas"),
        QT_TRANSLATE_NOOP("Navigation", "Vad som väntar på att skickas, och när "
                          "det senast lyckades"),
        QT_TRANSLATE_NOOP("Navigation", "Konflikter visas så att du kan välja "
                          "version"),
    ),
    "oversikt": (
        QT_TRANSLATE_NOOP("Navigation", "Läget i hela staden: vad som är gjort och "
                          "vad som återstår."),
        QT_TRANSLATE_NOOP("Navigation", "Uppföljningar per stadsdel, typ och "
                          "regiform"),
        QT_TRANSLATE_NOOP("Navigation", "Enheter som inte följts upp enligt "
                          "rytmen"),
        QT_TRANSLATE_NOOP("Navigation", "Underlag för export till Excel"),
    ),
}

# The navigation list, in order. To plug in a page, edit its one line:
#     page("planering", lazy("app.ui.planning_page", "PlanningPage")),
PAGES: list[PageSpec] = [
    page("planering", lazy("app.ui.planning_page", "PlanningPage")),
    page("verksamheter", lazy("app.ui.units_page", "UnitsPage")),
    page("uppfoljningar", lazy("app.ui.visits.visits_page", "VisitsPage")),
    page("rapporter", lazy("app.ui.reports_page", "ReportsPage")),
    page("synk", lazy("app.ui.sync_page", "SyncPage")),
    page("oversikt"),
    page("installningar", lazy("app.ui.settings_page", "SettingsPage")),
]

DEFAULT_PAGE = "verksamheter"


def page_keys() -> list[str]:
    return [spec.key for spec in PAGES]


def find_page(key: str) -> PageSpec | None:
    return next((spec for spec in PAGES if spec.key == key), None)
