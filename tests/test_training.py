"""Training and per-time-step gradient capture."""

import math

import numpy as np
import pytest
import torch
from plugin_corpus import GOOD_CELL

from cells import GRU, LSTM, RNN
from plugin_host.source import import_file
from tasks import make_task
from training import DIVERGED, ERROR, DecimatingHistory, RunSpec, Trainer
from training.model import SequenceModel

Leaky = import_file(GOOD_CELL).Leaky


def independent_gradient_norms(model: SequenceModel, torch_cell, task, batch):
    """‖∂ℓ_b/∂h_t‖ (total derivative) from torch's own cell, one autograd.grad
    per example, averaged over the batch: no probes involved."""
    length, size = batch.inputs.shape[:2]
    h = torch.zeros(size, model.hidden_size, dtype=torch.double)
    c = torch.zeros_like(h)
    hs, cs = [], []
    for x in batch.inputs:
        if isinstance(torch_cell, torch.nn.LSTMCell):
            h, c = torch_cell(x, (h, c))
            cs.append(c)
        else:
            h = torch_cell(x, h)
        hs.append(h)
    outputs = model.readout(torch.stack(hs))
    losses = task.loss_per_example(outputs, batch)
    norms = {"h": np.zeros(length), "c": np.zeros(length)}
    for b in range(size):
        grads = torch.autograd.grad(losses[b], hs + cs, retain_graph=True, allow_unused=True)
        for t in range(length):
            norms["h"][t] += grads[t][b].norm().item() / size
            if cs:
                norms["c"][t] += grads[length + t][b].norm().item() / size
    return norms


@pytest.mark.parametrize("cell_class, torch_class", [(RNN, torch.nn.RNNCell), (LSTM, torch.nn.LSTMCell),
                                                     (GRU, torch.nn.GRUCell)], ids=["RNN", "LSTM", "GRU"])
def test_captured_gradients_equal_an_independent_autograd_computation(cell_class, torch_class):
    spec = RunSpec(task="adding", length=9, cells=(cell_class.name,), hidden=5, batch=4,
                   dtype="float64", steps=0, forget_bias=None)
    trainer = Trainer(spec, [cell_class])
    run = trainer.runs[0]
    reference = torch_class(2, 5).double()
    reference.load_state_dict(run.model.layers[0][0].state_dict())
    batch = trainer.task.batch(4, torch.Generator().manual_seed(spec.seed))
    batch_double = type(batch)(batch.inputs.double(), batch.targets.double(), batch.mask.double())
    expected = independent_gradient_norms(run.model, reference, trainer.task, batch_double)
    report = trainer.step()[0]
    np.testing.assert_allclose(report.gradients["h"], expected["h"], rtol=1e-10, atol=1e-300)
    if cell_class is LSTM:
        np.testing.assert_allclose(report.gradients["c"], expected["c"], rtol=1e-10, atol=1e-300)
    assert report.gradients["x"].shape == (9,)
    # The many-to-one loss reads only the last output, so the gradient at t=T is the largest.
    assert report.gradients["h"][-1] == report.gradients["h"].max()


def test_same_spec_and_seed_give_the_same_numbers():
    spec = RunSpec(length=12, hidden=8, batch=4, steps=3, cells=("RNN", "GRU"))
    runs = []
    for _ in range(2):
        trainer = Trainer(spec, [RNN, GRU])
        runs.append([(r.cell, r.loss, r.grad_norm) for _ in range(3) for r in trainer.step()])
    assert runs[0] == runs[1]
    other = Trainer(spec.replace(seed=1), [RNN, GRU])
    assert [r.loss for r in other.step()] != [loss for _, loss, _ in runs[0][:2]]


def test_every_cell_sees_the_same_batches():
    spec = RunSpec(length=10, hidden=4, batch=3, steps=2, cells=("RNN", "LSTM"))
    seen = []

    class Spy(Leaky):
        name = "Spy"

        def forward(self, x, state):
            seen.append(x.detach().clone())
            return super().forward(x, state)

    trainer = Trainer(spec.replace(cells=("Spy",)), [Spy])
    trainer.step()
    expected = trainer.task.batch(3, torch.Generator().manual_seed(spec.seed)).inputs
    # The training pass first; then the captured step's ‖∂h_T/∂h_t‖ re-runs the cell on probe copies.
    assert torch.equal(torch.stack(seen[:len(expected)]), expected)


