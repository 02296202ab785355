"""Shared set-up of the window benchmarks: offscreen Qt and synthetic reports."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402

from training.report import StepReport  # noqa: E402

CELLS = ("RNN", "LSTM", "GRU")


def fake_report(cell: str, step: int, length: int, rng: np.random.Generator) -> StepReport:
    """A report shaped like a real one (gradients h, c, x and three gates)."""
    decay = {"RNN": 0.8, "LSTM": 0.99, "GRU": 0.97}.get(cell, 0.9)
    h = decay ** np.arange(length)[::-1] * rng.uniform(0.5, 1.5, length)
    gradients = {"h": h, "x": h * 0.1}
    if cell == "LSTM":
        gradients["c"] = h * 2
    gates = {f"gate {i}": rng.uniform(0, 1, length) for i in range(3)} if cell != "RNN" else {}
    return StepReport(cell, step, float(rng.uniform(0.01, 0.2)), float(rng.uniform(0, 1)), 1.0,
                      0.01, gradients=gradients, gates=gates)


def rss_mib() -> float:
    """Resident memory of this process, from /proc (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")
