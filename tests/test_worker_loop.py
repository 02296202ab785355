"""The worker's command loop and the supervisor's step allowance, in this process.

``WorkerLoop`` gets a plain ``queue.Queue`` as its inbox and a list-backed
outbox that may answer a message by putting the next commands on the inbox,
so every test is a fixed conversation: no process, no clock.
"""

from __future__ import annotations

import queue

import pytest
import torch

from plugin_host.source import CellSource
from training import RunSpec, StepReport
from training.report import DONE, WorkerEvent
from training.run import CellRun, build_task
from training.supervisor import START_ALLOWANCE, RunSupervisor, WorkerHandle, rough_step_seconds
from training.worker import IDLE, WorkerLoop

RNN = CellSource("module", "cells.rnn", "RNN")
MESSAGE_LIMIT = 50  # a loop that ignores a command would otherwise never return


class Outbox:
    """The worker's pipe as a list; ``answer(message, outbox)`` may put commands on the inbox."""

    def __init__(self, inbox: queue.Queue, answer):
        self.inbox, self.answer, self.sent = inbox, answer, []

    def send(self, message) -> None:
        self.sent.append(message)
        if len(self.sent) > MESSAGE_LIMIT:
            raise AssertionError(f"the loop kept going: {self.sent[-3:]}")
        self.answer(message, self)

    @property
    def reports(self) -> list[StepReport]:
        return [m for m in self.sent if isinstance(m, StepReport)]

    @property
    def kinds(self) -> list[str]:
        return ["report" if isinstance(m, StepReport) else m.kind for m in self.sent]


def make_loop(*commands, answer=lambda message, outbox: None, steps: int = 0) -> tuple[WorkerLoop, Outbox]:
    """A WorkerLoop on a tiny adding task with ``commands`` waiting in its inbox."""
    spec = RunSpec(task="adding", length=5, hidden=4, batch=2, cells=("RNN",), steps=steps)
    task = build_task(spec)
    inbox: queue.Queue = queue.Queue()
    for command in commands:
        inbox.put(command)
    outbox = Outbox(inbox, answer)
    loop = WorkerLoop(CellRun(RNN.load(), spec, task), task, spec.batch,
                      torch.Generator().manual_seed(spec.seed), inbox, outbox)
    return loop, outbox


def serve(*commands, answer=lambda message, outbox: None, steps: int = 0) -> tuple[WorkerLoop, Outbox]:
    """Run the loop until it obeys ("stop",)."""
    loop, outbox = make_loop(*commands, answer=answer, steps=steps)
    loop.serve()
    return loop, outbox


def idle(message) -> bool:
    return isinstance(message, WorkerEvent) and message.kind == IDLE


def stop_when_idle(message, outbox) -> None:
    if idle(message):
        outbox.inbox.put(("stop",))


def test_run_trains_until_pause_then_says_idle_once():
    def answer(message, outbox):
        if isinstance(message, StepReport) and message.step == 3:
            outbox.inbox.put(("pause",))
        stop_when_idle(message, outbox)

    _, outbox = serve(("run",), answer=answer)
    assert outbox.kinds == ["report"] * 3 + [IDLE]
    assert [r.step for r in outbox.reports] == [1, 2, 3]


def test_stepping_a_running_loop_trains_exactly_n_more_steps_then_waits():
    def answer(message, outbox):
        if isinstance(message, StepReport) and message.step == 2:
            outbox.inbox.put(("step", 2))
        stop_when_idle(message, outbox)

    _, outbox = serve(("run",), answer=answer)
    assert outbox.kinds == ["report"] * 4 + [IDLE]


def test_steps_add_up_and_pause_cancels_the_owed_ones():
    def answer(message, outbox):
        if isinstance(message, StepReport) and message.step == 1:
            outbox.inbox.put(("pause",))  # 5 steps were owed; 4 are dropped
        stop_when_idle(message, outbox)

    _, outbox = serve(("step", 2), ("step", 3), answer=answer)
    # "step 2" is obeyed and trains step 1; "step 3" adds to the 1 still owed,
    # then the pause drops everything owed.
    assert outbox.kinds == ["report", "report", IDLE]


def test_stop_ends_the_loop_at_once_even_while_running():
    def answer(message, outbox):
        if isinstance(message, StepReport) and message.step == 2:
            outbox.inbox.put(("stop",))

    _, outbox = serve(("run",), answer=answer)
    assert outbox.kinds == ["report", "report"]  # no further step, no idle: the worker is gone


def test_a_new_loop_waits_silently_for_run_or_step():
    _, outbox = serve(("lr", 0.5), ("clip", 2.0), ("pause",), ("stop",))
    assert outbox.sent == []