class NaNCell(Leaky):
    name = "NaN"

    def forward(self, x, state):
        h = super().forward(x, state)[0] + float("nan")
        return h, (h,)


class RaisingCell(NaNCell):
    name = "Raiser"

    def forward(self, x, state):
        raise RuntimeError("this cell is broken on purpose")


def test_a_diverging_or_raising_cell_stops_alone():
    spec = RunSpec(length=8, hidden=4, batch=2, steps=3, cells=("NaN", "Raiser", "GRU"))
    trainer = Trainer(spec, [NaNCell, RaisingCell, GRU])
    reports = {r.cell: r for r in trainer.step()}
    assert reports["NaN"].status == DIVERGED and "at step 1" in reports["NaN"].message
    assert reports["Raiser"].status == ERROR
    assert "this cell is broken on purpose" in reports["Raiser"].message
    assert "test_training.py" in reports["Raiser"].message
    assert math.isfinite(reports["GRU"].loss)
    later = trainer.step()
    assert [r.cell for r in later] == ["GRU"]


def test_float32_rnn_gradient_underflows_to_true_zero_and_is_kept():
    spec = RunSpec(length=400, hidden=16, batch=4, steps=1, cells=("RNN",), forget_bias=None,
                   recurrent_gain=0.3)
    report = Trainer(spec, [RNN]).step()[0]
    assert report.gradients["h"][0] == 0.0
    assert report.gradients["h"][-1] > 0.0


def test_stacked_bidirectional_model_reports_every_layer_and_direction():
    spec = RunSpec(length=6, hidden=4, batch=2, steps=1, cells=("LSTM",), layers=2,
                   bidirectional=True, dropout=0.1)
    report = Trainer(spec, [LSTM]).step()[0]
    assert {"h", "c", "x", "h@L1r", "c@L1r", "h@L0", "h@L0r"} <= set(report.gradients)
    assert all(v.shape == (6,) for v in report.gradients.values())
    assert set(report.gates) == {"input i", "forget f", "output o"}


def test_defaults_train_below_the_baseline_quickly_on_a_short_sequence():
    spec = RunSpec(length=12, steps=150, cells=("GRU",))
    trainer = Trainer(spec, [GRU])
    losses = [trainer.step()[0].loss for _ in range(150)]
    assert np.mean(losses[-20:]) < 0.25 * trainer.task.baseline_loss


def test_decimating_history_stays_bounded_and_spans_the_run():
    history = DecimatingHistory(capacity=10)
    for step in range(1, 1001):
        history.add(step, step)
    assert len(history) <= 10
    assert history.steps == sorted(history.steps)
    assert history.steps[-1] > 1000 - history.stride and history.steps[0] == history.stride
    gaps = set(np.diff(history.steps))
    assert gaps == {history.stride}


def test_run_spec_round_trips_through_json_and_refuses_nonsense():
    spec = RunSpec(task="echo", task_options={"delay": 3}, cells=("RNN", "LSTM"), clip=None,
                   plugins=("/tmp/x",))
    assert RunSpec.from_json(spec.to_json()) == spec
    for bad in ({"lr": -1}, {"length": 1}, {"optimizer": "lbfgs"}, {"cells": ()}, {"clip": 0}):
        with pytest.raises(ValueError):
            RunSpec(**bad)
    with pytest.raises(ValueError, match="unknown run settings"):
        RunSpec.from_dict({"colour": "red"})


def test_task_is_built_from_the_spec():
    spec = RunSpec(task="copy", length=15)
    assert Trainer(spec.replace(cells=("RNN",)), [RNN]).task == make_task("copy", 15)


def test_init_and_gain_that_cannot_apply_are_said_not_silently_dropped():
    spec = RunSpec(length=6, hidden=4, batch=2, cells=("Leaky", "RNN"), init="orthogonal", recurrent_gain=2.0)
    trainer = Trainer(spec, [Leaky, RNN])
    reports = {r.cell: r for r in trainer.step()}
    assert "--init orthogonal / --gain 2 changed nothing" in reports["Leaky"].message
    assert reports["Leaky"].status == "running" and reports["RNN"].message == ""
    plain = Trainer(spec.replace(init="default", recurrent_gain=1.0), [Leaky]).step()[0]
    assert plain.message == ""
