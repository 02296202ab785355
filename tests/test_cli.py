"""The headless command line, end to end, in a subprocess as a user runs it."""

import csv
import json
import os
import shutil
import signal

import numpy as np
import pytest
from cli_runner import gatelab, interrupted_run

from training import RunSpec
from training.recorder import RunRecorder
from training.spec import build_task


@pytest.fixture(scope="module")
def finished_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("run") / "result"
    result = gatelab("run", "--task", "adding", "--length", "20", "--cells", "RNN,LSTM,GRU",
                     "--steps", "6", "--seed", "0", "--hidden", "8", "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out, result


def test_run_writes_summary_metrics_gradients_and_figures(finished_run):
    out, result = finished_run
    summary = json.loads((out / "summary.json").read_text())
    assert summary["task"]["name"] == "adding"
    assert summary["task"]["baseline_loss"] == pytest.approx(1 / 6)
    assert summary["spec"]["length"] == 20
    assert set(summary["cells"]) == {"RNN", "LSTM", "GRU"}
    for info in summary["cells"].values():
        assert info["steps"] == 6 and info["status"] == "done" and info["parameters"] > 0
        assert info["final_loss"] is not None and info["steps_per_second"] > 0
    lstm, gru = summary["cells"]["LSTM"]["parameters"], summary["cells"]["GRU"]["parameters"]
    assert lstm > gru

    rows = list(csv.DictReader((out / "metrics.csv").open()))
    assert len(rows) == 18
    assert {r["cell"] for r in rows} == {"RNN", "LSTM", "GRU"}
    assert [int(r["step"]) for r in rows if r["cell"] == "GRU"] == list(range(1, 7))
    elapsed = [float(r["elapsed"]) for r in rows if r["cell"] == "GRU"]
    assert 0 < elapsed[0] and elapsed == sorted(elapsed)  # wall seconds since Start

    with np.load(out / "gradients.npz") as npz:
        for cell in ("RNN", "LSTM", "GRU"):  # captured steps (the schedule): the first and the last always
            captured = list(npz[f"{cell}/steps"])
            assert captured[0] == 1 and captured[-1] == 6 and captured == sorted(set(captured))
        assert npz["LSTM"].shape == (len(npz["LSTM/steps"]), 20)
        assert npz["LSTM/c"].shape == npz["LSTM"].shape and npz["GRU/x"].shape == npz["GRU"].shape
        assert (npz["RNN"][:, -1] > 0).all()
    for figure in ("gradients.png", "loss.png"):
        assert (out / figure).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "steps/s" in result.stderr


def test_saved_run_reads_back(finished_run):
    from training.recorder import RunRecorder

    out, _ = finished_run
    recorder = RunRecorder.load(out)
    assert recorder.cells["LSTM"].steps == 6
    steps, matrix = recorder.cells["GRU"].gradient_matrix("h")
    assert matrix.shape == (len(steps), 20) and steps[0] == 1 and steps[-1] == 6
    assert recorder.summary()["cells"]["RNN"]["status"] == "done"


def test_unwritable_output_folder_is_refused(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = gatelab("run", "--steps", "1", "--out", str(blocker / "sub"))
    assert result.returncode == 2 and "cannot write to" in result.stderr


def test_cells_and_tasks_list_what_exists():
    cells = gatelab("cells")
    assert cells.returncode == 0
    assert "LSTM" in cells.stdout and "17408" in cells.stdout
    tasks = gatelab("tasks")
    assert tasks.returncode == 0
    for name in ("adding", "copy", "recall", "echo"):
        assert f"{name}:" in tasks.stdout
    assert "0.1667" in tasks.stdout


def test_a_broken_plugin_folder_does_not_stop_the_listing(tmp_path):
    (tmp_path / "broken.py").write_text("import torch\nfrom cells import Cell\ndef broken(:\n")
    result = gatelab("cells", "--plugins", str(tmp_path))
    assert result.returncode == 0
    assert "broken.py:3" in result.stdout and "SyntaxError" in result.stdout
    assert "GRU" in result.stdout


@pytest.mark.parametrize("args, message", [
    (["tasks", "--length", "1"], "--length must be at least 2 (got 1)"),
    (["cells", "--hidden", "0"], "--hidden and --input-size must be at least 1"),
])
def test_listing_commands_refuse_bad_sizes_in_one_line(args, message):
    result = gatelab(*args)
    assert result.returncode == 2
    assert result.stderr.strip() == f"gatelab: error: {message}"


def test_a_cell_that_cannot_be_built_is_an_error_and_the_others_train(tmp_path):
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "picky.py").write_text(
        "import torch\nfrom cells import Cell\n\n"
        "class Picky(Cell):\n    name = 'Picky'\n\n"
        "    def __init__(self, input_size, hidden_size):\n"
        "        super().__init__(input_size, hidden_size)\n"
        "        if hidden_size == 8:\n            raise ValueError('no hidden size 8 for me')\n"
        "        self.inp = torch.nn.Linear(input_size + hidden_size, hidden_size)\n\n"
        "    def forward(self, x, state):\n"
        "        h = torch.tanh(self.inp(torch.cat([x, state[0]], dim=1)))\n"
        "        return h, (h,)\n")
    out = tmp_path / "out"
    result = gatelab("run", "--length", "10", "--cells", "Picky,GRU", "--steps", "3", "--hidden", "8",
                     "--plugins", str(plugins), "--out", str(out))
    assert result.returncode == 1, result.stderr  # a cell failed
    cells = json.loads((out / "summary.json").read_text())["cells"]
    assert cells["Picky"]["status"] == "error"
    assert "no hidden size 8 for me" in cells["Picky"]["message"]
    assert cells["GRU"]["status"] == "done" and cells["GRU"]["steps"] == 3


@pytest.mark.parametrize("terminal", [False, True], ids=["to the CLI", "to the process group"])
def test_ctrl_c_stops_the_run_marks_the_cells_stopped_and_writes_complete_files(tmp_path, terminal):
    """A terminal's Ctrl-C reaches the workers too: they ignore it, the CLI stops them."""
    out = tmp_path / "out"

    def ctrl_c(process):
        if terminal:
            os.killpg(process.pid, signal.SIGINT)
        else:
            process.send_signal(signal.SIGINT)

    result = interrupted_run(out, ctrl_c, start_new_session=terminal)
    assert result.returncode == 130, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout.startswith("stopped early in ")
    summary = json.loads((out / "summary.json").read_text())
    rows = list(csv.DictReader((out / "metrics.csv").open()))
    for name in ("RNN", "GRU"):
        info = summary["cells"][name]
        assert info["status"] == "stopped" and info["steps"] >= 3
        assert [int(r["step"]) for r in rows if r["cell"] == name] == list(range(1, info["steps"] + 1))
        assert " stopped" in result.stdout.split(name, 1)[1].splitlines()[0]
    with np.load(out / "gradients.npz") as npz:
        assert npz["GRU"].shape == (len(npz["GRU/steps"]), 10) and npz["GRU/steps"][0] == 1
    from training.recorder import RunRecorder

    reopened = RunRecorder.load(out)
    assert {n: h.status for n, h in reopened.cells.items()} == {"RNN": "stopped", "GRU": "stopped"}


def test_sweep_refuses_bad_lengths_and_an_earlier_sweep_in_one_line(tmp_path):
    for lengths in ("abc", "1,5", "5,5"):
        result = gatelab("sweep", "--lengths", lengths, "--out", str(tmp_path / "new"))
        assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
        assert "--lengths" in result.stderr and not (tmp_path / "new").exists()
    earlier = RunSpec(length=5, cells=("RNN",), steps=9, seed=0)  # another sweep's run: 9 steps
    recorder = RunRecorder(earlier, build_task(earlier), {"RNN": 10})
    recorder.save(tmp_path / "old" / "RNN-T5-seed0", complete=True)
    (tmp_path / "old" / "sweep.csv").write_text("task\n")
    result = gatelab("sweep", "--lengths", "5,6", "--cells", "RNN", "--steps", "2",
                     "--out", str(tmp_path / "old"))
    assert result.returncode == 2 and "other settings" in result.stderr
    assert (tmp_path / "old" / "sweep.csv").read_text() == "task\n"


def test_a_sweep_run_again_skips_the_runs_it_finished(tmp_path):
    """Resumable: an interrupted (or repeated) sweep trains only what is missing."""
    out = tmp_path / "sweep"
    flags = ("sweep", "--lengths", "5", "--seeds", "2", "--cells", "RNN", "--steps", "2", "--hidden", "4",
             "--batch", "2", "--out", str(out))
    assert gatelab(*flags).returncode == 0
    kept = (out / "RNN-T5-seed0" / "summary.json").stat().st_mtime_ns
    shutil.rmtree(out / "RNN-T5-seed1")  # as if the sweep had been stopped before it
    result = gatelab(*flags)
    assert result.returncode == 0 and "kept 1 of 2" in result.stderr, result.stderr
    assert (out / "RNN-T5-seed0" / "summary.json").stat().st_mtime_ns == kept
    assert (out / "RNN-T5-seed1" / "summary.json").exists()
    assert len((out / "sweep.csv").read_text().splitlines()) == 3  # the header and both seeds
