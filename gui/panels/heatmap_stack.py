"""Heatmaps of training step against time step t, stacked in one canvas.

Shared by the gradient history (one map per cell) and the gate history (one
map per gate of a cell): the maps share the t axis and one colour bar, their
rows lie at their true training steps (``plots.step_grid``), and a dashed
line marks the timeline's step on each of them. Each map's name stands on
its left axis, turned on its side; a map too short for the name even at
0.6× the theme's size (three cells under a preset's caption at 1280×800)
shows it instead across its top-left corner, on a veil of the background.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetrics

from plots.step_grid import rows_on_grid
from plots.styling import style_plot
from plots.theme import THEME


class HeatmapStack:
    """One heatmap per name in ``canvas``, top to bottom; made again only
    when the names change (``build``), then only fed new images."""

    def __init__(self, canvas: pg.GraphicsLayoutWidget, bottom_label: str):
        self.canvas = canvas
        self.bottom_label = bottom_label
        self.colour_map = pg.colormap.get(THEME.colours.heatmap)
        self.images: dict[str, pg.ImageItem] = {}
        self.plots: dict[str, pg.PlotItem] = {}
        self.colour_bar: pg.ColorBarItem | None = None
        self.markers: dict[str, pg.InfiniteLine] = {}
        self.name_tags: dict[str, pg.TextItem] = {}  # the names of maps too short for them on the axis

    @property
    def names(self) -> list[str]:
        return list(self.images)

    def build(self, names: Sequence[str], labels: Sequence[str], colours: Sequence[str]) -> None:
        """(Re)create the maps, each labelled on its left axis in its colour;
        also after a theme change (the colour map is the theme's)."""
        self.colour_map = pg.colormap.get(THEME.colours.heatmap)
        self.canvas.clear()
        self.images, self.plots, self.markers, self.name_tags = {}, {}, {}, {}
        last = len(names) - 1
        for row, (name, label, colour) in enumerate(zip(names, labels, colours, strict=True)):
            plot = self.canvas.addPlot(row=row, col=0)
            style_plot(plot, "", self.bottom_label if row == last else "", label)
            tag = self._name_tag(plot, label, colour)
            self._label(plot, tag, label, colour)
            plot.geometryChanged.connect(lambda plot=plot, tag=tag, label=label, colour=colour:
                                         self._label(plot, tag, label, colour))
            plot.showGrid(x=False, y=False)
            plot.getAxis("left").setStyle(maxTickLevel=0)  # a few step labels, not a crowd
            if row < last:
                plot.getAxis("bottom").setStyle(showValues=False)
            if row:
                plot.setXLink(self.plots[names[0]])
            image = pg.ImageItem()
            plot.addItem(image)
            self.images[name], self.plots[name], self.name_tags[name] = image, plot, tag
        if names:
            self.colour_bar = pg.ColorBarItem(colorMap=self.colour_map, interactive=False, width=18)
            self.colour_bar.setImageItem(list(self.images.values()))
            self.canvas.addItem(self.colour_bar, row=0, col=1, rowspan=len(names))
            # no axis label: it collides with the tick values; the panel's title names the colour
        else:
            self.colour_bar = None

    @staticmethod
    def _name_tag(plot: pg.PlotItem, label: str, colour: str) -> pg.TextItem:
        """The name across the map's top-left corner, hidden until the axis has no room for it."""
        # the legends' translucent box of the background's colour: readable on any map colour
        tag = pg.TextItem(label, color=colour, fill=pg.mkBrush(*THEME.colours.legend_fill), anchor=(0, 0))
        font = QFont()
        font.setBold(True)
        font.setPointSize(THEME.font_size(0.8))
        tag.setFont(font)
        tag.setParentItem(plot.getViewBox())  # placed in the box's pixels, whatever the data range
        tag.setPos(2, 1)
        tag.setZValue(20)
        tag.setVisible(False)
        return tag

    @staticmethod
    def _label(plot: pg.PlotItem, tag: pg.TextItem, label: str, colour: str) -> None:
        """The map's name on its left axis in its colour, in the largest size
        down to 0.6× of the theme's that fits the map's height; where none
        fits, on ``tag`` instead: turned on its side, a longer name ran into
        the maps above and below (three cells at --scale 2 on a 1280×800
        projector), and cut it read "R…"."""
        axis = plot.getAxis("left")
        margins = 2 * axis.label.document().documentMargin() + 2  # the text item's own, and a gap
        height = plot.getViewBox().height()
        room = round(height - margins) if height else len(label) * 100  # not laid out yet: whole
        text, font = fitted_name(label, room)
        fits = text == label
        tag.setVisible(not fits)
        axis.setLabel(html.escape(label if fits else ""), color=colour,
                      **{"font-size": f"{font.pointSize()}pt", "font-weight": "bold"})

    def show(self, name: str, steps: Sequence[int], matrix: np.ndarray, levels: tuple[float, float],
             missing: float) -> None:
        """Map ``name`` gets ``matrix`` [R, T], row i at training step
        ``steps[i]``, NaN drawn as ``missing``; empty when there are no rows."""
        image = self.images[name]
        if not matrix.size:
            image.clear()
            return
        first, spacing, rows = rows_on_grid(steps, matrix)
        image.setImage(np.nan_to_num(rows, nan=missing), autoLevels=False, levels=levels)
        image.setRect(QRectF(0.5, first - spacing / 2, rows.shape[1], spacing * len(rows)))

    def clear(self) -> None:
        for image in self.images.values():
            image.clear()

    def set_levels(self, levels: tuple[float, float]) -> None:
        if self.colour_bar is not None:
            self.colour_bar.setLevels(levels)

    def mark(self, step: int | None) -> None:
        """A line across each map at the timeline's step (None: hidden)."""
        for name, plot in self.plots.items():
            line = self.markers.get(name)
            if line is None:
                line = pg.InfiniteLine(angle=0, pen=pg.mkPen(255, 255, 255, 230, width=2,
                                                             style=Qt.PenStyle.DashLine))
                line.setZValue(10)
                plot.addItem(line)
                self.markers[name] = line
            line.setVisible(step is not None)
            if step is not None:
                line.setPos(step)


def fitted_name(label: str, room: int) -> tuple[str, QFont]:
    """``label`` in the largest bold size down to 0.6× of the theme's whose
    width fits ``room`` pixels, or cut with "…" at 0.6×; and that font."""
    font = QFont()
    font.setBold(True)
    for factor in (1.0, 0.9, 0.8, 0.7, 0.6):
        font.setPointSize(THEME.font_size(factor))
        # elidedText's own test: horizontalAdvance rounds down, and "LSTM" at 45.4 px in 45 became "LS…"
        text = QFontMetrics(font).elidedText(label, Qt.TextElideMode.ElideRight, room)
        if text == label:
            break
    return text, font
