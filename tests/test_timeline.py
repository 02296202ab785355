"""The timeline model: a recorder "as it was" at a step, for every panel to draw."""

from __future__ import annotations

import numpy as np
import pytest
from run_folders import LENGTH, recorded_run, saved_run, write_old_format_run

from training import RunSpec, StepReport
from training.recorder import RunRecorder
from training.run import build_task
from training.timeline import RunView, cell_at, recorded_steps, run_at


def test_the_timeline_holds_every_recorded_step_of_every_cell():
    recorder = recorded_run(cells=("LSTM", "GRU"), steps=4)
    recorder.add(StepReport("GRU", 6, 0.1, 0.5, 1.0, 0.01))  # a step without a profile
    assert recorded_steps(recorder) == [1, 2, 3, 4, 6]


@pytest.mark.parametrize("step", [1, 3, 5])
def test_a_view_holds_only_what_was_recorded_by_then(step):
    recorder = recorded_run(cells=("LSTM", "GRU"), steps=6)
    view = run_at(recorder, step)
    assert isinstance(view, RunView) and view.source is recorder and view.step == step
    assert (view.spec, view.task, view.complete) == (recorder.spec, recorder.task, recorder.complete)
    for name, history in view.cells.items():
        assert history.metrics.steps == list(range(1, step + 1))
        assert history.gradients.steps == history.gate_means.steps == list(range(1, step + 1))
        assert history.steps == step and history.latest.loss == pytest.approx(1 / step)
        assert history.captured.step == step
        np.testing.assert_array_equal(history.captured.gradients["h"], np.full(LENGTH, float(step)))
        np.testing.assert_array_equal(history.captured.gates["forget"], np.full(LENGTH, 1 - 0.5 / step))
        np.testing.assert_array_equal(history.series("loss")[0], np.arange(1, step + 1))
        assert history.gradient_matrix("c")[1].shape == (step, LENGTH)
        assert history.status == "running"
        np.testing.assert_array_equal(history.first_gradients["h"], recorder.cells[name].first_gradients["h"])
        assert history.train_seconds == pytest.approx(0.01 * step)
    # the source is untouched
    assert recorder.cells["LSTM"].metrics.steps == list(range(1, 7))


def test_the_end_of_the_timeline_is_the_run_itself():
    recorder = recorded_run(steps=3)
    recorder.cells["GRU"].status, recorder.cells["GRU"].message = "error", "boom"
    view = run_at(recorder, 3)
    assert all(view.cells[name] is recorder.cells[name] for name in recorder.cells)
    assert run_at(recorder, 99).cells["GRU"].message == "boom"


def test_before_a_cell_started_it_has_no_rows_and_reads_as_starting():
    recorder = recorded_run(steps=3)
    history = run_at(recorder, 0).cells["LSTM"]
    assert history.latest is None and history.captured is None and history.steps == 0
    assert len(history.metrics.items) == 0 and history.first_gradients == {}


def test_a_diverged_profile_is_skipped_as_the_live_plots_skip_it():
    spec = RunSpec(length=LENGTH, hidden=4, batch=2, steps=0, cells=("RNN",))
    recorder = RunRecorder(spec, build_task(spec), {"RNN": 10})
    for step, value in ((1, 1.0), (2, np.inf), (3, 3.0)):
        recorder.add(StepReport("RNN", step, 0.1, 0.5, 1.0, 0.01, gradients={"h": np.full(LENGTH, value)}))
    history = cell_at(recorder.cells["RNN"], 2)
    assert history.captured.step == 1 and history.latest.step == 2


def test_a_saved_run_scrubs_like_the_recorder(tmp_path):
    recorder = recorded_run(steps=5)
    loaded = RunRecorder.load(saved_run(tmp_path, steps=5))
    for step in range(1, 6):
        for name in recorder.cells:
            here, there = run_at(recorder, step).cells[name], run_at(loaded, step).cells[name]
            np.testing.assert_array_equal(here.captured.gates["forget"], there.captured.gates["forget"])
            np.testing.assert_array_equal(here.captured.gradients["c"], there.captured.gradients["c"])
            assert here.latest.loss == pytest.approx(there.latest.loss)


def test_an_old_format_run_scrubs_with_what_it_holds(tmp_path):
    loaded = RunRecorder.load(write_old_format_run(tmp_path))
    assert recorded_steps(loaded) == [1, 2]
    early = run_at(loaded, 1).cells["RNN"]
    np.testing.assert_array_equal(early.captured.gradients["h"], np.arange(1.0, LENGTH + 1))
    assert early.captured.gates == {}  # no gate history in old folders
    assert run_at(loaded, 2).cells["RNN"].captured.gates.keys() == {"z"}


def test_a_1x_replay_goes_at_the_slowest_cells_pace(tmp_path):
    from training.timeline import FALLBACK_STEPS_PER_SECOND, replay_pace

    recorder = recorded_run(steps=10)
    recorder.cells["LSTM"].train_seconds, recorder.cells["GRU"].train_seconds = 1.0, 0.5
    assert replay_pace(recorder) == pytest.approx(10.0)
    recorder.cells["LSTM"].train_seconds = recorder.cells["GRU"].train_seconds = 0.0
    assert replay_pace(recorder) == FALLBACK_STEPS_PER_SECOND
