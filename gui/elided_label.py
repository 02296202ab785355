"""A one-line label that shortens its text instead of wrapping it.

A panel's title that wraps takes two or three lines of the height its plot
needs: at ``--scale 2`` on a 1280×800 projector the titles alone took a
quarter of the screen. Shortened, a title keeps one line at every scale; the
whole text is then the tooltip, so nothing is lost.

Where the whole text does not fit, a trailing remark in parentheses goes
first ("Loss and accuracy (dashed: chance)" -> "Loss and accuracy"): cut
with "…" instead, the title read "Loss and accuracy (dashed: chan…" at
1280×800, half a remark that says nothing. Only if the rest does not fit
either is it cut with "…".
"""

from __future__ import annotations

import re

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

REMARK = re.compile(r"^(?P<head>.*\S)\s*\([^()]*\)$")  # text ending in one "(…)" remark


class ElidedLabel(QLabel):
    """A ``QLabel`` that draws one line, shortened where it does not fit (see
    the module doc); the whole text is the tooltip unless a tooltip was set on
    purpose."""

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

    def shown_text(self) -> str:
        """The text as drawn at the label's width now."""
        metrics, width = self.fontMetrics(), self.contentsRect().width()
        elide = Qt.TextElideMode.ElideRight
        text = self.text()
        # elidedText itself tests the fit: horizontalAdvance rounds down and can pass a text it then cuts
        if metrics.elidedText(text, elide, width) == text:
            return text
        remark = REMARK.match(text)
        return metrics.elidedText(remark["head"] if remark else text, elide, width)

    def elided(self) -> bool:
        """Whether the text is shortened at the label's width now."""
        return self.shown_text() != self.text()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(self.fontMetrics().horizontalAdvance("…") * 4, self.fontMetrics().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._update_tooltip()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.contentsRect(), int(self.alignment() | Qt.AlignmentFlag.AlignVCenter),
                         self.shown_text())

    def _update_tooltip(self) -> None:
        full = self.text() if self.elided() else ""
        super().setToolTip(self._own_tooltip or full)
