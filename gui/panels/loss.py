"""Panel 3: loss and the task's metric against training step or wall-clock
seconds since Start, chance dashed.

Steps compare what the cells learn per batch; seconds compare what they
learn per unit of a lecture's time, where a slow cell (a plugin, the LSTM
against the GRU) pays for its speed. Runs saved before the recorder kept
``elapsed`` have NaN there: they are drawn against steps, and the axis says so.
"""

from __future__ import annotations

import functools

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from plots.styling import (
    baseline_pen,
    cell_pen,
    fit_axis_label,
    keep_legend_inside,
    make_live,
    style_legend,
    style_plot,
)
from plots.theme import THEME
from training.recorder import RunRecorder

from ..task_words import short_metric, task_text
from .base import PlotPanel

STEP, SECONDS = "step", "seconds"
# The loss axis fits the middle 98 % of each curve (pyqtgraph's fractional
# autorange): a few early spikes (Adam's first steps reach 60x the adding
# problem's chance loss) would otherwise squash chance, half of it and the
# cells' curves into the bottom few pixels, where the lecture's point lies.
# An unseen line at 0 keeps the axis from zooming into the noise around chance.
LOSS_SHOWN_FRACTION = 0.98
CHANCE_Z = 10  # chance lines and their labels above the curves (pyqtgraph draws those at 0)


def _finite(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    keep = np.isfinite(x) & np.isfinite(y)
    return x[keep], y[keep]


def fit_chance_label(plot: pg.PlotItem, line: pg.InfiniteLine, *_signal_args) -> None:
    """Show the chance line's label unless it would cover the plot's legend,
    as it did in a short plot (under a preset's caption at 1280×800); the
    title says "dashed: chance" all the same."""
    label = line.label
    label.setVisible(True)  # pyqtgraph places only a visible label: place it, then judge
    label.updateTransform(force=True)  # else its scene rect is the one from before the view changed
    legend = plot.legend
    covered = legend is not None and legend.items and legend.sceneBoundingRect()
    if covered and label.sceneBoundingRect().intersects(covered):
        label.setVisible(False)


def has_elapsed(recorder: RunRecorder) -> bool:
    """Whether any cell's rows carry wall-clock seconds (not a run from before ``elapsed``)."""
    return any(np.isfinite(history.series("elapsed")[1]).any() for history in recorder.cells.values())


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
        self.loss_plot.enableAutoRange(y=LOSS_SHOWN_FRACTION)
        self.loss_plot.addItem(pg.InfiniteLine(0, angle=0, pen=pg.mkPen(None)))  # unseen: the axis keeps 0
        make_live(self.metric_plot)
        self.legend = self.loss_plot.addLegend(offset=(-10, 5), colCount=4)
        style_legend(self.legend)
        self._fit_legend = keep_legend_inside(self.loss_plot, 4)
        # Over the curves, the label on a veil: the tanh RNN's loss sits on the chance line and hid both.
        # Anchors: below the line in the view's upper half, above it in the lower (pyqtgraph flips them).
        label = {"position": 0.08, "color": THEME.colours.baseline, "anchors": [(0, 0), (0, 1)],
                 "fill": pg.mkBrush(*THEME.colours.legend_fill)}
        self.loss_baseline = pg.InfiniteLine(angle=0, pen=baseline_pen(), label="", labelOpts=label)
        self.metric_baseline = pg.InfiniteLine(angle=0, pen=baseline_pen(), label="", labelOpts=label)
        for plot, line in ((self.loss_plot, self.loss_baseline), (self.metric_plot, self.metric_baseline)):
            plot.addItem(line)
            line.setZValue(CHANCE_Z)
            fit = functools.partial(fit_chance_label, plot, line)
            plot.getViewBox().sigResized.connect(fit)
            plot.getViewBox().sigYRangeChanged.connect(fit)
        self.loss_curves: dict[str, pg.PlotDataItem] = {}
        self.metric_curves: dict[str, pg.PlotDataItem] = {}
        self._task_key: tuple | None = None
        self._recorder: RunRecorder | None = None
        self.time_axis = STEP  # what the user asked for
        self.shown_axis = STEP  # what is drawn: steps when a run has no seconds
        self._metric_name = ""
        self._metric_label = ""  # the metric axis' whole label, cut to the plot's height
        self.metric_plot.getViewBox().sigResized.connect(
            lambda: fit_axis_label(self.metric_plot, "left", self._metric_label))
        self._label_plots("")

    def restyle(self) -> None:
        for curves in (self.loss_curves, self.metric_curves):
            for name, curve in curves.items():
                curve.setPen(cell_pen(name))
        for line in (self.loss_baseline, self.metric_baseline):
            line.setPen(baseline_pen())
            line.label.setColor(THEME.colours.baseline)
            line.label.fill = pg.mkBrush(*THEME.colours.legend_fill)
            line.label.update()

    def set_time_axis(self, axis: str) -> None:
        """Draw against ``STEP`` or ``SECONDS`` (since Start), from now on."""
        if axis not in (STEP, SECONDS):
            raise ValueError(f"time axis must be {STEP!r} or {SECONDS!r} (got {axis!r})")
        self.time_axis = axis
        self.show_run(self._recorder)

    def _label_plots(self, metric_name: str) -> None:
        metric = short_metric(metric_name) if metric_name else self.tr("metric")
        self.title.setText(self.tr("Loss and {0} (dashed: chance)").format(metric))
        self._metric_name = metric_name
        self.title.setToolTip(task_text(metric_name))
        bottom = self.tr("seconds since Start") if self.shown_axis == SECONDS else self.tr("training step")
        style_plot(self.loss_plot, "", "", self.tr("loss"))
        style_plot(self.metric_plot, "", bottom, metric)
        self._metric_label = metric
        fit_axis_label(self.metric_plot, "left", metric)
        self.metric_plot.showGrid(x=False, y=False)  # a grid costs ~2 ms a frame per plot

    def show_run(self, recorder: RunRecorder | None) -> None:
        self._recorder = recorder
        cells = recorder.cells if recorder else {}
        shown = SECONDS if self.time_axis == SECONDS and recorder and has_elapsed(recorder) else STEP
        if shown != self.shown_axis:
            self.shown_axis = shown
            self._label_plots(self._metric_name)
        for name in list(self.loss_curves):
            if name not in cells:
                self.loss_plot.removeItem(self.loss_curves.pop(name))
                self.legend.removeItem(name)
                self.metric_plot.removeItem(self.metric_curves.pop(name))
        # Visible first: a hidden line's label ignores a new format (pyqtgraph), and stayed empty.
        self.loss_baseline.setVisible(recorder is not None)
        self.metric_baseline.setVisible(recorder is not None)
        if recorder is not None:
            self._show_task(recorder)
        for name, history in cells.items():
            if name not in self.loss_curves:
                self.loss_curves[name] = self.loss_plot.plot(pen=cell_pen(name), name=name, antialias=False)
                self.metric_curves[name] = self.metric_plot.plot(pen=cell_pen(name), antialias=False)
                self._fit_legend()
            steps, loss = history.series("loss")
            x = history.series("elapsed")[1] if shown == SECONDS else steps
            self.loss_curves[name].setData(*_finite(x, loss))
            self.metric_curves[name].setData(*_finite(x, history.series("metric")[1]))

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
