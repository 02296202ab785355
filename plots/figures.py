"""Static figures of a recorded run (PNG), drawn with pyqtgraph offscreen.

The CLI writes them next to its data; the window's export uses the same code.
They are always drawn in the light theme, whatever the window shows: they go
into papers, slides and reports, on white.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters
from PySide6.QtWidgets import QApplication

from training.recorder import RunRecorder

from .styling import (
    baseline_pen,
    cell_pen,
    configure_pyqtgraph,
    floored,
    log_floor,
    save_png,
    style_legend,
    style_plot,
)
from .theme import BASELINE_COLOUR, THEME

FIGURE_WIDTH = 1400
LAYOUT_SIZE = (1000, 600)  # laid out at this size, then scaled to the export width
LABEL_STYLE = {"color": BASELINE_COLOUR, "fill": (255, 255, 255, 220)}  # readable over curves


def _light(draw: Callable[..., Path]) -> Callable[..., Path]:
    """Draw the figure in the light theme and put back the theme in use after."""
    @functools.wraps(draw)
    def in_light(*args, **kwargs) -> Path:
        try:
            with THEME.using("light"):
                return draw(*args, **kwargs)
        finally:
            configure_pyqtgraph()  # pyqtgraph's defaults back to the theme in use
    return in_light


def _export(widget: pg.GraphicsLayoutWidget, plot: pg.PlotItem, path: Path, width: int) -> Path:
    """Lay the figure out for real (an unshown widget clips titles and labels),
    then export it scaled, so text and lines grow with the width (slides)."""
    widget.show()
    QApplication.processEvents()
    save_png(plot, path, width)
    widget.close()
    widget.deleteLater()
    return path


def _new_plot() -> tuple[pg.GraphicsLayoutWidget, pg.PlotItem]:
    configure_pyqtgraph()
    widget = pg.GraphicsLayoutWidget()
    widget.resize(*LAYOUT_SIZE)
    plot = widget.addPlot()
    return widget, plot


def _legend(plot: pg.PlotItem, offset: tuple[int, int]) -> pg.LegendItem:
    legend = plot.addLegend(offset=offset, brush=pg.mkBrush(255, 255, 255, 230))
    style_legend(legend)
    return legend


@_light
def gradient_figure(recorder: RunRecorder, path: Path, width: int = FIGURE_WIDTH) -> Path:
    """‖∂ℓ/∂h_t‖ against t (log), per cell: first step faint, last step strong."""
    widget, plot = _new_plot()
    style_plot(plot, "Gradient through time ‖∂ℓ/∂h<sub>t</sub>‖ (faint: step 1, strong: last captured step)",
               "time step t", "‖∂ℓ/∂h<sub>t</sub>‖ (log scale)")
    plot.setLogMode(y=True)
    _legend(plot, (10, -10))
    curves = []
    for name, history in recorder.cells.items():
        first = history.first_gradients.get("h")
        last = history.captured.gradients.get("h") if history.captured is not None else None
        curves.append((name, first, last, history.captured.step if history.captured else 0))
    arrays = [a for _, f, la, _ in curves for a in (f, la) if a is not None]
    floor = log_floor(*arrays) if arrays else 1e-40
    for name, first, last, step in curves:
        if first is None and last is None:
            continue  # the cell failed before its first step
        t = np.arange(1, len(last if last is not None else first) + 1)
        if first is not None:
            plot.plot(t, floored(first, floor), pen=cell_pen(name, strong=False))
        if last is not None:
            label = f"{name} (step {step})"
            plot.plot(t, floored(last, floor), pen=cell_pen(name), name=label)
    if any((a <= 0).any() for a in arrays):
        line = pg.InfiniteLine(pos=np.log10(floor), angle=0, pen=baseline_pen(),
                               label="exact 0 (below float precision)",
                               labelOpts={"position": 0.15, **LABEL_STYLE})
        plot.addItem(line)
    return _export(widget, plot, path, width)


@_light
def loss_figure(recorder: RunRecorder, path: Path, width: int = FIGURE_WIDTH) -> Path:
    """Loss against training step, with the task's chance baseline dashed."""
    widget, plot = _new_plot()
    task = recorder.task
    style_plot(plot, f"Loss on the {task.name} task (T = {task.length})", "training step",
               "loss")
    _legend(plot, (-10, 10))
    for name, history in recorder.cells.items():
        steps, losses = history.series("loss")
        plot.plot(steps, losses, pen=cell_pen(name), name=name)
    plot.addItem(pg.InfiniteLine(pos=task.baseline_loss, angle=0, pen=baseline_pen(),
                                 label=f"chance baseline {task.baseline_loss:.3g}",
                                 labelOpts={"position": 0.85, **LABEL_STYLE}))
    return _export(widget, plot, path, width)
