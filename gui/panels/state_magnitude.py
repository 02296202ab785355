"""Panel: how large each cell's state is along the sequence, ‖s_t‖ against t
(the batch mean of each example's norm), at step 1 and at the timeline's step."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QWidget

from plots.styling import cell_pen, keep_legend_inside, make_live, style_legend, style_plot
from plots.theme import THEME
from training.recorder import CellHistory, RunRecorder
from training.timeline import RunView

from .on_demand import OnDemandPanel

PREFERRED = ("c", "h")  # the LSTM's memory first: the state that grows while the forget gate holds


def newest_states(history: CellHistory) -> dict[str, np.ndarray]:
    """The state norms of the newest captured step (the timeline's, in a view)."""
    if history.captured is not None and history.captured.states:
        return history.captured.states
    return history.state_norms.items[-1] if history.state_norms.items else {}


def first_states(history: CellHistory) -> dict[str, np.ndarray]:
    return history.state_norms.items[0] if history.state_norms.items else {}


class StateMagnitudePanel(OnDemandPanel):
    """Where the memory lives: the LSTM's ‖c_t‖ can grow along the sequence
    while its forget gate holds it, while ‖h_t‖ of any cell stays bounded by
    its squashing function. One curve per cell, faint at step 1."""

    export_name = "state_magnitude"
    help_topic = "state_magnitude"
    min_interval_ms = 250

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.selector = QComboBox()
        self.selector.setToolTip(self.tr("Which state's magnitude to show"))
        # The symbol first and a narrow combo, as the gradient selector: the title keeps its room.
        self.selector.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.selector.setMinimumContentsLength(9)
        self.selector.currentIndexChanged.connect(self._on_state_chosen)
        self.header.addWidget(self.selector)
        self.plot = self.canvas.addPlot()
        self.plot.showGrid(x=False, y=False)
        make_live(self.plot)
        self.plot.disableAutoRange()
        self.legend = self.plot.addLegend(offset=(10, 5), colCount=3)
        style_legend(self.legend)
        self._fit_legend = keep_legend_inside(self.plot, 3)
        self.absent_text = pg.TextItem(self.tr("not recorded in this run"), anchor=(0.5, 0.5),
                                       color=THEME.colours.foreground)
        font = QFont()
        font.setPointSize(THEME.font_size())
        self.absent_text.setFont(font)
        self.plot.addItem(self.absent_text)
        self.curves: dict[str, tuple[pg.PlotDataItem, pg.PlotDataItem]] = {}
        self._recorder: RunRecorder | RunView | None = None
        self._range: tuple | None = None
        self._ranged: tuple | None = None  # what the range was fitted to: refitted only when it changes
        self._label()

    @property
    def state(self) -> str:
        return self.selector.currentData() or "h"

    def restyle(self) -> None:
        for name, (faint, strong) in self.curves.items():
            faint.setPen(cell_pen(name, strong=False))
            strong.setPen(cell_pen(name))
        self.absent_text.setColor(THEME.colours.foreground)

    def _on_state_chosen(self) -> None:
        self._label()
        self.show_run(self._recorder)

    def _label(self) -> None:
        symbol = self.state
        self.title.setText(self.tr("State magnitude ‖{0}ₜ‖").format(symbol))
        self.title.setToolTip(self.tr("The batch mean of each example's state norm ‖{0}ₜ‖ along the "
                                      "sequence: faint at step 1, strong at the newest or the "
                                      "timeline's step").format(symbol))
        style_plot(self.plot, "", self.tr("time step t"), self.tr("mean ‖{0}<sub>t</sub>‖").format(symbol))
        self._range = self._ranged = None

    def _sync_selector(self, names: list[str]) -> None:
        current = [self.selector.itemData(i) for i in range(self.selector.count())]
        if current == names:
            return
        chosen = self.selector.currentData()
        self.selector.blockSignals(True)
        self.selector.clear()
        for name in names:
            self.selector.addItem(self._state_label(name), name)
        preferred = [n for n in PREFERRED if n in names]
        pick = chosen if chosen in names else (preferred[0] if preferred else (names[0] if names else None))
        self.selector.setCurrentIndex(max(0, names.index(pick)) if pick in names else -1)
        self.selector.blockSignals(False)
        self._label()

    def _state_label(self, name: str) -> str:
        if name == "c":
            return self.tr("cₜ: cell state (LSTM)")
        if name == "h":
            return self.tr("hₜ: hidden state")
        return self.tr("{0}: state").format(name)

    def _curves_for(self, name: str) -> tuple[pg.PlotDataItem, pg.PlotDataItem]:
        if name not in self.curves:
            faint = self.plot.plot(pen=cell_pen(name, strong=False))
            strong = self.plot.plot(pen=cell_pen(name), name=name)
            self._fit_legend()
            self.curves[name] = (faint, strong)
        return self.curves[name]

    def _fit_range(self, source: RunRecorder, length: int) -> None:
        """0..the largest value recorded for this state in the whole run, and
        1..T: fixed while the timeline moves, so the curves' changes show."""
        fitted = (source, self.state, tuple(len(h.state_norms.items) for h in source.cells.values()))
        if fitted == self._ranged:
            return
        self._ranged = fitted
        top = max((np.nanmax(h.state_matrix(self.state)) for h in source.cells.values()
                   if self.state in h.state_names), default=1.0)
        wanted = (length, float(top) if np.isfinite(top) and top > 0 else 1.0)
        if wanted != self._range:
            self._range = wanted
            self.plot.setXRange(1, wanted[0], padding=0.02)
            self.plot.setYRange(0, wanted[1], padding=0.05)

    def draw(self, recorder: RunRecorder | RunView | None) -> None:
        source = recorder.source if isinstance(recorder, RunView) else recorder
        cells = recorder.cells if recorder else {}
        histories = source.cells.values() if source else ()
        offered = list(dict.fromkeys(name for history in histories for name in history.state_names))
        self._sync_selector(offered)
        pairs = {name: (first_states(history).get(self.state), newest_states(history).get(self.state))
                 for name, history in cells.items()}
        pairs = {name: pair for name, pair in pairs.items() if any(v is not None for v in pair)}
        for name in list(self.curves):
            if name not in pairs:  # the legend names only the cells that have this state
                for curve in self.curves.pop(name):
                    self.plot.removeItem(curve)
                    self.legend.removeItem(curve)
        for name, pair in pairs.items():
            for curve, values in zip(self._curves_for(name), pair, strict=True):
                if values is None:
                    curve.setData([], [])
                else:
                    curve.setData(np.arange(1, len(values) + 1), values)
        length = recorder.task.sequence_length if recorder else 1
        if source is not None and offered:
            self._fit_range(source, length)
        self.absent_text.setPos((length + 1) / 2, (self._range[1] if self._range else 1.0) / 2)
        absent = recorder is not None and not offered
        self.absent_text.setVisible(absent)
        if absent and self._range is None:  # no curve set the axes: show where the words are
            self.plot.setRange(xRange=(1, length), yRange=(0, 1))
