"""Recorded runs: bounded, saved as JSON/CSV/NPZ, read back, corrupt files refused."""

import json

import numpy as np
import pytest

from cells import GRU, LSTM
from training import RunSpec, StepReport, Trainer
from training.recorder import RunRecorder
from training.run import build_task


@pytest.fixture(scope="module")
def recorder():
    spec = RunSpec(length=8, hidden=4, batch=2, steps=5, cells=("LSTM", "GRU"))
    trainer = Trainer(spec, [LSTM, GRU])
    recorder = RunRecorder(spec, trainer.task, {r.name: r.parameters for r in trainer.runs})
    for _ in range(5):
        for report in trainer.step():
            recorder.add(report)
    return recorder


def test_save_and_load_keep_every_series(recorder, tmp_path):
    recorder.save(tmp_path)
    loaded = RunRecorder.load(tmp_path)
    assert loaded.spec == recorder.spec
    for name, history in recorder.cells.items():
        other = loaded.cells[name]
        np.testing.assert_allclose(other.series("loss")[1], history.series("loss")[1])
        for key in ("h", "x") + (("c",) if name == "LSTM" else ()):
            steps, matrix = history.gradient_matrix(key)
            loaded_steps, loaded_matrix = other.gradient_matrix(key)
            np.testing.assert_array_equal(loaded_steps, steps)
            np.testing.assert_allclose(loaded_matrix, matrix)
        np.testing.assert_allclose(other.first_gradients["h"], history.first_gradients["h"])
        assert set(other.latest.gradients) == set(history.latest.gradients)
        for key, values in history.latest.gradients.items():
            np.testing.assert_allclose(other.latest.gradients[key], values)
        assert set(other.latest.gates) == set(history.latest.gates) != set()
        for key, values in history.latest.gates.items():
            np.testing.assert_allclose(other.latest.gates[key], values)
        assert other.status == history.status == "done"
        assert other.steps == 5


@pytest.mark.parametrize("damage", ["summary.json", "gradients.npz", "metrics.csv"])
def test_a_corrupt_run_folder_is_refused_in_words(recorder, tmp_path, damage):
    recorder.save(tmp_path)
    (tmp_path / damage).write_bytes(b"\x00garbage{")
    with pytest.raises(ValueError, match="not a readable GateLab run"):
        RunRecorder.load(tmp_path)


def test_a_missing_folder_is_refused_in_words(tmp_path):
    with pytest.raises(ValueError, match="not a readable GateLab run"):
        RunRecorder.load(tmp_path / "nothing here")


def synthetic_reports(cell: str, steps: range, length: int = 3):
    for step in steps:
        yield StepReport(cell, step, loss=1.0 / step, metric=0.0, grad_norm=1.0, seconds=0.01,
                         gradients={"h": np.full(length, float(step))})


def test_a_reopened_run_keeps_its_decimation_and_records_on_as_if_never_saved(tmp_path):
    """Past the capacities (2000 metric rows, 500 gradient rows) the histories
    keep every 2nd, 4th … step; reopening must restore that stride, or new
    steps land off the grid and the timeline's spacing is wrong."""
    spec = RunSpec(length=3, hidden=4, batch=2, steps=0, cells=("RNN",))
    recorder = RunRecorder(spec, build_task(spec), {"RNN": 10})
    for report in synthetic_reports("RNN", range(1, 2301)):
        recorder.add(report)
    history = recorder.cells["RNN"]
    assert (history.metrics.stride, history.gradients.stride) == (2, 8)  # decimated
    recorder.save(tmp_path)
    reopened = RunRecorder.load(tmp_path).cells["RNN"]
    for series in ("metrics", "gradients"):
        kept, restored = getattr(history, series), getattr(reopened, series)
        assert (restored.stride, restored.steps) == (kept.stride, kept.steps), series
    for report in synthetic_reports("RNN", range(2301, 4501)):
        history.add(report)
        reopened.add(report)
    for series in ("metrics", "gradients"):
        kept, restored = getattr(history, series), getattr(reopened, series)
        assert (restored.stride, restored.steps) == (kept.stride, kept.steps), series


def test_runs_saved_without_the_stride_get_it_from_their_steps(tmp_path):
    """Folders written before the stride was saved: the kept steps are evenly
    spaced multiples of the stride, so their spacing gives it back."""
    spec = RunSpec(length=3, hidden=4, batch=2, steps=0, cells=("RNN",))
    recorder = RunRecorder(spec, build_task(spec), {"RNN": 10})
    for report in synthetic_reports("RNN", range(1, 1201)):
        recorder.add(report)
    recorder.save(tmp_path)
    summary = json.loads((tmp_path / "summary.json").read_text())
    for info in summary["cells"].values():
        info.pop("metrics_stride", None), info.pop("gradients_stride", None)
    (tmp_path / "summary.json").write_text(json.dumps(summary))
    reopened = RunRecorder.load(tmp_path).cells["RNN"]
    assert (reopened.metrics.stride, reopened.gradients.stride) == (1, 4)


