"""``RunRecorder``: the bounded history of a comparison, and its files.

The CLI and the window record into the same class and write the same files:
``summary.json``, ``metrics.csv`` and ``gradients.npz`` (never pickle), which
``RunRecorder.load`` reads back, so a saved run reopens with every plot.
What the files may hold, and the limits on reading them, live in
``run_files`` and ``npz_files``; this module maps a recorder to and from them.
"""

from __future__ import annotations

import json
import math
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from tasks import Task

from .history import GRADIENTS_CAPACITY, METRICS_CAPACITY, DecimatingHistory
from .npz_files import escape_key, read_npz, unescape_key, write_npz
from .report import ERROR, RUNNING, StepReport, WorkerEvent
from .run_files import (
    METRIC_COLUMNS,
    RunFileError,
    RunWriteError,
    claims_complete,
    guarded_csv,
    read_metric_rows,
    read_summary,
    write_atomically,
)
from .saved_task import saved_task
from .spec import RunSpec

__all__ = ["CellHistory", "RunFileError", "RunRecorder", "RunWriteError", "stride_of", "write_atomically"]

GATES_HISTORY = "gates_history"  # the npz group of every record's gate means
STATE_NORMS = "state_norms"  # the npz group of every record's state magnitudes ‖s_t‖ (absent in older runs)

@dataclass
class CellHistory:
    """Everything kept about one cell: bounded series plus first and latest."""

    name: str
    parameters: int
    metrics: DecimatingHistory[dict] = field(
        default_factory=lambda: DecimatingHistory(METRICS_CAPACITY))
    gradients: DecimatingHistory[dict[str, np.ndarray]] = field(
        default_factory=lambda: DecimatingHistory(GRADIENTS_CAPACITY))
    # The gate means of the same captured steps: offered with every gradient
    # row (empty when the step recorded none), so both histories decimate
    # alike and row i of one belongs to row i of the other (the timeline).
    gate_means: DecimatingHistory[dict[str, np.ndarray]] = field(
        default_factory=lambda: DecimatingHistory(GRADIENTS_CAPACITY))
    # The state magnitudes of the same captured steps, kept alike (row i of each).
    state_norms: DecimatingHistory[dict[str, np.ndarray]] = field(
        default_factory=lambda: DecimatingHistory(GRADIENTS_CAPACITY))
    first_gradients: dict[str, np.ndarray] = field(default_factory=dict)
    latest: StepReport | None = None
    captured: StepReport | None = None  # the newest report with gradient profiles
    started: float = 0.0  # time.monotonic() at Start: ``elapsed`` counts from here
    status: str = RUNNING
    message: str = ""
    traceback: str = ""
    train_seconds: float = 0.0

    def add(self, report: StepReport) -> None:
        self.latest = report
        self.status, self.message = report.status, report.message
        self.traceback = report.traceback or self.traceback
        self.train_seconds += report.seconds
        elapsed = report.finished_at - self.started if report.finished_at else math.nan
        self.metrics.add(report.step, {
            "step": report.step, "cell": self.name, "loss": report.loss, "metric": report.metric,
            "grad_norm": report.grad_norm, "seconds": report.seconds, "elapsed": elapsed,
            "status": report.status})
        if report.gradients:
            if all(np.isfinite(profile).all() for profile in report.gradients.values()):
                self.captured = report  # a diverged step's profile would wreck the plots' scale
            if not self.first_gradients:
                self.first_gradients = dict(report.gradients)
            self.gradients.add(report.step, report.gradients)
            self.gate_means.add(report.step, report.gates)
            self.state_norms.add(report.step, report.states)

    @property
    def steps(self) -> int:
        return self.latest.step if self.latest else 0

    @property
    def steps_per_second(self) -> float:
        return self.steps / self.train_seconds if self.train_seconds > 0 else 0.0

    def series(self, column: str) -> tuple[np.ndarray, np.ndarray]:
        """(steps, values) of a metrics column, for plotting."""
        rows = self.metrics.items
        return (np.array([r["step"] for r in rows], dtype=float),
                np.array([r[column] for r in rows], dtype=float))

    def gradient_matrix(self, key: str = "h") -> tuple[np.ndarray, np.ndarray]:
        """(steps [R], norms [R, T]) of one gradient series; empty when absent."""
        rows = [(s, g[key]) for s, g in zip(self.gradients.steps, self.gradients.items, strict=True)
                if key in g]
        if not rows:
            return np.zeros(0), np.zeros((0, 0))
        return np.array([s for s, _ in rows], dtype=float), np.stack([g for _, g in rows])

    def gate_matrix(self, gate: str) -> np.ndarray:
        """[R, T] mean activations of one gate, one row per gradient record
        (``gradients.steps``); NaN rows where a record holds no such gate."""
        return _record_matrix(self.gate_means.items, gate)

    def state_matrix(self, state: str) -> np.ndarray:
        """[R, T] mean magnitudes ‖s_t‖ of one state, as ``gate_matrix``."""
        return _record_matrix(self.state_norms.items, state)

    @property
    def gate_names(self) -> list[str]:
        """Every gate recorded in the history, in the order first seen."""
        return list(dict.fromkeys(name for gates in self.gate_means.items for name in gates))

    @property
    def state_names(self) -> list[str]:
        """Every state whose magnitude the history recorded, in the order first seen."""
        return list(dict.fromkeys(name for states in self.state_norms.items for name in states))


