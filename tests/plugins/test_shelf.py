"""Every shipped variant passes validation and trains a few steps on the adding task."""

import math

import numpy as np
import pytest
import torch

from plugin_host import PROJECT_PLUGIN_DIR, import_file, plugin_files
from plugin_host.validation import validate_cell
from training import RunSpec, Trainer

SHELF = {
    "peephole_lstm.py": "Peephole LSTM", "cifg_lstm.py": "CIFG", "lstm_no_forget.py": "LSTM (no forget)",
    "mgu.py": "MGU", "min_gru.py": "minGRU", "indrnn.py": "IndRNN", "irnn.py": "IRNN",
    "min_lstm.py": "minLSTM", "slstm.py": "sLSTM", "lru.py": "LRU", "mamba.py": "Mamba (selective SSM)",
    "cho_gru.py": "Cho GRU (wrapped)",
}
HELPERS = ["published_cho_gru.py"]  # vendored code a shelf cell wraps (docs/PLUGINS.md, "Wrap an existing …")
TASKS = ["parity.py"]  # the example task plugin (tests/test_task_plugins.py)
WITH_FORGET_GATE = {"Peephole LSTM", "CIFG", "minLSTM", "sLSTM"}
# The modern cells (issue 13) learn the adding problem at T=50 and say where a parallel scan exists.
MODERN = {"min_lstm.py", "slstm.py", "lru.py", "mamba.py"}


def shelf_class(file):
    module = import_file(PROJECT_PLUGIN_DIR / file)
    (cls,) = [v for v in vars(module).values()
              if isinstance(v, type) and getattr(v, "name", "") == SHELF[file]]
    return cls, module


def test_the_shelf_is_complete():
    assert sorted(p.name for p in plugin_files(PROJECT_PLUGIN_DIR)) == sorted([*SHELF, *HELPERS, *TASKS])


@pytest.mark.parametrize("file", sorted(SHELF))
def test_variant_is_documented_validated_and_trains(file):
    cls, module = shelf_class(file)
    doc = module.__doc__
    assert "What to notice" in doc and "Reference" in doc and "=" in doc  # equations
    assert cls.equations and "<sub>" in cls.equations and cls.description
    result = validate_cell(cls)
    assert result.status == "ok", result.reason
    assert result.gradient_to_previous and result.gates
    assert cls(2, 8).set_forget_bias(1.0) == (cls.name in WITH_FORGET_GATE)
    if file in MODERN:
        assert "parallel" in doc.lower() and "GateLab trains the step form" in doc

    length = 50 if file in MODERN else 20
    spec = RunSpec(task="adding", length=length, cells=(cls.name,), steps=25, hidden=16, batch=16, seed=0)
    trainer = Trainer(spec, [cls])
    losses = [trainer.step()[0] for _ in range(spec.steps)]
    assert all(r.status in ("running", "done") for r in losses), losses[-1].message
    recent = sum(r.loss for r in losses[-5:]) / 5
    assert recent < 0.5 * losses[0].loss, (losses[0].loss, recent)  # it learns, not noise
    profile = losses[-1].gradients["h"]  # ‖∂ℓ/∂h_t‖, t = 1 … T
    assert profile.shape == (length,) and np.isfinite(profile).all(), profile
    assert profile.max() > 0 and profile.min() < profile.max(), profile  # a curve, not a flat line


def test_peephole_lstm_without_peepholes_is_torchs_lstm():
    cls, _ = shelf_class("peephole_lstm.py")
    torch.manual_seed(0)
    cell, reference = cls(3, 5).double(), torch.nn.LSTMCell(3, 5).double()
    cell.load_state_dict(reference.state_dict() | {"peephole": torch.zeros(3, 5, dtype=torch.float64)})
    x, h, c = torch.randn(4, 3).double(), torch.randn(4, 5).double(), torch.randn(4, 5).double()
    out, (_, c1) = cell(x, (h, c))
    h2, c2 = reference(x, (h, c))
    assert torch.allclose(out, h2, atol=1e-12) and torch.allclose(c1, c2, atol=1e-12)


