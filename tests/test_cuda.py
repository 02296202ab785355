"""Training on a CUDA device (``--device cuda``): skipped where no GPU is present.

On a GPU the built-in RNN/LSTM/GRU go through cuDNN with the fused capture path
(training/fused.py); these tests check that path trains and reports the same
series as the Python loop there too."""

from __future__ import annotations

import math
from unittest import mock

import numpy as np
import pytest
import torch

from cells import GRU, LSTM, RNN
from tasks import make_task
from training import fused, fused_gru
from training.run import CellRun, Trainer
from training.spec import RunSpec

pytestmark = [
    pytest.mark.cuda,
    pytest.mark.skipif(not torch.cuda.is_available(), reason="no CUDA GPU"),
]


def test_trains_a_few_steps_on_cuda() -> None:
    spec = RunSpec(task="adding", length=30, cells=("RNN", "LSTM", "GRU"), steps=5, device="cuda")
    trainer = Trainer(spec, [RNN, LSTM, GRU])
    for _ in range(5):
        reports = trainer.step()
    assert [report.cell for report in reports] == ["RNN", "LSTM", "GRU"]
    for report in reports:
        assert report.status == "done", report.message
        assert math.isfinite(report.loss) and math.isfinite(report.grad_norm)
        assert report.gradients["h"].shape == (30,) and np.isfinite(report.gradients["h"]).all()
        assert "x" in report.gradients
    assert "c" in reports[1].gradients and reports[1].gates
    assert all(p.is_cuda for run in trainer.runs for p in run.model.parameters())


@pytest.mark.parametrize("cell_class", [RNN, LSTM, GRU])
def test_fused_matches_loop_on_cuda(cell_class) -> None:
    """cuDNN's kernel with the zero channels against the loop, float64 (the
    GRU's too: its CPU step loop, fused_gru, must not run here)."""
    spec = RunSpec(task="adding", length=12, cells=(cell_class.name,), hidden=8, batch=4,
                   dtype="float64", device="cuda", layers=2, bidirectional=True)
    task = make_task("adding", 12)
    reports = {}
    step_loop = mock.patch.object(fused_gru, "unroll_steps", wraps=fused_gru.unroll_steps)
    for use_fused in (False, True):
        run = CellRun(cell_class, spec, task)
        generator = torch.Generator().manual_seed(0)
        with mock.patch.object(fused, "ENABLED", use_fused), step_loop as steps:
            reports[use_fused] = [run.train_step(task.batch(4, generator)) for _ in range(2)]
        assert not steps.called
    for loop, kernel in zip(reports[False], reports[True], strict=True):
        assert kernel.status == loop.status == "running", (loop.message, kernel.message)
        assert abs(kernel.loss - loop.loss) <= 1e-9
        assert kernel.gradients.keys() == loop.gradients.keys()
        for name, values in loop.gradients.items():
            np.testing.assert_allclose(kernel.gradients[name], values, rtol=1e-7, atol=1e-12)
