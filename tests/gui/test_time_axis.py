"""Loss and metric against steps or seconds since Start (View ▸ Time axis, T),
and the comparison table's training time and time to solve."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtCore import Qt
from window_helpers import small_spec

from gui.panels import LossPanel
from gui.settings import Settings
from gui.table import SOLVED, SOLVED_FRACTION, TRAIN_TIME, ComparisonTable, solved_at
from tasks import make_task
from training import RunSpec, StepReport
from training.recorder import RunRecorder

BASELINE = 1 / 6  # the adding problem's chance loss


STEPS = 40


def recorder(with_seconds: bool = True) -> RunRecorder:
    """Two cells, 40 steps: "Fast" takes 0.1 s a step, its loss 0.9 of chance
    until step 20 and 0 from then on, so the mean of its last 25 losses is
    below half the chance loss from step 32; "Slow" takes 0.5 s a step and
    stays at 0.9 of chance but for one lucky batch (loss 0 at step 3)."""
    spec = RunSpec(length=6, cells=("Fast", "Slow"), steps=STEPS)
    run = RunRecorder(spec, make_task("adding", 6), {"Fast": 10, "Slow": 20})
    for step in range(1, STEPS + 1):
        fast = 0.9 * BASELINE if step <= 20 else 0.0
        slow = 0.0 if step == 3 else 0.9 * BASELINE
        for cell, seconds, loss in (("Fast", 0.1, fast), ("Slow", 0.5, slow)):
            finished = run.started + step * seconds if with_seconds else 0.0
            run.add(StepReport(cell, step, loss, 0.5, 1.0, seconds, finished_at=finished))
    return run


def test_loss_against_steps_and_seconds(qtbot):
    panel = LossPanel()
    qtbot.addWidget(panel)
    run = recorder()
    panel.show_run(run)
    assert list(panel.loss_curves["Slow"].xData) == list(range(1, STEPS + 1))
    assert panel.metric_plot.getAxis("bottom").labelText == "training step"
    panel.set_time_axis("seconds")
    assert panel.shown_axis == "seconds"
    assert np.allclose(panel.loss_curves["Slow"].xData, 0.5 * np.arange(1, STEPS + 1))
    assert np.allclose(panel.metric_curves["Fast"].xData, 0.1 * np.arange(1, STEPS + 1))
    assert panel.metric_plot.getAxis("bottom").labelText == "seconds since Start"
    with pytest.raises(ValueError):
        panel.set_time_axis("hours")


def test_a_run_without_seconds_falls_back_to_steps(qtbot):
    panel = LossPanel()
    qtbot.addWidget(panel)
    panel.set_time_axis("seconds")
    panel.show_run(recorder(with_seconds=False))  # saved before "elapsed": NaN there
    assert panel.shown_axis == "step"
    assert list(panel.loss_curves["Fast"].xData) == list(range(1, STEPS + 1))
    assert panel.metric_plot.getAxis("bottom").labelText == "training step"


def test_solved_is_the_mean_loss_of_25_steps_below_half_the_chance_baseline():
    run = recorder()
    step, seconds = solved_at(run.cells["Fast"], BASELINE)
    assert SOLVED_FRACTION == 0.5
    assert step == 32 and math.isclose(seconds, 3.2)  # 13 of its last 25 losses at 0.9: 0.47 of chance
    assert solved_at(run.cells["Slow"], BASELINE) is None  # one lucky batch solves nothing
    step, seconds = solved_at(recorder(with_seconds=False).cells["Fast"], BASELINE)
    assert step == 32 and math.isnan(seconds)


def test_the_table_shows_training_time_and_time_to_solve(qtbot):
    table = ComparisonTable()
    qtbot.addWidget(table)
    table.show_run(recorder())
    assert table.item(0, TRAIN_TIME).text() == "4.0 s"
    assert table.item(1, TRAIN_TIME).text() == "20.0 s"
    assert table.item(0, SOLVED).text() == "3.2 s (step 32)"
    assert table.item(1, SOLVED).text() == "—"
    assert "half the chance baseline" in table.horizontalHeaderItem(SOLVED).toolTip()
    header = table.horizontalHeader()
    assert header.visualIndex(SOLVED) < header.visualIndex(6)  # shown before the status
    table.show_run(recorder(with_seconds=False))
    assert table.item(0, SOLVED).text() == "step 32"


def test_time_axis_action_switches_and_is_remembered(qtbot, make_window):
    window = make_window(small_spec(("RNN",)))
    action = window.time_axis_action
    assert action in window.view_menu.actions() and action.isCheckable()
    assert "(T)" in action.toolTip()
    qtbot.keyClick(window, Qt.Key.Key_T)
    assert action.isChecked() and window.loss.time_axis == "seconds"
    assert Settings().time_axis() == "seconds"
    window.controls.hidden.setFocus()  # a number box: T still reaches the window
    qtbot.keyClick(window.controls.hidden, Qt.Key.Key_T)
    assert window.loss.time_axis == "step" and not action.isChecked()
    window.set_time_axis("seconds")
    again = make_window(small_spec(("RNN",)))
    assert again.loss.time_axis == "seconds" and again.time_axis_action.isChecked()


def test_early_loss_spikes_do_not_squash_the_chance_line(qtbot):
    """Adam's first steps can reach many times the chance loss: the axis fits
    the curves' middle 98 %, so chance and half of it stay apart on screen."""
    spec = RunSpec(length=6, cells=("RNN",), steps=500)
    run = RunRecorder(spec, make_task("adding", 6), {"RNN": 10})
    for step in range(1, 501):
        loss = 10.0 if step <= 3 else BASELINE * (1.0 + 0.1 * math.sin(step))
        run.add(StepReport("RNN", step, loss, 0.5, 1.0, 0.01))
    panel = LossPanel()
    qtbot.addWidget(panel)
    panel.resize(600, 400)
    panel.show()
    panel.show_run(run)
    qtbot.waitUntil(lambda: panel.loss_plot.viewRange()[1][1] < 1.0)
    bottom, top = panel.loss_plot.viewRange()[1]
    assert bottom <= 0.5 * BASELINE and top >= 1.1 * BASELINE  # chance, half of it and the curve in view


