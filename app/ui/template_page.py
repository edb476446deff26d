"""Mall: the follow-up template as a tree of areas and questions, with search,
filters by unit type and part, the guidance beside the question, the version
history with the difference between two versions, and import of a new version.

The page calls services only; loading and importing run through the task
runner (off the UI thread when a real runner is given).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from app.errors import InvalidInputError, UserFacingError
from app.services.reference import reference_document
from app.services.task_state import TaskState
from app.services.template_format import PART_LABELS, UNIT_TYPES, TemplateDef
from app.services.templates import (
    VersionInfo,
    active_template,
    diff_templates,
    import_template,
    list_versions,
    template_by_version_id,
)
from app.ui.i18n import error_text, message_text, problem_text
from app.ui.tasks import TaskRunner
from app.ui.template_diff_view import diff_html
from app.ui.template_tree import QUESTION_ROLE, QuestionFilter, build_model, question_html

SEARCH_DELAY_MS = 150  # type-ahead: filter once typing pauses


@dataclass(frozen=True)
class TemplateOverview:
    versions: list[VersionInfo]  # newest first
    active_id: int | None  # the version new visits use today
    templates: dict[int, TemplateDef]


def load_overview(sessions: sessionmaker[Session], today: date) -> TemplateOverview:
    with sessions() as session:
        versions = list_versions(session)
        active_id = None
        if versions:
            try:
                active_id = active_template(session, today)[0]
            except UserFacingError:  # every version starts later than today
                active_id = versions[-1].id
        templates = {v.id: template_by_version_id(session, v.id) for v in versions}
    return TemplateOverview(versions, active_id, templates)


def import_file(sessions: sessionmaker[Session], path: Path) -> tuple[str, bool]:
    """(version, newly imported). Raises InvalidInputError listing problems."""
    with sessions() as session, session.begin():
        known = {v.id for v in list_versions(session)}
        row = import_template(session, path)
        return row.version, row.id not in known


class TemplatePage(QWidget):
    def __init__(
        self,
        sessions: sessionmaker[Session],
        parent: QWidget | None = None,
        tasks: TaskRunner | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self._sessions = sessions
        self._tasks = tasks
        self._today = today
        self._overview = TemplateOverview([], None, {})
        self._unit_names = {u["code"]: u["name"] for u in reference_document()["unit_types"]}
        self.message_box: QMessageBox | None = None  # the last problem report, for tests

        self.model = QStandardItemModel(self)
        self.proxy = QuestionFilter(self)
        self.proxy.setSourceModel(self.model)
        self._build()
        self.reload()

    # --- layout ---------------------------------------------------------------

    def _build(self) -> None:
        self.version = QComboBox()
        self.version.setAccessibleName(self.tr("Mallversion"))
        self.version.currentIndexChanged.connect(self._show_selected_version)
        self.valid_label = QLabel()
        self.valid_label.setObjectName("mutedLabel")
        self.import_button = QPushButton(self.tr("&Läs in ny version…"))
        self.import_button.clicked.connect(self._choose_file)

        head = QHBoxLayout()
        version_label = QLabel(self.tr("&Version:"))
        version_label.setBuddy(self.version)
        head.addWidget(version_label)
        head.addWidget(self.version)
        head.addWidget(self.valid_label, 1)
        head.addWidget(self.import_button)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Sök i frågor och vägledning"))
        self.search.setAccessibleName(self.tr("Sök i mallen"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._search_timer.start)
        self.unit_type = QComboBox()
        self.unit_type.setAccessibleName(self.tr("Filtrera på enhetstyp"))
        self.unit_type.addItem(self.tr("Alla enhetstyper"), None)
        for code in UNIT_TYPES:
            self.unit_type.addItem(self._unit_names.get(code, code), code)
        self.part = QComboBox()
        self.part.setAccessibleName(self.tr("Filtrera på del"))
        self.part.addItem(self.tr("Båda delarna"), None)
        for code, label in PART_LABELS.items():
            self.part.addItem(label, code)
        self.unit_type.currentIndexChanged.connect(self.apply_filters)
        self.part.currentIndexChanged.connect(self.apply_filters)
        self.count = QLabel()
        self.count.setObjectName("countLabel")

        bar = QHBoxLayout()
        search_label = QLabel(self.tr("&Sök:"))
        search_label.setBuddy(self.search)
        bar.addWidget(search_label)
        bar.addWidget(self.search, 3)
        bar.addWidget(self.unit_type, 1)
        bar.addWidget(self.part, 1)
        bar.addWidget(self.count)

        self.tree = QTreeView()
        self.tree.setModel(self.proxy)
        self.tree.setAccessibleName(self.tr("Områden och frågor"))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(True)
        self.tree.setWordWrap(False)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.selectionModel().currentChanged.connect(self._show_question)
        self.detail = QTextBrowser()
        self.detail.setAccessibleName(self.tr("Vägledning för vald fråga"))
        self.detail.setOpenLinks(False)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.tree)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        questions = QWidget()
        q_layout = QVBoxLayout(questions)
        q_layout.addLayout(bar)
        q_layout.addWidget(split, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(questions, self.tr("&Frågor"))
        self.tabs.addTab(self._build_history(), self.tr("Versions&historik"))

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.tabs, 1)

    def _build_history(self) -> QWidget:
        self.history_model = QStandardItemModel(self)
        self.history = QTreeView()
        self.history.setRootIsDecorated(False)
        self.history.setModel(self.history_model)
        self.history.setAccessibleName(self.tr("Inlästa mallversioner"))
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setMaximumHeight(160)
        self.diff_a = QComboBox()
        self.diff_a.setAccessibleName(self.tr("Jämför från version"))
        self.diff_b = QComboBox()
        self.diff_b.setAccessibleName(self.tr("Jämför med version"))
        self.diff_a.currentIndexChanged.connect(self.show_diff)
        self.diff_b.currentIndexChanged.connect(self.show_diff)
        self.diff_view = QTextBrowser()
        self.diff_view.setAccessibleName(self.tr("Skillnader mellan versionerna"))

        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Jämför version")))
        row.addWidget(self.diff_a)
        row.addWidget(QLabel(self.tr("med")))
        row.addWidget(self.diff_b)
        row.addStretch(1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.history)
        layout.addLayout(row)
        layout.addWidget(self.diff_view, 1)
        return page

    # --- loading ----------------------------------------------------------------

    def reload(self) -> None:
        today = self._today or date.today()
        self._run(lambda _state: load_overview(self._sessions, today), self._loaded)

    def _run(self, fn, on_done, on_error=None) -> None:  # type: ignore[no-untyped-def]
        if self._tasks is None:
            try:
                result = fn(TaskState())
            except BaseException as error:
                if on_error is None:
                    raise
                on_error(error)
            else:
                on_done(result)
            return
        self._tasks.run(fn, on_done, on_error, parent=self, parallel=on_error is None)

    def _loaded(self, overview: TemplateOverview) -> None:
        self._overview = overview
        for combo in (self.version, self.diff_a, self.diff_b):
            combo.blockSignals(True)
            combo.clear()
        for v in overview.versions:
            label = v.version
            if v.id == overview.active_id:
                label += self.tr(" (gäller nu)")
            self.version.addItem(label, v.id)
            self.diff_a.addItem(v.version, v.id)
            self.diff_b.addItem(v.version, v.id)
        self._fill_history(overview)
        active_row = self.version.findData(overview.active_id)
        self.version.setCurrentIndex(max(active_row, 0))
        # Default comparison: the version before the active one against it.
        self.diff_b.setCurrentIndex(max(active_row, 0))
        self.diff_a.setCurrentIndex(min(max(active_row, 0) + 1, self.diff_a.count() - 1))
        for combo in (self.version, self.diff_a, self.diff_b):
            combo.blockSignals(False)
        self._show_selected_version()
        self.show_diff()

    def _fill_history(self, overview: TemplateOverview) -> None:
        self.history_model.clear()
        self.history_model.setHorizontalHeaderLabels([
            self.tr("Version"), self.tr("Giltig från"), self.tr("Områden"), self.tr("Frågor"),
            self.tr("Inläst"), self.tr("Fil")])
        for v in overview.versions:
            cells = [v.version + (self.tr(" (gäller nu)") if v.id == overview.active_id else ""),
                     v.valid_from.isoformat(), str(v.section_count), str(v.question_count),
                     f"{v.imported_at:%Y-%m-%d %H:%M}", v.source_name or ""]
            self.history_model.appendRow([QStandardItem(c) for c in cells])
        for column in range(self.history_model.columnCount()):
            self.history.resizeColumnToContents(column)

    # --- the question tree ------------------------------------------------------

    def current_template(self) -> TemplateDef | None:
        return self._overview.templates.get(self.version.currentData())

    def _show_selected_version(self) -> None:
        template = self.current_template()
        build_model(template, self.model)
        if template is None:
            self.valid_label.setText(self.tr("Ingen mall är inläst."))
        else:
            self.valid_label.setText(self.tr("%1, giltig från %2").replace("%1", template.name)
                                     .replace("%2", template.valid_from.isoformat()))
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.apply_filters()
        self.detail.setHtml(f"<p>{self.tr('Välj en fråga för att se dess vägledning.')}</p>")

    def apply_filters(self) -> None:
        self.proxy.set_filters(self.search.text(), self.unit_type.currentData(),
                               self.part.currentData())
        self.tree.expandAll()
        shown = self.visible_question_ids()
        total = len(self.current_template().all_questions()) if self.current_template() else 0
        self.count.setText(self.tr("%1 av %2 frågor").replace("%1", str(len(shown)))
                           .replace("%2", str(total)))

    def visible_question_ids(self) -> list[str]:
        ids = []
        for r in range(self.proxy.rowCount()):
            area = self.proxy.index(r, 0)
            for c in range(self.proxy.rowCount(area)):
                ids.append(self.proxy.index(c, 0, area).data(QUESTION_ROLE).id)
        return ids

    def select_question(self, qid: str) -> bool:
        for r in range(self.proxy.rowCount()):
            area = self.proxy.index(r, 0)
            for c in range(self.proxy.rowCount(area)):
                index = self.proxy.index(c, 0, area)
                if index.data(QUESTION_ROLE).id == qid:
                    self.tree.setCurrentIndex(index)
                    self.tree.scrollTo(index)
                    return True
        return False

    def _show_question(self, current: QModelIndex, _previous: QModelIndex) -> None:
        question = current.siblingAtColumn(0).data(QUESTION_ROLE) if current.isValid() else None
        template = self.current_template()
        if question is None or template is None:
            return
        title = template.section_of(question.id).title
        self.detail.setHtml(question_html(question, title, self._unit_names))

    # --- history and diff -------------------------------------------------------

    def show_diff(self) -> None:
        a = self._overview.templates.get(self.diff_a.currentData())
        b = self._overview.templates.get(self.diff_b.currentData())
        if a is None or b is None:
            self.diff_view.setHtml(f"<p>{self.tr('Det finns ingen version att jämföra.')}</p>")
            return
        titles = {s.id: s.title for t in (a, b) for s in t.sections}
        self.diff_view.setHtml(diff_html(diff_templates(a, b), titles))

    # --- import -------------------------------------------------------------------

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Läs in mallversion"), "", self.tr("Mallfiler (*.yaml *.yml)"))
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path) -> None:
        """Validate and import a template file; problems are listed, and the
        stored versions are left as they were."""
        self.import_button.setEnabled(False)
        self._run(lambda _state: import_file(self._sessions, path), self._imported,
                  self._import_failed)

    def _imported(self, result: tuple[str, bool]) -> None:
        self.import_button.setEnabled(True)
        version, is_new = result
        text = (self.tr("Version %1 är inläst.") if is_new
                else self.tr("Version %1 var redan inläst med samma innehåll."))
        self._message(QMessageBox.Icon.Information, text.replace("%1", version), "")
        self.reload()

    def _import_failed(self, error: BaseException) -> None:
        self.import_button.setEnabled(True)
        if isinstance(error, InvalidInputError):
            lines = [problem_text(p) for p in error.problems]
            self._message(QMessageBox.Icon.Warning, message_text(error.summary), "\n".join(lines))
        elif isinstance(error, UserFacingError):
            self._message(QMessageBox.Icon.Warning, error_text(error), "")
        else:
            raise error

    def _message(self, icon: QMessageBox.Icon, text: str, problems: str) -> None:
        box = QMessageBox(icon, self.tr("Uppföljningsmall"), text, QMessageBox.StandardButton.Ok,
                          self)
        if problems:
            shown = problems.splitlines()
            more = len(shown) - 12
            box.setInformativeText("\n".join(shown[:12]) + (
                "\n" + self.tr("… och %1 till (se detaljer).").replace("%1", str(more))
                if more > 0 else ""))
            box.setDetailedText(problems)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message_box = box
        box.open()
