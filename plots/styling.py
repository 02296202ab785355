"""Small pyqtgraph helpers shared by the live panels and the saved figures.

Every helper reads ``THEME`` when it is called: a plot styled again after a
switch of theme (``restyle_canvas``) takes the new colours."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics

from .theme import CELL_COLOURS, LINE_STYLES, THEME

FLOAT32_TINY = 1.1754944e-38


def configure_pyqtgraph() -> None:
    """The theme's background and foreground for plots made from now on,
    antialiasing, and segmented lines (3x faster thick lines)."""
    colours = THEME.colours
    pg.setConfigOptions(background=colours.background, foreground=colours.foreground, antialias=True,
                        segmentedLineMode="on", imageAxisOrder="row-major")


def log_floor(*arrays: np.ndarray) -> float:
    """Where exact zeros are drawn on a log axis: a decade below the smallest
    positive value shown, and never above float32's smallest normal number."""
    positives = [a[a > 0].min() for a in arrays if a.size and (a > 0).any()]
    smallest = min(positives) if positives else 1.0
    return min(smallest / 10.0, FLOAT32_TINY / 10.0)


def floored(values: np.ndarray, floor: float) -> np.ndarray:
    """Replace zeros (and non-finite values) by the floor for a log axis."""
    values = np.asarray(values, dtype=float)
    return np.where(np.isfinite(values) & (values > 0), values, floor)


def cell_pen(name: str, strong: bool = True):
    colour = pg.mkColor(CELL_COLOURS.colour(name))
    if not strong:
        colour.setAlpha(THEME.colours.faint_alpha)
    # faint curves are 1 px: Qt draws thicker antialiased lines ~10x slower
    return pg.mkPen(colour, width=THEME.pen_width() if strong else 1.0,
                    style=CELL_COLOURS.style(name))


def gate_pen(index: int):
    """Pen of the index-th gate of a cell: colour and line style both differ."""
    gates = THEME.colours.gates
    colour = gates[index % len(gates)]
    return pg.mkPen(colour, width=THEME.pen_width(), style=LINE_STYLES[index % len(LINE_STYLES)])


def baseline_pen():
    return pg.mkPen(THEME.colours.baseline, width=THEME.pen_width(0.8), style=Qt.PenStyle.DashLine)


def style_plot(plot: pg.PlotItem, title: str, bottom: str, left: str) -> None:
    """Title and axis labels in the theme's sizes (pyqtgraph ignores app fonts)."""
    plot.setTitle(title or None, size=f"{THEME.font_size(1.15)}pt", color=THEME.colours.foreground)
    plot.setLabel("bottom", bottom, **label_style())
    plot.setLabel("left", left, **label_style())
    tick_font = QFont()
    tick_font.setPointSize(THEME.font_size(0.9))
    for side in ("bottom", "left"):
        plot.getAxis(side).setTickFont(tick_font)
        # No SI prefixes ("200 (m…)" reads badly on a slide). pyqtgraph 0.14 computes the
        # prefix whether or not it is enabled, and only *disabling* it froze the scale the
        # range then had: an accuracy axis styled while its range was [0, 1] showed ×1000
        # for good. No range where a prefix applies keeps the scale at 1 always.
        plot.getAxis(side).setSIPrefixEnableRanges(())
        plot.getAxis(side).enableAutoSIPrefix(False)
    colour_axes(plot)
    plot.showGrid(x=False, y=False)


def fit_axis_label(plot: pg.PlotItem, side: str, text: str) -> None:
    """Label the axis with ``text``, cut with "…" to the axis' length: pyqtgraph
    draws a label whole, and a long one on a short plot ("accuracy on the
    recalled symbols", copy task, 1920×1080) ran across the plot above. Call
    it again as the plot resizes; the panel's title holds the whole text."""
    font = QFont()
    font.setPointSize(THEME.font_size())
    view, axis = plot.getViewBox(), plot.getAxis(side)
    metrics = QFontMetrics(font)
    if axis.labelText != text:
        plot.setLabel(side, text, **label_style())
    # What the text item draws around and beyond the font's advance: its margins, rich-text spacing.
    slack = axis.label.boundingRect().width() - metrics.horizontalAdvance(text)
    room = (view.height() if side in ("left", "right") else view.width()) - slack
    shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(0, int(room)))
    if shown != text:
        plot.setLabel(side, shown, **label_style())


