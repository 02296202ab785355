"""Issue 11, item 4: ``.gatelab`` files in the window. Save run as .gatelab →
open it gives what the folder gives; File ▸ Open .gatelab file, ``--open``,
a bare ``main.py FILE.gatelab`` and ``--at STEP`` open it (at that step); a
bad file is one message and the window keeps what it showed."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pytest
from run_folders import assert_same_run, recorded_run
from window_helpers import small_spec

import gui.app
import gui.application
import main as entry
from gui.flags import build_parser
from gui.run_opening import nearest_step, opened_run, show_opened
from training.recorder import RunRecorder
from training.run_archive import load_run

ROOT = Path(__file__).resolve().parents[2]


def answer_dialogs(monkeypatch, path: Path) -> list[str]:
    """File dialogs answer ``path``; the texts of the warnings shown are returned."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    warnings: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(path))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    return warnings


def shown_arrays(window) -> dict[str, np.ndarray]:
    """What the gradient curves and the loss plot show now."""
    window.redraw()
    data = {}
    for name, (faint, strong) in window.gradient_time.curves.items():
        data[f"{name}/first"], data[f"{name}/newest"] = faint.yData, strong.yData
        curve = window.loss.loss_curves[name]
        data[f"{name}/loss"] = np.stack([curve.xData, curve.yData])
    return data


def test_save_as_gatelab_then_open_it_shows_what_the_folder_shows(make_window, tmp_path, monkeypatch):
    window = make_window(small_spec(("LSTM", "GRU")))
    window.session.load(recorded_run(steps=7))
    answer_dialogs(monkeypatch, tmp_path / "lecture")  # no suffix: Save adds .gatelab
    window.save_file_action.trigger()
    answer_dialogs(monkeypatch, tmp_path / "folder")
    window.save_action.trigger()
    archive = tmp_path / "lecture.gatelab"
    assert zipfile.is_zipfile(archive)
    assert_same_run(load_run(archive), RunRecorder.load(tmp_path / "folder"))

    window.reset()
    window.open_action.trigger()  # the folder
    from_folder = shown_arrays(window)
    window.reset()
    answer_dialogs(monkeypatch, archive)
    window.open_file_action.trigger()
    assert window.session.state == "loaded" and "lecture.gatelab" in window.windowTitle()
    from_file = shown_arrays(window)
    assert from_file.keys() == from_folder.keys()
    for key in from_file:
        np.testing.assert_array_equal(from_file[key], from_folder[key], err_msg=key)


@pytest.mark.parametrize("content", [b"not a zip at all", b"PK\x03\x04" + bytes(40)],
                         ids=["garbage", "broken zip"])
def test_a_bad_gatelab_file_is_one_message_and_the_window_keeps_its_run(make_window, tmp_path, monkeypatch,
                                                                         content):
    window = make_window(small_spec(("LSTM", "GRU")))
    shown = recorded_run(steps=4)
    window.session.load(shown)
    bad = tmp_path / "broken.gatelab"
    bad.write_bytes(content)
    warnings = answer_dialogs(monkeypatch, bad)
    window.open_file_action.trigger()
    assert len(warnings) == 1 and warnings[0].startswith("broken.gatelab in ")
    assert "not a readable .gatelab archive" in warnings[0]
    assert window.session.recorder is shown and window.session.state == "loaded"


def test_a_traversing_gatelab_file_is_refused_in_the_window(make_window, tmp_path, monkeypatch):
    window = make_window(small_spec(("LSTM", "GRU")))
    evil = tmp_path / "evil.gatelab"
    with zipfile.ZipFile(evil, "w") as archive:
        archive.writestr("../../summary.json", "{}")
    warnings = answer_dialogs(monkeypatch, evil)
    window.open_file_action.trigger()
    assert len(warnings) == 1 and "points outside the archive" in warnings[0]
    assert window.session.recorder is None and not (tmp_path.parent / "summary.json").exists()


# ---- the command line ---------------------------------------------------------------
@pytest.fixture
def archive(tmp_path) -> Path:
    from training.run_archive import save_archive

    return save_archive(recorded_run(steps=9), tmp_path / "demo.gatelab")


