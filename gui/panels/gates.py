"""Panel 4: the mean activation of each recorded gate of one cell against t."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QComboBox, QWidget

from plots.styling import gate_pen, keep_legend_inside, make_live, style_legend, style_plot
from plots.theme import THEME
from training.recorder import RunRecorder

from ..task_words import task_text
from .base import PlotPanel
from .cell_choice import sync_cell_choice
from .equations import EquationsView

if TYPE_CHECKING:
    from plugin_host import CellRecord


PLOT_MIN_HEIGHT = 150  # at scale 1 the plot keeps this much before the equations get any height


def plot_min_height() -> int:
    """``PLOT_MIN_HEIGHT`` grown with the scale: bigger tick labels and axis
    titles leave less of the same height to the curves (√scale: at scale 2 on
    1280×800 the equations still keep a scrolling line)."""
    return round(PLOT_MIN_HEIGHT * max(1.0, THEME.scale) ** 0.5)


def equations_by_name(records: Sequence[CellRecord]) -> dict[str, str]:
    """Each usable cell's update equations, shown beside its gates (as the checker read them)."""
    return {r.name: r.equations for r in records if r.usable}


class GatesPanel(PlotPanel):
    """What the gates do along the sequence, e.g. the LSTM's forget gate near 1
    keeping its memory, or the GRU's update gate deciding what to overwrite."""

    export_name = "gates"
    help_topic = "gates"
    min_interval_ms = 250

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.selector = QComboBox()
        self.selector.setToolTip(self.tr("Whose gates to show"))
        self.selector.currentIndexChanged.connect(self._on_cell_chosen)
        self.equations_view = EquationsView()
        self.equations = self.equations_view.label
        self.header.addWidget(self.equations_view.toggle)
        self.header.addWidget(self.selector)
        self.plot = self.canvas.addPlot()
        # A short title: at --scale 2 a long one wrapped over four lines and
        # took the plot's height; the axis says "mean activation", the tooltip the rest.
        self.title.setText(self.tr("Gates"))
        self.title.setToolTip(self.tr("The mean activation of each gate of the chosen cell along "
                                      "the sequence, at the newest recorded step"))
        style_plot(self.plot, "", self.tr("time step t"), self.tr("mean activation"))
        self.plot.showGrid(x=False, y=False)  # a grid costs ~2 ms a frame per plot
        self.plot.setYRange(0, 1)
        make_live(self.plot)
        self.legend = self.plot.addLegend(offset=(-10, 5), colCount=3)  # one row along the top
        style_legend(self.legend)
        self._fit_legend = keep_legend_inside(self.plot, 3)
        self.empty_text = pg.TextItem(self.tr("no gates recorded\nfor this cell"), anchor=(0.5, 0.5),
                                     color=THEME.colours.foreground)
        self.plot.addItem(self.empty_text)
        self.curves: dict[str, pg.PlotDataItem] = {}
        self._recorder: RunRecorder | None = None
        self._equations: dict[str, str] = {}
        self.layout_.addWidget(self.equations_view)  # under the plot, as tall as it can spare

    def restyle(self) -> None:
        for index, curve in enumerate(self.curves.values()):
            curve.setPen(gate_pen(index))
        self.empty_text.setColor(THEME.colours.foreground)

    def set_cell_records(self, records: Sequence[CellRecord]) -> None:
        self.set_equations(equations_by_name(records))

    def set_equations(self, equations: dict[str, str]) -> None:
        """Cell name -> its equations (HTML), shown under the plot for the chosen cell."""
        self._equations = dict(equations)
        self._show_equations()

    def _show_equations(self) -> None:
        self.equations_view.set_text(self._equations.get(self.selector.currentText(), ""))
        self._fit_equations()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit_equations()

    def _fit_equations(self) -> None:
        """Give the equations the height the panel has beyond its title row
        and ``plot_min_height()`` for the plot."""
        margins = self.layout_.contentsMargins()
        width = self.width() - margins.left() - margins.right()
        row = self.title_row
        title = row.heightForWidth(width) if row.hasHeightForWidth() else row.sizeHint().height()
        used = margins.top() + margins.bottom() + title + 2 * self.layout_.spacing()
        self.equations_view.fit(self.height() - used - plot_min_height())

    def _on_cell_chosen(self) -> None:
        self._clear_curves()
        self.show_run(self._recorder)
        self._show_equations()

    def _clear_curves(self) -> None:
        for curve in self.curves.values():
            self.plot.removeItem(curve)
        self.legend.clear()
        self.curves = {}

    def _sync_selector(self, names: list[str]) -> None:
        if sync_cell_choice(self.selector, names):
            self._clear_curves()
            self._show_equations()

    def show_run(self, recorder: RunRecorder | None) -> None:
        self._recorder = recorder
        names = list(recorder.cells) if recorder else []
        self._sync_selector(names)
        history = recorder.cells.get(self.selector.currentText()) if recorder else None
        gates = history.captured.gates if history is not None and history.captured is not None else {}
        for name, values in gates.items():
            if name not in self.curves:
                # the legend names the gate in the interface's language ("forget f": 망각 게이트 f)
                self.curves[name] = self.plot.plot(pen=gate_pen(len(self.curves)), name=task_text(name))
                self._fit_legend()
            self.curves[name].setData(np.arange(1, len(values) + 1), values)
        length = recorder.task.sequence_length if recorder else 1
        self.empty_text.setPos((length + 1) / 2, 0.5)
        # Said only once the cell has a captured step: before it (workers
        # starting, the first step on its way) there is nothing to miss yet.
        self.empty_text.setVisible(history is not None and history.captured is not None and not gates)
