"""One question at a time: the text, the answer buttons (keys 1-5), comment,
evidence, the previous visit's answer, and the guidance panel beside it.

This is layout only. The assessment view decides what a click means and
writes it through the service (with undo).
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.services.template_format import (
    EVIDENCE,
    EVIDENCE_LABELS,
    PART_LABELS,
    QuestionDef,
    answer_label,
)
from app.ui.visits.question_model import ANSWER_COLOURS

SHORT_LABELS = {
    "uppfyllt": QT_TRANSLATE_NOOP("QuestionEditor", "Uppfyllt"),
    "delvis": QT_TRANSLATE_NOOP("QuestionEditor", "Delvis"),
    "ej_uppfyllt": QT_TRANSLATE_NOOP("QuestionEditor", "Ej uppf."),
    "ej_aktuellt": QT_TRANSLATE_NOOP("QuestionEditor", "Ej akt."),
    "ej_bedomt": QT_TRANSLATE_NOOP("QuestionEditor", "Ej bed."),
}
COMMENT_REQUIRED = ("delvis", "ej_uppfyllt", "ej_aktuellt", "nej")
SCALE_KEYS = ("uppfyllt", "delvis", "ej_uppfyllt", "ej_aktuellt", "ej_bedomt")
YESNO_KEYS = ("ja", "nej", None, "ej_aktuellt", "ej_bedomt")
NUMBER_KEYS = (None, None, None, "ej_aktuellt", "ej_bedomt")


@dataclass
class AnswerState:
    answer: str | None = None
    number: float | None = None
    yesno: bool | None = None
    comment: str = ""
    evidence: tuple[str, ...] = ()

    def choice(self) -> str | None:
        """The code the buttons and the list show ('ja'/'nej' for yes/no)."""
        if self.answer in ("ej_aktuellt", "ej_bedomt"):
            return self.answer
        if self.yesno is not None:
            return "ja" if self.yesno else "nej"
        if self.number is not None:
            return "number"
        return self.answer


@dataclass(frozen=True)
class PreviousAnswer:
    year: int
    choice: str | None
    comment: str


def keys_for(question: QuestionDef) -> tuple[str | None, ...]:
    if question.answer_kind == "yesno":
        return YESNO_KEYS
    if question.answer_kind == "number":
        return NUMBER_KEYS
    return SCALE_KEYS


def format_number(value: float | None) -> str:
    if value is None:
        return ""
    return (f"{value:.0f}" if float(value).is_integer() else f"{value}").replace(".", ",")


class QuestionEditor(QWidget):
    choice_clicked = Signal(str)
    evidence_toggled = Signal(str, bool)
    create_deficiency = Signal()
    attach_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question: QuestionDef | None = None
        self.area = QLabel()
        self.area.setStyleSheet("color: #5f6b73;")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.basis = QLabel()
        self.basis.setWordWrap(True)
        self.basis.setStyleSheet("color: #5f6b73;")
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)  # so a click on the chosen answer can be told apart
        self.buttons: list[QPushButton] = []
        buttons_row = QHBoxLayout()
        for number in range(1, 6):
            button = QPushButton()
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setMinimumHeight(34)
            # The row may get narrower than the labels on a small screen; the
            # buttons share the width instead of pushing the guidance away.
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            button.setMinimumWidth(56)
            self.group.addButton(button, number)
            self.buttons.append(button)
            buttons_row.addWidget(button)
        self.group.idClicked.connect(self._clicked)
        self.number = QLineEdit()
        self.number.setPlaceholderText(self.tr("Skriv talet"))
        self.number.setMaximumWidth(160)
        self.number_unit = QLabel()
        number_row = QHBoxLayout()
        number_row.addWidget(QLabel(self.tr("Svar:")))
        number_row.addWidget(self.number)
        number_row.addWidget(self.number_unit)
        number_row.addStretch(1)
        self.number_box = QWidget()
        self.number_box.setLayout(number_row)
        number_row.setContentsMargins(0, 0, 0, 0)
        self.previous = QLabel()
        self.previous.setWordWrap(True)
        self.previous.setObjectName("previousAnswer")
        self.previous.setStyleSheet(
            "QLabel#previousAnswer { background: #f1f4f6; border-radius: 4px; padding: 6px; }"
        )
        self.proposal = QFrame()
        self.proposal.setObjectName("proposal")
        self.proposal.setStyleSheet(
            "QFrame#proposal { background: #fdecea; border: 1px solid #e57373; "
            "border-radius: 4px; }"
        )
        proposal_row = QHBoxLayout(self.proposal)
        self.proposal_text = QLabel(
            self.tr("Ej uppfyllt: en brist ska skrivas i Fynd, kopplad till frågan.")
        )
        self.proposal_text.setWordWrap(True)
        self.proposal_button = QPushButton(self.tr("Skapa brist…"))
        self.proposal_button.clicked.connect(self.create_deficiency)
        proposal_row.addWidget(self.proposal_text, 1)
        proposal_row.addWidget(self.proposal_button)
        self.comment_label = QLabel()
        self.comment = QPlainTextEdit()
        self.comment.setTabChangesFocus(True)
        self.comment.setPlaceholderText(self.tr("Kommentar: vad bedömningen bygger på"))
        self.comment.setMinimumHeight(150)
        # Evidence in a grid of three columns: it fits a narrow editor without clipping.
        evidence_row = QGridLayout()
        evidence_row.addWidget(QLabel(self.tr("Underlag:")), 0, 0)
        self.evidence: dict[str, QCheckBox] = {}
        for i, code in enumerate(EVIDENCE):
            box = QCheckBox(self.tr(EVIDENCE_LABELS[code]))
            box.clicked.connect(lambda checked, c=code: self.evidence_toggled.emit(c, checked))
            self.evidence[code] = box
            evidence_row.addWidget(box, i // 3, 1 + i % 3)
        evidence_row.setColumnStretch(4, 1)
        self.attachments = QLabel()
        self.attachments.setStyleSheet("color: #5f6b73;")
        self.attach_button = QPushButton(self.tr("Bifoga fil till frågan…"))
        self.attach_button.clicked.connect(self.attach_requested)
        attach_row = QHBoxLayout()
        attach_row.addWidget(self.attachments, 1)
        attach_row.addWidget(self.attach_button)
        self.locked_note = QLabel(self.tr(
            "Delen är fastställd och kan inte ändras här. Under Fastställ kan en ny revision "
            "öppnas, med en motivering."))
        self.locked_note.setWordWrap(True)
        self.locked_note.setStyleSheet("background: #eceff1; padding: 6px; border-radius: 4px;")
        self.locked_note.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.locked_note)
        layout.addWidget(self.area)
        layout.addWidget(self.text)
        layout.addWidget(self.basis)
        layout.addSpacing(6)
        layout.addLayout(buttons_row)
        layout.addWidget(self.number_box)
        layout.addWidget(self.previous)
        layout.addWidget(self.proposal)
        layout.addWidget(self.comment_label)
        layout.addWidget(self.comment)
        layout.addLayout(evidence_row)
        layout.addLayout(attach_row)
        layout.addStretch(1)

    # --- showing -------------------------------------------------------------
    def show_question(
        self, question: QuestionDef, area_title: str, state: AnswerState,
        previous: PreviousAnswer | None, attachments: list[str],
    ) -> None:
        self.question = question
        self.area.setText(f"{area_title} · {self.tr(PART_LABELS.get(question.part, ''))}")
        self.text.setText(question.text)
        self.basis.setText(self.tr("Grund: %1").replace("%1", question.basis))
        for button, key in zip(self.buttons, keys_for(question), strict=True):
            button.setVisible(key is not None)
            if key is not None:
                button.setToolTip(self.tr(answer_label(key)))
        self._fit_labels()
        self.number_box.setVisible(question.answer_kind == "number")
        self.number_unit.setText(question.number_unit or "")
        self.show_state(state)
        if previous is None:
            self.previous.setText(self.tr("Förra uppföljningen: frågan besvarades inte."))
        else:
            label = (self.tr(answer_label(previous.choice)) if previous.choice
                     else self.tr("Inget svar"))
            text = self.tr("Förra uppföljningen (%1): ").replace("%1", str(previous.year))
            comment = f" – {html.escape(previous.comment)}" if previous.comment else ""
            self.previous.setText(f"{text}<b>{html.escape(label)}</b>{comment}")
        self.attachments.setText(
            self.tr("Bilagor: %1").replace("%1", ", ".join(attachments)) if attachments
            else self.tr("Inga bilagor till frågan.")
        )

    def show_state(self, state: AnswerState) -> None:
        self.show_choice(state.choice())
        for code, box in self.evidence.items():
            box.setChecked(code in state.evidence)

    def show_choice(self, choice: str | None) -> None:
        assert self.question is not None
        keys = keys_for(self.question)
        for button, key in zip(self.buttons, keys, strict=True):
            button.setChecked(key is not None and key == choice)
            colour = ANSWER_COLOURS.get(key or "", "#607d8b")
            button.setStyleSheet(
                f"QPushButton:checked {{ background: {colour}; color: white; "
                "font-weight: 600; border-radius: 4px; }"
            )
        # The service's rule: every judgement but Uppfyllt, and a "Nej", needs a comment.
        required = choice in COMMENT_REQUIRED
        self.comment_label.setText(
            self.tr("Kommentar (krävs för detta svar)") if required else self.tr("Kommentar")
        )
        self.proposal.setVisible(choice == "ej_uppfyllt")

    def set_has_deficiency(self, linked: bool) -> None:
        self.proposal_button.setVisible(not linked)
        self.proposal_text.setText(
            self.tr("Ej uppfyllt: en brist är kopplad till frågan (se Fynd).") if linked
            else self.tr("Ej uppfyllt: en brist ska skrivas i Fynd, kopplad till frågan.")
        )

    def set_locked(self, locked: bool) -> None:
        self.locked_note.setVisible(locked)
        for button in self.buttons:
            button.setEnabled(not locked)
        for box in self.evidence.values():
            box.setEnabled(not locked)
        self.comment.setReadOnly(locked)
        self.number.setReadOnly(locked)
        self.attach_button.setEnabled(not locked)
        self.proposal_button.setEnabled(not locked)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._fit_labels()

    def _fit_labels(self) -> None:
        """Full labels when there is room; then short ones; at least the key number."""
        if self.question is None:
            return
        for number, (button, key) in enumerate(
                zip(self.buttons, keys_for(self.question), strict=True), start=1):
            if key is None:
                continue
            metrics = button.fontMetrics()
            room = button.width() - 16
            for text in (f"{number}  {self.tr(answer_label(key))}",
                         f"{number}  {self.tr(SHORT_LABELS.get(key, answer_label(key)))}",
                         str(number)):
                if metrics.horizontalAdvance(text) <= room:
                    break
            button.setText(text)

    def _clicked(self, number: int) -> None:
        assert self.question is not None
        key = keys_for(self.question)[number - 1]
        if key is not None:
            self.choice_clicked.emit(key)


class GuidancePanel(QTextBrowser):
    """The template's guidance for the current question, always beside it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setStyleSheet("QTextBrowser { background: #f7f9fa; border: none; padding: 8px; }")

    def show_question(self, question: QuestionDef) -> None:
        g = question.guidance
        sections = [
            (self.tr("Vad som granskas"), g.look_at, "#37474f"),
            (self.tr("Uppfyllt"), g.fulfilled, ANSWER_COLOURS["uppfyllt"]),
            (self.tr("Delvis uppfyllt"), g.partly, "#b17d00"),
            (self.tr("Ej uppfyllt"), g.not_fulfilled, ANSWER_COLOURS["ej_uppfyllt"]),
            (self.tr("Personalens kunskap"), g.staff_knowledge, "#37474f"),
        ]
        parts = [f"<h3 style='margin-top:0'>{html.escape(self.tr('Vägledning'))}</h3>"]
        for title, text, colour in sections:
            if text:
                parts.append(
                    f"<p style='margin-bottom:2px'><b style='color:{colour}'>"
                    f"{html.escape(title)}</b></p><p style='margin-top:0'>{html.escape(text)}</p>"
                )
        if question.documents:
            items = "".join(f"<li>{html.escape(d)}</li>" for d in question.documents)
            parts.append(f"<p style='margin-bottom:2px'><b>{html.escape(self.tr('Dokument'))}"
                         f"</b></p><ul style='margin-top:0'>{items}</ul>")
        self.setHtml("".join(parts))
