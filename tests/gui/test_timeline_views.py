"""The views added to the timeline (gate history, state magnitude, the
Jacobian measure) show step k of a really trained, saved run as its files
hold it, and a run saved before they existed still opens and says what it lacks."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from PySide6.QtCore import Qt
from window_helpers import small_spec

from cells import GRU, LSTM
from training import RunSpec
from training.npz_files import escape_key, read_npz, write_npz
from training.recorder import RunRecorder
from training.run import Trainer

STEPS, LENGTH = 5, 6
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture(scope="module")
def trained_run(tmp_path_factory):
    """LSTM and GRU trained for a few steps, every step captured, saved."""
    torch.manual_seed(0)
    spec = RunSpec(task="adding", length=LENGTH, cells=("LSTM", "GRU"), steps=STEPS, hidden=4, batch=4)
    trainer = Trainer(spec, [LSTM, GRU])
    recorder = RunRecorder(spec, trainer.task, {run.name: run.parameters for run in trainer.runs})
    for _ in range(STEPS):
        for report in trainer.step():
            recorder.add(report)
    folder = tmp_path_factory.mktemp("trained") / "run"
    recorder.save(folder)
    return folder


@pytest.fixture
def window(make_window, trained_run):
    window = make_window(small_spec(("LSTM", "GRU")))
    window.open_run(trained_run)
    window.more_views_action.trigger()  # View ▸ More timeline views
    return window


def test_the_third_row_is_shown_on_demand_and_draws_only_then(qtbot, make_window, trained_run):
    window = make_window(small_spec(("LSTM", "GRU")))
    window.open_run(trained_run)
    row = window.gate_history.parentWidget()
    assert row is window.state_magnitude.parentWidget() and not row.isVisible()
    assert window.gate_history.maps.names == []  # hidden: not drawn
    qtbot.keyClick(window, Qt.Key.Key_H, CTRL_SHIFT)
    assert row.isVisible() and window.more_views_action.isChecked()
    assert min(row.parentWidget().sizes()) > 100  # every row gets its share of the height
    assert window.gate_history.maps.names == ["input i", "forget f", "output o"]  # drawn on showing
    assert set(window.state_magnitude.curves) == {"LSTM"}  # c first: the LSTM's
    qtbot.keyClick(window, Qt.Key.Key_H, CTRL_SHIFT)
    assert not row.isVisible()


def choose(selector, data) -> None:
    selector.setCurrentIndex(selector.findData(data))


@pytest.mark.parametrize("step", [1, 3, STEPS])
def test_the_new_views_show_step_k_as_the_files_hold_it(window, trained_run, step):
    arrays = read_npz(trained_run / "gradients.npz")
    row = list(arrays["LSTM/steps"]).index(step)
    window.gate_history.selector.setCurrentText("LSTM")
    choose(window.state_magnitude.selector, "c")
    choose(window.gradient_time.selector, "jacobian")
    window.timeline.slider.setValue(step - 1)
    window.redraw()

    gates = window.gate_history.maps
    assert gates.names == ["input i", "forget f", "output o"]
    assert [gates.plots[g].getAxis("left").labelText for g in gates.names] == ["i", "f", "o"]
    for gate in gates.names:  # the whole recording, evenly spaced rows as saved
        saved = arrays[f"LSTM/gates_history/{escape_key(gate)}"]
        np.testing.assert_array_equal(gates.images[gate].image, saved)
    marker = gates.markers["forget f"]
    assert (marker.value() if marker.isVisible() else None) == (None if step == STEPS else step)

    strong_state = window.state_magnitude.curves["LSTM"][1]
    np.testing.assert_array_equal(strong_state.yData, arrays["LSTM/state_norms/c"][row])
    assert "GRU" not in window.state_magnitude.curves  # no c: no curve, no legend entry
    assert not window.state_magnitude.absent_text.isVisible()

    strong_jacobian = window.gradient_time.curves["GRU"][1]
    measured = [r for r in range(row + 1) if np.isfinite(arrays["GRU/jacobian"][r]).all()]
    assert measured and measured[0] == 0  # step 1 always; later captures within its time share
    np.testing.assert_array_equal(strong_jacobian.yData, arrays["GRU/jacobian"][measured[-1]])
    assert strong_jacobian.yData[-1] == pytest.approx(2.0)  # ∂h_T/∂h_T = I: √H, H = 4
    assert not window.gradient_time.absent_text.isVisible()


def test_the_state_norms_are_the_lstms_cell_state(trained_run):
    """The saved ‖c_t‖ row of the final step is the trained model's, recomputed."""
    arrays = read_npz(trained_run / "gradients.npz")
    norms = arrays["LSTM/state_norms/c"]
    assert norms.shape == (STEPS, LENGTH) and np.isfinite(norms).all() and (norms > 0).all()
    h = arrays["LSTM/state_norms/h"]
    assert (h <= 2.0 + 1e-6).all()  # ‖h_t‖ ≤ √H for the LSTM's o ⊙ tanh(c)


def test_a_run_saved_before_these_views_opens_and_says_so(make_window, trained_run, tmp_path):
    """Without state_norms and jacobian arrays (as GateLab saved runs before)."""
    folder = tmp_path / "old"
    folder.mkdir()
    for name in ("summary.json", "metrics.csv"):
        (folder / name).write_bytes((trained_run / name).read_bytes())
    arrays = {key: value for key, value in read_npz(trained_run / "gradients.npz").items()
              if "state_norms" not in key and "jacobian" not in key}
    with open(folder / "gradients.npz", "wb") as file:
        write_npz(file, arrays)
    window = make_window(small_spec(("LSTM", "GRU")))
    window.open_run(folder)
    window.more_views_action.trigger()
    choose(window.gradient_time.selector, "jacobian")
    window.timeline.slider.setValue(1)
    window.redraw()
    assert window.session.recorder is not None and window.timeline.step == 2
    assert window.state_magnitude.absent_text.isVisible()
    said = window.state_magnitude.absent_text.pos()  # where the words are is in view, not off the axes
    (left, right), (bottom, top) = window.state_magnitude.plot.viewRange()
    assert left <= said.x() <= right and bottom <= said.y() <= top
    assert window.state_magnitude.selector.count() == 0
    assert window.gradient_time.absent_text.isVisible()
    assert window.gate_history.maps.names == ["input i", "forget f", "output o"]  # still there
    choose(window.gradient_time.selector, "h")
    assert not window.gradient_time.absent_text.isVisible()
