"""The timeline of a run: its recorded steps, and the run "as it was" at one.

Why a view and not a second drawing path: every panel already draws a
``RunRecorder`` through ``show_run``. ``run_at(recorder, step)`` returns an
object with the same face (``cells``, ``spec``, ``task``, ``complete``), whose
histories hold only the rows recorded at or before ``step`` and whose
``latest``/``captured`` reports are the newest of those. So the gradient
curves, the loss, the gates and the table draw a past step unchanged, and a
replay costs no more memory than the recording (the rows are shared, not
copied; the view must not be mutated).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

import numpy as np

from tasks import Task

from .history import DecimatingHistory
from .recorder import CellHistory, RunRecorder
from .report import RUNNING, StepReport
from .spec import RunSpec

__all__ = ["FALLBACK_STEPS_PER_SECOND", "RunView", "cell_at", "recorded_steps", "replay_pace", "run_at"]


def recorded_steps(recorder: RunRecorder) -> list[int]:
    """Every step at which any cell recorded something (a metrics row or a
    gradient profile), increasing: the positions of the timeline."""
    steps: set[int] = set()
    for history in recorder.cells.values():
        steps.update(history.metrics.steps)
        steps.update(history.gradients.steps)
    return sorted(steps)


@dataclass
class RunView:
    """A recorder as it was at ``step``: read-only, drawn like the recorder itself.

    ``source`` is the whole recording (a heatmap marks ``step`` on all of it)."""

    source: RunRecorder
    step: int
    cells: dict[str, CellHistory] = field(default_factory=dict)

    @property
    def spec(self) -> RunSpec:
        return self.source.spec

    @property
    def task(self) -> Task:
        return self.source.task

    @property
    def complete(self) -> bool:
        return self.source.complete

    @property
    def started(self) -> float:
        return self.source.started


def run_at(recorder: RunRecorder, step: int) -> RunView:
    """``recorder`` as it was once ``step`` was recorded (see the module's docstring)."""
    return RunView(recorder, step, {name: cell_at(history, step) for name, history in recorder.cells.items()})


def _cut(history: DecimatingHistory, count: int) -> DecimatingHistory:
    """The first ``count`` rows of ``history``, as a history of the same stride."""
    cut = DecimatingHistory(history.capacity)
    cut.stride, cut.steps, cut.items = history.stride, history.steps[:count], history.items[:count]
    return cut


def cell_at(history: CellHistory, step: int) -> CellHistory:
    """One cell's history with only its rows at or before ``step``.

    At or after the cell's own last step it is the history itself (status,
    message and traceback included): the end of the timeline is the run."""
    if history.latest is None or step >= history.latest.step:
        return history
    metrics_count = bisect_right(history.metrics.steps, step)
    gradient_count = bisect_right(history.gradients.steps, step)
    view = CellHistory(history.name, history.parameters, started=history.started)
    view.metrics = _cut(history.metrics, metrics_count)
    view.gradients = _cut(history.gradients, gradient_count)
    view.gate_means = _cut(history.gate_means, gradient_count)
    view.state_norms = _cut(history.state_norms, gradient_count)
    view.first_gradients = history.first_gradients if metrics_count or gradient_count else {}
    view.captured = _captured_at(history, gradient_count, step)
    rows = view.metrics.items
    if rows:
        row = rows[-1]
        same = view.captured is not None and view.captured.step == row["step"]
        view.latest = StepReport(
            history.name, int(row["step"]), row["loss"], row["metric"], row["grad_norm"], row["seconds"],
            gradients=view.captured.gradients if same else {}, gates=view.captured.gates if same else {},
            states=view.captured.states if same else {}, status=row["status"])
    view.status = view.latest.status if view.latest is not None else RUNNING  # RUNNING: not started yet
    view.train_seconds = _seconds_until(history, metrics_count)
    return view


def _captured_at(history: CellHistory, count: int, step: int) -> StepReport | None:
    """The newest recorded profile at or before ``step`` with finite values
    (as ``CellHistory.add`` keeps ``captured``), with that step's gate means and state norms."""
    for index in range(count - 1, -1, -1):
        gradients = history.gradients.items[index]
        if gradients and all(np.isfinite(profile).all() for profile in gradients.values()):
            gates = history.gate_means.items[index] if index < len(history.gate_means.items) else {}
            states = history.state_norms.items[index] if index < len(history.state_norms.items) else {}
            return StepReport(history.name, history.gradients.steps[index], np.nan, np.nan, np.nan, 0.0,
                              gradients=gradients, gates=gates, states=states)
    return None


def _seconds_until(history: CellHistory, count: int) -> float:
    """Training time spent until the ``count``-th metrics row: the cell's
    total shared out by the recorded rows' own step times (the rows are
    decimated alike over the run, so the share holds for the skipped ones)."""
    seconds = [row["seconds"] for row in history.metrics.items]
    total = float(np.nansum(seconds)) if seconds else 0.0
    if total <= 0 or not np.isfinite(total):
        return 0.0
    return history.train_seconds * float(np.nansum(seconds[:count])) / total


FALLBACK_STEPS_PER_SECOND = 50.0  # replay pace at 1× of a run that kept no training times


def replay_pace(recorder: RunRecorder) -> float:
    """Training steps per second of a 1× replay: the pace the run trained at,
    which is its slowest cell's (the cells train side by side, so the run is
    as far as that one); ``FALLBACK_STEPS_PER_SECOND`` when no cell says."""
    speeds = [h.steps_per_second for h in recorder.cells.values() if h.steps_per_second > 0]
    return min(speeds) if speeds else FALLBACK_STEPS_PER_SECOND