def test_irnn_starts_from_the_identity_and_forget_biases_are_summed():
    irnn, _ = shelf_class("irnn.py")
    assert torch.equal(irnn(2, 6).weight_hh, torch.eye(6))
    cifg, _ = shelf_class("cifg_lstm.py")
    cell = cifg(2, 4)
    cell.set_forget_bias(1.0)
    assert torch.equal(cell.bias_ih[:4] + cell.bias_hh[:4], torch.ones(4))


def test_slstm_stabiliser_changes_nothing_but_keeps_huge_gates_finite():
    cls, _ = shelf_class("slstm.py")
    torch.manual_seed(0)
    cell = cls(3, 5).double()
    xs = torch.randn(12, 4, 3, dtype=torch.float64)
    h, c, n, m = cell.initial_state(4)
    true_c, true_n = c.clone(), n.clone()  # the unstabilised cell: c_t e^{m_t}, n_t e^{m_t}
    state = (h, c, n, m)
    for x in xs:
        out, state = cell(x, state)
        gates = torch.nn.functional.linear(x, cell.weight_ih, cell.bias_ih) + h @ cell.weight_hh.T
        f_raw, i_raw, z, o = gates.chunk(4, dim=1)
        true_c = torch.sigmoid(f_raw) * true_c + torch.exp(i_raw) * torch.tanh(z)
        true_n = torch.sigmoid(f_raw) * true_n + torch.exp(i_raw)
        h = torch.sigmoid(o) * true_c / true_n
        assert torch.allclose(out, h, atol=1e-10)
        assert torch.allclose(state[1] * state[3].exp(), true_c, rtol=1e-9)
    # Input gates far beyond exp's float32 range (ĩ in the thousands): every state stays finite.
    cell = cls(3, 5)
    state = cell.initial_state(4)
    for x in 1000 * torch.randn(30, 4, 3):
        out, state = cell(x, state)
        assert all(torch.isfinite(s).all() for s in (out, *state))
    assert state[3].abs().max() > 100  # m carried the size that c and n could not


def test_lru_state_decays_by_exactly_lambda_to_the_k():
    cls, module = shelf_class("lru.py")
    torch.manual_seed(0)
    cell = cls(2, 6).double()
    magnitude = torch.exp(-torch.exp(cell.nu)).detach()
    assert ((module.R_MIN - 1e-6 <= magnitude) & (magnitude <= module.R_MAX + 1e-6)).all()
    state = tuple(torch.randn(3, 6, dtype=torch.float64) for _ in range(2))
    start, k = torch.hypot(*state), 7
    with cell.recording() as trace:
        for _ in range(k):
            _, state = cell(torch.zeros(3, 2, dtype=torch.float64), state)  # no input: x_k = λ^k x_0
    assert torch.allclose(torch.hypot(*state), magnitude ** k * start, rtol=1e-12)
    assert math.isclose(float(trace["decay |λ|"][0]), float(magnitude.mean()), rel_tol=1e-12)


def test_a_cell_that_raises_at_step_k_stops_alone_with_file_and_line():
    module = import_file(PROJECT_PLUGIN_DIR.parent / "tests" / "broken_plugins" / "raises_at_step.py")
    good, _ = shelf_class("mgu.py")
    spec = RunSpec(task="adding", length=10, cells=("Late failure", "MGU"), steps=40, hidden=8, batch=4)
    trainer = Trainer(spec, [module.LateFailure, good])
    for _ in range(40):
        trainer.step()
    late, mgu = trainer.runs
    # Its 300th forward call: step 30 of training alone, sooner where captured steps also
    # measure ‖∂h_T/∂h_t‖ (one more pass over the sequence).
    failed_at = late.step_count  # the step that raised counts
    assert 20 <= failed_at <= 30
    assert late.status == "error" and "raises_at_step.py:20" in late.message
    assert late.message.endswith(f"at step {failed_at}")
    assert mgu.status == "done" and mgu.step_count == 40
