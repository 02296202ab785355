"""Static figures of a recorded run (PNG), drawn with pyqtgraph offscreen.

The CLI writes them next to its data; the window's export uses the same code.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters

from training.recorder import RunRecorder

from .plotting import (
    baseline_pen,
    cell_pen,
    configure_pyqtgraph,
    floored,
    log_floor,
    style_legend,
    style_plot,
)

FIGURE_WIDTH = 1400


def _export(plot: pg.PlotItem, path: Path, width: int) -> Path:
    exporter = pg.exporters.ImageExporter(plot)
    exporter.parameters()["width"] = width
    exporter.export(str(path))
    return path


def _new_plot() -> tuple[pg.GraphicsLayoutWidget, pg.PlotItem]:
    configure_pyqtgraph()
    widget = pg.GraphicsLayoutWidget()
    widget.resize(FIGURE_WIDTH, 800)
    plot = widget.addPlot()
    return widget, plot


def gradient_figure(recorder: RunRecorder, path: Path, width: int = FIGURE_WIDTH) -> Path:
    """‖∂ℓ/∂h_t‖ against t (log), per cell: first step faint, last step strong."""
    widget, plot = _new_plot()
    style_plot(plot, "Gradient through time: ‖∂ℓ/∂h<sub>t</sub>‖ at the first and the last step",
               "time step t", "‖∂ℓ/∂h<sub>t</sub>‖ (log scale)")
    plot.setLogMode(y=True)
    legend = plot.addLegend(offset=(10, 10))
    style_legend(legend)
    curves = []
    for name, history in recorder.cells.items():
        first = history.first_gradients.get("h")
        _, matrix = history.gradient_matrix("h")
        last = matrix[-1] if len(matrix) else None
        curves.append((name, first, last))
    arrays = [a for _, f, la in curves for a in (f, la) if a is not None]
    floor = log_floor(*arrays) if arrays else 1e-40
    for name, first, last in curves:
        t = np.arange(1, len(last if last is not None else first) + 1) if arrays else []
        if first is not None:
            plot.plot(t, floored(first, floor), pen=cell_pen(name, strong=False))
        if last is not None:
            label = f"{name} (step {recorder.cells[name].steps})"
            plot.plot(t, floored(last, floor), pen=cell_pen(name), name=label)
    if any((a <= 0).any() for a in arrays):
        line = pg.InfiniteLine(pos=np.log10(floor), angle=0, pen=baseline_pen(),
                               label="exact 0 (below float precision)",
                               labelOpts={"position": 0.15, "color": "#555555"})
        plot.addItem(line)
    return _export(plot, path, width)


def loss_figure(recorder: RunRecorder, path: Path, width: int = FIGURE_WIDTH) -> Path:
    """Loss against training step, with the task's chance baseline dashed."""
    widget, plot = _new_plot()
    task = recorder.task
    style_plot(plot, f"Loss on the {task.name} task (T = {task.length})", "training step",
               "loss")
    legend = plot.addLegend(offset=(-10, 10))
    style_legend(legend)
    for name, history in recorder.cells.items():
        steps, losses = history.series("loss")
        plot.plot(steps, losses, pen=cell_pen(name), name=name)
    plot.addItem(pg.InfiniteLine(pos=task.baseline_loss, angle=0, pen=baseline_pen(),
                                 label=f"chance baseline {task.baseline_loss:.3g}",
                                 labelOpts={"position": 0.85, "color": "#555555"}))
    return _export(plot, path, width)
