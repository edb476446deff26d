"""Starting the GUI: QApplication, language, main window, then the database.

``run(data_dir)`` is what ``uppfoljaren`` with no arguments calls. The window
is shown first; SQLAlchemy is loaded and the database opened (on the first
start: the embedded demo database created) on a worker through the task
runner, and the window gets its context when that is done. So the window
paints at once even on a slow laptop. A database that cannot be used (newer
version, network drive) is explained in a Swedish message box and the
program exits with 1.

The usual start goes one step further. When the database needs no work
(local disk, current schema, current shipped data: see
``app.services.register_snapshot``) and the window opens on Verksamheter, the
register is read with plain sqlite3 and shown before SQLAlchemy is even
imported; the worker that opens the database starts only after that page has
painted, because the import holds the GIL and would slow every Python call
the first paint makes. The page then gets its context without changing on
screen. In every other case nothing is shown before the normal open.

Nothing at module level here imports SQLAlchemy (see ``start``).
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    Qt,
    QThreadPool,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from app import APP_ID, APP_NAME, __version__
from app.errors import UserFacingError
from app.paths import AppPaths, resolve_paths, resource_dir
from app.settings import Settings
from app.ui.main_window import MainWindow
from app.ui.navigation import start_page
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from app.services.register_snapshot import RegisterSnapshot
    from app.services.task_state import TaskState
    from app.ui.context import UiContext

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = "translations"
# Opening the database waits for the snapshot page's first paint, or this long
# if that paint never comes (a minimised window paints nothing).
OPEN_AFTER_PAINT_LIMIT_MS = 1000
_installed: list[QTranslator] = []  # kept alive while installed

# Calm, native-leaning look: only spacing and the navigation list are styled.
STYLE_SHEET = """
QListWidget#navigation {
    border: none;
    border-right: 1px solid palette(mid);
    background: palette(window);
    padding: 10px 6px;
    font-size: 10.5pt;
    outline: 0;
}
QListWidget#navigation::item { padding: 4px 8px; border-radius: 6px; }
QListWidget#navigation::item:selected { background: rgba(31, 95, 139, 0.16);
    color: palette(text); border-left: 3px solid #1f5f8b; }
QListWidget#navigation::item:hover:!selected { background: rgba(31, 95, 139, 0.07); }
QLabel#emptyHint, QLabel#mutedLabel, QLabel#countLabel { color: palette(placeholder-text); }
QLabel#detailCaption { color: palette(placeholder-text); }
QFrame#unitDetail { border: 1px solid palette(mid); border-radius: 6px;
    background: palette(base); }
QFrame#placeholderCard { border: 1px solid palette(mid); border-radius: 8px;
    background: palette(base); }
QLabel#comingSoonBadge { background: #e3edf5; color: #1f5f8b; border-radius: 9px;
    padding: 2px 10px; font-weight: bold; }
