"""Panel 3: loss and the task's metric against training step, chance dashed."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from plots.styling import baseline_pen, cell_pen, make_live, style_legend, style_plot
from plots.theme import BASELINE_COLOUR
from training.recorder import RunRecorder

from ..task_words import short_metric, task_text
from .base import PlotPanel


def _finite(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    keep = np.isfinite(y)
    return x[keep], y[keep]


class LossPanel(PlotPanel):
    """Is anything learned at all? A cell below the dashed line remembers."""

    export_name = "loss"
    help_topic = "loss"
    min_interval_ms = 250

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.loss_plot = self.canvas.addPlot(row=0, col=0)
        self.metric_plot = self.canvas.addPlot(row=1, col=0)
        self.metric_plot.setXLink(self.loss_plot)
        make_live(self.loss_plot)
        make_live(self.metric_plot)
        self.legend = self.loss_plot.addLegend(offset=(-10, 5), colCount=4)
        style_legend(self.legend)
        label = {"position": 0.08, "color": BASELINE_COLOUR, "anchors": [(0, 1), (0, 1)]}
        self.loss_baseline = pg.InfiniteLine(angle=0, pen=baseline_pen(), label="", labelOpts=label)
        self.metric_baseline = pg.InfiniteLine(angle=0, pen=baseline_pen(), label="", labelOpts=label)
        self.loss_plot.addItem(self.loss_baseline)
        self.metric_plot.addItem(self.metric_baseline)
        self.loss_curves: dict[str, pg.PlotDataItem] = {}
        self.metric_curves: dict[str, pg.PlotDataItem] = {}
        self._task_key: tuple | None = None
        self._label_plots("")

    def _label_plots(self, metric_name: str) -> None:
        metric = short_metric(metric_name) if metric_name else self.tr("metric")
        self.title.setText(self.tr("Loss and {0} (dashed: chance)").format(metric))
        self.title.setToolTip(task_text(metric_name))
        style_plot(self.loss_plot, "", "", self.tr("loss"))
        style_plot(self.metric_plot, "", self.tr("training step"), metric)
        self.metric_plot.showGrid(x=False, y=False)  # a grid costs ~2 ms a frame per plot

    def show_run(self, recorder: RunRecorder | None) -> None:
        cells = recorder.cells if recorder else {}
        for name in list(self.loss_curves):
            if name not in cells:
                self.loss_plot.removeItem(self.loss_curves.pop(name))
                self.legend.removeItem(name)
                self.metric_plot.removeItem(self.metric_curves.pop(name))
        if recorder is not None:
            self._show_task(recorder)
        self.loss_baseline.setVisible(recorder is not None)
        self.metric_baseline.setVisible(recorder is not None)
        for name, history in cells.items():
            if name not in self.loss_curves:
                self.loss_curves[name] = self.loss_plot.plot(pen=cell_pen(name), name=name, antialias=False)
                self.metric_curves[name] = self.metric_plot.plot(pen=cell_pen(name), antialias=False)
            self.loss_curves[name].setData(*_finite(*history.series("loss")))
            self.metric_curves[name].setData(*_finite(*history.series("metric")))

    def _show_task(self, recorder: RunRecorder) -> None:
        task = recorder.task
        key = (task.name, task.length, task.baseline_loss, task.baseline_metric)
        if key == self._task_key:
            return
        self._task_key = key
        self._label_plots(task.metric_name)
        self.loss_baseline.setPos(task.baseline_loss)
        self.loss_baseline.label.setFormat(self.tr("chance {0:.3g}").format(task.baseline_loss))
        self.metric_baseline.setPos(task.baseline_metric)
        self.metric_baseline.label.setFormat(self.tr("chance {0:.3g}").format(task.baseline_metric))