def _record_matrix(rows: list[dict[str, np.ndarray]], key: str) -> np.ndarray:
    """[R, T] of ``key`` over per-record dicts; NaN rows where a record lacks it."""
    length = next((len(row[key]) for row in rows if key in row), 0)
    matrix = np.full((len(rows), length), np.nan)
    for index, row in enumerate(rows):
        if key in row:
            matrix[index] = row[key]
    return matrix


class RunRecorder:
    """The histories of all cells of one run, plus the spec and the task.

    ``complete`` is False for a run loaded from a checkpoint or an
    interrupted run (one saved with ``complete=False``).
    """

    def __init__(self, spec: RunSpec, task: Task, parameters: dict[str, int]):
        self.spec = spec
        self.task = task
        self.started = time.monotonic()
        self.cells = {name: CellHistory(name, count, started=self.started)
                      for name, count in parameters.items()}
        self.complete = True

    def add(self, report: StepReport) -> None:
        self.cells[report.cell].add(report)

    def take(self, item: StepReport | WorkerEvent) -> str | None:
        """Record one message from a worker, as the window and the CLI both
        must; returns the failure message when it says a cell failed (a step
        that raised, or a worker that could not build, crashed or hung)."""
        history = self.cells.get(item.cell)
        if history is None:
            return None
        if isinstance(item, StepReport):
            history.add(item)
            return item.message if item.status == ERROR else None
        if item.kind == "ready":
            history.parameters = item.parameters
        elif item.kind == "error":
            history.status, history.message = ERROR, item.message
            history.traceback = item.traceback or history.traceback
            return item.message
        return None

    # ---- files -------------------------------------------------------------
    def summary(self, complete: bool = True) -> dict:
        def final(history: CellHistory, key: str) -> float | None:
            value = getattr(history.latest, key) if history.latest else None
            return None if value is None or not np.isfinite(value) else float(value)

        return {
            "complete": complete,
            "array_keys": "escaped",
            "spec": self.spec.to_dict(),
            "task": {"name": self.task.name, "parameters": self.task.parameters(),
                     "sequence_length": self.task.sequence_length,
                     "metric_name": self.task.metric_name,
                     "baseline_loss": self.task.baseline_loss,
                     "baseline_metric": self.task.baseline_metric},
            "cells": {name: {"parameters": h.parameters, "final_loss": final(h, "loss"),
                             "final_metric": final(h, "metric"), "steps": h.steps,
                             "steps_per_second": h.steps_per_second, "status": h.status,
                             "message": h.message, "metrics_stride": h.metrics.stride,
                             "gradients_stride": h.gradients.stride}
                      for name, h in self.cells.items()},
        }

    def metrics_csv(self) -> str:
        rows = (row for history in self.cells.values() for row in history.metrics.items)
        return guarded_csv(METRIC_COLUMNS, rows, ("cell", "status"))

    def gradient_arrays(self) -> dict[str, np.ndarray]:
        """npz content: "steps"; NAME -> [records, T] top-layer ‖∂ℓ/∂h_t‖;
        NAME/KEY for the other series; per cell NAME/steps, and the profiles
        of the first and the newest step (NAME/first/KEY, NAME/latest/KEY),
        the newest gate means (NAME/gates/GATE), the gate means of every
        record (NAME/gates_history/GATE [records, T], NaN rows where a record
        has none) and the state magnitudes of every record
        (NAME/state_norms/STATE [records, T], alike). NAME, KEY, GATE and
        STATE are ``escape_key``'d, so no name can collide with another series."""
        arrays: dict[str, np.ndarray] = {}
        longest: list[int] = []
        for name, history in self.cells.items():
            cell = escape_key(name)
            steps = history.gradients.steps
            longest = steps if len(steps) > len(longest) else longest
            arrays[f"{cell}/steps"] = np.array(steps, dtype=np.int64)
            keys = dict.fromkeys(key for gradients in history.gradients.items for key in gradients)
            for key in keys:  # NaN rows where a record lacks the series (the Jacobian is not on every one)
                arrays[cell if key == "h" else f"{cell}/{escape_key(key)}"] = _record_matrix(
                    history.gradients.items, key)
            for gate in history.gate_names:
                arrays[f"{cell}/{GATES_HISTORY}/{escape_key(gate)}"] = history.gate_matrix(gate)
            for state in history.state_names:
                arrays[f"{cell}/{STATE_NORMS}/{escape_key(state)}"] = history.state_matrix(state)
            profiles = {"first": history.first_gradients}
            if history.captured is not None:
                profiles.update(latest=history.captured.gradients, gates=history.captured.gates)
            for group, values in profiles.items():
                arrays.update({f"{cell}/{group}/{escape_key(key)}": value for key, value in values.items()})
        arrays["steps"] = np.array(longest, dtype=np.int64)
        return arrays

    def save(self, folder: Path, complete: bool = True) -> list[Path]:
        """Write the three data files, each atomically, summary.json last.

        ``complete=False`` marks a checkpoint of a run still going (or one
        interrupted), and ``load`` gives it back with ``complete`` False.
        Safe to call again and again into the same folder: a summary that
        claims completeness is removed before the data files are replaced,
        so a failed save never leaves one over data it does not describe.
        A write error raises ``RunWriteError`` (an OSError) naming the file."""
        folder.mkdir(parents=True, exist_ok=True)
        summary_path = folder / "summary.json"
        if summary_path.exists() and claims_complete(summary_path):
            summary_path.unlink()
        summary = json.dumps(self.summary(complete), indent=2).encode()
        return [
            write_atomically(folder / "metrics.csv", lambda f: f.write(self.metrics_csv().encode())),
            write_atomically(folder / "gradients.npz", lambda f: write_npz(f, self.gradient_arrays())),
            write_atomically(summary_path, lambda f: f.write(summary)),
        ]

    @classmethod
    def load(cls, folder: Path) -> RunRecorder:
        """Read a folder written by ``save`` (or by GateLab before key escaping);
        raises RunFileError, naming the file and the problem, if it is not one."""
        summary_path, npz_path = folder / "summary.json", folder / "gradients.npz"
        saved = read_summary(summary_path)
        rows = read_metric_rows(folder / "metrics.csv", saved.cells)
        arrays = read_npz(npz_path)
        task = saved_task(summary_path, saved.spec)
        recorder = cls(saved.spec, task, {n: c["parameters"] for n, c in saved.cells.items()})
        recorder.complete = saved.complete
        key, unescape = (escape_key, unescape_key) if saved.escaped_keys else (str, str)
        for name, history in recorder.cells.items():
            info = saved.cells[name]
            if info["steps"] and not rows[name]:
                raise RunFileError(summary_path, f"cell {name!r:.80} reports {info['steps']} steps, "
                                                 "but metrics.csv has no row of it")
            try:
                gradients = _cell_arrays(arrays, key(name), unescape)
            except ValueError as error:
                raise RunFileError(npz_path, f"cell {name!r:.80}: {error}") from error
            _restore_history(history, info, rows[name], gradients)
        return recorder


