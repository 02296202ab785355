"""The gates panel's equations fit or scroll, and never take the plot's readable height."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication
from window_helpers import small_spec

from gui.panels.gates import PLOT_MIN_HEIGHT, plot_min_height
from plots.theme import THEME
from tasks import make_task
from training import RunSpec, StepReport
from training.recorder import RunRecorder


def lstm_run() -> RunRecorder:
    spec = RunSpec(length=6, cells=("RNN", "LSTM", "GRU"), steps=2)
    run = RunRecorder(spec, make_task("adding", 6), {"RNN": 10, "LSTM": 40, "GRU": 30})
    for step in (1, 2):
        for cell in spec.cells:
            run.add(StepReport(cell, step, 0.2, 0.5, 1.0, 0.01, finished_at=run.started + step))
    return run


def test_at_scale_2_on_1280x800_the_plot_keeps_its_height_and_every_equation_is_reachable(
        qtbot, make_window, monkeypatch):
    monkeypatch.setattr(THEME, "scale", 2.0)  # as --scale 2
    window = make_window(small_spec(("RNN", "LSTM", "GRU")))
    window.presentation.full_screen = False  # the offscreen screen is 800×800: size it by hand
    window.presentation.set_active(True)
    window.resize(QSize(1280, 800))
    window.session.load(lstm_run())
    window.redraw()
    gates = window.gates
    gates.selector.setCurrentText("LSTM")
    qtbot.waitUntil(lambda: window.size() == QSize(1280, 800))
    QApplication.processEvents()
    view = gates.equations_view
    assert gates.equations.text().count("<br") >= 5  # the LSTM's six lines
    assert gates.canvas.height() >= plot_min_height() > PLOT_MIN_HEIGHT, gates.canvas.size()
    assert view.isVisible() and view.height() >= view.label.fontMetrics().lineSpacing()
    # What does not fit scrolls: the scroll bar reaches the last line.
    bar = view.verticalScrollBar()
    assert view.viewport().height() + bar.maximum() >= view.widget().height()
    bar.setValue(bar.maximum())
    assert view.widget().height() - bar.value() <= view.viewport().height()
    assert "f<sub>t</sub> ⊙ c<sub>t−1</sub>" in view.toggle.toolTip()  # and on hover, in full

    plot_height = gates.canvas.height()
    view.toggle.click()  # collapsed: the plot takes the room
    qtbot.waitUntil(lambda: gates.canvas.height() > plot_height)
    assert view.isHidden()
    view.toggle.click()
    qtbot.waitUntil(view.isVisible)


def test_on_a_desk_the_equations_show_whole_without_a_scroll_bar(qtbot, make_window):
    window = make_window(small_spec(("RNN", "LSTM", "GRU")))
    window.session.load(lstm_run())
    window.redraw()
    window.gates.selector.setCurrentText("LSTM")
    window.resize(QSize(1920, 1080))
    qtbot.waitUntil(lambda: window.size() == QSize(1920, 1080))
    QApplication.processEvents()
    view = window.gates.equations_view
    assert view.isVisible() and view.verticalScrollBar().maximum() == 0
    assert window.gates.canvas.height() >= PLOT_MIN_HEIGHT


def test_a_legend_wider_than_its_plot_wraps_into_fewer_columns(qtbot):
    """Korean gate names in one row were cut at the panel's edge."""
    import pyqtgraph as pg

    from plots.styling import keep_legend_inside

    canvas = pg.GraphicsLayoutWidget()
    qtbot.addWidget(canvas)
    plot = canvas.addPlot()
    plot.addLegend(colCount=3)
    fit = keep_legend_inside(plot, 3)
    for name in ("입력 게이트 i", "망각 게이트 f", "출력 게이트 o"):
        plot.plot([1, 2], [0, 1], name=name)
    fit()
    canvas.resize(900, 300)
    canvas.show()
    qtbot.waitUntil(lambda: plot.getViewBox().width() > 600)
    assert plot.legend.columnCount == 3  # room for one row
    canvas.resize(300, 300)
    qtbot.waitUntil(lambda: plot.getViewBox().width() < 300)
    assert plot.legend.columnCount < 3
    assert plot.legend.layout.preferredWidth() <= plot.getViewBox().width()


def test_no_gates_is_said_only_once_the_cell_has_a_captured_step(qtbot, make_window):
    """While the workers start there is nothing to miss yet: "no gates
    recorded" would tell a lecturer something false about the cell."""
    window = make_window(small_spec(("RNN",)))
    spec = RunSpec(length=6, cells=("RNN",), steps=2)
    run = RunRecorder(spec, make_task("adding", 6), {"RNN": 10})
    window.session.load(run)
    window.redraw()
    assert not window.gates.empty_text.isVisible()
    run.add(StepReport("RNN", 1, 0.2, 0.5, 1.0, 0.01, gradients={"h": np.ones(6)}))  # captured, no gates
    window.redraw()
    assert window.gates.empty_text.isVisible()
