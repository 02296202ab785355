"""Parameter counts of a cell at any size, without importing it here.

The window shows each cell's parameter count at the sizes chosen in the
controls, but it must not import plugin code (see docs/PLUGINS.md, "Trust
model"). So the checker counts a cell's parameters at a few sizes
(``parameter_samples``, run where the plugin runs), and ``cell_parameters``
fits ``a·I·H + b·H² + c·I² + d·H + e·I + f`` to those counts here, trusting
the fit only where it reproduces every sample. ``model_parameters`` adds the
layers, directions and readout as ``training.model.SequenceModel`` builds them.
"""

from __future__ import annotations

import numpy as np

SAMPLE_SIZES = ((1, 1), (2, 1), (1, 2), (2, 2), (3, 2), (2, 3), (5, 7), (4, 9))  # (input, hidden)


def _terms(input_size: int, hidden: int) -> list[int]:
    return [input_size * hidden, hidden * hidden, input_size * input_size, hidden, input_size, 1]


def parameter_samples(cell_class: type) -> tuple[int, ...]:
    """Parameters of ``cell_class`` at each of ``SAMPLE_SIZES``; runs the cell's
    constructor, so call it where that is safe. Real tensors, not torch's meta
    device: the sizes are tiny, and the meta device's first use of some
    factories (``torch.eye``) imports torch's decompositions, 2 s per child."""
    from cells.base import count_parameters  # here, not at import: the window fits counts without torch

    return tuple(count_parameters(cell_class(i, h)) for i, h in SAMPLE_SIZES)


def cell_parameters(samples: tuple[int, ...], input_size: int, hidden: int) -> int | None:
    """One cell's parameters at (input_size, hidden), or None when the samples
    are missing or follow no quadratic law."""
    if len(samples) != len(SAMPLE_SIZES):
        return None
    terms = np.array([_terms(i, h) for i, h in SAMPLE_SIZES], dtype=float)
    counts = np.array(samples, dtype=float)
    coefficients = np.linalg.lstsq(terms, counts, rcond=None)[0]
    if not np.array_equal(np.rint(terms @ coefficients), counts):
        return None
    return int(np.rint(np.array(_terms(input_size, hidden), dtype=float) @ coefficients))


def model_parameters(samples: tuple[int, ...], input_size: int, hidden: int, output: int,
                     layers: int = 1, bidirectional: bool = False) -> int | None:
    """Parameters of a whole ``SequenceModel`` (every layer and direction, and the readout)."""
    directions = 2 if bidirectional else 1
    total = (hidden * directions + 1) * output
    for layer in range(layers):
        count = cell_parameters(samples, input_size if layer == 0 else hidden * directions, hidden)
        if count is None:
            return None
        total += directions * count
    return total
