"""A one-line label that elides its text ("Gradient history: log₁₀ ‖∂ℓ/…")
instead of wrapping it.

A panel's title that wraps takes two or three lines of the height its plot
needs: at ``--scale 2`` on a 1280×800 projector the titles alone took a
quarter of the screen. Elided, a title keeps one line at every scale; the
whole text is then the tooltip, so nothing is lost.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class ElidedLabel(QLabel):
    """A ``QLabel`` that draws one line, cut with "…" where it does not fit;
    the cut text is the tooltip unless a tooltip was set on purpose."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        self._own_tooltip = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setToolTip(self, text: str) -> None:  # noqa: N802 (Qt's name)
        """A tooltip set by the panel wins over the elided title's."""
        self._own_tooltip = text
        self._update_tooltip()

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        super().setText(text)
        self._update_tooltip()

    def elided(self) -> bool:
        """Whether the text is cut at the label's width now."""
        return self.fontMetrics().horizontalAdvance(self.text()) > self.contentsRect().width()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(self.fontMetrics().horizontalAdvance("…") * 4, self.fontMetrics().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._update_tooltip()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(rect, int(self.alignment() | Qt.AlignmentFlag.AlignVCenter), text)

    def _update_tooltip(self) -> None:
        full = self.text() if self.elided() else ""
        super().setToolTip(self._own_tooltip or full)
