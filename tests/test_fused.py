"""The fused-kernel capture path (training/fused.py) must give exactly what the
Python loop gives: outputs, parameter gradients, ∂ℓ/∂h_t, ∂ℓ/∂c_t, ∂ℓ/∂x_t and
gate means, for the built-in RNN, LSTM and GRU. The loop (StateTrace, retained
state gradients) is the oracle; hand-unrolled LSTM and GRU equations check both
independently."""

from __future__ import annotations

import contextlib
import functools
import math
from unittest import mock

import pytest
import torch

from cells import GRU, LSTM, RNN
from tasks import make_task
from training import fused, fused_gru
from training import run as run_module
from training.model import SequenceModel
from training.norms import mean_example_norms
from training.run import CellRun
from training.spec import RunSpec

T, B, H, I = 7, 3, 5, 2
TOLERANCE = 1e-10
# (rtol, atol) per dtype: float64 to round-off; float32 to its own, since the
# kernel and the loop sum in different orders.
TOLERANCES = {torch.float64: (0.0, TOLERANCE), torch.float32: (1e-4, 1e-6)}


class PluginLSTM(LSTM):
    """A subclass (as a plugin would write): the kernel must not run it."""

    name = "PluginLSTM"


class PluginGRU(GRU):
    """A GRU subclass: the kernel must not run it either."""

    name = "PluginGRU"


def run_model(cell_class, use_fused: bool, layers: int = 1, bidirectional: bool = False,
              dropout: float = 0.0, capture: bool = True, record_gates: bool = True,
              dtype: torch.dtype = torch.float64):
    """Forward + backward of a model on fixed data; the same seed for both paths."""
    torch.manual_seed(1)
    model = SequenceModel(cell_class, I, H, 2, layers, bidirectional, dropout).to(dtype)
    inputs = torch.randn(T, B, I, generator=torch.Generator().manual_seed(2)).to(dtype)
    weights = torch.randn(T, B, 2, generator=torch.Generator().manual_seed(3)).to(dtype)
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
    "gru": (GRU, 1, False),
    "gru-2-layers-bidirectional": (GRU, 2, True),
    "gru-3-layers-bidirectional": (GRU, 3, True),
}
# The GPU's GRU route (zero channels), forced on this CPU, where the GRU's capture loops (fused_gru).
ZERO_CHANNEL_CONFIGS = {"gru-zero-channels": (GRU, 1, False),
                        "gru-zero-channels-2-layers-bidirectional": (GRU, 2, True)}
STATES = {LSTM: {"h", "c"}}  # the others: {"h"}
GATES = {LSTM: {"input i", "forget f", "output o"}, GRU: {"reset r", "update z"}}  # RNN: none


def gru_route(config: str):
    """The zero channels for ``ZERO_CHANNEL_CONFIGS``, the device's own route otherwise."""
    if config in ZERO_CHANNEL_CONFIGS:
        return mock.patch.object(fused_gru, "STEP_LOOP_DEVICES", set())
    return contextlib.nullcontext()


def assert_close(got: torch.Tensor, expected: torch.Tensor, what="", dtype=None) -> None:
    """Within round-off of ``dtype`` (default: the tensors' own)."""
    rtol, atol = TOLERANCES[dtype or expected.dtype]
    assert got.dtype == expected.dtype, what
    assert torch.allclose(got, expected, rtol=rtol, atol=atol), \
        f"{what}: max |difference| {(got - expected).abs().max().item():.3g}"


@pytest.mark.parametrize("config", [*CONFIGS, *ZERO_CHANNEL_CONFIGS])
@pytest.mark.parametrize("record_gates", [True, False])
@pytest.mark.parametrize("dtype", [torch.float64, torch.float32], ids=["float64", "float32"])
def test_fused_matches_loop(config: str, record_gates: bool, dtype: torch.dtype) -> None:
    cell_class, layers, bidirectional = {**CONFIGS, **ZERO_CHANNEL_CONFIGS}[config]
    dropout = 0.3 if layers > 1 else 0.0
    loop, loop_grads = run_model(cell_class, False, layers, bidirectional, dropout,
                                 record_gates=record_gates, dtype=dtype)
    with gru_route(config):
        kernel, kernel_grads = run_model(cell_class, True, layers, bidirectional, dropout,
                                         record_gates=record_gates, dtype=dtype)
    assert kernel.finishers and not kernel.traces, "the fused path did not run"
    assert loop.traces and not loop.finishers
    assert_close(kernel.outputs, loop.outputs, "outputs")
    assert kernel_grads.keys() == loop_grads.keys()
    for name, grad in loop_grads.items():
        assert_close(kernel_grads[name], grad, name)
    expected, got = loop.state_gradients(), kernel.state_gradients()
    assert {key[2] for key in got} == STATES.get(cell_class, {"h"})
    assert {key[:2] for key in got} == {(layer, reverse) for layer in range(layers)
                                        for reverse in (False, True)[:1 + bidirectional]}
    assert got.keys() == expected.keys()
    for key, gradient in expected.items():
        assert_close(got[key], gradient, str(key))
        assert_close(mean_example_norms(got[key]), mean_example_norms(gradient), f"norms {key}", dtype)
    assert_close(kernel.inputs.grad, loop.inputs.grad, "x")
    assert kernel.gates.keys() == loop.gates.keys()
    assert bool(kernel.gates) == (record_gates and cell_class in GATES)
    for key, gates in loop.gates.items():
        assert kernel.gates[key].keys() == gates.keys() == GATES[cell_class]
        for name, values in gates.items():
            assert_close(kernel.gates[key][name], values, f"{key} {name}")


