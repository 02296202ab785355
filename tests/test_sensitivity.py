"""The Jacobian measure ‖∂h_T/∂h_t‖ (training/sensitivity.py) against brute
force: ``torch.autograd.functional.jacobian`` of the unrolled cell, one
example and one t at a time."""

from __future__ import annotations

from unittest import mock

import numpy as np
import pytest
import torch
from torch import nn

from cells import GRU, LSTM, RNN, Cell
from tasks import make_task
from training import fused, sensitivity
from training import run as run_module
from training.recorder import RunRecorder
from training.run import CellRun, Trainer
from training.sensitivity import final_state_sensitivity
from training.spec import RunSpec

T, B, I, H = 6, 10, 2, 5
MEASURED = B // H  # exact mode: H unit probes per example, at most B rows in all


class TwoStateCell(Cell):
    """A plugin-style cell (its own forward, two states): h mixes in a
    slow state m, so ∂h_T/∂h_t runs through m as well as through h."""

    name = "TwoState"
    state_names = ("h", "m")

    def __init__(self, input_size, hidden_size):
        super().__init__(input_size, hidden_size)
        self.inner = nn.Linear(input_size + 2 * hidden_size, hidden_size)

    def forward(self, x, state):
        h, m = state
        m = 0.9 * m + 0.1 * h
        h = torch.tanh(self.inner(torch.cat([x, h, m], dim=-1)))
        return h, (h, m)


def brute_force(cell, xs: torch.Tensor) -> torch.Tensor:
    """[T] root mean square over the batch of ‖∂h_T/∂h_t‖_F, each J_t the full autograd Jacobian
    of h_T with respect to h_t (the other states held as they were at t)."""
    length, batch = xs.shape[:2]
    means = []
    for t in range(length):
        norms = []
        for b in range(batch):
            x = xs[:, b:b + 1]
            state = cell.initial_state(1, dtype=xs.dtype)
            for s in range(t + 1):
                _, state = cell(x[s], state)
            others = state[1:]

            def final(h, t=t, x=x, others=others):
                carried = (h, *others)
                for s in range(t + 1, length):
                    _, carried = cell(x[s], carried)
                return carried[0]

            jacobian = torch.autograd.functional.jacobian(final, state[0])
            norms.append(jacobian.reshape(H, H).norm())
        means.append(torch.stack(norms).square().mean().sqrt())
    return torch.stack(means)


@pytest.mark.parametrize("use_fused", [True, False], ids=["fused", "loop"])
@pytest.mark.parametrize("cell_class", [RNN, LSTM, GRU, TwoStateCell], ids=lambda c: c.name)
def test_the_exact_measure_is_the_autograd_jacobian(cell_class, use_fused):
    torch.manual_seed(0)
    cell = cell_class(I, H).double()
    xs = torch.randn(T, B, I, dtype=torch.float64)
    with mock.patch.object(fused, "ENABLED", use_fused):
        measured = final_state_sensitivity(cell, xs, torch.Generator().manual_seed(0))
    expected = brute_force(cell, xs[:, :MEASURED])  # the first examples, as many as B rows hold
    assert measured.dtype == torch.float64 and measured.shape == (T,)
    torch.testing.assert_close(measured, expected, rtol=0, atol=1e-12)
    assert measured[-1] == pytest.approx(H ** 0.5)  # ∂h_T/∂h_T = I
    assert all(p.requires_grad and p.grad is None for p in cell.parameters())  # frozen, then given back


@pytest.mark.parametrize("cell_class", [RNN, LSTM, GRU], ids=lambda c: c.name)
def test_the_gaussian_estimate_is_within_ten_percent_with_a_fixed_seed(cell_class):
    """Width 32 > EXACT_WIDTH: 4 Gaussian probes per example on B = 256 rows,
    64 examples. The module doc's worst-case standard deviation is
    √(1/(2B)) ≈ 4.4 %: 10 % at every t is over two of them."""
    torch.manual_seed(0)
    width, batch = 32, 256
    cell = cell_class(I, width).double()
    xs = torch.randn(20, batch, I, dtype=torch.float64)
    estimate = final_state_sensitivity(cell, xs, torch.Generator().manual_seed(0))
    examples = batch // sensitivity.PROBES
    with mock.patch.object(sensitivity, "EXACT_WIDTH", width):  # the same examples, exactly
        exact = final_state_sensitivity(cell, xs[:, :examples].repeat(1, width, 1),
                                        torch.Generator().manual_seed(0))
    assert width > sensitivity.EXACT_WIDTH
    relative = ((estimate - exact) / exact).abs()
    assert relative.max() < 0.10, relative
    assert not torch.equal(estimate, exact)  # it did estimate


def test_a_captured_step_reports_the_measure_and_trains_as_without_it():
    """The measure is on the captured step's report, and it changes neither
    the training (its probes have their own generator) nor the parameters."""
    spec = RunSpec(task="adding", length=8, batch=4, hidden=6, steps=3, seed=3, dtype="float64")
    task = make_task("adding", 8)
    batch = task.batch(4, torch.Generator().manual_seed(1))
    runs = [CellRun(LSTM, spec, task) for _ in range(2)]
    with_measure = runs[0].train_step(batch)
    with mock.patch.object(CellRun, "_sensitivity", lambda self, top_input: {}):
        without = runs[1].train_step(batch)
    assert with_measure.gradients["jacobian"].shape == (8,)
    assert "jacobian" not in without.gradients
    for mine, theirs in zip(runs[0].model.parameters(), runs[1].model.parameters(), strict=True):
        assert torch.equal(mine, theirs)
    assert with_measure.loss == without.loss
    skipped = runs[0].train_step(batch, capture=False)
    assert skipped.gradients == {} and skipped.states == {}


def test_past_its_share_of_the_time_a_capture_skips_the_measure_and_the_files_stay_aligned(tmp_path):
    """Step 1 always measures; with no time to spare the later captures do
    not, their rows are NaN in gradients.npz, and a reopened run has the
    measure exactly where it was taken (every other series on every row)."""
    spec = RunSpec(task="adding", length=8, cells=("GRU",), steps=3, hidden=4, batch=4)
    trainer = Trainer(spec, [GRU])
    recorder = RunRecorder(spec, trainer.task, {"GRU": trainer.runs[0].parameters})
    with mock.patch.object(run_module, "JACOBIAN_SHARE", 0.0):
        for _ in range(3):
            for report in trainer.step():
                recorder.add(report)
                assert ("jacobian" in report.gradients) == (report.step == 1)
    recorder.save(tmp_path / "run")
    with np.load(tmp_path / "run" / "gradients.npz") as arrays:
        jacobian, h = arrays["GRU/jacobian"], arrays["GRU"]
    assert jacobian.shape == h.shape == (3, 8)
    assert np.isfinite(jacobian[0]).all() and np.isnan(jacobian[1:]).all() and np.isfinite(h).all()
    loaded = RunRecorder.load(tmp_path / "run").cells["GRU"]
    assert [sorted(row) for row in loaded.gradients.items] == [["h", "jacobian", "x"], ["h", "x"], ["h", "x"]]
    np.testing.assert_array_equal(loaded.gradients.items[0]["jacobian"], jacobian[0])
