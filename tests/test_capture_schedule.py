"""Capture on a schedule: most steps train fused without capture, and that
changes nothing but speed. The captured steps are exact."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from test_training import independent_gradient_norms

from cells import GRU, LSTM, RNN
from training import RunSpec, Trainer
from training.capture_schedule import CaptureSchedule

CELLS = [(RNN, torch.nn.RNNCell), (LSTM, torch.nn.LSTMCell), (GRU, torch.nn.GRUCell)]


class Clock:
    """A clock the test advances: one training step takes ``step_seconds``."""

    def __init__(self, step_seconds: float):
        self.now, self.step_seconds = 0.0, step_seconds

    def __call__(self) -> float:
        self.now += self.step_seconds
        return self.now


def captured_steps(schedule: CaptureSchedule, steps: int, asked: set[int] = frozenset()) -> list[int]:
    return [step for step in range(1, steps + 1) if schedule.wants(step, asked=step in asked)]


def test_an_endless_run_captures_about_twenty_a_second_on_a_power_of_two_grid():
    schedule = CaptureSchedule(clock=Clock(0.004))  # the window with steps 0: 250 steps/s for 4 s
    steps = captured_steps(schedule, 1001)
    assert steps[0] == 1
    assert schedule.interval == 16  # 16 × 4 ms = 64 ms ≥ 50 ms; 8 × 4 ms was too soon
    assert all(step % schedule.interval == 0 for step in steps[1:] if step > 200)
    assert len(steps) <= 20 * 4 + 20  # about 20 a second, plus the first steps while it adapts


def test_slow_steps_of_an_endless_run_capture_every_step():
    assert captured_steps(CaptureSchedule(clock=Clock(0.2)), 50) == list(range(1, 51))


@pytest.mark.parametrize("step_seconds", [0.0001, 0.01, 1.0])
def test_a_run_with_an_end_captures_the_same_steps_on_any_machine(step_seconds):
    """So a seed gives the same numbers on a laptop, a pool and a Dask cluster:
    which steps go through the capture does not depend on the clock."""
    steps = captured_steps(CaptureSchedule(final_step=2001, clock=Clock(step_seconds)), 2001)
    assert steps == [1, *range(4, 2001, 4), 2001]  # 500 captures: what the recording keeps


def test_a_step_asked_for_while_paused_always_captures():
    schedule = CaptureSchedule(clock=Clock(0.001))
    captured_steps(schedule, 500)
    assert schedule.interval > 1
    assert schedule.wants(schedule.interval * 7 + 1, asked=True)


@pytest.mark.parametrize("cell_class", [RNN, LSTM, GRU], ids=lambda c: c.name)
def test_a_scheduled_run_ends_with_the_parameters_of_one_that_captures_every_step(cell_class):
    spec = RunSpec(task="adding", length=12, cells=(cell_class.name,), hidden=6, batch=4, dtype="float64")
    runs = [Trainer(spec, [cell_class]) for _ in range(2)]
    schedule = CaptureSchedule(clock=Clock(0.01))
    for step in range(1, 41):
        runs[0].step(capture=schedule.wants(step))
        runs[1].step(capture=True)
    assert schedule.interval > 1  # some steps really went without capture
    scheduled, everything = (dict(r.runs[0].model.named_parameters()) for r in runs)
    for name, value in scheduled.items():
        torch.testing.assert_close(value, everything[name], rtol=1e-12, atol=1e-12, msg=name)


@pytest.mark.parametrize("cell_class, torch_class", CELLS, ids=[c.name for c, _ in CELLS])
def test_a_capture_after_uncaptured_steps_is_exact(cell_class, torch_class):
    spec = RunSpec(task="adding", length=9, cells=(cell_class.name,), hidden=5, batch=4,
                   dtype="float64", forget_bias=None)
    trainer = Trainer(spec, [cell_class])
    for _ in range(5):
        assert trainer.step(capture=False)[0].gradients == {}
    run = trainer.runs[0]
    reference = torch_class(2, 5).double()
    reference.load_state_dict(run.model.layers[0][0].state_dict())
    generator = torch.Generator().manual_seed(spec.seed)
    for _ in range(6):  # the batch the sixth step will draw
        batch = trainer.task.batch(spec.batch, generator)
    batch = type(batch)(batch.inputs.double(), batch.targets.double(), batch.mask.double())
    expected = independent_gradient_norms(run.model, reference, trainer.task, batch)
    report = trainer.step(capture=True)[0]
    np.testing.assert_allclose(report.gradients["h"], expected["h"], rtol=1e-10, atol=1e-300)
    if cell_class is LSTM:
        np.testing.assert_allclose(report.gradients["c"], expected["c"], rtol=1e-10, atol=1e-300)
