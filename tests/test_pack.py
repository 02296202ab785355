"""``main.py pack`` and ``.gatelab`` files on the command line: a packed run
opens as its folder did; bad input is one line and exit 2, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from run_folders import assert_same_run, saved_run

from cli import main as cli_main
from training.recorder import RunRecorder
from training.run_archive import load_run


def test_pack_writes_a_gatelab_beside_the_folder_that_opens_as_the_folder(tmp_path, capsys):
    folder = saved_run(tmp_path / "lecture", steps=6)
    assert cli_main(["pack", str(folder)]) == 0
    archive = tmp_path / "lecture.gatelab"
    assert f"wrote {archive}" in capsys.readouterr().out
    assert_same_run(load_run(archive), RunRecorder.load(folder))
    assert_same_run(load_run(folder / "summary.json"), RunRecorder.load(folder))


@pytest.mark.parametrize("args, words", [
    (["--out", "x.zip"], "must end in .gatelab"),
    (["--out", "taken.gatelab"], "--overwrite"),
])
def test_pack_refuses_bad_flags_in_one_line(tmp_path, capsys, monkeypatch, args, words):
    monkeypatch.chdir(tmp_path)
    folder = saved_run(tmp_path / "run")
    (tmp_path / "taken.gatelab").write_bytes(b"mine")
    with pytest.raises(SystemExit) as exit_:
        cli_main(["pack", str(folder), *args])
    err = capsys.readouterr().err
    assert exit_.value.code == 2 and words in err and len(err.strip().splitlines()) == 1
    assert (tmp_path / "taken.gatelab").read_bytes() == b"mine" and not (tmp_path / "x.zip").exists()


def test_pack_refuses_a_damaged_folder_naming_the_file(tmp_path, capsys):
    folder = saved_run(tmp_path / "run")
    (folder / "metrics.csv").write_text("nonsense\n")
    with pytest.raises(SystemExit) as exit_:
        cli_main(["pack", str(folder)])
    assert exit_.value.code == 2 and "metrics.csv" in capsys.readouterr().err
    assert not Path(f"{folder}.gatelab").exists()


def test_run_out_gatelab_says_to_pack_a_folder(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        cli_main(["run", "--length", "5", "--steps", "1", "--cells", "RNN",
                  "--out", str(tmp_path / "r.gatelab")])
    assert exit_.value.code == 2 and "main.py pack" in capsys.readouterr().err
    assert not (tmp_path / "r.gatelab").exists()


def test_a_folder_named_like_a_file_still_opens_as_a_folder(tmp_path):
    folder = saved_run(tmp_path / "odd.gatelab")
    assert_same_run(load_run(folder), RunRecorder.load(folder))


def test_pack_thins_a_run_as_the_recorder_would_and_it_still_opens(tmp_path, capsys):
    folder = saved_run(tmp_path / "long", steps=40)
    out = tmp_path / "small.gatelab"
    assert cli_main(["pack", str(folder), "--out", str(out), "--records", "6", "--rows", "12"]) == 0
    thinned, whole = load_run(out), RunRecorder.load(folder)
    for name, history in thinned.cells.items():
        steps, stride = history.gradients.steps, history.gradients.stride
        assert 2 <= len(steps) <= 6 and all(step % stride == 0 for step in steps) and stride > 1
        assert len(history.metrics.items) <= 12 and history.metrics.items[-1]["step"] == 40
        records = zip(steps, history.gradients.items, history.gate_means.items, history.state_norms.items,
                      strict=True)
        for step, gradients, gates, states in records:  # each record still holds its own step's data
            assert (gradients["h"] == step).all() and (gates["forget"] == 1 - 0.5 / step).all()
            assert (states["h"] == 2 * step).all()
        assert history.latest.step == whole.cells[name].latest.step == 40
        assert (history.captured.gradients["h"] == 40).all()
    assert out.stat().st_size < (folder / "gradients.npz").stat().st_size
