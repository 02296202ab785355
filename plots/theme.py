"""The one place for colours, fonts and line widths.

Every plot, table and label takes its look from here, so that presentation
mode can scale everything with one factor and each cell keeps one colour in
every view. There are two projector themes, light and dark
(``THEME.use("dark")``): each is high contrast (text ≥ 4.5:1, every curve
≥ 3:1 against its background, checked in the tests), and its cell colours
come from the Okabe–Ito palette (colour-blind safe), paired with a line
style so that they also read in greyscale.

Code that draws reads the colours at draw time (``THEME.colours.foreground``),
never copies them at import, so that a switch of theme reaches it on the
next redraw.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field

from PySide6.QtCore import Qt

LINE_STYLES = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine,
               Qt.PenStyle.DashDotLine)
BUILTIN_CELLS = ("RNN", "LSTM", "GRU")  # the order of their line styles


@dataclass(frozen=True)
class Colours:
    """The colours of one theme, as "#RRGGBB" (``legend_fill``: RGBA, translucent)."""

    name: str
    background: str
    foreground: str
    baseline: str  # chance level, exact-zero line
    muted: str  # greyed-out text
    error: str
    warning: str
    ok: str
    cells: Mapping[str, str]  # the built-in cells
    extras: tuple[str, ...]  # plugin cells, in the order they appear
    gates: tuple[str, ...]  # the gates of one cell, told apart by colour and line style
    legend_fill: tuple[int, int, int, int]
    heatmap: str = "cividis"  # perceptually uniform, readable by colour-blind viewers, both themes
    faint_alpha: int = 90  # step 1's curves: seen, but behind the newest
    dark: bool = field(default=False)


LIGHT = Colours(
    name="light", background="#FFFFFF", foreground="#111111", baseline="#555555", muted="#6B6B6B",
    error="#B2182B", warning="#8C510A", ok="#1B7837",
    cells={"RNN": "#D55E00", "LSTM": "#0072B2", "GRU": "#009E73"},
    extras=("#CC79A7", "#000000", "#7B3294", "#8C510A", "#01665E", "#B2182B"),
    gates=("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#000000", "#8C510A"),
    legend_fill=(255, 255, 255, 200))
# On a dark ground the Okabe–Ito blue and vermillion are too dim from the back
# of a room: their light partners (sky blue, orange) take their place.
DARK = Colours(
    name="dark", background="#111111", foreground="#F0F0F0", baseline="#AAAAAA", muted="#A0A0A0",
    error="#FF8A65", warning="#F0E442", ok="#5CC8A0",
    cells={"RNN": "#E69F00", "LSTM": "#56B4E9", "GRU": "#009E73"},
    extras=("#CC79A7", "#F0F0F0", "#C2A5CF", "#DFC27D", "#80CDC1", "#F4A582"),
    gates=("#56B4E9", "#E69F00", "#009E73", "#CC79A7", "#F0F0F0", "#F0E442"),
    legend_fill=(17, 17, 17, 200), faint_alpha=140, dark=True)  # thin lines fade more on black
THEMES: dict[str, Colours] = {LIGHT.name: LIGHT, DARK.name: DARK}

# The light theme's colours under their old names, for code that always draws
# light; anything in the window reads ``THEME.colours`` instead.
BUILTIN_COLOURS = dict(LIGHT.cells)
EXTRA_COLOURS = LIGHT.extras
BASELINE_COLOUR = LIGHT.baseline
BACKGROUND = LIGHT.background
FOREGROUND = LIGHT.foreground
HEATMAP_COLOURMAP = LIGHT.heatmap
ERROR_COLOUR = LIGHT.error
WARNING_COLOUR = LIGHT.warning
OK_COLOUR = LIGHT.ok
MUTED_COLOUR = LIGHT.muted
GATE_COLOURS = LIGHT.gates


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of "#RRGGBB"."""
    channels = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio (1..21): ≥ 4.5 for text, ≥ 3 for lines and large text."""
    high, low = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@dataclass
class Theme:
    """Sizes scale with ``scale`` (1.0 on a desk, ~1.5 on a projector);
    ``colours`` is the theme in use."""

    scale: float = 1.0
    base_point_size: float = 11.0
    line_width: float = 2.5
    colours: Colours = LIGHT

    @property
    def name(self) -> str:
        return self.colours.name

    def use(self, name: str) -> None:
        """Switch to the theme called ``name`` ("light", "dark")."""
        if name not in THEMES:
            raise ValueError(f"unknown theme {name!r}; choose from {', '.join(THEMES)}")
        self.colours = THEMES[name]

    @contextmanager
    def using(self, name: str) -> Iterator[Colours]:
        """The theme ``name`` inside the block, the one before after it (a
        figure for a paper stays light whatever the window shows)."""
        before = self.colours
        self.use(name)
        try:
            yield self.colours
        finally:
            self.colours = before

    def font_size(self, relative: float = 1.0) -> int:
        return max(6, round(self.base_point_size * self.scale * relative))

    def pen_width(self, relative: float = 1.0) -> float:
        return self.line_width * self.scale * relative


THEME = Theme()


class CellColours:
    """Stable colour and line style per cell name for the whole session: a
    plugin cell keeps its place among the extras, so its colour changes only
    with the theme, never with the order of redraws."""

    def __init__(self) -> None:
        self._assigned: dict[str, int] = {}

    def index(self, name: str) -> int:
        if name not in self._assigned:
            self._assigned[name] = len(self._assigned)
        return self._assigned[name]

    def colour(self, name: str) -> str:
        """The cell's colour in the theme in use."""
        colours = THEME.colours
        if name in colours.cells:
            return colours.cells[name]
        self.index(name)
        extras = [n for n in self._assigned if n not in BUILTIN_CELLS]
        return colours.extras[extras.index(name) % len(colours.extras)]

    def style(self, name: str) -> Qt.PenStyle:
        position = BUILTIN_CELLS.index(name) if name in BUILTIN_CELLS else 3 + self.index(name)
        return LINE_STYLES[position % len(LINE_STYLES)]


CELL_COLOURS = CellColours()