def test_a_bare_gatelab_argument_opens_the_window_on_it(archive, monkeypatch):
    """What a double-click passes: main.py FILE.gatelab goes to the window,
    whose flags read it as the run to open (as --open would)."""
    window_main, seen = gui.app.main, {}
    monkeypatch.setattr(gui.app, "main", lambda argv: seen.update(argv=argv) or 0)
    assert entry.main([str(archive), "--at", "4"]) == 0
    assert seen["argv"] == [str(archive), "--at", "4"]
    monkeypatch.setattr(gui.application, "run_window", lambda args: seen.update(args=args) or 0)
    monkeypatch.setattr(gui.app, "choose_platform", lambda args: None)
    assert window_main([str(archive), "--at", "4"]) == 0
    assert seen["args"].run == archive and seen["args"].at == 4


@pytest.mark.parametrize("flags", [["--open", "{0}"], ["{0}"]], ids=["--open", "positional"])
@pytest.mark.parametrize("at, shown", [(None, 9), (4, 4), (1, 1)])
def test_open_flags_show_the_run_at_the_step_asked_for(make_window, archive, flags, at, shown):
    argv = [part.format(archive) for part in flags] + ([] if at is None else ["--at", str(at)])
    opened = opened_run(build_parser().parse_args(argv))
    window = make_window(small_spec(("LSTM", "GRU")))
    show_opened(window, opened)
    assert window.session.state == "loaded" and window.timeline.step == shown
    assert "demo.gatelab" in window.windowTitle()
    view = window.timeline.shown()
    assert all(history.steps == shown for history in view.cells.values())
    newest = window.gradient_time.curves["LSTM"][1].yData
    np.testing.assert_array_equal(newest, np.full(4, float(shown)))  # step k's profile is k everywhere


def test_a_run_folder_opens_with_open_too(make_window, tmp_path):
    recorded_run(steps=3).save(tmp_path / "run")
    opened = opened_run(build_parser().parse_args(["--open", str(tmp_path / "run"), "--at", "2"]))
    assert opened.step == 2 and opened.name == "run"


def test_nearest_recorded_step():
    assert nearest_step([1, 2, 4, 8, 16], 6) == 4  # a tie: the earlier
    assert nearest_step([1, 2, 4, 8, 16], 7) == 8
    assert nearest_step([1, 2, 4, 8, 16], 16) == 16 and nearest_step([5], 5) == 5


@pytest.mark.parametrize("argv, words", [
    (["{0}", "--at", "10"], "--at 10 is outside the run: demo.gatelab holds steps 1 to 9"),
    (["{0}", "--open", "{0}"], "give the run to open once"),
    (["--at", "3"], "--at needs a run to open"),
    (["{1}"], "missing.gatelab in "),
])
def test_bad_open_flags_are_one_line(archive, argv, words):
    from gui.flags import FlagError

    args = build_parser().parse_args([a.format(archive, archive.with_name("missing.gatelab")) for a in argv])
    with pytest.raises(FlagError) as error:
        opened_run(args)
    assert words in str(error.value) and "\n" not in str(error.value)


def test_main_py_with_a_bad_file_says_so_in_one_line_and_exits_2(tmp_path):
    bad = tmp_path / "bad.gatelab"
    bad.write_bytes(b"hello")
    result = subprocess.run([sys.executable, "main.py", str(bad)], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=120)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"main.py: error: bad.gatelab in {tmp_path} is not a readable GateLab run file: is not a readable "
        ".gatelab archive (File is not a zip file)"]


def test_save_run_flag_writes_a_gatelab_file_once(tmp_path):
    from gui.application import save_on_quit
    from gui.flags import FlagError, check_save_folder

    out = tmp_path / "lecture.gatelab"
    check_save_folder(out)
    run = recorded_run(steps=3)
    assert save_on_quit(run, out)  # its cells were still training: saved as stopped, not complete
    opened = load_run(out)
    assert_same_run(opened, run)
    assert not opened.complete
    with pytest.raises(FlagError, match="exists already"):
        check_save_folder(out)
