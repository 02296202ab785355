"""What every plot panel shares: a pyqtgraph canvas, a redraw entry point, PNG export,
a "?" button that explains the plot, and a restyle when the theme changes."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pyqtgraph as pg
import pyqtgraph.exporters
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from plots.styling import configure_pyqtgraph, restyle_canvas, save_png
from plots.theme import THEME
from training.recorder import RunRecorder

from ..elided_label import ElidedLabel
from .help import TOPICS, help_button

if TYPE_CHECKING:
    from plugin_host import CellRecord


class PlotPanel(QWidget):
    """A panel draws the newest state of a recorder; plot items are created once
    and only updated with ``setData``/``setImage`` afterwards (cheap redraws)."""

    export_name = "plot"
    min_interval_ms = 0  # draw at most this often while training (0: every step)
    help_topic = ""  # a key of help.TOPICS: the panel gets a "?" button that opens it

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        configure_pyqtgraph()
        # Titles live in Qt, not in pyqtgraph: a pyqtgraph title's text width
        # becomes the plot's minimum width and pushes panels off a small screen.
        # One elided line: a wrapped title takes the height its plot needs.
        self.title = ElidedLabel()
        font = QFont(self.title.font())
        font.setPointSize(THEME.font_size(1.15))
        font.setBold(True)
        self.title.setFont(font)
        # What presentation mode hides (captions that explain the plot: the
        # lecturer says it, and "?" still shows it), so the plots keep their height.
        self.explanations: list[QWidget] = []
        self.canvas = pg.GraphicsLayoutWidget()
        self.title_row = title_row = QHBoxLayout()  # the title, any selector a panel adds, the "?" last
        title_row.addWidget(self.title, 1)
        self.header = QHBoxLayout()  # where a panel adds its selectors
        title_row.addLayout(self.header)
        self.help_button = help_button(self, self.help_topic) if self.help_topic in TOPICS else None
        if self.help_button is not None:
            title_row.addWidget(self.help_button)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(2, 2, 2, 2)
        self.layout_.setSpacing(2)
        self.layout_.addLayout(title_row)
        self.layout_.addWidget(self.canvas, 1)

    def set_compact(self, compact: bool) -> None:
        """Presentation mode: hide the explanations, keep the plots."""
        for widget in self.explanations:
            widget.setVisible(not compact)

    def show_run(self, recorder: RunRecorder | None) -> None:
        """Redraw from ``recorder`` (None: empty the plots)."""
        raise NotImplementedError

    def apply_theme(self) -> None:
        """Take the theme in use (View ▸ Dark theme): the canvas and its
        axes and legends here, each panel's curves and marks in ``restyle``."""
        restyle_canvas(self.canvas)
        self.restyle()

    def restyle(self) -> None:
        """Give the items this panel drew (curves, lines, texts) the theme's
        pens; plot items keep a pen until it is set again."""

    def set_cell_records(self, records: Sequence[CellRecord]) -> None:
        """The cells on offer changed (start, plugin reload). Most panels draw
        only what a run recorded and ignore this; the gates panel shows each
        cell's equations from it."""

    def export_png(self, path: Path, width: int) -> Path:
        """Write the panel's plots to a PNG ``width`` pixels wide."""
        return save_png(self.canvas.ci, path, width)
