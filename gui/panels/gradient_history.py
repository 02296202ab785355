"""Panel 2: per cell, log10 ‖∂ℓ/∂h_t‖ as a heatmap of training step against t."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QWidget

from training.recorder import RunRecorder

from ..plotting import floored, log_floor, style_plot
from ..theme import CELL_COLOURS, HEATMAP_COLOURMAP, THEME
from .base import PlotPanel


class GradientHistoryPanel(PlotPanel):
    """The whole story of gradient flow over training: one row of the heatmap per
    recorded training step, one column per time step, one shared colour bar."""

    export_name = "gradient_history"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.colour_map = pg.colormap.get(HEATMAP_COLOURMAP)
        self.images: dict[str, pg.ImageItem] = {}
        self.plots: dict[str, pg.PlotItem] = {}
        self.colour_bar: pg.ColorBarItem | None = None
        self.title.setText(self.tr("Gradient history: log₁₀ ‖∂ℓ/∂hₜ‖ over training "
                                   "(one row per training step, dark = vanished)"))

    def _build(self, names: list[str]) -> None:
        """(Re)create one heatmap per cell; only when the set of cells changes."""
        self.canvas.clear()
        self.images, self.plots = {}, {}
        for row, name in enumerate(names):
            plot = self.canvas.addPlot(row=row, col=0)
            style_plot(plot, "", self.tr("time step t") if row == len(names) - 1 else "", name)
            plot.getAxis("left").setLabel(name, color=CELL_COLOURS.colour(name),
                                          **{"font-size": f"{THEME.font_size()}pt",
                                             "font-weight": "bold"})
            plot.showGrid(x=False, y=False)
            if row < len(names) - 1:
                plot.getAxis("bottom").setStyle(showValues=False)
            if row:
                plot.setXLink(self.plots[names[0]])
            image = pg.ImageItem()
            plot.addItem(image)
            self.images[name], self.plots[name] = image, plot
        if names:
            self.colour_bar = pg.ColorBarItem(colorMap=self.colour_map, interactive=False, width=18)
            self.colour_bar.setImageItem(list(self.images.values()))
            self.canvas.addItem(self.colour_bar, row=0, col=1, rowspan=len(names))
            self.colour_bar.getAxis("right").setLabel(
                self.tr("log<sub>10</sub> ‖∂ℓ/∂h<sub>t</sub>‖"),
                **{"font-size": f"{THEME.font_size(0.9)}pt"})
        else:
            self.colour_bar = None

    def show_run(self, recorder: RunRecorder | None) -> None:
        names = list(recorder.cells) if recorder else []
        if names != list(self.images):
            self._build(names)
        if not names:
            return
        matrices = {name: recorder.cells[name].gradient_matrix("h") for name in names}
        arrays = [m for _, m in matrices.values() if m.size]
        if not arrays:
            for image in self.images.values():
                image.clear()
            return
        floor = log_floor(*arrays)
        top = max(float(np.log10(floored(m, floor).max())) for m in arrays)
        levels = (math.floor(np.log10(floor)), max(math.ceil(top), math.floor(np.log10(floor)) + 1))
        for name, (steps, matrix) in matrices.items():
            image = self.images[name]
            if not matrix.size:
                image.clear()
                continue
            image.setImage(np.log10(floored(matrix, floor)), autoLevels=False, levels=levels)
            spacing = steps[1] - steps[0] if len(steps) > 1 else 1.0
            image.setRect(QRectF(0.5, steps[0] - spacing / 2, matrix.shape[1],
                                 steps[-1] - steps[0] + spacing))
        self.colour_bar.setLevels(levels)
