"""Föranalys: documents asked for and received, notes, key facts, the previous
follow-up's deficiencies, and the flag for suspected irregularities."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services import visits as visits_service
from app.services.visits import PreviousDeficiencyView
from app.services.visits.common import KEY_FACTS, PREVIOUS_STATUSES
from app.ui.visits.autosave import FieldBinding
from app.ui.visits.controller import VisitContext
from app.ui.visits.document_model import DATE, NAME, DocState, DocumentTableModel
from app.ui.visits.undo import SaveValueCommand


class PreanalysisView(QScrollArea):
    def __init__(self, visit: VisitContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.visit = visit
        self.setWidgetResizable(True)
        body = QWidget()
        self.setWidget(body)
        self.layout_ = QVBoxLayout(body)
        self.facts: dict[str, QSpinBox] = {}
        self.previous_widgets: dict[int, tuple[QComboBox, QLineEdit]] = {}
        self._reveal = lambda: visit.navigate("foranalys")
        with visit.autosave.revealing(self._reveal):
            self._documents()
            self._notes_and_facts()
            self._previous()
            self._attachments()
            self._irregularity()
        self.layout_.addStretch(1)
        self.refresh()
        visit.reloaded.connect(self.refresh)

    # --- sections ------------------------------------------------------------
    def _documents(self) -> None:
        box = QGroupBox(self.tr("Begärda dokument"))
        self.docs = DocumentTableModel(self._document_changed)
        self.doc_table = QTableView()
        self.doc_table.setModel(self.docs)
        self.doc_table.verticalHeader().hide()
        self.doc_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.doc_table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        header = self.doc_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(DATE, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(DATE, 110)
        self.doc_table.setMinimumHeight(320)
        self.doc_summary = QLabel()
        layout = QVBoxLayout(box)
        layout.addWidget(self.doc_summary)
        layout.addWidget(self.doc_table)
        self.layout_.addWidget(box)

    def _notes_and_facts(self) -> None:
        box = QGroupBox(self.tr("Nyckeltal och anteckningar"))
        grid = QGridLayout()
        for i, (key, label) in enumerate(KEY_FACTS.items()):
            spin = QSpinBox()
            spin.setRange(-1, 1_000_000)
            spin.setSpecialValueText("–")  # -1 means "not given"
            spin.setValue(-1)
            spin.setMaximumWidth(130)
            self.facts[key] = spin
            grid.addWidget(QLabel(self.tr(label)), i // 3, (i % 3) * 2)
            grid.addWidget(spin, i // 3, (i % 3) * 2 + 1)
            self.visit.autosave.number(spin, self.tr(label), lambda v, k=key: self._fact(k, v))
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("Vad som är känt före besöket"))
        self.notes.setMinimumHeight(120)
        self.visit.autosave.text(self.notes, self.tr("Anteckningar"),
                                 lambda v: self.visit.save_field("preanalysis_notes", v))
        layout = QVBoxLayout(box)
        layout.addLayout(grid)
        layout.addWidget(QLabel(self.tr("Anteckningar")))
        layout.addWidget(self.notes)
        self.layout_.addWidget(box)

    def _previous(self) -> None:
        self.previous_box = QGroupBox(self.tr("Brister från föregående uppföljning"))
        self.previous_form = QVBoxLayout(self.previous_box)
        self.layout_.addWidget(self.previous_box)

    def _attachments(self) -> None:
        box = QGroupBox(self.tr("Bilagor"))
        self.attachments = QLabel()
        self.attachments.setWordWrap(True)
        self.attachments.setTextFormat(Qt.TextFormat.RichText)
        self.attachments.linkActivated.connect(self._open_attachment)
        QVBoxLayout(box).addWidget(self.attachments)
        self.layout_.addWidget(box)

    def _show_attachments(self) -> None:
        detail = self.visit.detail
        rows = []
        for a in detail.attachments:
            where = ""
            if a.question_id:
                q = detail.question(a.question_id)
                where = " – " + html.escape(q.text[:70] if q else a.question_id)
            size = f"{a.size / 1024:.0f} kB"
            rows.append(f"<a href='{a.id}'>{html.escape(a.filename)}</a> ({size}){where}")
        self.attachments.setText("<br>".join(rows) or self.tr(
            "Inga bilagor. Bifoga filer med Bifoga fil i verktygsraden eller vid en fråga."))

    def _open_attachment(self, link: str) -> None:
        found = next((a for a in self.visit.detail.attachments if str(a.id) == link), None)
        if found is not None:
            path = visits_service.attachment_path(self.visit.ui.paths.attachments_dir,
                                                  found.stored_name)
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _irregularity(self) -> None:
        box = QGroupBox(self.tr("Misstanke om oegentligheter"))
        self.irregular = QCheckBox(self.tr("Misstänkta oegentligheter (visas tydligt i besöket)"))
        self.irregular_note = QPlainTextEdit()
        self.irregular_note.setPlaceholderText(self.tr("Vad som misstänks och vad som gjorts"))
        self.irregular_note.setMaximumHeight(90)
        self.visit.autosave.check(self.irregular, self.tr("Misstanke om oegentligheter"),
                                  lambda v: self._irregularity_changed("irregularity_flag", v))
        self.visit.autosave.text(self.irregular_note, self.tr("Anteckning om misstanke"),
                                 lambda v: self._irregularity_changed("irregularity_note", v))
        layout = QVBoxLayout(box)
        layout.addWidget(self.irregular)
        layout.addWidget(self.irregular_note)
        self.layout_.addWidget(box)

    # --- loading -----------------------------------------------------------------
    def binding_of(self, widget: QWidget) -> FieldBinding:
        return next(b for b in self.visit.autosave.bindings if b.widget is widget)

    def refresh(self) -> None:
        detail = self.visit.detail
        self.docs.locked = {p.part for p in detail.parts if p.locked}
        self.docs.set_rows(list(detail.documents))
        self._doc_summary()
        for key, spin in self.facts.items():
            value = detail.key_facts.get(key)
            self.binding_of(spin).set_value(value if isinstance(value, int | float) else None)
        self.binding_of(self.notes).set_value(detail.preanalysis_notes)
        self.binding_of(self.irregular).set_value(detail.irregularity_flag)
        self.binding_of(self.irregular_note).set_value(detail.irregularity_note)
        self._fill_previous(list(detail.previous_deficiencies))
        self._show_attachments()
        locked = self.visit.visit_locked
        self.visit.autosave.set_read_only(
            locked, {*self.facts.values(), self.notes, self.irregular, self.irregular_note})

    def _doc_summary(self) -> None:
        got, total = self.docs.received_count()
        self.doc_summary.setText(
            self.tr("%1 av %2 dokument mottagna. Bocka i Mottaget; dubbelklicka på datumet "
                    "för att ändra det.").replace("%1", str(got)).replace("%2", str(total))
        )

    def _fill_previous(self, rows: list[PreviousDeficiencyView]) -> None:
        while self.previous_form.count():
            item = self.previous_form.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.visit.autosave.bindings = [
            b for b in self.visit.autosave.bindings
            if not any(b.widget in pair for pair in self.previous_widgets.values())
        ]
        self.previous_widgets.clear()
        if not rows:
            self.previous_form.addWidget(QLabel(self.tr(
                "Inga brister att följa upp från en tidigare fastställd uppföljning.")))
            return
        with self.visit.autosave.revealing(self._reveal):
            for row in rows:
                self.previous_form.addWidget(self._previous_row(row))

    def _previous_row(self, row: PreviousDeficiencyView) -> QWidget:
        frame = QGroupBox(self.tr("Från %1 (%2)").replace("%1", str(row.previous_year))
                          .replace("%2", row.part.upper()))
        text = QLabel(f"<b>{html.escape(row.text)}</b><br>"
                      + html.escape(self.tr("Krav på åtgärd: ")) + html.escape(row.required_action)
                      + (f"<br>{html.escape(self.tr('Senast: '))}{row.deadline.isoformat()}"
                         if row.deadline else ""))
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        status = QComboBox()
        status.addItem(self.tr("Inte bedömd"), None)
        for code, label in PREVIOUS_STATUSES.items():
            status.addItem(self.tr(label), code)
        comment = QLineEdit()
        comment.setPlaceholderText(self.tr("Vad som gjorts, och vad som visar det"))
        fid = row.previous_finding_id
        self.previous_widgets[fid] = (status, comment)
        group = self.visit.autosave
        group.choice(status, self.tr("Tidigare brist"), lambda v: self._save_previous(fid))
        group.text(comment, self.tr("Tidigare brist, kommentar"),
                   lambda v: self._save_previous(fid))
        self.binding_of(status).set_value(row.status)
        self.binding_of(comment).set_value(row.comment)
        locked = self.visit.part_locked(row.part)
        group.set_read_only(locked, {status, comment})
        form = QFormLayout(frame)
        form.addRow(text)
        form.addRow(self.tr("Status"), status)
        form.addRow(self.tr("Kommentar"), comment)
        return frame

    # --- writing -----------------------------------------------------------------
    def _fact(self, key: str, value: int | None) -> None:
        # Keep facts this form does not show; the spin boxes give the rest.
        facts = dict(self.visit.detail.key_facts)
        facts.update({name: self.binding_of(spin).committed for name, spin in self.facts.items()})
        facts[key] = value
        clean = {k: v for k, v in facts.items() if v is not None}
        self.visit.save_field("key_facts", clean)

    def _save_previous(self, fid: int) -> None:
        status, comment = self.previous_widgets[fid]
        self.visit.write(f"previous:{fid}", lambda s: visits_service.set_previous_deficiency(
            s, self.visit.visit_id, fid, status=status.currentData(), comment=comment.text(),
            who=self.visit.who))

    def _irregularity_changed(self, field: str, value: object) -> None:
        self.visit.save_field(field, value)
        self.visit.irregularity_changed.emit(self.irregular.isChecked(),
                                             self.irregular_note.toPlainText())

    def _document_changed(self, doc_id: int, old: DocState, new: DocState) -> None:
        def show(value: DocState) -> None:
            self.docs.apply(doc_id, value)
            self._doc_summary()

        def write(value: DocState) -> None:
            self.visit.write(f"document:{doc_id}", lambda s: visits_service.set_document(
                s, self.visit.visit_id, doc_id, received=value[0], received_on=value[1],
                who=self.visit.who))

        def reveal() -> None:
            self.visit.navigate("foranalys", None)
            self.doc_table.selectRow(self.docs.row_of(doc_id))

        show(new)
        self.visit.undo.push(SaveValueCommand(
            self.tr("Dokument"), old, new, show=show, write=write, reveal=reveal))

    def focus_target(self, target: object) -> None:
        """Jump here from the finalize list: a document, a previous deficiency or a field."""
        if isinstance(target, int) and target in self.previous_widgets:
            self.previous_widgets[target][0].setFocus()
            self.ensureWidgetVisible(self.previous_widgets[target][0])
        elif target == "irregularity_note":
            self.irregular_note.setFocus()
            self.ensureWidgetVisible(self.irregular_note)
        elif target == "preanalysis_notes":
            self.notes.setFocus()
