"""Thinning a recorded run to fewer records, for a file small enough to
bundle or mail (``main.py pack --records N --rows N``).

Why the recorder's own policy and not a format of its own: a thinned run is
what the same training would have recorded with smaller capacities (every
2nd, 4th, … step kept, ``DecimatingHistory``), so it opens, scrubs and
replays like any run, and its first and newest profiles stay whole.
"""

from __future__ import annotations

from .history import DecimatingHistory
from .recorder import RunRecorder


def _thinned(steps: list[int], items: list, capacity: int) -> DecimatingHistory:
    """``steps``/``items`` offered again to a history of ``capacity`` (which starts at stride 1)."""
    history: DecimatingHistory = DecimatingHistory(capacity)
    for step, item in zip(steps, items, strict=True):
        history.add(step, item)
    return history


def thin_run(recorder: RunRecorder, records: int, rows: int) -> None:
    """Keep at most ``records`` gradient records and ``rows`` metrics rows
    per cell (each ≥ 2), in place; gate means follow their gradient records."""
    if records < 2 or rows < 2:
        raise ValueError("a thinned run keeps at least 2 records and 2 rows per cell")
    for history in recorder.cells.values():
        metrics = _thinned(history.metrics.steps, history.metrics.items, rows)
        # Row i of the gate means belongs to row i of the gradients (``CellHistory``).
        pairs = list(zip(history.gradients.items, history.gate_means.items, strict=True))
        paired = _thinned(history.gradients.steps, pairs, records)
        history.metrics = metrics
        history.gradients = DecimatingHistory(records)
        history.gate_means = DecimatingHistory(records)
        for target, index in ((history.gradients, 0), (history.gate_means, 1)):
            target.stride, target.steps = paired.stride, list(paired.steps)
            target.items = [pair[index] for pair in paired.items]
