"""Issue 8, class 7 in the window: Open run on damaged or out-of-range folders
shows one message naming the file, and the controls stay usable."""

from __future__ import annotations

import json

import pytest
from run_folders import saved_run
from window_helpers import small_spec

from training.spec import RunSpec


def edit_spec(**changes):
    def damage(folder):
        summary = json.loads((folder / "summary.json").read_text())
        summary["spec"].update(changes)
        (folder / "summary.json").write_text(json.dumps(summary))
    return damage


def overwrite(name: str, data: bytes):
    return lambda folder: (folder / name).write_bytes(data)


REFUSED = {
    "steps 10**12": ("summary.json", edit_spec(steps=10**12)),
    "length 10**6": ("summary.json", edit_spec(length=10**6)),
    "seed 2**70": ("summary.json", edit_spec(seed=2**70)),
    "seed a string": ("summary.json", edit_spec(seed="1")),
    "deep JSON": ("summary.json", overwrite("summary.json", b"[" * 100_000)),
    "bad compression": ("gradients.npz", overwrite("gradients.npz", b"PK\x03\x04" + bytes(60))),
    "formula header": ("metrics.csv", overwrite("metrics.csv", b"=cmd|' /C calc'!A0\n")),
}
CLAMPED = {"seed 2**62": {"seed": 2**62}, "length 5000 (a CLI run)": {"length": 5000},
           "learning rate 10": {"lr": 10.0}}


def open_folder(window, monkeypatch, folder) -> list[str]:
    """Open run on ``folder``; the texts of the warnings it showed."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    window.file_dialogs.open_run()
    return shown


def assert_controls_usable(window) -> None:
    controls = window.controls
    widgets = [controls.task, controls.cells, *(e.widget for e in controls.editors.values())]
    assert not any(widget.signalsBlocked() for widget in widgets)
    edited = []
    controls.spec_edited.connect(lambda: edited.append(True))
    controls.hidden.setValue(controls.hidden.value() + 1)
    assert edited, "the controls no longer say when they change"
    controls.spec()  # a valid spec


@pytest.mark.parametrize("case", REFUSED, ids=list(REFUSED))
def test_a_damaged_run_is_refused_in_one_message(make_window, tmp_path, monkeypatch, case):
    file_name, damage = REFUSED[case]
    window = make_window(small_spec(("RNN",)))
    folder = saved_run(tmp_path / "run")
    damage(folder)
    shown = open_folder(window, monkeypatch, folder)
    assert len(shown) == 1 and file_name in shown[0]
    assert window.session.recorder is None
    assert_controls_usable(window)


@pytest.mark.parametrize("case", CLAMPED, ids=list(CLAMPED))
def test_values_beyond_the_controls_are_shown_clamped_with_a_notice(make_window, tmp_path,
                                                                   monkeypatch, case):
    window = make_window(small_spec(("RNN",)))
    folder = saved_run(tmp_path / "run")
    edit_spec(**CLAMPED[case])(folder)
    assert open_folder(window, monkeypatch, folder) == []
    assert window.session.state == "loaded"
    assert window.controls.notice.isVisibleTo(window.controls)
    assert_controls_usable(window)


def test_set_spec_never_leaves_the_controls_blocked(qtbot):
    from gui.controls import ControlPanel

    panel = ControlPanel(RunSpec())
    qtbot.addWidget(panel)
    panel.set_spec(RunSpec(seed=2**62, steps=10**9, length=10**5, hidden=2**16))
    assert panel.seed.value() == 2**31 - 1 and panel.notice.text()
    assert not any(e.widget.signalsBlocked() for e in panel.editors.values())
