"""The window's run controls: Start, Pause, Step, Reset, and every plot filling."""

from __future__ import annotations

from PySide6.QtCore import Qt
from window_helpers import end_of_children, small_spec, steps_of, wait_for_steps, wait_idle

CELLS = ("RNN", "LSTM", "GRU")


def test_window_opens_ready_with_every_cell_listed(make_window):
    window = make_window(small_spec(CELLS))
    assert window.isVisible()
    assert window.controls.cells.checked_names() == list(CELLS)
    assert window.session.state == "idle"
    assert window.table.rowCount() == 0
    def actions(menu):
        for action in menu.actions():
            if action.menu():
                yield from actions(action.menu())
            elif not action.isSeparator():
                yield action

    every = [a for top in window.menuBar().actions() for a in actions(top.menu())]
    assert len(every) >= 12
    for action in every:
        assert not action.shortcut().isEmpty() and action.toolTip(), action.text()


def test_start_fills_every_plot_for_every_cell(qtbot, make_window):
    window = make_window(small_spec(CELLS))
    qtbot.keyClick(window, Qt.Key.Key_Space)
    wait_for_steps(qtbot, window, 3)
    window.redraw()
    length = 10
    for name in CELLS:
        faint, strong = window.gradient_time.curves[name]
        assert len(strong.xData) == length and len(faint.xData) == length
        assert window.gradient_history.images[name].image.shape[1] == length
        assert len(window.loss.loss_curves[name].xData) >= 3
        assert len(window.loss.metric_curves[name].xData) >= 3
    assert window.gates.selector.currentText() == "LSTM"
    assert {"forget f", "input i", "output o"} <= set(window.gates.curves)
    assert all(len(c.xData) == length for c in window.gates.curves.values())
    assert window.table.rowCount() == len(CELLS)
    assert [window.table.item(r, 0).text() for r in range(3)] == list(CELLS)
    assert all(window.table.item(r, 6).text() == "running" for r in range(3))
    assert window.session.recorder.cells["LSTM"].parameters > 0


def test_pause_stops_updates(qtbot, make_window, worker_news):
    cells = ("RNN", "GRU")
    window = make_window(small_spec(cells))
    window.start_or_pause()
    wait_for_steps(qtbot, window, 2)
    pausing = len(worker_news)
    window.start_or_pause()
    assert window.session.state == "paused"
    wait_idle(qtbot, worker_news, cells, since=pausing)  # a running worker never says idle
    before = steps_of(window)
    stepping = len(worker_news)
    window.step()  # nothing trained after the pause, so this step is the very next one
    wait_idle(qtbot, worker_news, cells, since=stepping)
    assert steps_of(window) == {name: step + 1 for name, step in before.items()}


def test_step_advances_exactly_one_step(qtbot, make_window, worker_news):
    cells = ("RNN", "LSTM")
    window = make_window(small_spec(cells))
    qtbot.keyClick(window, Qt.Key.Key_Right)  # from idle: start paused, one step
    wait_idle(qtbot, worker_news, cells, since=0)
    assert steps_of(window) == {"RNN": 1, "LSTM": 1}
    stepping = len(worker_news)
    window.step()
    wait_idle(qtbot, worker_news, cells, since=stepping)
    assert steps_of(window) == {"RNN": 2, "LSTM": 2}


def test_reset_clears_plots_table_and_workers(qtbot, make_window):
    window = make_window(small_spec(("RNN", "GRU")))
    window.start_or_pause()
    wait_for_steps(qtbot, window, 2)
    qtbot.keyClick(window, Qt.Key.Key_R)
    assert window.session.recorder is None and window.session.state == "idle"
    assert window.table.rowCount() == 0
    assert not window.gradient_time.curves and not window.loss.loss_curves
    assert not window.gradient_history.images
    assert None not in end_of_children().values()  # reset ended every worker


def test_presets_fill_the_controls(make_window):
    from gui.presets import load_presets

    window = make_window(small_spec(CELLS))
    presets = load_presets()
    assert len(presets) >= 3
    for preset in presets:
        window.apply_preset(preset)
        assert window.controls.spec() == preset.spec.replace(plugins=window.controls.plugins)


def test_a_broken_plugin_is_listed_greyed_out_with_its_reason(make_window):
    from plugin_host import BROKEN, CellRecord

    window = make_window(small_spec(CELLS))
    records = window.controls.cells.records + [
        CellRecord(name="Bad", origin="bad.py", status=BROKEN, reason="SyntaxError: invalid syntax",
                   file="bad.py", line=3)]
    window.set_cell_records(records)
    item = window.controls.cells.item(len(records) - 1)
    assert not item.flags() & Qt.ItemFlag.ItemIsEnabled
    assert "SyntaxError: invalid syntax" in item.text() and "bad.py:3" in item.toolTip()
    assert window.controls.cells.checked_names() == list(CELLS)


def test_a_change_that_needs_new_models_asks_for_reset(make_window):
    from training.recorder import RunRecorder
    from training.run import build_task

    spec = small_spec(CELLS)
    window = make_window(spec)
    window.session.load(RunRecorder(spec, build_task(spec), {name: 0 for name in CELLS}))
    window.controls.lr.set_value(0.001)  # applies live: no notice
    assert window.controls.notice.isHidden()
    window.controls.hidden.setValue(16)
    assert not window.controls.notice.isHidden() and "hidden" in window.controls.notice.text()
    window.reset()
    assert window.controls.notice.isHidden()


def test_the_gates_panel_shows_the_chosen_cells_equations(qtbot, make_window):
    window = make_window(small_spec(("RNN", "LSTM")))
    window.step()
    wait_for_steps(qtbot, window, 1)
    window.gates.selector.setCurrentText("LSTM")
    assert "f<sub>t</sub> ⊙ c<sub>t−1</sub>" in window.gates.equations.text()
    assert not window.gates.equations.isHidden() and window.gates.equations.isVisibleTo(window)
    window.gates.selector.setCurrentText("RNN")
    assert window.gates.equations.text().startswith("h<sub>t</sub> = tanh(")


def test_a_live_learning_rate_change_is_what_a_saved_run_records(qtbot, make_window):
    window = make_window(small_spec(("RNN",)))
    window.step()
    wait_for_steps(qtbot, window, 1)
    window.controls.lr.set_value(0.001)
    qtbot.waitUntil(lambda: window.session.recorder.spec.lr == 0.001, timeout=5000)
    assert window.session.recorder.summary()["spec"]["lr"] == 0.001
