"""The rhythm rules: in which years each unit type is followed up.

Each change is saved at once (the central administration's rules live in
the database); closing the dialog lets the page rebuild the plan.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.services.rhythm import RHYTHM_LABELS, Rhythm


class RhythmRulesDialog(QDialog):
    """One picker per unit type; ``save(type_code, rhythm)`` is called on change."""

    def __init__(self, types: list[tuple[str, str]], rules: dict[str, Rhythm],
                 save: Callable[[str, Rhythm], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Rytmregler"))
        self.setObjectName("rhythmRulesDialog")
        self.pickers: dict[str, QComboBox] = {}
        form = QFormLayout()
        for code, name in types:
            combo = QComboBox()
            combo.setAccessibleName(self.tr("Rytm för %1").replace("%1", name))
            for rhythm in Rhythm:
                combo.addItem(self.tr(RHYTHM_LABELS[rhythm].capitalize()), rhythm.value)
            if code in rules:
                combo.setCurrentIndex(combo.findData(rules[code].value))
            else:
                combo.setCurrentIndex(-1)
            combo.currentIndexChanged.connect(
                lambda _i, c=code, box=combo: save(c, Rhythm(box.currentData())))
            self.pickers[code] = combo
            form.addRow(f"{name}:", combo)
        note = QLabel(self.tr(
            "Ändringar sparas direkt och gäller för alla planer som visas efter ändringen. "
            "En enhet med egen paritet i registret följer sin egen rytm. Uppföljningar som "
            "redan påbörjats ligger kvar."))
        note.setWordWrap(True)
        note.setObjectName("hintLabel")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Stäng"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
