"""The fused-kernel capture path (training/fused.py) must give exactly what the
Python loop gives: outputs, parameter gradients, ∂ℓ/∂h_t, ∂ℓ/∂c_t, ∂ℓ/∂x_t and
gate means. The loop (StateTrace, retained state gradients) is the oracle; a
hand-unrolled LSTM checks both independently."""

from __future__ import annotations

import functools
from unittest import mock

import pytest
import torch

from cells import GRU, LSTM, RNN
from tasks import make_task
from training import fused
from training.model import SequenceModel, mean_example_norms
from training.run import CellRun
from training.spec import RunSpec

T, B, H, I = 7, 3, 5, 2
TOLERANCE = 1e-10


class PluginLSTM(LSTM):
    """A subclass (as a plugin would write): the kernel must not run it."""

    name = "PluginLSTM"


def run_model(cell_class, use_fused: bool, layers: int = 1, bidirectional: bool = False,
              dropout: float = 0.0, capture: bool = True, record_gates: bool = True):
    """Forward + backward of a float64 model on fixed data; the same seed for both paths."""
    torch.manual_seed(1)
    model = SequenceModel(cell_class, I, H, 2, layers, bidirectional, dropout).double()
    inputs = torch.randn(T, B, I, dtype=torch.double, generator=torch.Generator().manual_seed(2))
    weights = torch.randn(T, B, 2, dtype=torch.double, generator=torch.Generator().manual_seed(3))
    with mock.patch.object(fused, "ENABLED", use_fused):
        torch.manual_seed(4)  # dropout masks
        unrolled = model(inputs, capture=capture, record_gates=record_gates)
    loss = (torch.tanh(unrolled.outputs) * weights).sum(dim=(0, 2)).mean()  # loss at every step
    loss.backward()
    grads = {name: p.grad.clone() for name, p in model.named_parameters()}
    return unrolled, grads


CONFIGS = {
    "rnn-tanh": (RNN, 1, False),
    "rnn-relu": (functools.partial(RNN, nonlinearity="relu"), 1, False),
    "lstm": (LSTM, 1, False),
    "lstm-2-layers-bidirectional": (LSTM, 2, True),
    "rnn-3-layers-bidirectional": (RNN, 3, True),
}


@pytest.mark.parametrize("config", CONFIGS)
@pytest.mark.parametrize("record_gates", [True, False])
def test_fused_matches_loop(config: str, record_gates: bool) -> None:
    cell_class, layers, bidirectional = CONFIGS[config]
    dropout = 0.3 if layers > 1 else 0.0
    loop, loop_grads = run_model(cell_class, False, layers, bidirectional, dropout, record_gates=record_gates)
    kernel, kernel_grads = run_model(cell_class, True, layers, bidirectional, dropout,
                                     record_gates=record_gates)
    assert kernel.finishers and not kernel.traces, "the fused path did not run"
    assert loop.traces and not loop.finishers
    assert torch.allclose(kernel.outputs, loop.outputs, rtol=0, atol=TOLERANCE)
    assert kernel_grads.keys() == loop_grads.keys()
    for name, grad in loop_grads.items():
        assert torch.allclose(kernel_grads[name], grad, rtol=0, atol=TOLERANCE), name
    expected, got = loop.state_gradients(), kernel.state_gradients()
    states = {"h", "c"} if cell_class is LSTM else {"h"}
    assert {key[2] for key in got} == states
    assert got.keys() == expected.keys()
    for key, gradient in expected.items():
        assert torch.allclose(got[key], gradient, rtol=0, atol=TOLERANCE), key
        assert torch.allclose(mean_example_norms(got[key]), mean_example_norms(gradient),
                              rtol=0, atol=TOLERANCE), key
    assert torch.allclose(kernel.inputs.grad, loop.inputs.grad, rtol=0, atol=TOLERANCE)
    assert kernel.gates.keys() == loop.gates.keys()
    assert bool(kernel.gates) == (record_gates and cell_class is LSTM)
    for key, gates in loop.gates.items():
        assert kernel.gates[key].keys() == gates.keys()
        for name, values in gates.items():
            assert torch.allclose(kernel.gates[key][name], values, rtol=0, atol=TOLERANCE), (key, name)