def label_style() -> dict[str, str]:
    """CSS of an axis label: the theme's size and foreground."""
    return {"font-size": f"{THEME.font_size()}pt", "color": THEME.colours.foreground}


def colour_axes(plot: pg.PlotItem) -> None:
    """Axis lines, ticks and tick labels in the foreground, the lines thicker
    with the scale (a 1 px axis vanishes on a projector)."""
    pen = pg.mkPen(THEME.colours.foreground, width=max(1.0, THEME.pen_width(0.4)))
    for name in ("bottom", "left", "top", "right"):
        axis = plot.getAxis(name)
        axis.setPen(pen)
        axis.setTextPen(THEME.colours.foreground)


def restyle_plot(plot: pg.PlotItem) -> None:
    """Give a plot made under another theme this theme's axes, labels and
    legend; curves keep their pens (their panels know which pen each takes)."""
    colour_axes(plot)
    for name in ("bottom", "left"):
        axis = plot.getAxis(name)
        style = {**axis.labelStyle, "color": THEME.colours.foreground}
        if axis.labelText or axis.labelUnits:
            axis.setLabel(axis.labelText, axis.labelUnits, **style)
        else:
            axis.labelStyle = style
    if plot.titleLabel.text:
        plot.titleLabel.setText(plot.titleLabel.text, color=THEME.colours.foreground)
    if plot.legend is not None:
        style_legend(plot.legend)


def restyle_canvas(canvas: pg.GraphicsLayoutWidget) -> None:
    """The canvas's background and every plot on it in this theme."""
    canvas.setBackground(THEME.colours.background)
    for item in list(canvas.ci.items):
        if isinstance(item, pg.PlotItem):
            restyle_plot(item)


def make_live(plot: pg.PlotItem) -> None:
    """Draw at most about two points per pixel and only what is in view: a
    2000-step loss curve then costs what a 400-point one does."""
    plot.setDownsampling(auto=True, mode="peak")
    plot.setClipToView(True)


def style_legend(legend: pg.LegendItem) -> None:
    """Theme-sized labels on a translucent box of the background's colour, so
    curves behind stay visible."""
    legend.setLabelTextSize(f"{THEME.font_size()}pt")
    legend.setBrush(pg.mkBrush(*THEME.colours.legend_fill))
    legend.setLabelTextColor(THEME.colours.foreground)
    for _sample, label in legend.items:
        label.setText(label.text)  # the labels already there take the colour now


def keep_legend_inside(plot: pg.PlotItem, most_columns: int) -> Callable[[], None]:
    """Lay the plot's legend out in at most ``most_columns`` columns, fewer
    whenever its row would be wider than the plot (long Korean gate names, a
    narrow panel): a legend sticking out of the plot is cut at the panel's
    edge. Refitted as the plot resizes; returns the fit, to call after
    adding curves."""
    def fit() -> None:
        legend = plot.legend
        if legend is None or not legend.items:
            return
        room = plot.getViewBox().width() - 20
        for columns in range(most_columns, 0, -1):
            legend.setColumnCount(columns)
            if legend.layout.preferredWidth() <= room:
                break

    plot.getViewBox().sigResized.connect(fit)
    return fit


def save_png(item: pg.GraphicsObject, path: Path, width: int) -> Path:
    """Write a plot (or a layout of plots) to a PNG ``width`` pixels wide; text
    and lines scale with it. Always with a file name: without one pyqtgraph
    opens a file dialog."""
    exporter = pg.exporters.ImageExporter(item)
    exporter.parameters()["width"] = width
    exporter.export(str(path))
    return path
