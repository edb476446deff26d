"""A page that is not built yet: it says what it will hold, never a blank."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget


class PlaceholderPage(QWidget):
    def __init__(self, title: str, summary: str, items: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("placeholderPage")
        self.setAccessibleName(title)

        card = QFrame()
        card.setObjectName("placeholderCard")
        card.setMinimumWidth(520)
        card.setMaximumWidth(680)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(12)

        self.title_label = QLabel(title)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title_label.setFont(font)
        self.badge = QLabel(self.tr("Kommer snart"))
        self.badge.setObjectName("comingSoonBadge")
        self.summary_label = QLabel(summary)
        self.summary_label.setWordWrap(True)
        self.list_label = QLabel(self.tr("Här kommer du att hitta:"))
        inner.addWidget(self.title_label)
        inner.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignLeft)
        inner.addWidget(self.summary_label)
        inner.addSpacing(4)
        inner.addWidget(self.list_label)
        self.item_labels: list[QLabel] = []
        for item in items:
            label = QLabel("•  " + item)
            label.setWordWrap(True)
            label.setContentsMargins(8, 0, 0, 0)
            inner.addWidget(label)
            self.item_labels.append(label)

        # Centred by stretches, not alignment flags: an aligned widget gets its
        # narrow size hint and the wrapped text is cut off.
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 4)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 32, 32, 32)
        outer.addLayout(row)
        outer.addStretch(1)

    def text(self) -> str:
        """Everything the page says (for tests and screen readers)."""
        parts = [self.title_label.text(), self.badge.text(), self.summary_label.text(),
                 self.list_label.text()]
        return "\n".join(parts + [label.text() for label in self.item_labels])
