"""The main window: the navigation list on the left, the chosen page on the right.

Pages come from ``app.ui.navigation.PAGES`` and are built the first time they
are shown. The window remembers its geometry and the last page in Settings.
On a language change every page is rebuilt, so each shows its new strings
without having to retranslate itself.

The window can be shown before the database is open (``attach`` gives it the
context later): start-up paints at once while SQLAlchemy loads and the
database is checked on a worker. Pages are only ever built with a ready
context, with one exception: when the database needs no work, start-up shows
the Verksamheter page from a plain read of the register first
(``show_register_snapshot``) and ``attach`` hands that page the context.
Nothing here imports SQLAlchemy at module level, for the same reason.
"""

from __future__ import annotations

import base64
import logging
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QByteArray, QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from app import APP_NAME
from app.paths import AppPaths
from app.settings import Settings
from app.ui.icons import app_icon, icon
from app.ui.navigation import DEFAULT_PAGE, PAGES, PageSpec, find_page, start_page

if TYPE_CHECKING:
    from app.services.register_snapshot import RegisterSnapshot
    from app.services.units import ImportResult
    from app.ui.about_dialog import AboutDialog
    from app.ui.context import UiContext
    from app.ui.import_dialog import ImportReportDialog
    from app.ui.tasks import TaskHandle

