"""Panel 2: per cell, log10 ‖∂ℓ/∂h_t‖ as a heatmap of training step against t."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QWidget

from plots.step_grid import rows_on_grid
from plots.styling import FLOAT32_TINY, style_plot
from plots.theme import CELL_COLOURS, THEME
from training.recorder import CellHistory, RunRecorder
from training.timeline import RunView

from .base import PlotPanel


class GradientHistoryPanel(PlotPanel):
    """The whole story of gradient flow over training: one row of the heatmap per
    recorded training step, one column per time step, one shared colour bar."""

    export_name = "gradient_history"
    help_topic = "gradient_history"
    min_interval_ms = 500

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.colour_map = pg.colormap.get(THEME.colours.heatmap)
        self.images: dict[str, pg.ImageItem] = {}
        self.plots: dict[str, pg.PlotItem] = {}
        self.colour_bar: pg.ColorBarItem | None = None
        self._rows: dict[str, dict[int, tuple[np.ndarray, float]]] = {}
        self._recorder: RunRecorder | RunView | None = None
        self._source: RunRecorder | None = None  # the whole recording, whose rows are cached
        self._markers: dict[str, pg.InfiniteLine] = {}  # the timeline's step, per heatmap
        self.title.setText(self.tr("Gradient history: log₁₀ ‖∂ℓ/∂hₜ‖ per training step "
                                   "(dark: vanished)"))

    def restyle(self) -> None:
        """The heatmaps are made again: their axis labels take the cells' colours."""
        self.colour_map = pg.colormap.get(THEME.colours.heatmap)
        self._build(list(self.images))
        self.show_run(self._recorder)

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
            plot.getAxis("left").setStyle(maxTickLevel=0)  # a few step labels, not a crowd
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
            # no axis label: it collides with the tick values; the title says log10 ‖∂ℓ/∂h_t‖
        else:
            self.colour_bar = None

    def _log_matrix(self, name: str, history: CellHistory) -> tuple[list[int], np.ndarray, float]:
        """(steps, log10 rows with NaN for exact zeros, smallest finite value).

        Each row's log10 is computed once and cached by step: a heatmap of
        500 rows x T columns is then restacked, not recomputed, every frame.
        """
        cache = self._rows.setdefault(name, {})
        steps = history.gradients.steps
        rows = []
        for step, gradients in zip(steps, history.gradients.items, strict=True):
            if step not in cache and "h" in gradients:
                values = np.asarray(gradients["h"], dtype=float)
                positive = np.isfinite(values) & (values > 0)
                logs = np.full(values.shape, np.nan)
                logs[positive] = np.log10(values[positive])
                cache[step] = (logs, float(logs[positive].min()) if positive.any() else np.inf)
            if step in cache:
                rows.append(cache[step])
        if len(cache) > len(rows):  # decimation dropped rows: forget them
            kept = set(steps)
            self._rows[name] = {s: r for s, r in cache.items() if s in kept}
        if not rows:
            return [], np.zeros((0, 0)), np.inf
        return ([s for s in steps if s in cache], np.stack([r for r, _ in rows]),
                min(low for _, low in rows))

    def _mark(self, step: int | None) -> None:
        """A line across each heatmap at the timeline's step (None: hidden)."""
        for name, plot in self.plots.items():
            line = self._markers.get(name)
            if line is None or line.getViewBox() is not plot.getViewBox():
                line = pg.InfiniteLine(angle=0, pen=pg.mkPen(255, 255, 255, 230, width=2,
                                                             style=Qt.PenStyle.DashLine))
                line.setZValue(10)
                plot.addItem(line)
                self._markers[name] = line
            line.setVisible(step is not None)
            if step is not None:
                line.setPos(step)

    def show_run(self, recorder: RunRecorder | RunView | None) -> None:
        # A past step (the timeline's view) shows the whole recording with that step marked.
        source = recorder.source if isinstance(recorder, RunView) else recorder
        names = list(source.cells) if source else []
        if names != list(self.images) or source is not self._source:
            self._rows = {}
            self._source = source
        self._recorder = recorder
        if names != list(self.images):
            self._build(names)
        self._mark(recorder.step if isinstance(recorder, RunView) else None)
        if not names:
            return
        matrices = {name: self._log_matrix(name, source.cells[name]) for name in names}
        lowest = min(low for _, _, low in matrices.values())
        if not np.isfinite(lowest):
            for image in self.images.values():
                image.clear()
            return
        floor = math.floor(min(lowest - 1, np.log10(FLOAT32_TINY) - 1))  # a decade below, as log_floor
        # A cell that diverged at once has only NaN rows: it must not decide the scale.
        tops = [np.nanmax(m) for _, m, _ in matrices.values() if m.size and np.isfinite(m).any()]
        top = max(tops) if tops else floor + 1
        levels = (floor, max(math.ceil(top), floor + 1))
        for name, (steps, matrix, _) in matrices.items():
            image = self.images[name]
            if not matrix.size:
                image.clear()
                continue
            first, spacing, rows = rows_on_grid(steps, matrix)
            image.setImage(np.nan_to_num(rows, nan=floor), autoLevels=False, levels=levels)
            image.setRect(QRectF(0.5, first - spacing / 2, rows.shape[1], spacing * len(rows)))
        self.colour_bar.setLevels(levels)
