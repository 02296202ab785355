"""The state magnitudes ‖s_t‖ on captured steps: the fused path (which
rebuilds the LSTM's c_t, the kernel returns only h_t) gives what the Python
loop's own states give, and both are the batch mean of per-example norms."""

from __future__ import annotations

from unittest import mock

import numpy as np
import pytest
import torch

from cells import GRU, LSTM, RNN
from tasks import make_task
from training import fused
from training.run import CellRun
from training.spec import RunSpec


def captured_report(cell_class, use_fused: bool, layers: int = 1, bidirectional: bool = False):
    spec = RunSpec(task="adding", length=9, batch=4, hidden=5, layers=layers, bidirectional=bidirectional,
                   steps=2, seed=2, dtype="float64")
    task = make_task("adding", 9)
    batch = task.batch(4, torch.Generator().manual_seed(1))
    with mock.patch.object(fused, "ENABLED", use_fused):
        run = CellRun(cell_class, spec, task)
        return run, run.train_step(batch)


@pytest.mark.parametrize("shape", [(1, False), (2, True)], ids=["one-layer", "two-layer-bidirectional"])
@pytest.mark.parametrize("cell_class", [RNN, LSTM, GRU], ids=lambda c: c.name)
def test_fused_state_norms_are_the_loops(cell_class, shape):
    _, fast = captured_report(cell_class, True, *shape)
    _, loop = captured_report(cell_class, False, *shape)
    expected = {"h", "c"} if cell_class is LSTM else {"h"}
    assert set(fast.states) == set(loop.states) == expected
    for name in expected:
        assert fast.states[name].shape == (9,)
        np.testing.assert_allclose(fast.states[name], loop.states[name], rtol=1e-10, atol=1e-12)


def test_state_norms_are_batch_means_of_the_top_layers_state_norms():
    """Recomputed by hand for the LSTM: h_t = o ⊙ tanh(c_t) from the loop cell itself."""
    run, report = captured_report(LSTM, False)
    task = make_task("adding", 9)
    batch = task.batch(4, torch.Generator().manual_seed(1))
    torch.manual_seed(2)
    fresh = CellRun(LSTM, run.spec, task)  # the same seed: the weights before the step
    state = fresh.model.layers[0][0].initial_state(4, dtype=torch.float64)
    norms = {"h": [], "c": []}
    with torch.no_grad():
        for t in range(9):
            _, state = fresh.model.layers[0][0](batch.inputs[t].double(), state)
            for name, value in zip(("h", "c"), state, strict=True):
                norms[name].append(value.norm(dim=-1).mean().item())
    for name, values in norms.items():
        np.testing.assert_allclose(report.states[name], values, rtol=1e-12)
