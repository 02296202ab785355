"""Worker processes: steering, a hanging cell's time limit, a crashing worker."""

from __future__ import annotations

import re
import time
from multiprocessing.connection import wait
from pathlib import Path

from plugin_corpus import GOOD_CELL

from plugin_host.source import CellSource
from training import RunSpec, StepReport
from training.report import WorkerEvent
from training.supervisor import RunSupervisor
from training.worker import IDLE


def misbehaving_cell(name: str, misbehave: str) -> str:
    """A plugin file: the good cell, and a subclass ``name`` that trains like
    it until ``misbehave`` (a line run in forward) fires; only at the test's
    hidden size 4, never in validation."""
    return "import os\n" + GOOD_CELL.read_text() + f"""

class {name}(Leaky):
    name = "{name}"
    calls = 0

    def forward(self, x, state):
        self.calls += 1
        {misbehave}
        return super().forward(x, state)
"""


# Six calls of forward per step (length 6).
HANGS_AT_STEP_4 = misbehaving_cell("Sleepy", "while self.hidden_size == 4 and self.calls > 18: pass")
CRASHES_AT_STEP_2 = misbehaving_cell("Crasher", "if self.hidden_size == 4 and self.calls > 6: os._exit(3)")


BUILT_INS = {name: CellSource("module", f"cells.{name.lower()}", name) for name in ("RNN", "LSTM", "GRU")}


def supervisor_for(cells, plugin: Path | None = None, **options) -> RunSupervisor:
    """Built-ins by name; ``plugin``: a file whose class is named like its
    first cell (no discovery: the workers are the subject here)."""
    sources = dict(BUILT_INS)
    if plugin is not None:
        sources[cells[0]] = CellSource("file", str(plugin), cells[0])
    spec = RunSpec(length=6, hidden=4, batch=2, steps=0, cells=cells,
                   plugins=(str(plugin.parent),) if plugin else ())
    return RunSupervisor(spec, {name: sources[name] for name in cells}, **options)


def collect(supervisor, until, timeout=90.0):
    """Poll until ``until(news)``. Between polls, block until a live worker
    speaks or ends; at most a second, so that the supervisor's own step time
    limit (checked in ``poll``) is seen too."""
    news = supervisor.poll()
    deadline = time.monotonic() + timeout
    while not until(news):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out; got {news[-5:]}")
        live = [h for h in supervisor.workers.values() if h.alive]
        wait([h.outbox for h in live] + [h.process.sentinel for h in live], timeout=1.0)
        news += supervisor.poll()
    return news


def last_steps(news):
    steps = {}
    for message in news:
        if isinstance(message, StepReport):
            steps[message.cell] = message.step
    return steps


def idle_cells(news) -> set[str]:
    return {m.cell for m in news if isinstance(m, WorkerEvent) and m.kind == IDLE}


def one_more_step_each(supervisor) -> None:
    """From rest, step_once trains exactly one more step per cell, then rest again."""
    before = {name: h.last_step for name, h in supervisor.workers.items()}
    supervisor.step_once()
    news = collect(supervisor, lambda n: idle_cells(n) == set(before))
    for name, step in before.items():
        said = [m for m in news if m.cell == name]
        assert [(type(m).__name__, getattr(m, "step", None)) for m in said] == [
            ("StepReport", step + 1), ("WorkerEvent", None)], said


def test_stepping_a_running_comparison_pauses_it():
    supervisor = supervisor_for(("RNN", "GRU"))
    try:
        supervisor.start(running=True)
        collect(supervisor, lambda n: len(last_steps(n)) == 2 and min(last_steps(n).values()) >= 3)
        supervisor.step_once()
        # The workers stop by themselves after the step (a running worker never says idle) ...
        collect(supervisor, lambda n: idle_cells(n) == {"RNN", "GRU"})
        # ... and from then on each step_once is exactly one more step.
        one_more_step_each(supervisor)
        one_more_step_each(supervisor)
    finally:
        supervisor.stop()
    assert not supervisor.any_alive


