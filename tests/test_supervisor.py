"""Worker processes: steering, a hanging cell's time limit, a crashing worker."""

from __future__ import annotations

import time

import pytest

from plugin_host import discover_cells
from training import RunSpec, StepReport
from training.supervisor import RunSupervisor


def misbehaving_cell(name: str, misbehave: str) -> str:
    """A plugin cell that trains normally until ``misbehave`` (a line run in
    forward) fires; only at the test's hidden size 4, never in validation."""
    return f"""
import os
import torch
from cells import Cell

class {name}(Cell):
    name = "{name}"
    def __init__(self, input_size, hidden_size):
        super().__init__(input_size, hidden_size)
        self.inp = torch.nn.Linear(input_size, hidden_size)
        self.calls = 0
    def forward(self, x, state):
        self.calls += 1
        {misbehave}
        h = torch.tanh(self.inp(x)) + state[0] * 0.5
        return h, (h,)
"""


# Six calls of forward per step (length 6).
HANGS_AT_STEP_4 = misbehaving_cell("Sleepy", "while self.hidden_size == 4 and self.calls > 18: pass")
CRASHES_AT_STEP_2 = misbehaving_cell("Crasher", "if self.hidden_size == 4 and self.calls > 6: os._exit(3)")


def supervisor_for(cells, plugin_dir=None, **options) -> RunSupervisor:
    dirs = [plugin_dir] if plugin_dir else []
    records = {r.name: r.source for r in discover_cells(dirs, include_user_plugins=False,
                                                        include_entry_points=False)}
    spec = RunSpec(length=6, hidden=4, batch=2, steps=0, cells=cells,
                   plugins=tuple(str(d) for d in dirs))
    return RunSupervisor(spec, {name: records[name] for name in cells}, **options)


def collect(supervisor, until, timeout=120.0):
    news = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        news += supervisor.poll()
        if until(news):
            return news
        time.sleep(0.05)
    raise AssertionError(f"timed out; got {news[-5:]}")


def last_steps(news):
    steps = {}
    for message in news:
        if isinstance(message, StepReport):
            steps[message.cell] = message.step
    return steps


def test_stepping_a_running_comparison_pauses_it():
    supervisor = supervisor_for(("RNN", "GRU"))
    try:
        supervisor.start(running=True)
        news = collect(supervisor, lambda n: min(last_steps(n).values(), default=0) >= 3
                       and len(last_steps(n)) == 2)
        supervisor.step_once()
        time.sleep(1.0)
        news += supervisor.poll()
        settled = last_steps(news)
        time.sleep(1.5)
        assert last_steps(news + supervisor.poll()) == settled
    finally:
        supervisor.stop()
    assert not supervisor.any_alive


def test_a_hanging_cell_is_stopped_by_the_time_limit_and_the_other_goes_on(tmp_path):
    (tmp_path / "sleepy.py").write_text(HANGS_AT_STEP_4)
    supervisor = supervisor_for(("Sleepy", "RNN"), tmp_path, step_timeout=3.0)
    try:
        supervisor.start(running=True)
        news = collect(supervisor, lambda n: any(getattr(m, "kind", "") == "error" for m in n))
        error = next(m for m in news if getattr(m, "kind", "") == "error")
        assert error.cell == "Sleepy" and "step 4 took longer than 3 s" in error.message
        before = last_steps(news)["RNN"]
        news += collect(supervisor, lambda n: last_steps(n).get("RNN", 0) > before + 2)
    finally:
        supervisor.stop()
    assert supervisor.statuses["Sleepy"] == "error"


def test_a_worker_that_dies_is_reported(tmp_path):
    (tmp_path / "crasher.py").write_text(CRASHES_AT_STEP_2)
    supervisor = supervisor_for(("Crasher",), tmp_path)
    try:
        supervisor.start(running=True)
        news = collect(supervisor, lambda n: any(getattr(m, "kind", "") == "error" for m in n))
    finally:
        supervisor.stop()
    error = next(m for m in news if getattr(m, "kind", "") == "error")
    assert "ended unexpectedly (exit code 3)" in error.message


@pytest.mark.parametrize("command", ["pause", "stop"])
def test_pause_and_stop_take_effect_at_once(command):
    supervisor = supervisor_for(("RNN",))
    try:
        supervisor.start(running=True)
        collect(supervisor, lambda n: last_steps(n).get("RNN", 0) >= 2)
        started = time.monotonic()
        getattr(supervisor, command)()
        assert time.monotonic() - started < 1.0
        time.sleep(0.5)
        supervisor.poll()
        if command == "pause":
            settled = supervisor.workers["RNN"].last_step
            time.sleep(1.0)
            supervisor.poll()
            assert supervisor.workers["RNN"].last_step == settled
        else:
            assert not supervisor.any_alive
    finally:
        supervisor.stop()


def test_the_time_limit_grows_with_the_model_and_the_cells_own_pace():
    small = supervisor_for(("RNN",), step_timeout=5.0)
    handle = type("Handle", (), {"ready": True, "last_step": 0, "longest_step": 0.0})()
    assert small.step_allowance(handle) == 5.0
    big = RunSupervisor(RunSpec(length=1000, hidden=1024, batch=256, cells=("LSTM",)), {},
                        step_timeout=5.0)
    assert big.step_allowance(handle) > 600
    handle.last_step, handle.longest_step = 10, 2.0
    assert small.step_allowance(handle) == 20.0


def test_a_running_cell_keeps_the_version_it_started_with(tmp_path):
    """Hot reload changes the list of cells, never a run in progress."""
    plugin = tmp_path / "steady.py"
    plugin.write_text(misbehaving_cell("Steady", "pass"))
    supervisor = supervisor_for(("Steady",), tmp_path)
    try:
        supervisor.start(running=True)
        collect(supervisor, lambda n: last_steps(n).get("Steady", 0) >= 2)
        plugin.write_text(misbehaving_cell("Steady", "raise RuntimeError('the new version')"))
        reached = supervisor.workers["Steady"].last_step
        news = collect(supervisor, lambda n: last_steps(n).get("Steady", 0) >= reached + 5)
    finally:
        supervisor.stop()
    assert all(getattr(m, "status", "running") == "running" for m in news)
