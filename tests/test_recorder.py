"""Recorded runs: bounded, saved as JSON/CSV/NPZ, read back, corrupt files refused."""

import numpy as np
import pytest

from cells import GRU, LSTM
from training import RunSpec, Trainer
from training.recorder import RunRecorder


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