log = logging.getLogger(__name__)
NAV_WIDTH = 210


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings, paths: AppPaths) -> None:
        super().__init__()
        self.settings = settings
        self.paths = paths
        self.ctx: UiContext | None = None  # set by attach() once the database is open
        # First start: the demo database is being created, which takes longer.
        self.creating_database = not paths.database.exists()
        self.setObjectName("mainWindow")
        self.setWindowIcon(app_icon())
        self._pages: dict[str, QWidget] = {}
        self._rebuild_pending = False
        self.last_import_report: ImportReportDialog | None = None

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(NAV_WIDTH)
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setSpacing(2)
        self.nav.setUniformItemSizes(True)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget()
        self.stack.setObjectName("pageStack")
        self.opening_label = QLabel()
        self.opening_label.setObjectName("emptyHint")
        self.opening_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.opening_label)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.status_label = QLabel()
        self.status_label.setObjectName("mutedLabel")
        self.statusBar().addPermanentWidget(self.status_label)

        self._build_actions()
        self._fill_nav()
        self.nav.currentRowChanged.connect(self._nav_changed)
        self.retranslate()
        self._restore_geometry()
        self.import_action.setEnabled(False)
        self.show_page(start_page(settings.last_page))

    def attach(self, ctx: UiContext, register: RegisterSnapshot | None = None) -> None:
        """The database is open: build the current page and allow imports.
        ``register``: the register as read through the database layer, for a
        page shown from a start-up snapshot to check itself against."""
        self.ctx = ctx
        self.import_action.setEnabled(True)
        units = self._pages.get("verksamheter")  # built from a start-up snapshot
        attach = getattr(units, "attach", None)
        if callable(attach):
            attach(ctx, register)
        self._nav_changed(self.nav.currentRow())

    def show_register_snapshot(self, snapshot: RegisterSnapshot) -> bool:
        """Before ``attach``: show the Verksamheter page from ``snapshot``
        when it is the page to show. False when another page is current (it
        waits for the database as usual)."""
        if self.ctx is not None or self.current_key != "verksamheter":
            return False
        from app.ui.units_page import UnitsPage

        spec = find_page("verksamheter")
        assert spec is not None
        widget = UnitsPage(None, settings=self.settings, snapshot=snapshot)
        widget.setAccessibleName(spec.display_title())
        self._pages[spec.key] = widget
        self.stack.addWidget(widget)
        self.stack.setCurrentWidget(widget)
        return True

    # -- building --------------------------------------------------------------
    def _build_actions(self) -> None:
        self.import_action = QAction(self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(self.choose_and_import_units)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self.show_about)
        self.page_actions: list[QAction] = []
        for number, spec in enumerate(PAGES, start=1):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _=False, key=spec.key: self.show_page(key))
            self.page_actions.append(action)
        self.nav_focus_action = QAction(self)
        self.nav_focus_action.setShortcut(QKeySequence("F6"))
        self.nav_focus_action.triggered.connect(self._toggle_nav_focus)
        self.addAction(self.nav_focus_action)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        bar.clear()
        file_menu = bar.addMenu(self.tr("&Arkiv"))
        file_menu.addAction(self.import_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        view_menu = bar.addMenu(self.tr("&Visa"))
        for action in self.page_actions:
            view_menu.addAction(action)
        help_menu = bar.addMenu(self.tr("&Hjälp"))
        help_menu.addAction(self.about_action)

    def _fill_nav(self) -> None:
        for spec in PAGES:
            item = QListWidgetItem(icon(spec.icon), "")
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setSizeHint(QSize(NAV_WIDTH - 8, 40))
            self.nav.addItem(item)

    def retranslate(self) -> None:
        self.setWindowTitle(f"{APP_NAME} – {self.settings.organisation_name}")
        self.opening_label.setText(
            self.tr("Skapar demodatabasen första gången, det tar en liten stund…")
            if self.creating_database else self.tr("Öppnar databasen…"))
        self.nav.setAccessibleName(self.tr("Navigering"))
        self.stack.setAccessibleName(self.tr("Sida"))
        self.import_action.setText(self.tr("&Importera enheter…"))
        self.quit_action.setText(self.tr("&Avsluta"))
        self.about_action.setText(self.tr("&Om Uppföljaren"))
        self.nav_focus_action.setText(self.tr("Växla mellan navigering och sida"))
        for action, spec in zip(self.page_actions, PAGES, strict=True):
            action.setText(spec.display_title())
        for row, spec in enumerate(PAGES):
            item = self.nav.item(row)
            item.setText(spec.display_title())
            item.setToolTip(self.tr("%1 (Ctrl+%2)").replace("%1", spec.display_title())
                            .replace("%2", str(row + 1)))
        self.status_label.setText(self.tr("Data: %1").replace("%1", str(self.paths.data_dir)))
        self._build_menus()

    # -- pages -------------------------------------------------------------------
    @property
    def current_key(self) -> str:
        item = self.nav.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else DEFAULT_PAGE

    def page(self, key: str) -> QWidget:
        """The page for ``key``, built on first use."""
        if self.ctx is None:
            return self._pages.get(key, self.opening_label)
        if self._rebuild_pending:
            self.rebuild_pages()
        if key not in self._pages:
            spec = find_page(key)
            if spec is None:
                raise KeyError(key)
            widget = self._build_page(spec)
            self._pages[key] = widget
            self.stack.addWidget(widget)
        return self._pages[key]

    def _build_page(self, spec: PageSpec) -> QWidget:
        try:
            widget = spec.factory(self.ctx)
        except Exception:  # one broken page must not take the window down
            log.exception("page %s failed to build", spec.key)
            widget = QLabel(self.tr("Sidan %1 kunde inte visas. Detaljer finns i loggen.")
                            .replace("%1", spec.display_title()))
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
        widget.setAccessibleName(spec.display_title())
        return widget

    def show_page(self, key: str) -> None:
        row = next((i for i, spec in enumerate(PAGES) if spec.key == key), None)
        if row is None:
            return
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)  # calls _nav_changed
        else:
            self._nav_changed(row)

    def _nav_changed(self, row: int) -> None:
        if row < 0:
            return
        spec = PAGES[row]
        # The organisation may have been renamed in Inställningar.
        self.setWindowTitle(f"{APP_NAME} – {self.settings.organisation_name}")
        widget = self.page(spec.key)
        self.stack.setCurrentWidget(widget)
        self.settings.last_page = spec.key
        if widget is self.opening_label:
            return
        on_shown = getattr(widget, "on_shown", None)
        if callable(on_shown):
            on_shown()

    def _toggle_nav_focus(self) -> None:
        if self.nav.hasFocus():
            self.stack.currentWidget().setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.stack.currentWidget().focusNextChild()
        else:
            self.nav.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _save_page_states(self) -> None:
        """Pages with ``save_state()`` put what they remember into Settings."""
        for widget in self._pages.values():
            save_state = getattr(widget, "save_state", None)
            if callable(save_state):
                save_state()

    def _drop_pages(self) -> None:
        self._rebuild_pending = False
        self._save_page_states()
        for widget in self._pages.values():
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self._pages.clear()

    def rebuild_pages(self) -> None:
        """Drop every built page; the current one is built again at once."""
        self._drop_pages()
        self._nav_changed(self.nav.currentRow())

    def _rebuild_if_pending(self) -> None:
        if self._rebuild_pending:
            self.rebuild_pages()

    def changeEvent(self, event: QEvent) -> None:
        # A window being torn down still receives LanguageChange; its children
        # may be gone by then.
        if event.type() == QEvent.Type.LanguageChange and shiboken6.isValid(self.stack):
            self.retranslate()
            # Rebuild after the event: the settings page that asked for the
            # change is still on the call stack. Asking for a page before then
            # rebuilds at once.
            self._rebuild_pending = True
            QTimer.singleShot(0, self, self._rebuild_if_pending)
        super().changeEvent(event)

    # -- actions -----------------------------------------------------------------
    def choose_and_import_units(self) -> None:
        from app.ui.import_dialog import choose_import_file

        if self.ctx is None:
            return
        path = choose_import_file(self)
        if path is not None:
            self.import_units(path)

    def import_units(self, path: Path) -> TaskHandle:
        from app.ui.import_dialog import start_unit_import

        assert self.ctx is not None, "import needs the open database"

        def keep(dialog: ImportReportDialog) -> None:
            self.last_import_report = dialog

        return start_unit_import(self.ctx, path, self, self._after_import, keep)

    def _after_import(self, result: ImportResult) -> None:
        self.statusBar().showMessage(
            self.tr("Import klar: %1 nya, %2 ändrade, %3 oförändrade enheter.")
            .replace("%1", str(result.added)).replace("%2", str(result.updated))
            .replace("%3", str(result.unchanged)), 10_000)
        units = self._pages.get("verksamheter")
        reload = getattr(units, "reload", None)
        if callable(reload):
            reload()

    def show_about(self) -> AboutDialog:
        from app.ui.about_dialog import AboutDialog  # with the platform module: not at start

        dialog = AboutDialog(self.settings.organisation_name, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # -- geometry ------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        settings = self.settings
        restored = False
        if settings.window_geometry:
            try:
                data = QByteArray(base64.b64decode(settings.window_geometry))
                restored = self.restoreGeometry(data)
            except ValueError:
                restored = False
        if not restored:
            self.resize(1280, 800)
        if settings.window_state:
            try:
                self.restoreState(QByteArray(base64.b64decode(settings.window_state)))
            except ValueError:
                pass

    def save_window_settings(self) -> None:
        settings = self.settings
        settings.window_geometry = base64.b64encode(bytes(self.saveGeometry().data())).decode()
        settings.window_state = base64.b64encode(bytes(self.saveState().data())).decode()
        settings.last_page = self.current_key
        self._save_page_states()
        try:
            settings.save()
        except OSError as error:  # settings are a comfort; never block closing
            log.warning("could not save settings: %s", error)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_window_settings()
        if self.ctx is not None and self.ctx.tasks.active:
            self.ctx.tasks.cancel_all()
            self.ctx.tasks.wait(10_000)
        super().closeEvent(event)