QTableView#unitTable { border: 1px solid palette(mid); border-radius: 6px; }
"""


def install_language(code: str) -> None:
    """Install the translators for ``code`` ("sv" or "en") on the running app.

    Swedish is the source language, so it needs only Qt's own Swedish strings
    (standard buttons and dialogs). Installing sends LanguageChange to every
    widget; the main window rebuilds its pages on it.
    """
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_language needs a QApplication")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    candidates = [(f"qtbase_{code}", qt_dir), (f"qt_{code}", qt_dir)]
    if code != "sv":
        candidates.insert(0, (f"{APP_ID}_{code}", str(resource_dir() / TRANSLATIONS_DIR)))
    loaded_qt = False
    for name, folder in candidates:
        if name.startswith("qt") and loaded_qt:
            continue
        translator = QTranslator()
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded_qt = loaded_qt or name.startswith("qt")
        elif name.startswith(APP_ID):
            log.warning("translation %s not found in %s", name, folder)
    QLocale.setDefault(QLocale(QLocale.Language.Swedish if code == "sv"
                               else QLocale.Language.English, QLocale.Country.Sweden))


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (or the one already running), set up for high-DPI."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    # Fractional scale factors (125 %, 150 %) as they are: sharp text and SVG
    # icons instead of rounding to whole pixels.
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Stockholms stad")
    app.setDesktopFileName(APP_ID)
    return app


def apply_look(app: QApplication) -> None:
    from app.ui.icons import app_icon

    app.setWindowIcon(app_icon())
    app.setStyleSheet(STYLE_SHEET)


def create_main_window(ctx: UiContext) -> MainWindow:
    """The main window over a ready context (tests and benchmarks use this)."""
    app = QApplication.instance()
    if isinstance(app, QApplication) and not app.styleSheet():
        apply_look(app)
    window = MainWindow(ctx.settings, ctx.paths)
    window.attach(ctx)
    return window


def _show_start_error(error: BaseException) -> None:
    if isinstance(error, UserFacingError):
        from app.ui.i18n import error_text

        text = error_text(error)
    else:
        log.error("start failed", exc_info=(type(error), error, error.__traceback__))
        text = QCoreApplication.translate(
            "Application", "Ett oväntat fel inträffade. Detaljer finns i loggen.")
    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME,
                      QCoreApplication.translate("Application", "Uppföljaren kan inte starta."))
    box.setInformativeText(text)
    box.exec()


def open_sessions(paths: AppPaths) -> sessionmaker[Session]:
    """Open the database (first time: create the demo) and return the session
    factory. Runs on a worker at start-up; raises UserFacingError when the
    database cannot be used."""
    from app.db import open_database, session_factory

    if not paths.database.exists():
        from app.services.demo_db import ensure_demo_database

        ensure_demo_database(paths.database)
    engine = open_database(paths.database)
    # The checks above ran on this thread; the UI thread opens its own connections.
    engine.dispose()
    # Load the first page's code here too, off the UI thread.
    import app.ui.units_page  # noqa: F401

    return session_factory(engine)


def read_register(sessions: sessionmaker[Session]) -> RegisterSnapshot:
    """The register and its filter choices through the database layer."""
    from app.services.register_snapshot import RegisterSnapshot
    from app.services.units import choices, list_units

    with sessions() as session:
        return RegisterSnapshot(rows=list_units(session), choices=choices(session))


def open_context(paths: AppPaths, settings: Settings,
                 tasks: TaskRunner | None = None) -> UiContext:
    """Open the database and build the context, on the calling thread."""
    from app.ui.context import UiContext

    return UiContext(paths=paths, sessions=open_sessions(paths), settings=settings,
                     tasks=tasks or TaskRunner())


def _preload_database_modules() -> None:
    """Import the database layer on a plain thread while Qt starts: the import
    (mostly SQLAlchemy) is the longest step before the register can show, and
    much of Qt's start-up runs in C++ beside it. The worker that opens the
    database later finds the modules loaded (or waits on the import lock)."""
    import threading

    def load() -> None:
        import app.db  # noqa: F401
        import app.services.units  # noqa: F401

    threading.Thread(target=load, name="preload-db", daemon=True).start()


def _register_snapshot(paths: AppPaths, settings: Settings) -> RegisterSnapshot | None:
    """The register read without SQLAlchemy, when the window opens on it and
    the database needs no work; else None (see the module docstring)."""
    if start_page(settings.last_page) != "verksamheter":
        return None
    from app.services.register_snapshot import read_register_snapshot

    return read_register_snapshot(paths.database)


class _AfterPaint(QObject):
    """Calls ``callback`` once: just after ``watched`` has painted, or after
    ``limit_ms`` whichever comes first."""

    def __init__(self, watched: QObject, callback: Callable[[], None], limit_ms: int) -> None:
        super().__init__(watched)
        self._callback: Callable[[], None] | None = callback
        watched.installEventFilter(self)
        QTimer.singleShot(limit_ms, self, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._fire)  # once this paint is on screen
        return False

    def _fire(self) -> None:
        callback, self._callback = self._callback, None
        if callback is not None:
            callback()


def start(data_dir: str | Path | None, tasks: TaskRunner | None = None,
          ) -> tuple[QApplication, MainWindow | None, int]:
    """Show the main window and start opening the database.

    Returns the exit code 1 at once when opening failed before this returns
    (``tasks`` a SyncTaskRunner and no snapshot shown); otherwise a failure
    later tells the user and ends the event loop with exit code 1.
    """
    paths = resolve_paths(data_dir).ensure()
    settings = Settings.load(paths.settings_file)
    snapshot = _register_snapshot(paths, settings)
    if snapshot is None:
        _preload_database_modules()
    app = create_application()
    install_language(settings.language)
    apply_look(app)
    tasks = tasks or TaskRunner()
    window = MainWindow(settings, paths)
    from_snapshot = snapshot is not None and window.show_register_snapshot(snapshot)
    window.show()
    failed: list[BaseException] = []
    starting = [True]  # a failure while still in here is returned, not exit()ed

    def opened(result: tuple[sessionmaker[Session], RegisterSnapshot | None]) -> None:
        from app.ui.context import UiContext

        sessions, register = result
        ctx = UiContext(paths=paths, sessions=sessions, settings=settings, tasks=tasks)
        window.attach(ctx, register)
        if not settings.officer_name:
            # First start: ask who uses this laptop (name, role, district). Opened
            # window-modal, not exec()ed, so the event loop and a scripted quit go on.
            from app.ui.visits.first_start_dialog import FirstStartDialog

            FirstStartDialog(ctx, window).open()

    def not_opened(error: BaseException) -> None:
        failed.append(error)
        window.hide()
        _show_start_error(error)
        window.deleteLater()
        if not starting[0]:
            # exit() outside a running loop would end every later loop at once.
            QCoreApplication.exit(1)

    def work(state: TaskState) -> tuple[sessionmaker[Session], RegisterSnapshot | None]:
        sessions = open_sessions(paths)
        # The check of the snapshot page is read here too, off the UI thread.
        return sessions, (read_register(sessions) if from_snapshot else None)

    def open_database() -> None:
        if shiboken6.isValid(window):  # not closed in the meantime
            tasks.run(work, opened, not_opened, parallel=True)

    if from_snapshot:
        page = window.page("verksamheter")
        _AfterPaint(page.table.viewport(),  # type: ignore[attr-defined]
                    open_database, OPEN_AFTER_PAINT_LIMIT_MS)
    else:
        open_database()
    starting[0] = False
    if failed:
        return app, None, 1
    return app, window, 0


def run(data_dir: str | Path | None = None) -> int:
    app, window, code = start(data_dir)
    if window is None:
        return code
    quit_after_ms = os.environ.get("UPPFOLJAREN_QUIT_AFTER_MS")
    if quit_after_ms:
        # The packaged-app test and the start-time benchmark start the real GUI and let it
        # quit by itself once the event loop has run.
        QTimer.singleShot(int(quit_after_ms), app.quit)
    code = app.exec()
    # A very early quit can leave the start-up worker still opening the
    # database; let it finish before Python tears Qt down under it.
    QThreadPool.globalInstance().waitForDone(60_000)
    if window.ctx is not None:
        window.ctx.tasks.wait()
        bind = window.ctx.sessions.kw.get("bind")  # the engine, to close its connections
        if bind is not None:
            bind.dispose()
    return code
