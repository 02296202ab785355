"""The window opens a sweep's folder: per-cell mean and spread bands, and any of its runs."""

from __future__ import annotations

import numpy as np
import pytest
from run_folders import SWEEP_CELLS as CELLS
from run_folders import SWEEP_LENGTHS as LENGTHS
from run_folders import SWEEP_SEEDS as SEEDS
from run_folders import final_metric
from run_folders import saved_sweep as write_sweep_folder
from window_helpers import small_spec

from cli.sweep_folder import read_sweep
from gui.sweep_view import SweepView
from training.run_files import RunFileError


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


def test_open_flag_takes_a_sweep_folder_and_at_does_not(qtbot, make_window, tmp_path):
    from gui.flags import FlagError, build_parser
    from gui.run_opening import opened_run, show_opened

    write_sweep_folder(tmp_path)
    opened = opened_run(build_parser().parse_args(["--open", str(tmp_path)]))
    assert opened.sweep == tmp_path and opened.recorder is None
    window = make_window(small_spec(("RNN",)))
    show_opened(window, opened)
    view = window.findChild(SweepView)
    qtbot.waitExposed(view)
    with pytest.raises(FlagError, match="sweep's folder"):
        opened_run(build_parser().parse_args(["--open", str(tmp_path), "--at", "3"]))
