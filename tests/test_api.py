"""``import gatelab``: train, read back and show runs from Python — a plain
script without a main guard, a notebook (executed here, so it cannot rot)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from plugin_corpus import GOOD_CELL

import gatelab

ROOT = Path(__file__).resolve().parent.parent
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
SMALL = {"task": "adding", "length": 10, "steps": 6, "hidden": 8, "batch": 4}

PLAIN_SCRIPT = """
import gatelab
run = gatelab.train(task="adding", length=10, cells=["RNN", "GRU"], steps=4, hidden=8, batch=4)
print(run.gradients("GRU").shape[1], run.summary().rows[1]["status"])
"""


def test_a_plain_script_without_a_main_guard_trains(tmp_path):
    """Spawned workers must not re-run the user's script (Python would refuse)."""
    script = tmp_path / "plain.py"
    script.write_text(PLAIN_SCRIPT)
    result = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True,
                            timeout=300, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["10", "done"]


@pytest.fixture(scope="module")
def run() -> gatelab.Run:
    return gatelab.train(cells=["RNN", "LSTM"], progress=False, **SMALL)


def test_train_returns_arrays_a_table_and_figures(run):
    assert run.cells == ["RNN", "LSTM"]
    profiles, steps = run.gradients("LSTM"), run.gradient_steps("LSTM")
    assert profiles.shape == (len(steps), 10) and steps[0] == 1 and steps[-1] == 6
    assert run.gradients("LSTM", "c").shape == profiles.shape
    assert list(run.metrics("RNN")["step"]) == [1, 2, 3, 4, 5, 6]
    rows = {row["cell"]: row for row in run.summary().rows}
    assert rows["LSTM"]["parameters"] > rows["RNN"]["parameters"] and rows["RNN"]["status"] == "done"
    assert "<table>" in run.summary()._repr_html_() and "LSTM" in repr(run.summary())
    for kind in ("gradients", "loss"):
        assert run.plot(kind)._repr_png_().startswith(PNG_MAGIC)
    with pytest.raises(KeyError, match="no cell 'GRU'"):
        run.gradients("GRU")


def test_a_saved_run_opens_with_the_same_numbers(run, tmp_path):
    again = gatelab.open(run.save(tmp_path / "run"))
    np.testing.assert_array_equal(again.gradients("LSTM"), run.gradients("LSTM"))
    assert again.summary().rows == run.summary().rows


def test_plugins_come_from_folders_and_bad_requests_are_words(tmp_path):
    folder = tmp_path / "plugins"
    folder.mkdir()
    (folder / "leaky.py").write_text(GOOD_CELL.read_text())
    assert "Leaky" in gatelab.available_cells([folder])
    leaky = gatelab.train(cells=["Leaky"], plugins=[folder], progress=False, **SMALL)
    assert leaky.summary().rows[0]["status"] == "done"
    with pytest.raises(ValueError, match="cell 'Nope': unknown; available: RNN, LSTM, GRU"):
        gatelab.train(cells=["Nope"], progress=False, **SMALL)
    with pytest.raises(ValueError, match="hidden"):
        gatelab.train(cells=["RNN"], progress=False, **{**SMALL, "hidden": 0})


@pytest.mark.timeout(600)
def test_the_example_notebook_runs(tmp_path):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    notebook = nbformat.read(ROOT / "examples" / "tour.ipynb", as_version=4)
    nbclient.NotebookClient(notebook, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert sum("image/png" in o.get("data", {}) for o in outputs) == 2  # both figures, inline
    assert any("text/html" in o.get("data", {}) for o in outputs)  # the summary table


def test_a_sweep_writes_a_folder_per_cell_length_and_seed_and_the_tables(tmp_path):
    sweep = gatelab.sweep(lengths=[6, 8], cells=["RNN", "GRU"], seeds=2, steps=5, hidden=8, batch=4,
                          out=tmp_path / "sweep")
    assert {(r["cell"], r["length"], r["seed"]) for r in sweep.rows} == {
        (c, t, s) for c in ("RNN", "GRU") for t in (6, 8) for s in (0, 1)}
    assert sweep.run("GRU", 8, seed=1).gradients("GRU").shape[1] == 8
    rows = (tmp_path / "sweep" / "sweep.csv").read_text().splitlines()
    assert rows[0].startswith("task,length,cell,seed") and len(rows) == 9
    table = sweep._repr_markdown_()
    assert "| cell | T = 6 | T = 8 |" in table and "±" in table
    for name in ("metric_vs_length", "loss_T6", "loss_T8"):
        assert sweep.figure(name)._repr_png_().startswith(PNG_MAGIC)


def test_open_reads_a_sweep_folder_and_a_gatelab_file(tmp_path):
    """gatelab.open takes what the window opens: a run folder, a .gatelab file, a sweep's folder."""
    from run_folders import SWEEP_CELLS, SWEEP_LENGTHS, SWEEP_SEEDS, final_metric, saved_sweep

    from training.recorder import RunRecorder
    from training.run_archive import save_archive

    sweep = gatelab.open(saved_sweep(tmp_path / "sweep"))
    assert isinstance(sweep, gatelab.Sweep)
    assert len(sweep.table().rows) == len(SWEEP_CELLS) * len(SWEEP_LENGTHS) * len(SWEEP_SEEDS)
    run = sweep.run("GRU", 9, seed=2)
    assert run.metrics("GRU")["metric"][-1] == pytest.approx(final_metric("GRU", 9, 2))
    save_archive(RunRecorder.load(tmp_path / "sweep" / "GRU-T9-seed2"), tmp_path / "one.gatelab")
    assert gatelab.open(tmp_path / "one.gatelab").cells == ["GRU"]