def test_a_long_metric_label_is_cut_to_its_short_plot(qtbot):
    """"accuracy on the recalled symbols" (copy task) ran across the loss plot
    above when the panel was short; cut to the plot's height, whole when tall."""
    spec = RunSpec(task="copy", length=10, cells=("RNN",), steps=5)
    run = RunRecorder(spec, make_task("copy", 10), {"RNN": 10})
    panel = LossPanel()
    qtbot.addWidget(panel)
    panel.resize(500, 260)
    panel.show()
    panel.show_run(run)
    axis = panel.metric_plot.getAxis("left")
    qtbot.waitUntil(lambda: axis.labelText.endswith("…"))
    assert "accuracy on the recalled symbols".startswith(axis.labelText[:-1])
    assert axis.label.boundingRect().width() <= panel.metric_plot.getViewBox().height() + 1
    panel.resize(500, 900)
    qtbot.waitUntil(lambda: axis.labelText == "accuracy on the recalled symbols")


def test_the_chance_lines_are_labelled_when_a_run_follows_none(qtbot):
    """The window shows no run before Start: the labels, formatted while their
    lines were hidden, stayed empty, so "chance 0.167" never appeared."""
    panel = LossPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.show_run(None)
    panel.show_run(recorder())
    assert panel.loss_baseline.label.toPlainText() == "chance 0.167"
    assert panel.metric_baseline.label.toPlainText().startswith("chance ")
    assert panel.loss_baseline.zValue() > max(curve.zValue() for curve in panel.loss_curves.values())


def test_a_chance_label_that_would_cover_the_legend_hides(qtbot):
    """In a short plot (under a preset's caption at 1280×800) the label ran into
    the legend: it shows where there is room, and hides where there is not."""
    spec = RunSpec(length=6, cells=("RNN", "LSTM", "GRU"), steps=300)
    run = RunRecorder(spec, make_task("adding", 6), {"RNN": 10, "LSTM": 10, "GRU": 10})
    for step in range(1, 301):  # the RNN on chance, up to 3 times it: chance in the axis' lower half
        for cell, loss in (("RNN", BASELINE * (2 + math.sin(step))), ("LSTM", 0.0), ("GRU", 0.0)):
            run.add(StepReport(cell, step, loss, 0.5, 1.0, 0.01))
    panel = LossPanel()
    qtbot.addWidget(panel)
    panel.resize(300, 900)
    panel.show()
    panel.show_run(run)
    label, legend = panel.loss_baseline.label, panel.legend
    qtbot.waitUntil(lambda: label.isVisible() and not label.sceneBoundingRect().intersects(
        legend.sceneBoundingRect()))
    panel.resize(300, 170)
    qtbot.waitUntil(lambda: not label.isVisible())
    panel.resize(300, 900)
    qtbot.waitUntil(label.isVisible)
    assert label.toPlainText() == "chance 0.167"


def test_a_chance_label_near_the_top_of_its_plot_stays_inside_it(qtbot):
    """Cells all below chance put the chance line at the top of the loss axis:
    its label then goes below the line instead of above it, out of view."""
    panel = LossPanel()
    qtbot.addWidget(panel)
    panel.resize(900, 700)
    panel.show()
    panel.show_run(recorder())  # losses 0.9 of chance, then 0: chance tops the axis
    label, view = panel.loss_baseline.label, panel.loss_plot.getViewBox()
    qtbot.waitUntil(lambda: view.viewRange()[1][1] < 0.2)  # the axis fits the data: chance on top
    label.updateTransform(force=True)
    assert label.isVisible() and view.sceneBoundingRect().contains(label.sceneBoundingRect())
