"""The page registry: what the navigation list shows, in order.

To plug in a page, replace its ``coming_soon(...)`` with
``lazy("app.ui.my_page", "MyPage")``: the class is imported the first time
the page is opened and called as ``MyPage(ctx)``. A page may define
``on_shown()``; the main window calls it each time the page is shown (a
cheap place to refresh).

Titles and descriptions are Swedish source text marked for translation here
and translated where shown (``PageSpec.display_title``), so a language
switch needs no new registry.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from app.ui.context import UiContext

PageFactory = Callable[[UiContext], QWidget]
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


def coming_soon(title: str, summary: str, *items: str) -> PageFactory:
    """A page that says what will be here, for pages not built yet."""

    def factory(ctx: UiContext) -> QWidget:
        from app.ui.placeholder_page import PlaceholderPage

        return PlaceholderPage(
            QCoreApplication.translate(CONTEXT, title),
            QCoreApplication.translate(CONTEXT, summary),
            [QCoreApplication.translate(CONTEXT, item) for item in items],
        )

    return factory


_T = QT_TRANSLATE_NOOP

PAGES: list[PageSpec] = [
    PageSpec("planering", _T(CONTEXT, "Planering"), "planering.svg", coming_soon(
        _T(CONTEXT, "Planering"),
        _T(CONTEXT, "Årets uppföljningar, fördelade på handläggare och månader."),
        _T(CONTEXT, "Årsplan enligt rytmen: udda och jämna år, nya enheter och avvikelser"),
        _T(CONTEXT, "Jämn fördelning mellan verksamhetsuppföljare och MAS"),
        _T(CONTEXT, "Varningar för krockar, semester och enheter som saknar uppföljning"),
    )),
    PageSpec("verksamheter", _T(CONTEXT, "Verksamheter"), "verksamheter.svg",
             lazy("app.ui.units_page", "UnitsPage")),
    PageSpec("uppfoljningar", _T(CONTEXT, "Uppföljningar"), "uppfoljningar.svg", coming_soon(
        _T(CONTEXT, "Uppföljningar"),
        _T(CONTEXT, "Besöken och bedömningarna, från bokning till färdig uppföljning."),
        _T(CONTEXT, "Bokade och genomförda besök per enhet"),
        _T(CONTEXT, "Mallens frågor med bedömning, kommentar och bilagor"),
        _T(CONTEXT, "Utkast som sparas medan du skriver, också utan nätverk"),
    )),
    PageSpec("rapporter", _T(CONTEXT, "Rapporter"), "rapporter.svg", coming_soon(
        _T(CONTEXT, "Rapporter"),
        _T(CONTEXT, "Uppföljningsrapporter som PDF, en i taget eller många på en gång."),
        _T(CONTEXT, "Förhandsvisning av rapporten innan den skickas"),
        _T(CONTEXT, "Utkast med vattenstämpel och slutliga rapporter"),
        _T(CONTEXT, "Rapporter för flera enheter i ett svep"),
    )),
    PageSpec("synk", _T(CONTEXT, "Synk"), "synk.svg", coming_soon(
        _T(CONTEXT, "Synk"),
        _T(CONTEXT, "Utbyte med den gemensamma mappen när nätverket finns."),
        _T(CONTEXT, "Skicka färdiga uppföljningar och hämta kollegornas"),
        _T(CONTEXT, "Vad som väntar på att skickas, och när det senast lyckades"),
        _T(CONTEXT, "Konflikter visas så att du kan välja version"),
    )),
    PageSpec("oversikt", _T(CONTEXT, "Översikt"), "oversikt.svg", coming_soon(
        _T(CONTEXT, "Översikt"),
        _T(CONTEXT, "Läget i hela staden: vad som är gjort och vad som återstår."),
        _T(CONTEXT, "Uppföljningar per stadsdel, typ och regiform"),
        _T(CONTEXT, "Enheter som inte följts upp enligt rytmen"),
        _T(CONTEXT, "Underlag för export till Excel"),
    )),
    PageSpec("installningar", _T(CONTEXT, "Inställningar"), "installningar.svg",
             lazy("app.ui.settings_page", "SettingsPage")),
]

DEFAULT_PAGE = "verksamheter"


def page_keys() -> list[str]:
    return [spec.key for spec in PAGES]


def find_page(key: str) -> PageSpec | None:
    return next((spec for spec in PAGES if spec.key == key), None)