@pytest.mark.parametrize("cell_class", [RNN, LSTM, GRU])
@pytest.mark.parametrize("record_gates", [True, False])
def test_capture_off_keeps_parameter_gradients(cell_class, record_gates: bool) -> None:
    """Without capture: the kernel with the real parameters only, the same model."""
    loop, loop_grads = run_model(cell_class, False, 2, True, capture=False, record_gates=record_gates)
    kernel, kernel_grads = run_model(cell_class, True, 2, True, capture=False, record_gates=record_gates)
    assert not kernel.finishers and not kernel.traces and kernel.inputs.grad is None
    assert torch.allclose(kernel.outputs, loop.outputs, rtol=0, atol=TOLERANCE)
    assert kernel.gates.keys() == loop.gates.keys()
    for key, gates in loop.gates.items():
        for name, values in gates.items():
            assert torch.allclose(kernel.gates[key][name], values, rtol=0, atol=TOLERANCE), (key, name)
    for name, grad in loop_grads.items():
        assert torch.allclose(kernel_grads[name], grad, rtol=0, atol=TOLERANCE), name


@pytest.mark.parametrize("cell_class", [PluginLSTM, PluginGRU])
def test_other_cells_use_the_loop(cell_class) -> None:
    unrolled, _ = run_model(cell_class, True)
    assert unrolled.traces and not unrolled.finishers


def lstm_step(cell, x, state):
    h, c = state
    gates = x @ cell.weight_ih.T + cell.bias_ih + h @ cell.weight_hh.T + cell.bias_hh
    i, f, g, o = gates.chunk(4, dim=1)
    c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
    return torch.sigmoid(o) * torch.tanh(c), c


def gru_step(cell, x, state):
    """torch.nn.GRU's equations (reset-after), written out."""
    (h,) = state
    x_r, x_z, x_n = (x @ cell.weight_ih.T + cell.bias_ih).chunk(3, dim=1)
    h_r, h_z, h_n = (h @ cell.weight_hh.T + cell.bias_hh).chunk(3, dim=1)
    r, z = torch.sigmoid(x_r + h_r), torch.sigmoid(x_z + h_z)
    n = torch.tanh(x_n + r * h_n)
    return ((1 - z) * n + z * h,)


@pytest.mark.parametrize("config, cell_class, step, states", [
    ("lstm", LSTM, lstm_step, ("h", "c")), ("gru", GRU, gru_step, ("h",)),
    ("gru-zero-channels", GRU, gru_step, ("h",))], ids=["LSTM", "GRU", "GRU-zero-channels"])
def test_against_hand_unrolled(config, cell_class, step, states) -> None:
    """Independent oracle: the equations written out, with
    torch.autograd.grad taken w.r.t. each state tensor (total derivatives,
    since every later use of the state goes through that tensor)."""
    with gru_route(config):
        unrolled, _ = run_model(cell_class, True)
    torch.manual_seed(1)
    model = SequenceModel(cell_class, I, H, 2).double()
    cell = model.cells[0]
    inputs = torch.randn(T, B, I, generator=torch.Generator().manual_seed(2)).double()
    weights = torch.randn(T, B, 2, generator=torch.Generator().manual_seed(3)).double()
    state = tuple(torch.zeros(B, H, dtype=torch.double) for _ in states)
    trace = []
    for t in range(T):
        state = step(cell, inputs[t], state)
        trace.append(state)
    outputs = model.readout(torch.stack([s[0] for s in trace]))
    loss = (torch.tanh(outputs) * weights).sum(dim=(0, 2)).mean()
    gradients = torch.autograd.grad(loss, [s[k] for k in range(len(states)) for s in trace])
    got = unrolled.state_gradients()
    assert got.keys() == {(0, False, name) for name in states}
    for k, name in enumerate(states):
        assert torch.allclose(torch.stack(gradients[k * T:(k + 1) * T]), got[(0, False, name)],
                              rtol=0, atol=TOLERANCE), name


