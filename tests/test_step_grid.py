"""Heatmap rows are drawn at their own training steps, however the captures were spaced."""

from __future__ import annotations

import numpy as np

from plots.step_grid import rows_on_grid


def test_even_rows_come_back_unchanged():
    matrix = np.arange(12.0).reshape(4, 3)
    assert rows_on_grid([2, 4, 6, 8], matrix)[:2] == (2.0, 2.0)
    np.testing.assert_array_equal(rows_on_grid([2, 4, 6, 8], matrix)[2], matrix)


def test_rows_captured_further_apart_stretch_until_the_next_capture():
    steps = [1, 2, 3, 4, 8, 16]
    matrix = np.array(steps, dtype=float)[:, None]
    first, spacing, image = rows_on_grid(steps, matrix)
    assert (first, spacing) == (1.0, 1.0)
    grid = first + spacing * np.arange(len(image))
    # each grid step shows the newest capture at or before it: never a later one
    assert image[:, 0].tolist() == [1, 2, 3, 4, 4, 4, 4, 8, 8, 8, 8, 8, 8, 8, 8, 16]
    assert all(value <= step for value, step in zip(image[:, 0], grid, strict=True))


def test_the_grid_is_bounded_however_long_the_run():
    steps = [1, 2, *range(4, 1_000_001, 1024)]
    first, spacing, image = rows_on_grid(steps, np.zeros((len(steps), 5)), max_rows=500)
    assert len(image) <= 500 and image.shape[1] == 5
    assert first + spacing * (len(image) - 1) <= steps[-1]