def test_capture_off_keeps_parameter_gradients() -> None:
    loop, loop_grads = run_model(LSTM, False, capture=False)
    kernel, kernel_grads = run_model(LSTM, True, capture=False)
    assert not kernel.finishers and not kernel.traces and kernel.inputs.grad is None
    for name, grad in loop_grads.items():
        assert torch.allclose(kernel_grads[name], grad, rtol=0, atol=TOLERANCE), name


@pytest.mark.parametrize("cell_class", [GRU, PluginLSTM])
def test_other_cells_use_the_loop(cell_class) -> None:
    unrolled, _ = run_model(cell_class, True)
    assert unrolled.traces and not unrolled.finishers


def test_against_hand_unrolled_lstm() -> None:
    """Independent oracle: the LSTM equations written out, with
    torch.autograd.grad taken w.r.t. each h_t and c_t tensor (total derivatives,
    since every later use of the state goes through that tensor)."""
    unrolled, _ = run_model(LSTM, True)
    torch.manual_seed(1)
    model = SequenceModel(LSTM, I, H, 2).double()
    cell = model.cells[0]
    inputs = torch.randn(T, B, I, dtype=torch.double, generator=torch.Generator().manual_seed(2))
    weights = torch.randn(T, B, 2, dtype=torch.double, generator=torch.Generator().manual_seed(3))
    h = c = torch.zeros(B, H, dtype=torch.double)
    hs, cs = [], []
    for t in range(T):
        gates = inputs[t] @ cell.weight_ih.T + cell.bias_ih + h @ cell.weight_hh.T + cell.bias_hh
        i, f, g, o = gates.chunk(4, dim=1)
        c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
        h = torch.sigmoid(o) * torch.tanh(c)
        hs.append(h)
        cs.append(c)
    outputs = model.readout(torch.stack(hs))
    loss = (torch.tanh(outputs) * weights).sum(dim=(0, 2)).mean()
    gradients = torch.autograd.grad(loss, hs + cs)
    got = unrolled.state_gradients()
    assert torch.allclose(torch.stack(gradients[:T]), got[(0, False, "h")], rtol=0, atol=TOLERANCE)
    assert torch.allclose(torch.stack(gradients[T:]), got[(0, False, "c")], rtol=0, atol=TOLERANCE)


@pytest.mark.parametrize("cell", ["RNN", "LSTM"])
def test_cell_run_reports_agree(cell: str) -> None:
    """Through the trainer: the same series, the same numbers, either path."""
    spec = RunSpec(task="adding", length=T, cells=(cell,), hidden=H, batch=B, dtype="float64", steps=3)
    cell_class = {"RNN": RNN, "LSTM": LSTM}[cell]
    reports = {}
    task = make_task("adding", T)
    for use_fused in (False, True):
        run = CellRun(cell_class, spec, task)
        generator = torch.Generator().manual_seed(0)
        with mock.patch.object(fused, "ENABLED", use_fused):
            reports[use_fused] = [run.train_step(task.batch(B, generator)) for _ in range(3)]
    for loop, kernel in zip(reports[False], reports[True], strict=True):
        assert kernel.status == loop.status and kernel.status in ("running", "done")
        assert abs(kernel.loss - loop.loss) <= TOLERANCE
        assert kernel.gradients.keys() == loop.gradients.keys()
        assert set(kernel.gradients) == ({"h", "c", "x"} if cell == "LSTM" else {"h", "x"})
        for name, values in loop.gradients.items():
            assert abs(kernel.gradients[name] - values).max() <= TOLERANCE, name
        assert kernel.gates.keys() == loop.gates.keys()
        for name, values in loop.gates.items():
            assert abs(kernel.gates[name] - values).max() <= TOLERANCE, name


def test_reverse_linear_scan() -> None:
    a = torch.randn(9, 2, 3, dtype=torch.double)
    m = torch.rand(9, 2, 3, dtype=torch.double)
    expected = a.clone()
    for t in range(7, -1, -1):
        expected[t] = a[t] + m[t + 1] * expected[t + 1]
    assert torch.allclose(fused.reverse_linear_scan(a.clone(), m), expected, rtol=0, atol=1e-14)
