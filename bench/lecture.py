"""The lecture's point, timed as the audience sees it: the real window,
offscreen, with the default scenario (adding, T = 100, RNN + LSTM + GRU).

Each run launches ``main.py --start --quit-after S --save-run DIR`` and reads
the saved run back. ``elapsed`` in metrics.csv is wall seconds since Start,
so it prints, per run and as the median of the runs:

- Start → first report: the earliest step report of any cell;
- Start → the point: the first moment the GRU's and the LSTM's training loss
  (mean of their last 25 recorded steps) are both below half the chance
  baseline while the tanh RNN's is within 10 % of it (or "not reached");
- each cell's steps/s over the run.

    python bench/lecture.py [--runs 3] [--seconds 45]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from training.recorder import RunRecorder  # noqa: E402

SMOOTHING = 25  # recorded steps in the loss mean: one step's batch loss is too noisy to call


def smoothed(recorder: RunRecorder, cell: str) -> tuple[np.ndarray, np.ndarray]:
    """(elapsed, running mean of the loss over the last ``SMOOTHING`` rows)."""
    elapsed = recorder.cells[cell].series("elapsed")[1]
    loss = recorder.cells[cell].series("loss")[1]
    sums = np.cumsum(np.insert(loss, 0, 0.0))
    counts = np.minimum(np.arange(1, len(loss) + 1), SMOOTHING)
    return elapsed, (sums[1:] - sums[np.arange(1, len(loss) + 1) - counts]) / counts


def value_at(times: np.ndarray, values: np.ndarray, moment: float) -> float:
    """The newest value at or before ``moment`` (NaN before the first)."""
    index = np.searchsorted(times, moment, side="right") - 1
    return float(values[index]) if index >= 0 else float("nan")


def the_point(recorder: RunRecorder) -> float | None:
    baseline = recorder.task.baseline_loss
    curves = {cell: smoothed(recorder, cell) for cell in ("RNN", "LSTM", "GRU")}
    moments = np.unique(np.concatenate([times for times, _ in curves.values()]))
    for moment in moments:
        now = {cell: value_at(*curve, moment) for cell, curve in curves.items()}
        if now["LSTM"] < baseline / 2 and now["GRU"] < baseline / 2 and now["RNN"] >= 0.9 * baseline:
            return float(moment)
    return None


def one_run(seconds: float) -> dict[str, float | None]:
    folder = Path(tempfile.mkdtemp(prefix="gatelab-lecture-")) / "run"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",  # a fresh profile: nothing remembered
           "XDG_CONFIG_HOME": str(folder.parent / "config")}
    subprocess.run([sys.executable, "main.py", "--start", "--quit-after", str(seconds),
                    "--save-run", str(folder)], cwd=ROOT, env=env, check=True, timeout=seconds + 120)
    recorder = RunRecorder.load(folder)
    first = min(h.series("elapsed")[1][0] for h in recorder.cells.values() if h.steps)
    figures = {"first report": float(first), "the point": the_point(recorder)}
    for name, history in recorder.cells.items():
        elapsed = history.series("elapsed")[1]
        figures[f"{name} steps/s"] = history.steps / elapsed[-1] if len(elapsed) else 0.0
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=45.0, help="how long each window trains")
    args = parser.parse_args()
    runs = []
    for number in range(1, args.runs + 1):
        figures = one_run(args.seconds)
        runs.append(figures)
        print(f"run {number}: " + ", ".join(
            f"{key} {'not reached' if value is None else f'{value:.2f}'}" for key, value in figures.items()),
            flush=True)
    print(f"median of {args.runs}:")
    for key in runs[0]:
        values = [run[key] for run in runs]
        reached = [v for v in values if v is not None]
        median = statistics.median(reached) if len(reached) == len(values) else None
        unit = "" if key.endswith("steps/s") else " s"
        print(f"  Start → {key}: " if not key.endswith("steps/s") else f"  {key}: ",
              "not reached in every run" if median is None else f"{median:.2f}{unit}", sep="")


if __name__ == "__main__":
    main()
