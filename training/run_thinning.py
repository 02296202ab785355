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
    per cell (each ≥ 2), in place; gate means and state magnitudes follow
    their gradient records (row i of each belongs to row i of the gradients)."""
    if records < 2 or rows < 2:
        raise ValueError("a thinned run keeps at least 2 records and 2 rows per cell")
    for history in recorder.cells.values():
        history.metrics = _thinned(history.metrics.steps, history.metrics.items, rows)
        followers = ("gradients", "gate_means", "state_norms")
        rows_of = [getattr(history, name).items for name in followers]
        count = len(history.gradients.items)  # an older run has no state magnitudes: empty rows
        records_of = list(zip(*(r if len(r) == count else [{}] * count for r in rows_of), strict=True))
        kept = _thinned(history.gradients.steps, records_of, records)
        for index, name in enumerate(followers):
            target = DecimatingHistory(records)
            target.stride, target.steps = kept.stride, list(kept.steps)
            target.items = [record[index] for record in kept.items]
            setattr(history, name, target)
