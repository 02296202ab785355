"""A finished sweep read back from its folder, for the window and the API.

A sweep's folder holds one run folder per (cell, T, seed), named
``CELL-T{T}-seed{S}``, beside sweep.csv, sweep.md and the figures. The run
folders are the truth: sweep.csv is derived from them (``cell_row``), so a
reader that rebuilds the rows from the runs cannot disagree with the runs it
shows, and a sweep interrupted before its summary was written still opens.
"""

from __future__ import annotations

import csv
from pathlib import Path

from training.recorder import RunRecorder
from training.run_files import SWEEP_SUMMARY as SUMMARY
from training.run_files import RunFileError

from .sweep import SweepOutcome, cell_row


def read_sweep(folder: Path) -> SweepOutcome:
    """The sweep's rows and recorders, in (T, seed, cell) order; raises
    ``RunFileError`` naming the folder when it holds no run, or naming the
    run folder that is damaged (one bad run never hides where it is)."""
    outcome = SweepOutcome([], {}, None)
    runs = sorted(path.parent for path in folder.glob("*/summary.json"))
    if not runs:
        raise RunFileError(folder / SUMMARY,
                           "the sweep's folder holds no run folders (CELL-T<length>-seed<seed>)")
    loaded = [(run, RunRecorder.load(run)) for run in runs]
    order = {cell: index for index, cell in enumerate(cell_order(folder / SUMMARY))}
    loaded.sort(key=lambda item: (item[1].spec.length, item[1].spec.seed,
                                  order.get(item[1].spec.cells[0], len(order)), item[0].name))
    for run, recorder in loaded:
        for name in recorder.cells:
            outcome.rows.append(cell_row(recorder, name, run.name))
            outcome.recorders[(name, recorder.spec.length, recorder.spec.seed)] = recorder
    return outcome


def cell_order(summary: Path) -> list[str]:
    """The cells in the order the sweep was asked for (sweep.csv's rows), so
    that a reopened sweep lists them as given; [] if the file can't be read."""
    try:
        with summary.open(newline="", encoding="utf-8") as file:
            return list(dict.fromkeys(row.get("cell") or "" for row in csv.DictReader(file)))
    except (OSError, UnicodeDecodeError, csv.Error):
        return []


def run_at(outcome: SweepOutcome, length: int, seed: int) -> RunRecorder | None:
    """Every cell's run at (T, seed) as one recorder, as they trained (side
    by side, on the same batches; the sweep saved them apart); None if none ran."""
    runs = {cell: recorder for (cell, t, s), recorder in outcome.recorders.items()
            if (t, s) == (length, seed)}
    if not runs:
        return None
    first = next(iter(runs.values()))
    merged = RunRecorder(first.spec.replace(cells=tuple(runs)), first.task, {})
    merged.cells = {name: recorder.cells[name] for name, recorder in runs.items()}
    merged.complete = all(recorder.complete for recorder in runs.values())
    return merged