def test_names_that_collided_as_npz_keys_keep_their_own_series(tmp_path):
    """A cell "steps" against the top-level steps, a cell "file" against savez's
    own argument, a "%" that the key escaping itself uses, and a formula-like
    name in the CSV. (A "/" in a cell name, which once let cell "A/c" overwrite
    cell "A"'s state c, is now refused by the name rules.)"""
    from run_folders import recorded_run

    recorder = recorded_run(cells=("A", "A%2Fc", "steps", "file", "=1+1"), steps=3)
    recorder.cells["A%2Fc"].gradients.items[0]["h"] = np.full(4, 99.0)
    recorder.save(tmp_path)
    loaded = RunRecorder.load(tmp_path)
    for name, history in recorder.cells.items():
        for key in ("h", "c", "x"):
            np.testing.assert_array_equal(loaded.cells[name].gradient_matrix(key)[1],
                                          history.gradient_matrix(key)[1])
    assert b"\r\n1,'=1+1," in (tmp_path / "metrics.csv").read_bytes()


def test_a_checkpoint_reopens_as_partial_and_a_final_save_completes_it(tmp_path):
    from run_folders import recorded_run

    recorder = recorded_run()
    recorder.save(tmp_path, complete=False)
    assert json.loads((tmp_path / "summary.json").read_text())["complete"] is False
    assert RunRecorder.load(tmp_path).complete is False
    recorder.save(tmp_path)
    assert RunRecorder.load(tmp_path).complete is True
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gradients.npz", "metrics.csv", "summary.json"]


def test_a_full_disk_names_the_file_and_leaves_no_completeness_claim(tmp_path, monkeypatch):
    import errno
    import os

    from run_folders import recorded_run

    from training.recorder import RunWriteError

    recorder = recorded_run()
    recorder.save(tmp_path)
    real_fsync = os.fsync
    calls = []

    def full_disk(fd):
        calls.append(fd)
        if len(calls) == 2:  # gradients.npz
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(RunWriteError, match="gradients.npz") as caught:
        recorder.save(tmp_path)
    assert caught.value.errno == errno.ENOSPC
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gradients.npz", "metrics.csv"]


def test_a_run_saved_before_key_escaping_still_opens(tmp_path):
    from run_folders import write_old_format_run

    loaded = RunRecorder.load(write_old_format_run(tmp_path))
    history = loaded.cells["RNN"]
    assert history.gradient_matrix("h")[1].shape == (2, 4) and "x" in history.gradients.items[0]
    assert set(history.latest.gates) == {"z"} and loaded.complete
    assert history.gate_names == [] and len(history.gate_means.items) == len(history.gradients.steps)


def test_every_recorded_step_keeps_its_gate_means_through_save_and_load(tmp_path):
    """The timeline needs the gates of each recorded step, not only the newest."""
    from run_folders import LENGTH, recorded_run

    recorder = recorded_run(cells=("LSTM", "RNN"), steps=6)
    recorder.add(StepReport("RNN", 7, 0.1, 0.5, 1.0, 0.01, gradients={"h": np.ones(LENGTH)}))  # no gates
    recorder.save(tmp_path)
    with np.load(tmp_path / "gradients.npz") as arrays:
        saved = arrays["LSTM/gates_history/forget"]
        assert saved.shape == (6, LENGTH)
        np.testing.assert_allclose(saved[:, 0], [1 - 0.5 / s for s in range(1, 7)])
        assert np.isnan(arrays["RNN/gates_history/forget"][-1]).all()  # the record without gates
    loaded = RunRecorder.load(tmp_path)
    for name, history in recorder.cells.items():
        other = loaded.cells[name]
        assert other.gate_means.steps == history.gate_means.steps == history.gradients.steps
        assert [set(g) for g in other.gate_means.items] == [set(g) for g in history.gate_means.items]
        np.testing.assert_allclose(other.gate_matrix("forget"), history.gate_matrix("forget"))
    assert loaded.cells["RNN"].gate_means.items[-1] == {}


def test_gate_means_decimate_with_the_gradient_rows(tmp_path):
    """Past the capacity both histories keep the same steps (and after reopening)."""
    spec = RunSpec(length=3, hidden=4, batch=2, steps=0, cells=("LSTM",))
    recorder = RunRecorder(spec, build_task(spec), {"LSTM": 10})
    for step in range(1, 1301):
        recorder.add(StepReport("LSTM", step, 0.1, 0.5, 1.0, 0.01, gradients={"h": np.full(3, step)},
                                gates={"f": np.full(3, float(step))}))
    history = recorder.cells["LSTM"]
    assert history.gate_means.steps == history.gradients.steps and history.gradients.stride == 4
    np.testing.assert_array_equal(history.gate_matrix("f")[:, 0], history.gradients.steps)
    recorder.save(tmp_path)
    reopened = RunRecorder.load(tmp_path).cells["LSTM"]
    assert (reopened.gate_means.steps, reopened.gate_means.stride) == (history.gradients.steps, 4)
    np.testing.assert_array_equal(reopened.gate_matrix("f"), history.gate_matrix("f"))