@dataclass
class _CellArrays:
    """One cell's arrays from gradients.npz, checked: ``series`` [records, T]
    by state key; ``profiles`` [T] by group ("first", "latest", "gates");
    ``gates`` [records, T] by gate and ``states`` [records, T] by state
    (each empty in runs saved before it)."""

    steps: list[int]
    series: dict[str, np.ndarray]
    profiles: dict[str, dict[str, np.ndarray]]
    gates: dict[str, np.ndarray] = field(default_factory=dict)
    states: dict[str, np.ndarray] = field(default_factory=dict)


def _cell_arrays(arrays: dict[str, np.ndarray], cell: str, unescape) -> _CellArrays:
    steps = arrays.get(f"{cell}/steps", np.zeros(0, dtype=np.int64))
    if steps.ndim != 1 or steps.dtype.kind not in "iu" or len(steps) > GRADIENTS_CAPACITY:
        raise ValueError(f"steps must be at most {GRADIENTS_CAPACITY} integers")
    if np.any(np.diff(steps) <= 0):
        raise ValueError("steps must increase")
    found = _CellArrays([int(s) for s in steps], {"h": arrays[cell]} if cell in arrays else {},
                        {"first": {}, "latest": {}, "gates": {}})
    prefix = f"{cell}/"
    for key, value in arrays.items():
        parts = key[len(prefix):].split("/") if key.startswith(prefix) else []
        if len(parts) == 1 and parts[0] != "steps":
            found.series[unescape(parts[0])] = value
        elif len(parts) == 2 and parts[0] in found.profiles:
            found.profiles[parts[0]][unescape(parts[1])] = value
        elif len(parts) == 2 and parts[0] == GATES_HISTORY:
            found.gates[unescape(parts[1])] = value
        elif len(parts) == 2 and parts[0] == STATE_NORMS:
            found.states[unescape(parts[1])] = value
    for kind, matrices in (("series", found.series), ("gate", found.gates), ("state", found.states)):
        for key, matrix in matrices.items():
            if matrix.ndim != 2 or len(matrix) > len(found.steps):
                raise ValueError(f"{kind} {key!r:.80} must be [records ≤ {len(found.steps)}, T], "
                                 f"not {matrix.shape}")
    for group in found.profiles.values():
        if any(values.ndim != 1 for values in group.values()):
            raise ValueError("a profile must be one-dimensional")
    return found


