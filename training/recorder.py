"""``RunRecorder``: the bounded history of a comparison, and its files.

The CLI and the window record into the same class and write the same files:
``summary.json``, ``metrics.csv`` and ``gradients.npz`` (never pickle), which
``RunRecorder.load`` reads back, so a saved run reopens with every plot.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from tasks import Task

from .history import DecimatingHistory
from .report import RUNNING, StepReport
from .run import build_task
from .spec import RunSpec

METRIC_COLUMNS = ("step", "cell", "loss", "metric", "grad_norm", "seconds", "status")


@dataclass
class CellHistory:
    """Everything kept about one cell: bounded series plus first and latest."""

    name: str
    parameters: int
    metrics: DecimatingHistory[dict] = field(default_factory=lambda: DecimatingHistory(2000))
    gradients: DecimatingHistory[dict[str, np.ndarray]] = field(
        default_factory=lambda: DecimatingHistory(500))
    first_gradients: dict[str, np.ndarray] = field(default_factory=dict)
    latest: StepReport | None = None
    status: str = RUNNING
    message: str = ""
    traceback: str = ""
    train_seconds: float = 0.0

    def add(self, report: StepReport) -> None:
        self.latest = report
        self.status, self.message = report.status, report.message
        self.traceback = report.traceback or self.traceback
        self.train_seconds += report.seconds
        self.metrics.add(report.step, {
            "step": report.step, "cell": self.name, "loss": report.loss, "metric": report.metric,
            "grad_norm": report.grad_norm, "seconds": report.seconds, "status": report.status})
        if report.gradients:
            if not self.first_gradients:
                self.first_gradients = dict(report.gradients)
            self.gradients.add(report.step, report.gradients)

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


class RunRecorder:
    """The histories of all cells of one run, plus the spec and the task."""

    def __init__(self, spec: RunSpec, task: Task, parameters: dict[str, int]):
        self.spec = spec
        self.task = task
        self.cells = {name: CellHistory(name, count) for name, count in parameters.items()}

    def add(self, report: StepReport) -> None:
        self.cells[report.cell].add(report)

    # ---- files -------------------------------------------------------------
    def summary(self) -> dict:
        def final(history: CellHistory, key: str) -> float | None:
            value = getattr(history.latest, key) if history.latest else None
            return None if value is None or not np.isfinite(value) else float(value)

        return {
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
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=METRIC_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for history in self.cells.values():
            writer.writerows(history.metrics.items)
        return buffer.getvalue()

    def gradient_arrays(self) -> dict[str, np.ndarray]:
        """npz content: "steps"; NAME -> [records, T] top-layer ‖∂ℓ/∂h_t‖;
        NAME/KEY for the other series; per cell NAME/steps, and the profiles
        of the first and the newest step (NAME/first/KEY, NAME/latest/KEY)
        and the newest gate means (NAME/gates/GATE)."""
        arrays: dict[str, np.ndarray] = {}
        longest: list[int] = []
        for name, history in self.cells.items():
            steps = history.gradients.steps
            longest = steps if len(steps) > len(longest) else longest
            arrays[f"{name}/steps"] = np.array(steps, dtype=np.int64)
            keys = history.gradients.items[0].keys() if history.gradients.items else []
            for key in keys:
                _, matrix = history.gradient_matrix(key)
                arrays[name if key == "h" else f"{name}/{key}"] = matrix
            for key, values in history.first_gradients.items():
                arrays[f"{name}/first/{key}"] = values
            if history.latest is not None:
                for key, values in history.latest.gradients.items():
                    arrays[f"{name}/latest/{key}"] = values
                for key, values in history.latest.gates.items():
                    arrays[f"{name}/gates/{key}"] = values
        arrays["steps"] = np.array(longest, dtype=np.int64)
        return arrays

    def save(self, folder: Path) -> list[Path]:
        """Write the three data files; each appears whole or not at all, and
        summary.json comes last, so a folder with a summary is complete."""
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for file_name, writer in (
            ("metrics.csv", lambda f: f.write(self.metrics_csv().encode())),
            ("gradients.npz", lambda f: np.savez_compressed(f, **self.gradient_arrays())),
            ("summary.json", lambda f: f.write(json.dumps(self.summary(), indent=2).encode())),
        ):
            written.append(write_atomically(folder / file_name, writer))
        return written

    @classmethod
    def load(cls, folder: Path) -> RunRecorder:
        """Read a folder written by ``save``; raises ValueError if it is not one."""
        try:
            summary = json.loads((folder / "summary.json").read_text())
            spec = RunSpec.from_dict(summary["spec"])
            rows = _read_metric_rows((folder / "metrics.csv").read_text())
            with np.load(folder / "gradients.npz", allow_pickle=False) as npz:
                arrays = {key: npz[key] for key in npz.files}
            recorder = cls(spec, build_task(spec),
                           {n: c["parameters"] for n, c in summary["cells"].items()})
            for name, history in recorder.cells.items():
                _restore_history(history, summary["cells"][name],
                                 [r for r in rows if r["cell"] == name], arrays)
        except (OSError, KeyError, ValueError, TypeError, zipfile.BadZipFile) as error:
            raise ValueError(f"{folder} is not a readable GateLab run: {error}") from error
        return recorder


def _read_metric_rows(text: str) -> list[dict]:
    reader = csv.DictReader(io.StringIO(text))
    if tuple(reader.fieldnames or ()) != METRIC_COLUMNS:
        raise ValueError(f"metrics.csv must have the columns {', '.join(METRIC_COLUMNS)}")
    return [{**r, "step": int(r["step"]), **{k: float(r[k]) for k in METRIC_COLUMNS[2:6]}}
            for r in reader]


def _restore_history(history: CellHistory, info: dict, rows: list[dict],
                     arrays: dict[str, np.ndarray]) -> None:
    """Fill one cell's history from its summary entry, CSV rows and arrays."""
    history.metrics.items = rows
    history.metrics.steps = [r["step"] for r in rows]
    _restore_gradients(history, history.name, arrays)
    # Without its stride a decimated history would record the next steps off its grid.
    for series in ("metrics", "gradients"):
        kept = getattr(history, series)
        kept.stride = int(info.get(f"{series}_stride") or stride_of(kept.steps))
    history.status, history.message = info["status"], info["message"]
    if info["steps_per_second"]:
        history.train_seconds = info["steps"] / info["steps_per_second"]
    if rows:
        last = rows[-1]
        history.latest = StepReport(history.name, info["steps"], last["loss"], last["metric"],
                                    last["grad_norm"], last["seconds"],
                                    gradients=_saved_profiles(arrays, history.name, "latest"),
                                    gates=_saved_profiles(arrays, history.name, "gates"),
                                    status=info["status"], message=info["message"])


