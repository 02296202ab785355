"""Saved run folders for the run-file tests, built without training (fast)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from cli.sweep import cell_row, sweep_csv
from training import RunSpec, StepReport
from training.recorder import RunRecorder
from training.run import build_task

LENGTH = 4


def reports(cell: str, steps: range, states: tuple[str, ...] = ("h", "c")):
    """Synthetic step reports with a gradient profile per state, one gate
    whose mean differs every step (1 - 0.5 / step) and state magnitudes of
    2 · step, so a step's data are its own."""
    for step in steps:
        yield StepReport(cell, step, loss=1.0 / step, metric=0.5, grad_norm=1.0, seconds=0.01,
                         gradients={key: np.full(LENGTH, float(step)) for key in (*states, "x")},
                         gates={"forget": np.full(LENGTH, 1 - 0.5 / step)},
                         states={key: np.full(LENGTH, 2.0 * step) for key in states})


def recorded_run(cells: tuple[str, ...] = ("LSTM", "GRU"), steps: int = 5,
                 states: tuple[str, ...] = ("h", "c")) -> RunRecorder:
    """A recorder holding ``steps`` steps of each cell (``cells`` may be any names)."""
    spec = RunSpec(length=LENGTH, hidden=4, batch=2, steps=steps, cells=cells)
    recorder = RunRecorder(spec, build_task(spec), {name: 10 for name in cells})
    for name in cells:
        for report in reports(name, range(1, steps + 1), states):
            recorder.add(report)
    return recorder


def saved_run(folder: Path, **options) -> Path:
    recorded_run(**options).save(folder)
    return folder


def write_old_format_run(folder: Path) -> Path:
    """A folder as GateLab wrote it before key escaping and the "complete"
    field: raw names as npz keys, no strides, no index, no completeness."""
    folder.mkdir(parents=True, exist_ok=True)
    spec = RunSpec(length=LENGTH, hidden=4, batch=2, steps=2, cells=("RNN",))
    summary = {"spec": spec.to_dict(),
               "task": {"name": "adding", "baseline_loss": 1 / 6, "baseline_metric": None},
               "cells": {"RNN": {"parameters": 10, "final_loss": 0.5, "final_metric": 0.1,
                                 "steps": 2, "steps_per_second": 100.0, "status": "done",
                                 "message": ""}}}
    (folder / "summary.json").write_text(json.dumps(summary))
    (folder / "metrics.csv").write_text(
        "step,cell,loss,metric,grad_norm,seconds,status\n"
        "1,RNN,1.0,0.0,1.0,0.01,running\n2,RNN,0.5,0.1,1.0,0.01,done\n")
    profile = np.arange(1.0, LENGTH + 1)
    np.savez_compressed(folder / "gradients.npz", **{
        "steps": np.array([1, 2]), "RNN": np.stack([profile, 2 * profile]),
        "RNN/x": np.stack([profile, profile]), "RNN/steps": np.array([1, 2]),
        "RNN/first/h": profile, "RNN/latest/h": 2 * profile, "RNN/gates/z": profile})
    return folder


def assert_same_run(left: RunRecorder, right: RunRecorder) -> None:
    """Two recorders hold the same run: summary, metrics and every array (NaN equal to NaN)."""
    assert left.summary() == right.summary()
    assert left.metrics_csv() == right.metrics_csv()
    ours, theirs = left.gradient_arrays(), right.gradient_arrays()
    assert ours.keys() == theirs.keys()
    for key in ours:
        np.testing.assert_array_equal(ours[key], theirs[key], err_msg=key)


SWEEP_LENGTHS, SWEEP_SEEDS, SWEEP_CELLS = (5, 9), (0, 1, 2), ("RNN", "GRU")


def final_metric(cell: str, length: int, seed: int) -> float:
    """A different, known value per run, so that means and spreads are checkable."""
    return (0.9 if cell == "GRU" else 0.3) - 0.01 * length + 0.05 * seed


def saved_sweep(folder: Path) -> Path:
    """One run folder per (cell, T, seed) as ``main.py sweep`` writes them, and its sweep.csv."""
    rows = []
    for length in SWEEP_LENGTHS:
        for seed in SWEEP_SEEDS:
            for cell in SWEEP_CELLS:
                spec = RunSpec(length=length, cells=(cell,), steps=12, seed=seed)
                run = RunRecorder(spec, build_task(spec), {cell: 10})
                for step in range(1, 13):
                    run.add(StepReport(cell, step, 1.0 / step + seed, final_metric(cell, length, seed), 1.0,
                                       0.01, gradients={"h": np.ones(length)} if step == 1 else None))
                place = folder / f"{cell}-T{length}-seed{seed}"
                run.save(place, complete=True)
                rows.append(cell_row(run, cell, place.name))
    (folder / "sweep.csv").write_text(sweep_csv(rows))
    return folder
