"""``EquationsView``: a cell's update equations under the gates plot, in as
much height as the plot can spare, scrolling for the rest, and collapsible.

The LSTM has six equation lines. At ``--scale 2`` on a 1280×800 projector
they took the gates plot down to a sliver (and a splitter left them cut off).
Here the plot keeps its readable minimum first; the equations get the
height left over, up to what they need, and scroll inside it. When not even
one line fits, they step aside entirely; the "Equations" toggle (in the
panel's header) hides or shows them by hand, and its tooltip shows them in
full, so they are always one hover away.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QToolButton, QWidget

from plots.theme import THEME


class EquationsView(QScrollArea):
    """The equations (rich text) in a frameless scroll area; ``toggle`` is
    the header button that shows or hides them; ``fit(room)`` sizes them."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        font = QFont(self.label.font())
        font.setPointSize(THEME.font_size(0.9))
        self.label.setFont(font)
        self.setWidget(self.label)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setToolTip(self.tr("The update equations of the chosen cell, from its source"))
        self.toggle = QToolButton()
        self.toggle.setText(self.tr("Equations"))
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow)
        self.toggle.toggled.connect(self._on_toggled)
        self._room = 0
        self.fit(0)

    @property
    def text(self) -> str:
        return self.label.text()

    def set_text(self, html: str) -> None:
        """Show ``html`` (empty: no equations, and no toggle)."""
        self.label.setText(html)
        self.toggle.setVisible(bool(html))
        self.toggle.setToolTip(self.tr("Show or hide the update equations under the plot") +
                               (f"<br><br>{html}" if html else ""))
        self.fit(self._room)

    def content_height(self) -> int:
        """The height that shows every line at the current width."""
        width = max(self.viewport().width(), 50)
        return self.label.heightForWidth(width) + 2 * self.frameWidth()

    def fit(self, room: int) -> None:
        """Take at most ``room`` pixels of height (what the plot can spare):
        all the lines if they fit, else as many as fit with a scroll bar,
        none if not even one does or the toggle is off."""
        self._room = room
        needed = self.content_height()
        # Rich-text lines with sub- and superscripts are taller than the font's
        # line spacing: measure the mean line of this text, show whole lines only.
        lines = max(1, round(needed / self.label.fontMetrics().lineSpacing()))
        line = needed / lines
        height = needed if needed <= room else int(max(room, 0) // line * line)
        show = bool(self.text) and self.toggle.isChecked() and height >= line
        self.setVisible(show)
        if show:
            self.setFixedHeight(height)
            needs_bar = height < needed
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn if needs_bar
                                            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def _on_toggled(self, shown: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.fit(self._room)