def test_lr_and_clip_apply_to_the_next_step():
    """lr 0: a step is taken and reported but moves no parameter; then lr 0.05 does."""
    saved: dict[str, torch.Tensor] = {}

    def answer(message, outbox):
        if idle(message) and not saved:
            saved.update({k: v.clone() for k, v in loop.run.model.state_dict().items()})
            for command in (("lr", 0.05), ("clip", None), ("step", 1)):
                outbox.inbox.put(command)
        elif idle(message):
            outbox.inbox.put(("stop",))

    loop, outbox = make_loop(("lr", 0.0), ("clip", 0.25), ("step", 2), answer=answer)
    initial = {k: v.clone() for k, v in loop.run.model.state_dict().items()}
    loop.serve()
    assert outbox.kinds == ["report", "report", IDLE, "report", IDLE]
    assert all(torch.equal(saved[k], v) for k, v in initial.items())
    assert [g["lr"] for g in loop.run.optimizer.param_groups] == [0.05] and loop.run.clip is None
    after = loop.run.model.state_dict()
    assert any(not torch.equal(after[k], saved[k]) for k in saved)


def test_clip_limits_the_update_of_the_next_step():
    """SGD moves the parameters by lr times the (clipped) gradient."""
    def moved(clip):
        loop, _ = make_loop(("lr", 1.0), ("clip", clip), ("step", 1), answer=stop_when_idle)
        loop.run.optimizer = torch.optim.SGD(loop.run.model.parameters(), lr=1.0)
        before = [p.detach().clone() for p in loop.run.model.parameters()]
        loop.serve()
        after = list(loop.run.model.parameters())
        return torch.cat([(a.detach() - b).flatten() for a, b in zip(after, before, strict=True)]).norm()

    assert float(moved(1e-3)) == pytest.approx(1e-3, rel=1e-3)
    assert float(moved(None)) > 1e-2


def test_a_finished_run_says_idle_and_trains_no_further():
    def answer(message, outbox):
        stop_when_idle(message, outbox)

    _, outbox = serve(("run",), ("step", 5), answer=answer, steps=3)
    assert outbox.kinds == ["report"] * 3 + [IDLE]
    assert outbox.reports[-1].status == DONE


# ---- the supervisor's time limit, without processes -------------------------------------
def handle(**state) -> WorkerHandle:
    return WorkerHandle("RNN", worker=None, **state)


def supervisor(step_timeout: float = 5.0, **spec) -> RunSupervisor:
    return RunSupervisor(RunSpec(cells=("RNN",), **spec), {"RNN": RNN}, step_timeout=step_timeout)


def test_rough_step_seconds_is_50_ms_at_the_reference_size_and_grows_with_the_work():
    reference = dict(length=100, batch=32, hidden=64)
    assert rough_step_seconds(RunSpec(**reference)) == pytest.approx(0.05)
    assert rough_step_seconds(RunSpec(**{**reference, "length": 300})) == pytest.approx(0.15)
    assert rough_step_seconds(RunSpec(**{**reference, "batch": 128})) == pytest.approx(0.2)
    assert rough_step_seconds(RunSpec(**{**reference, "batch": 8})) == pytest.approx(0.05)  # no less
    assert rough_step_seconds(RunSpec(**{**reference, "hidden": 256})) == pytest.approx(0.8)  # H²
    assert rough_step_seconds(RunSpec(**{**reference, "hidden": 16})) == pytest.approx(0.05)
    assert rough_step_seconds(RunSpec(**reference, layers=2, bidirectional=True)) == pytest.approx(0.2)


def test_building_the_cell_gets_the_start_allowance():
    assert supervisor(5.0).step_allowance(handle(ready=False)) == 5.0 + START_ALLOWANCE


def test_before_the_first_step_the_limit_is_20x_the_rough_guess_or_the_timeout():
    assert supervisor(5.0, length=100).step_allowance(handle(ready=True)) == 5.0  # 20 x 0.05 = 1 s
    big = supervisor(5.0, length=1000, hidden=1024, batch=256)
    expected = 20 * rough_step_seconds(big.spec)
    assert expected > 600 and big.step_allowance(handle(ready=True)) == pytest.approx(expected)


def test_after_steps_the_limit_is_10x_the_slowest_step_so_far_or_the_timeout():
    small = supervisor(5.0, length=100)
    assert small.step_allowance(handle(ready=True, last_step=10, longest_step=2.0)) == 20.0
    assert small.step_allowance(handle(ready=True, last_step=10, longest_step=0.1)) == 5.0
    # measured steps replace the guess, even for a big model that turned out fast
    big = supervisor(5.0, length=1000, hidden=1024, batch=256)
    assert big.step_allowance(handle(ready=True, last_step=3, longest_step=0.2)) == 5.0
