"""Panel 1: ‖∂ℓ/∂s_t‖ against t on a log scale, one curve per cell."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QComboBox, QGraphicsItem, QLabel, QWidget

from plots.styling import (
    baseline_pen,
    cell_pen,
    floored,
    keep_legend_inside,
    log_floor,
    make_live,
    style_legend,
    style_plot,
)
from plots.theme import THEME
from training.recorder import CellHistory, RunRecorder

from .base import PlotPanel


def newest_profile(history: CellHistory, key: str) -> np.ndarray | None:
    """The newest captured step's ``key``, else the newest recorded row with
    a finite one (the Jacobian is not measured on every captured step)."""
    if history.captured is not None and key in history.captured.gradients:
        return history.captured.gradients[key]
    return next((row[key] for row in reversed(history.gradients.items)
                 if key in row and np.isfinite(row[key]).all()), None)


class GradientTimePanel(PlotPanel):
    """The lesson in one picture: how much of the loss's gradient reaches each
    time step. Step 1 is drawn faint, the newest step strong."""

    export_name = "gradient_through_time"
    help_topic = "gradient_time"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.selector = QComboBox()
        # The symbol first: where the combo is narrow (presentation mode, scale 2) it still reads.
        self.selector.addItem(self.tr("hₜ: hidden state"), "h")
        self.selector.addItem(self.tr("cₜ: second state (LSTM)"), "c")
        self.selector.addItem(self.tr("xₜ: input"), "x")
        # Not a gradient of the loss: the final state's sensitivity (training/sensitivity.py).
        self.selector.addItem(self.tr("∂h_T/∂hₜ: final state's sensitivity"), "jacobian")
        self.selector.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.selector.setMinimumContentsLength(9)
        self.selector.setToolTip(self.tr("Which gradient to show: with respect to the hidden "
                                         "state, the second state (cells that have one) or the input; "
                                         "or the final state's sensitivity ‖∂h_T/∂hₜ‖, which needs no loss"))
        self.selector.currentIndexChanged.connect(self._on_series_changed)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.header.addWidget(self.selector)
        self.layout_.addWidget(self.caption)
        self.explanations.append(self.caption)

        self.plot = self.canvas.addPlot()
        self.plot.setLogMode(y=True)
        make_live(self.plot)
        # bottom right: all curves meet near 1 at t = T, the vanished ones lie low on the left
        self.legend = self.plot.addLegend(offset=(-10, -10), colCount=4)
        style_legend(self.legend)
        self._fit_legend = keep_legend_inside(self.plot, 4)
        self.zero_line = pg.InfiniteLine(
            angle=0, pen=baseline_pen(), label=self.tr("exact 0 (below float precision)"),
            labelOpts={"position": 0.02, "color": THEME.colours.baseline, "anchors": [(0, 1), (0, 1)]})
        self.zero_line.setVisible(False)
        self.plot.addItem(self.zero_line)
        self.absent_text = pg.TextItem(self.tr("not recorded in this run"), anchor=(0.5, 0.5),
                                       color=THEME.colours.foreground)
        self.absent_text.setVisible(False)
        self.plot.addItem(self.absent_text)
        self.curves: dict[str, tuple[pg.PlotDataItem, pg.PlotDataItem]] = {}
        self._recorder: RunRecorder | None = None
        self._range: tuple | None = None
        self.plot.disableAutoRange()
        # Before a run: decades, as a run shows them (pyqtgraph's 0..1 read as ten crowded 1…9 ticks).
        self.plot.setYRange(-6, 0, padding=0.02)
        self._on_series_changed()

    def restyle(self) -> None:
        for name, (faint, strong) in self.curves.items():
            faint.setPen(cell_pen(name, strong=False))
            strong.setPen(cell_pen(name))
        self.zero_line.setPen(baseline_pen())
        self.zero_line.label.setColor(THEME.colours.baseline)
        self.absent_text.setColor(THEME.colours.foreground)

    @property
    def series(self) -> str:
        return self.selector.currentData()

    def _on_series_changed(self) -> None:
        if self.series == "jacobian":
            self.title.setText(self.tr("Sensitivity of the final state ‖∂h_T/∂hₜ‖"))
            style_plot(self.plot, "", self.tr("time step t"), "‖∂h<sub>T</sub>/∂h<sub>t</sub>‖")
        else:
            self.title.setText(self.tr("Gradient through time ‖∂ℓ/∂{0}ₜ‖").format(self.series))
            style_plot(self.plot, "", self.tr("time step t"),
                       self.tr("‖∂ℓ/∂{0}<sub>t</sub>‖").format(self.series))
        self.caption.setText({
            "h": self.tr("Faint: step 1, strong: newest. The RNN's gradient falls by orders of "
                         "magnitude towards t = 1; LSTM and GRU learn to keep theirs up."),
            "c": self.tr("Faint: step 1, strong: newest. The LSTM's cell state carries the gradient "
                         "back almost unchanged while its forget gate stays near 1."),
            "x": self.tr("Faint: step 1, strong: newest. How much each input xₜ still moves the "
                         "loss: early inputs are learned only if this stays above 0."),
            "jacobian": self.tr("Faint: step 1, strong: newest. How much the final state still moves "
                                "when hₜ moves: the cell's memory, whatever the loss and wherever it reads."),
        }[self.series])
        self.show_run(self._recorder)

    def _curves_for(self, name: str) -> tuple[pg.PlotDataItem, pg.PlotDataItem]:
        if name not in self.curves:
            faint = self.plot.plot(pen=cell_pen(name, strong=False))
            # step 1 never changes: keep it as a pixmap instead of redrawing its lines
            faint.curve.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            strong = self.plot.plot(pen=cell_pen(name), name=name)
            self._fit_legend()
            self.curves[name] = (faint, strong)
        return self.curves[name]

    def _fit_range(self, arrays: list[np.ndarray], floor: float) -> None:
        """Whole decades on y and 1..T on x, changed only when the data leave
        them: axes that keep their range are not redrawn every frame."""
        if not arrays:
            return
        logs = np.log10(np.concatenate([floored(a, floor) for a in arrays]))
        wanted = (1, max(len(a) for a in arrays), math.floor(logs.min()), math.ceil(logs.max()))
        if wanted[3] <= wanted[2]:
            wanted = (*wanted[:3], wanted[2] + 1)
        if wanted != self._range:
            self._range = wanted
            self.plot.setXRange(wanted[0], wanted[1], padding=0.02)
            self.plot.setYRange(wanted[2], wanted[3], padding=0.02)

    def show_run(self, recorder: RunRecorder | None) -> None:
        self._recorder = recorder
        cells = recorder.cells if recorder else {}
        for name in list(self.curves):
            if name not in cells:
                for curve in self.curves.pop(name):
                    self.plot.removeItem(curve)
                    self.legend.removeItem(curve)
        pairs = {name: (history.first_gradients.get(self.series),
                        newest_profile(history, self.series))
                 for name, history in cells.items()}
        arrays = [a for pair in pairs.values() for a in pair if a is not None]
        floor = log_floor(*arrays) if arrays else 1.0
        for name, (first, newest) in pairs.items():
            faint, strong = self._curves_for(name)
            for curve, values in ((faint, first), (strong, newest)):
                if values is None:
                    curve.setData([], [])
                else:
                    curve.setData(np.arange(1, len(values) + 1), floored(values, floor))
        self._fit_range(arrays, floor)
        has_zero = any((a <= 0).any() for a in arrays)
        self.zero_line.setVisible(has_zero)
        if has_zero:
            self.zero_line.setPos(np.log10(floor))
        # A run saved before a series was measured (the Jacobian) says so instead of an empty plot.
        absent = not arrays and any(h.gradients.items for h in cells.values())
        self.absent_text.setVisible(absent)
        if absent:
            low, high = self.plot.getViewBox().viewRange()
            self.absent_text.setPos(sum(low) / 2, sum(high) / 2)
