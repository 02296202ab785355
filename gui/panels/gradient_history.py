"""Panel 2: per cell, log10 ‖∂ℓ/∂h_t‖ as a heatmap of training step against t."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtWidgets import QWidget

from plots.styling import FLOAT32_TINY
from plots.theme import CELL_COLOURS
from training.recorder import CellHistory, RunRecorder
from training.timeline import RunView

from .base import PlotPanel
from .heatmap_stack import HeatmapStack


class GradientHistoryPanel(PlotPanel):
    """The whole story of gradient flow over training: one row of the heatmap per
    recorded training step, one column per time step, one shared colour bar."""

    export_name = "gradient_history"
    help_topic = "gradient_history"
    min_interval_ms = 500

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.maps = HeatmapStack(self.canvas, self.tr("time step t"))
        self._rows: dict[str, dict[int, tuple[np.ndarray, float]]] = {}
        self._recorder: RunRecorder | RunView | None = None
        self._source: RunRecorder | None = None  # the whole recording, whose rows are cached
        self._drawn: tuple | None = None  # what the images hold: scrubbing then moves only the markers
        self.title.setText(self.tr("Gradient history: log₁₀ ‖∂ℓ/∂hₜ‖ per training step "
                                   "(dark: vanished)"))

    @property
    def images(self):
        """Cell name -> its heatmap's image item."""
        return self.maps.images

    def restyle(self) -> None:
        """The heatmaps are made again: their axis labels take the cells' colours."""
        self._build(self.maps.names)
        self.show_run(self._recorder)

    def _build(self, names: list[str]) -> None:
        """(Re)create one heatmap per cell; only when the set of cells changes."""
        self.maps.build(names, names, [CELL_COLOURS.colour(name) for name in names])
        self._drawn = None

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
        self.maps.mark(recorder.step if isinstance(recorder, RunView) else None)
        drawn = (source, [(len(h.gradients.steps), h.gradients.steps[-1] if h.gradients.steps else 0)
                          for h in source.cells.values()] if source else [])
        if not names or drawn == self._drawn:
            return
        self._drawn = drawn
        matrices = {name: self._log_matrix(name, source.cells[name]) for name in names}
        lowest = min(low for _, _, low in matrices.values())
        if not np.isfinite(lowest):
            self.maps.clear()
            return
        floor = math.floor(min(lowest - 1, np.log10(FLOAT32_TINY) - 1))  # a decade below, as log_floor
        # A cell that diverged at once has only NaN rows: it must not decide the scale.
        tops = [np.nanmax(m) for _, m, _ in matrices.values() if m.size and np.isfinite(m).any()]
        top = max(tops) if tops else floor + 1
        levels = (floor, max(math.ceil(top), floor + 1))
        for name, (steps, matrix, _) in matrices.items():
            self.maps.show(name, steps, matrix, levels, missing=floor)
        self.maps.set_levels(levels)