def _restore_history(history: CellHistory, info: dict, rows: list[dict], arrays: _CellArrays) -> None:
    """Fill one cell's history from its summary entry, CSV rows and arrays."""
    history.metrics.items = rows
    history.metrics.steps = [r["step"] for r in rows]
    history.first_gradients = arrays.profiles["first"]
    history.gradients.steps = arrays.steps
    # An all-NaN row is a record without that series (the writer's filler, or a
    # profile that diverged whole: either way nothing to draw or to compare).
    history.gradients.items = [{k: v[i] for k, v in arrays.series.items()
                                if len(v) > i and not np.isnan(v[i]).all()}
                               for i in range(len(arrays.steps))]
    # A NaN row is a record without that gate or state (the writer's filler).
    for kept, matrices in ((history.gate_means, arrays.gates), (history.state_norms, arrays.states)):
        kept.steps = list(arrays.steps)
        kept.items = [{k: v[i] for k, v in matrices.items() if len(v) > i and not np.isnan(v[i]).all()}
                      for i in range(len(arrays.steps))]
    # Without its stride a decimated history would record the next steps off its grid.
    for series in ("metrics", "gradients"):
        kept = getattr(history, series)
        kept.stride = int(info.get(f"{series}_stride") or stride_of(kept.steps))
    history.gate_means.stride = history.state_norms.stride = history.gradients.stride
    history.status, history.message = info["status"], info["message"]
    if info["steps_per_second"]:
        history.train_seconds = info["steps"] / info["steps_per_second"]
    if rows:
        last = rows[-1]
        history.latest = StepReport(history.name, info["steps"], last["loss"], last["metric"],
                                    last["grad_norm"], last["seconds"],
                                    gradients=arrays.profiles["latest"], gates=arrays.profiles["gates"],
                                    states=history.state_norms.items[-1] if history.state_norms.items else {},
                                    status=info["status"], message=info["message"])
        history.captured = history.latest


def stride_of(steps: list[int]) -> int:
    """The stride of a decimated history from its kept steps (evenly spaced
    multiples of the stride), for runs saved before the stride was."""
    gaps = {later - earlier for earlier, later in zip(steps, steps[1:], strict=False)}
    if len(gaps) != 1:
        return 1
    gap = gaps.pop()
    return gap if gap > 0 and all(step % gap == 0 for step in steps) else 1
