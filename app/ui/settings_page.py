"""Inställningar: language, organisation, logo, the current officer, the share.

A ``QTabWidget``. Other capabilities add their own tab with one line in
``EXTRA_TABS`` (title marked for translation, and a factory taking the
context), e.g. the template view:
    (QT_TRANSLATE_NOOP("SettingsPage", "Mall"), _template_tab)  (see below).
Each field is saved when it is edited (text fields after a short pause), so
there is no Save button to forget.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui.context import UiContext
from app.ui.navigation import PageFactory

log = logging.getLogger(__name__)
SAVE_DELAY_MS = 500

# Tabs after Allmänt, Handläggare and Gemensam mapp: (Swedish title marked
# with QT_TRANSLATE_NOOP("SettingsPage", ...), factory(ctx) -> QWidget).
def _template_tab(ctx: UiContext) -> QWidget:
    """The city-wide follow-up template (Mall): areas, questions, guidance, versions."""
    from app.ui.template_page import TemplatePage

    return TemplatePage(ctx.sessions, tasks=ctx.tasks)


EXTRA_TABS: list[tuple[str, PageFactory]] = [
    (QT_TRANSLATE_NOOP("SettingsPage", "Mall"), _template_tab),
]


class SettingsPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsPage")
        self.ctx = ctx
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Inställningar"))
        self.tabs.addTab(self._general_tab(), self.tr("Allmänt"))
        self.tabs.addTab(self._officer_tab(), self.tr("Handläggare"))
        self.tabs.addTab(self._share_tab(), self.tr("Gemensam mapp"))
        for title, factory in EXTRA_TABS:
            try:
                tab = factory(ctx)
            except Exception:  # one broken tab must not hide the settings
                log.exception("settings tab %s failed to build", title)
                continue
            self.add_tab(tab, QCoreApplication.translate("SettingsPage", title))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.tabs)

    def add_tab(self, widget: QWidget, title: str) -> int:
        widget.setAccessibleName(title)
        return self.tabs.addTab(widget, title)

    # -- tabs -----------------------------------------------------------------------
    def _form_tab(self) -> tuple[QWidget, QFormLayout]:
        tab = QWidget()
        # A readable column on wide screens rather than fields across the window.
        column = QWidget()
        column.setMaximumWidth(760)
        outer = QVBoxLayout(tab)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(column, 0, Qt.AlignmentFlag.AlignLeft)
        outer.addStretch(1)
        form = QFormLayout(column)
        form.setContentsMargins(16, 16, 16, 16)
        form.setVerticalSpacing(12)
        form.setHorizontalSpacing(16)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        column.setMinimumWidth(560)
        return tab, form

    def _general_tab(self) -> QWidget:
        settings = self.ctx.settings
        tab, form = self._form_tab()
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Språk"))
        self.language.addItem("Svenska", "sv")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(settings.language), 0))
        self.language.currentIndexChanged.connect(self._language_changed)
        form.addRow(self._label(self.tr("&Språk:"), self.language), self.language)

        self.organisation = self._line(settings.organisation_name, self.tr("Organisation"),
                                       lambda text: setattr(settings, "organisation_name", text))
        form.addRow(self._label(self.tr("&Organisation:"), self.organisation), self.organisation)

        self.logo = self._line(settings.logo_path or "", self.tr("Logotyp"),
                               lambda text: setattr(settings, "logo_path", text or None))
        self.logo.setPlaceholderText(self.tr("Ingen logotyp: rapporterna får stadens standard"))
        browse = QPushButton(self.tr("&Välj…"))
        browse.setAccessibleName(self.tr("Välj logotyp"))
        browse.clicked.connect(self._choose_logo)
        form.addRow(self._label(self.tr("&Logotyp:"), self.logo), self._row(self.logo, browse))
        hint = QLabel(self.tr("Logotypen visas i rapporternas sidhuvud (PNG eller JPEG)."))
        hint.setObjectName("mutedLabel")
        hint.setWordWrap(True)
        form.addRow("", hint)
        return tab

    def _officer_tab(self) -> QWidget:
        settings = self.ctx.settings
        tab, form = self._form_tab()
        self.officer_name = self._line(settings.officer_name, self.tr("Namn"),
                                       lambda text: setattr(settings, "officer_name", text))
        form.addRow(self._label(self.tr("&Namn:"), self.officer_name), self.officer_name)
        self.officer_role = QComboBox()
        self.officer_role.setAccessibleName(self.tr("Roll"))
        self.officer_role.addItem(self.tr("Inte vald"), "")
        self.officer_role.addItem(self.tr("Verksamhetsuppföljare"), "verksamhetsuppfoljare")
        self.officer_role.addItem(self.tr("MAS (medicinskt ansvarig sjuksköterska)"), "mas")
        self.officer_role.setCurrentIndex(max(self.officer_role.findData(settings.officer_role), 0))
        self.officer_role.currentIndexChanged.connect(self._role_changed)
        form.addRow(self._label(self.tr("&Roll:"), self.officer_role), self.officer_role)
        self.officer_district = QComboBox()
        self.officer_district.setAccessibleName(self.tr("Stadsdel"))
        self.officer_district.addItem(self.tr("Hela staden"), "")
        for name in self._district_names():
            self.officer_district.addItem(name, name)
        if settings.officer_district and self.officer_district.findData(
                settings.officer_district) < 0:
            self.officer_district.addItem(settings.officer_district, settings.officer_district)
        self.officer_district.setCurrentIndex(
            max(self.officer_district.findData(settings.officer_district), 0))
        self.officer_district.currentIndexChanged.connect(self._district_changed)
        form.addRow(self._label(self.tr("S&tadsdel:"), self.officer_district),
                    self.officer_district)
        return tab

    def _share_tab(self) -> QWidget:
        settings = self.ctx.settings
        tab, form = self._form_tab()
        self.share = self._line(settings.share_path or "", self.tr("Gemensam mapp"),
                                self._share_edited)
        self.share.setPlaceholderText(str(self.ctx.paths.default_share_dir))
        browse = QPushButton(self.tr("V&älj…"))
        browse.setAccessibleName(self.tr("Välj gemensam mapp"))
        browse.clicked.connect(self._choose_share)
        form.addRow(self._label(self.tr("&Mapp:"), self.share), self._row(self.share, browse))
        self.share_status = QLabel()
        self.share_status.setWordWrap(True)
        self.share_status.setAccessibleName(self.tr("Status för gemensam mapp"))
        form.addRow("", self.share_status)
        self._check_share(settings.share_path or "")
        return tab

    # -- helpers ---------------------------------------------------------------------
    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def _row(self, *widgets: QWidget) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            layout.addWidget(widget, 1 if isinstance(widget, QLineEdit) else 0)
        return row

    def _line(self, value: str, accessible: str, write: Callable[[str], None]) -> QLineEdit:
        edit = QLineEdit(value)
        edit.setAccessibleName(accessible)

        def changed(text: str) -> None:
            write(text.strip())
            self._save_timer.start()

        edit.textChanged.connect(changed)
        return edit

    def _district_names(self) -> list[str]:
        from app.services.units import choices

        try:
            with self.ctx.sessions() as session:
                return choices(session).districts
        except Exception:  # the page stays usable without the list
            log.exception("could not read districts")
            return []

    # -- reactions -------------------------------------------------------------------
    def _language_changed(self) -> None:
        code = self.language.currentData()
        if code == self.ctx.settings.language:
            return
        self.ctx.settings.language = code
        self.save()
        from app.ui.application import install_language

        install_language(code)

    def _role_changed(self) -> None:
        self.ctx.settings.officer_role = self.officer_role.currentData()
        self.save()

    def _district_changed(self) -> None:
        self.ctx.settings.officer_district = self.officer_district.currentData()
        self.save()

    def _share_edited(self, text: str) -> None:
        self.ctx.settings.share_path = text or None
        self._check_share(text)

    def _check_share(self, text: str) -> bool:
        if not text:
            self.share_status.setText(
                self.tr("Ingen mapp vald: den inbyggda demomappen används."))
            return True
        if Path(text).is_dir():
            self.share_status.setText(self.tr("✓ Mappen finns och kan användas."))
            return True
        self.share_status.setText(
            self.tr("Mappen finns inte eller går inte att nå just nu. Kontrollera sökvägen; "
                    "arbetet sparas lokalt tills mappen går att nå."))
        return False

    def _choose_logo(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Välj logotyp"), self.logo.text(),
            self.tr("Bilder (*.png *.jpg *.jpeg)"))
        if name:
            self.logo.setText(name)

    def _choose_share(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Välj gemensam mapp"),
                                                self.share.text())
        if name:
            self.share.setText(name)

    def save(self) -> None:
        self._save_timer.stop()
        try:
            self.ctx.settings.save()
        except OSError as error:
            log.warning("could not save settings: %s", error)

    def hideEvent(self, event: object) -> None:
        if self._save_timer.isActive():
            self.save()
        super().hideEvent(event)  # type: ignore[arg-type]

    def focus_first(self) -> None:
        self.language.setFocus(Qt.FocusReason.OtherFocusReason)
