"""The window opens a sweep's folder: per-cell mean and spread bands, and any of its runs."""

from __future__ import annotations

import numpy as np
import pytest
from window_helpers import small_spec

from cli.sweep import cell_row, sweep_csv
from cli.sweep_folder import read_sweep
from gui.sweep_view import SweepView
from tasks import make_task
from training import RunSpec, StepReport
from training.recorder import RunRecorder
from training.run_files import RunFileError

LENGTHS, SEEDS, CELLS = (5, 9), (0, 1, 2), ("RNN", "GRU")


def final_metric(cell: str, length: int, seed: int) -> float:
    """A different, known value per run, so that means and spreads are checkable."""
    return (0.9 if cell == "GRU" else 0.3) - 0.01 * length + 0.05 * seed


def write_sweep_folder(folder):
    """One run folder per (cell, T, seed) as ``main.py sweep`` writes them, and its sweep.csv."""
    rows = []
    for length in LENGTHS:
        for seed in SEEDS:
            for cell in CELLS:
                spec = RunSpec(length=length, cells=(cell,), steps=12, seed=seed)
                run = RunRecorder(spec, make_task("adding", length), {cell: 10})
                for step in range(1, 13):
                    run.add(StepReport(cell, step, 1.0 / step + seed, final_metric(cell, length, seed), 1.0,
                                       0.01, gradients={"h": np.ones(length)} if step == 1 else None))
                place = folder / f"{cell}-T{length}-seed{seed}"
                run.save(place, complete=True)
                rows.append(cell_row(run, cell, place.name))
    (folder / "sweep.csv").write_text(sweep_csv(rows))


def test_a_sweep_folder_opens_with_mean_and_spread_per_cell(qtbot, make_window, tmp_path):
    write_sweep_folder(tmp_path)
    window = make_window(small_spec(("RNN",)))
    window.open_run(tmp_path)
    view = window.findChild(SweepView)
    qtbot.waitExposed(view)
    curves = {item.name(): item for item in view.metric_plot.listDataItems() if item.name()}
    assert set(curves) == {*CELLS, "chance"}
    for cell in CELLS:
        x, y = curves[cell].getData()
        assert list(x) == list(LENGTHS)
        expected = [np.mean([final_metric(cell, t, s) for s in SEEDS]) for t in LENGTHS]
        assert np.allclose(y, expected)
    bands = [item for item in view.metric_plot.items if type(item).__name__ == "FillBetweenItem"]
    assert len(bands) == len(CELLS)  # ± 1 s.d. over the three seeds

    view.length.setCurrentIndex(0)
    view.seed.setCurrentIndex(2)
    loss = {item.name() for item in view.loss_plot.listDataItems() if item.name()}
    assert loss == set(CELLS)
    view.open_button.click()  # both cells of T = 5, seed 2 side by side in the main window
    recorder = window.session.recorder
    assert (recorder.spec.length, recorder.spec.seed) == (5, 2)
    assert list(recorder.cells) == list(CELLS)
    assert recorder.cells["GRU"].series("metric")[1][-1] == pytest.approx(final_metric("GRU", 5, 2))


def test_a_folder_without_runs_is_refused_in_words(tmp_path):
    (tmp_path / "sweep.csv").write_text("task\n")
    with pytest.raises(RunFileError, match="holds no run folders"):
        read_sweep(tmp_path)


def test_rows_are_rebuilt_from_the_runs(tmp_path):
    write_sweep_folder(tmp_path)
    rows = read_sweep(tmp_path).rows
    assert [(r["length"], r["seed"]) for r in rows][:2] == [(5, 0), (5, 0)]
    assert {r["cell"] for r in rows} == set(CELLS) and len(rows) == len(LENGTHS) * len(SEEDS) * len(CELLS)
    gru = next(r for r in rows if (r["cell"], r["length"], r["seed"]) == ("GRU", 9, 1))
    assert gru["final_metric"] == pytest.approx(final_metric("GRU", 9, 1))
