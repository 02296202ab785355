"""Heatmap rows at their true training steps.

Gradient profiles exist only for captured steps (``training.capture_schedule``),
whose spacing grows as a run goes on: 1, 2, 4, … steps apart. An image has
rows of one height, so the rows are laid on a regular grid of steps, each
grid row showing the newest captured row at or before it: a row stretches
until the next capture, and no row is drawn at a step it does not belong to.
"""

from __future__ import annotations

import numpy as np

MAX_GRID_ROWS = 2000  # enough for any screen; bounds the image whatever the run's length


def rows_on_grid(steps: list[int] | np.ndarray, matrix: np.ndarray,
                 max_rows: int = MAX_GRID_ROWS) -> tuple[float, float, np.ndarray]:
    """(first grid step, grid spacing, image [rows, T]) for ``matrix`` [R, T]
    whose row i belongs to ``steps[i]`` (increasing). Evenly spaced steps come
    back unchanged."""
    steps = np.asarray(steps, dtype=float)
    if len(steps) < 2:
        return (float(steps[0]) if len(steps) else 0.0), 1.0, matrix
    gaps = np.diff(steps)
    spacing = max(float(gaps.min()), float(steps[-1] - steps[0]) / (max_rows - 1))
    if np.allclose(gaps, gaps[0]) and spacing == gaps[0]:
        return float(steps[0]), spacing, matrix
    grid = steps[0] + spacing * np.arange(int(np.floor((steps[-1] - steps[0]) / spacing + 1e-9)) + 1)
    return float(steps[0]), spacing, matrix[np.searchsorted(steps, grid + 1e-9, side="right") - 1]
