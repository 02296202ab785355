"""The one place for colours, fonts and line widths.

Every plot, table and label takes its look from here, so that presentation
mode can scale everything with one factor and each cell keeps one colour in
every view. Cell colours are Okabe–Ito (colour-blind safe, ≥ 3:1 on white),
paired with a line style so that they also read in greyscale.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt

BUILTIN_COLOURS = {"RNN": "#D55E00", "LSTM": "#0072B2", "GRU": "#009E73"}
EXTRA_COLOURS = ("#CC79A7", "#000000", "#7B3294", "#8C510A", "#01665E", "#B2182B")
LINE_STYLES = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine,
               Qt.PenStyle.DashDotLine)
BASELINE_COLOUR = "#555555"
BACKGROUND = "#FFFFFF"
FOREGROUND = "#202020"
HEATMAP_COLOURMAP = "cividis"
ERROR_COLOUR = "#B2182B"
WARNING_COLOUR = "#8C510A"
OK_COLOUR = "#1B7837"
MUTED_COLOUR = "#767676"  # greyed-out text (4.5:1 on white)
# Gates of one cell, told apart by colour and line style (Okabe–Ito, then darker tones).
GATE_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#000000", "#8C510A")


@dataclass
class Theme:
    """Sizes scale with ``scale`` (1.0 on a desk, ~1.5 on a projector)."""

    scale: float = 1.0
    base_point_size: float = 11.0
    line_width: float = 2.5

    def font_size(self, relative: float = 1.0) -> int:
        return max(6, round(self.base_point_size * self.scale * relative))

    def pen_width(self, relative: float = 1.0) -> float:
        return self.line_width * self.scale * relative


THEME = Theme()


class CellColours:
    """Stable colour and line style per cell name for the whole session."""

    def __init__(self) -> None:
        self._assigned: dict[str, int] = {}

    def index(self, name: str) -> int:
        if name not in self._assigned:
            self._assigned[name] = len(self._assigned)
        return self._assigned[name]

    def colour(self, name: str) -> str:
        if name in BUILTIN_COLOURS:
            return BUILTIN_COLOURS[name]
        extras = [n for n in self._assigned if n not in BUILTIN_COLOURS]
        if name not in extras:
            self.index(name)
            extras.append(name)
        return EXTRA_COLOURS[extras.index(name) % len(EXTRA_COLOURS)]

    def style(self, name: str) -> Qt.PenStyle:
        order = list(BUILTIN_COLOURS)
        position = order.index(name) if name in order else 3 + self.index(name)
        return LINE_STYLES[position % len(LINE_STYLES)]


CELL_COLOURS = CellColours()
