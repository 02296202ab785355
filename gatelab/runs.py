"""``Run``: a trained or reopened comparison, as arrays and tables."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from training.recorder import RunRecorder

from .display import Figure, Table

SUMMARY_COLUMNS = ("cell", "parameters", "steps", "final_loss", "final_metric", "steps_per_second",
                   "status", "message")


class Run:
    """One comparison: every cell trained on the same batches. ``recorder`` is
    the window's and the CLI's ``RunRecorder``, for anything not wrapped here."""

    def __init__(self, recorder: RunRecorder):
        self.recorder = recorder

    @property
    def cells(self) -> list[str]:
        return list(self.recorder.cells)

    @property
    def baseline_loss(self) -> float:
        """The task's chance level: the loss of the best answer that remembers nothing."""
        return self.recorder.task.baseline_loss

    def _history(self, cell: str):
        if cell not in self.recorder.cells:
            raise KeyError(f"no cell {cell!r} in this run; it has {', '.join(self.recorder.cells)}")
        return self.recorder.cells[cell]

    def gradients(self, cell: str, state: str = "h") -> np.ndarray:
        """[captured steps, T]: ‖∂ℓ/∂state_t‖ (mean per-example norm), column 0
        being t = 1, one row per captured step (``gradient_steps``)."""
        return self._history(cell).gradient_matrix(state)[1]

    def gradient_steps(self, cell: str) -> np.ndarray:
        """The training step of each row of ``gradients``."""
        return self._history(cell).gradient_matrix("h")[0].astype(int)

    def metrics(self, cell: str) -> dict[str, np.ndarray]:
        """Per recorded step: "step", "loss", "metric", "grad_norm", "seconds", "elapsed"."""
        history = self._history(cell)
        columns = ("step", "loss", "metric", "grad_norm", "seconds", "elapsed")
        return {column: history.series(column)[1] for column in columns}

    def summary(self) -> Table:
        """One row per cell: parameters, steps, final loss and metric, speed, status."""
        cells = self.recorder.summary()["cells"]
        return Table(SUMMARY_COLUMNS, tuple({"cell": name, **info} for name, info in cells.items()))

    def plot(self, kind: str = "gradients", width: int = 1200) -> Figure:
        """"gradients" (‖∂ℓ/∂h_t‖ against t, first and last captured step) or
        "loss" (against step, with the chance level), as the CLI draws them."""
        from plots.rendering import figure_png

        if kind not in ("gradients", "loss"):
            raise ValueError(f"kind must be 'gradients' or 'loss', not {kind!r}")
        return Figure(figure_png(kind, self.recorder, width))

    def save(self, folder: str | Path) -> Path:
        """Write the run folder the window opens (summary.json, metrics.csv, gradients.npz)."""
        folder = Path(folder)
        self.recorder.save(folder, complete=self.recorder.complete)
        return folder

    def __repr__(self) -> str:
        task = self.recorder.task
        return f"<gatelab.Run {task.name} T={task.length}: {', '.join(self.cells)}>"


class Sweep:
    """A finished sweep: its folder (one run folder per (cell, T, seed),
    sweep.csv, sweep.md, figures) and its tidy rows."""

    def __init__(self, folder: Path, rows: list[dict]):
        self.folder, self.rows = folder, rows

    def table(self) -> Table:
        """One row per (cell, T, seed): final loss and metric, chance level, status."""
        columns = ("cell", "length", "seed", "final_loss", "final_metric", "baseline_metric", "status")
        return Table(columns, tuple(self.rows))

    def run(self, cell: str, length: int, seed: int = 0) -> Run:
        return Run(RunRecorder.load(self.folder / f"{cell}-T{length}-seed{seed}"))

    def figure(self, name: str = "metric_vs_length") -> Figure:
        """"metric_vs_length" or "loss_T{T}", as written into the folder."""
        return Figure((self.folder / f"{name}.png").read_bytes())

    def _repr_markdown_(self) -> str:
        return (self.folder / "sweep.md").read_text()