def stride_of(steps: list[int]) -> int:
    """The stride of a decimated history from its kept steps (evenly spaced
    multiples of the stride), for runs saved before the stride was."""
    gaps = {later - earlier for earlier, later in zip(steps, steps[1:], strict=False)}
    if len(gaps) != 1:
        return 1
    gap = gaps.pop()
    return gap if gap > 0 and all(step % gap == 0 for step in steps) else 1


def _restore_gradients(history: CellHistory, name: str, arrays: dict[str, np.ndarray]) -> None:
    steps = [int(s) for s in arrays.get(f"{name}/steps", [])]
    series = {"h": arrays[name]} if name in arrays else {}
    prefix = f"{name}/"
    for key, value in arrays.items():
        rest = key[len(prefix):]
        if key.startswith(prefix) and rest != "steps" and "/" not in rest:
            series[rest] = value
    history.first_gradients = _saved_profiles(arrays, name, "first")
    history.gradients.steps = steps
    history.gradients.items = [{k: v[i] for k, v in series.items() if len(v) > i}
                               for i in range(len(steps))]


def _saved_profiles(arrays: dict[str, np.ndarray], name: str, group: str) -> dict[str, np.ndarray]:
    prefix = f"{name}/{group}/"
    return {key[len(prefix):]: value for key, value in arrays.items() if key.startswith(prefix)}


def write_atomically(path: Path, writer) -> Path:
    """Write through a temporary file in the same folder, then rename."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as file:
            writer(file)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path