def test_a_hanging_cell_is_stopped_by_the_time_limit_and_the_other_goes_on(tmp_path):
    (tmp_path / "sleepy.py").write_text(HANGS_AT_STEP_4)
    supervisor = supervisor_for(("Sleepy", "RNN"), tmp_path / "sleepy.py", step_timeout=3.0)
    try:
        supervisor.start(running=True)
        news = collect(supervisor, lambda n: any(getattr(m, "kind", "") == "error" for m in n))
        error = next(m for m in news if getattr(m, "kind", "") == "error")
        # Its 19th forward call hangs: step 4, or 3 where a captured step also measured
        # ‖∂h_T/∂h_t‖ (one more pass; how often depends on the clock in an endless run).
        stopped = re.fullmatch(r"step [34] took longer than 3 s; the cell was stopped", error.message)
        assert error.cell == "Sleepy" and stopped, error.message
        before = last_steps(news)["RNN"]
        news += collect(supervisor, lambda n: last_steps(n).get("RNN", 0) > before + 2)
    finally:
        supervisor.stop()
    assert supervisor.statuses["Sleepy"] == "error"


def test_a_worker_that_dies_is_reported(tmp_path):
    (tmp_path / "crasher.py").write_text(CRASHES_AT_STEP_2)
    supervisor = supervisor_for(("Crasher",), tmp_path / "crasher.py")
    try:
        supervisor.start(running=True)
        news = collect(supervisor, lambda n: any(getattr(m, "kind", "") == "error" for m in n))
    finally:
        supervisor.stop()
    error = next(m for m in news if getattr(m, "kind", "") == "error")
    assert "ended unexpectedly (exit code 3)" in error.message


def test_pause_takes_effect_before_the_next_command():
    supervisor = supervisor_for(("RNN",))
    try:
        supervisor.start(running=True)
        collect(supervisor, lambda n: last_steps(n).get("RNN", 0) >= 2)
        supervisor.pause()
        collect(supervisor, lambda n: idle_cells(n) == {"RNN"})  # a running worker never says idle
        one_more_step_each(supervisor)  # and nothing trained in between
    finally:
        supervisor.stop()


def test_stop_ends_running_workers_before_it_returns():
    supervisor = supervisor_for(("RNN", "GRU"))
    supervisor.start(running=True)
    collect(supervisor, lambda n: len(last_steps(n)) == 2)
    supervisor.stop()  # asks, then terminates and kills: bounded by construction
    assert all(h.process.exitcode is not None for h in supervisor.workers.values())
    assert not supervisor.any_alive


def test_a_running_cell_keeps_the_version_it_started_with(tmp_path):
    """Hot reload changes the list of cells, never a run in progress."""
    plugin = tmp_path / "steady.py"
    plugin.write_text(misbehaving_cell("Steady", "pass"))
    supervisor = supervisor_for(("Steady",), plugin)
    try:
        supervisor.start(running=True)
        collect(supervisor, lambda n: last_steps(n).get("Steady", 0) >= 2)
        plugin.write_text(misbehaving_cell("Steady", "raise RuntimeError('the new version')"))
        reached = supervisor.workers["Steady"].last_step
        news = collect(supervisor, lambda n: last_steps(n).get("Steady", 0) >= reached + 5)
    finally:
        supervisor.stop()
    assert all(getattr(m, "status", "running") == "running" for m in news)


def test_a_warm_pool_hands_its_workers_to_the_next_run_and_fills_again():
    """Start takes the pool's workers (torch already imported), so it only
    sends the job; the run trains the same way, and the pool is topped up."""
    from training.worker_process import WarmPool

    pool = WarmPool(2)
    try:
        pool.fill()
        deadline = time.monotonic() + 120
        while pool.warm_count() < 2:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        warm = {spare.process.pid for spare in pool.spares}
        supervisor = supervisor_for(("RNN", "GRU"), pool=pool)
        supervisor.start()
        assert {h.process.pid for h in supervisor.workers.values()} == warm and not pool.spares
        news = collect(supervisor, lambda news: min(last_steps(news).values(), default=0) >= 3
                       and len(last_steps(news)) == 2)
        assert not [e for e in news if isinstance(e, WorkerEvent) and e.kind == "warm"]
        supervisor.stop()
        pool.fill()
        assert len(pool.spares) == 2 and not warm & {s.process.pid for s in pool.spares}
    finally:
        pool.close()
    assert all(not spare.process.is_alive() for spare in pool.spares)