@pytest.mark.parametrize("cell", ["RNN", "LSTM", "GRU"])
@pytest.mark.parametrize("layers, bidirectional", [(1, False), (2, True)],
                         ids=["1-layer", "2-layers-bidirectional"])
def test_cell_run_reports_agree(cell: str, layers: int, bidirectional: bool) -> None:
    """Through the trainer: the same series, the same numbers, either path;
    after several Adam steps (some captured, some not), the same parameters."""
    steps = 4
    spec = RunSpec(task="adding", length=T, cells=(cell,), hidden=H, batch=B, dtype="float64", steps=steps,
                   layers=layers, bidirectional=bidirectional, dropout=0.2 if layers > 1 else 0.0)
    cell_class = {"RNN": RNN, "LSTM": LSTM, "GRU": GRU}[cell]
    reports, parameters = {}, {}
    task = make_task("adding", T)
    for use_fused in (False, True):
        run = CellRun(cell_class, spec, task)
        assert spec.optimizer == "adam"
        generator = torch.Generator().manual_seed(0)
        torch.manual_seed(5)  # dropout masks
        # Every captured step measures ‖∂h_T/∂h_t‖ (its time share would make that depend on the clock).
        every_capture = mock.patch.object(run_module, "JACOBIAN_SHARE", math.inf)
        with mock.patch.object(fused, "ENABLED", use_fused), every_capture:
            reports[use_fused] = [run.train_step(task.batch(B, generator), capture=step != 2)
                                  for step in range(steps)]
        parameters[use_fused] = dict(run.model.named_parameters())
    for name, parameter in parameters[False].items():
        assert torch.allclose(parameters[True][name], parameter, rtol=0, atol=TOLERANCE), name
    for loop, kernel in zip(reports[False], reports[True], strict=True):
        assert kernel.status == loop.status and kernel.status in ("running", "done")
        assert abs(kernel.loss - loop.loss) <= TOLERANCE
        assert kernel.gradients.keys() == loop.gradients.keys()
        if kernel.gradients:  # a captured step
            expected = STATES.get(cell_class, {"h"}) | {"x", "jacobian"}  # jacobian: ‖∂h_T/∂h_t‖
            assert {name.split("@")[0] for name in kernel.gradients} == expected
        for name, values in loop.gradients.items():
            assert abs(kernel.gradients[name] - values).max() <= TOLERANCE, name
        assert kernel.gates.keys() == loop.gates.keys()
        for name, values in loop.gates.items():
            assert abs(kernel.gates[name] - values).max() <= TOLERANCE, name


@pytest.mark.parametrize("config, loops", [("gru", True), ("gru-zero-channels", False)])
def test_gru_capture_route(config: str, loops: bool) -> None:
    """On a CPU the GRU's capture loops over torch.gru_cell; the zero channels stay the GPU's."""
    loop = mock.patch.object(fused_gru, "unroll_steps", wraps=fused_gru.unroll_steps)
    with gru_route(config), loop as steps:
        unrolled, _ = run_model(GRU, True)
    assert steps.called == loops
    assert unrolled.finishers and not unrolled.traces


def test_lstm_without_cell_state_keeps_h() -> None:
    """``cell_state=False`` (what sensitivity asks): the same ∂L/∂h_t, no c_t, no ∂L/∂c_t."""
    torch.manual_seed(1)
    cell = LSTM(I, H).double()
    inputs = torch.randn(T, B, I, generator=torch.Generator().manual_seed(2)).double()
    results = {}
    for cell_state in (True, False):
        run = fused.unroll(cell, inputs, True, record_gates=False, reverse=False, cell_state=cell_state)
        run.outputs.pow(2).sum().backward()
        results[cell_state] = run, run.finish()
    (full, full_gradients), (lean, lean_gradients) = results[True], results[False]
    assert full_gradients.keys() == full.states.keys() == {"h", "c"}
    assert lean_gradients.keys() == lean.states.keys() == {"h"}
    assert torch.equal(lean_gradients["h"], full_gradients["h"])


def test_reverse_linear_scan() -> None:
    a = torch.randn(9, 2, 3, dtype=torch.double)
    m = torch.rand(9, 2, 3, dtype=torch.double)
    expected = a.clone()
    for t in range(7, -1, -1):
        expected[t] = a[t] + m[t + 1] * expected[t + 1]
    assert torch.allclose(fused.reverse_linear_scan(a.clone(), m), expected, rtol=0, atol=1e-14)
