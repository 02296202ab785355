"""Issue 11, item 4: a preset may point to a recorded run, replayed instead of
trained (Shift+key, Run ▸ Presets ▸ Replay: …): it opens at its first step and
plays back under the preset's caption; the shipped recording is small and is
the preset's own scenario; a missing recording is one message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from run_folders import recorded_run
from window_helpers import small_spec

import gui.presets
from gui.presets import PRESET_FOLDER, load_presets
from training.run_archive import load_run, save_archive


def write_preset(folder: Path, name: str, **fields) -> None:
    folder.mkdir(exist_ok=True)
    data = {"title": name, "description": f"{name}, recorded", "spec": {"cells": ["LSTM", "GRU"]}, **fields}
    (folder / name).write_text(json.dumps(data), encoding="utf-8")


@pytest.fixture
def recorded_presets(tmp_path, monkeypatch):
    """Key 1: a preset whose recording is beside it in runs/; key 2: one without;
    key 3: one whose recording is missing."""
    folder = tmp_path / "presets"
    (folder / "runs").mkdir(parents=True)
    save_archive(recorded_run(steps=30), folder / "runs" / "demo.gatelab")
    write_preset(folder, "1-recorded.json", recording="runs/demo.gatelab")
    write_preset(folder, "2-live.json")
    write_preset(folder, "3-lost.json", recording="runs/gone.gatelab")
    monkeypatch.setattr(gui.presets, "PRESET_FOLDER", folder)
    return load_presets()


def test_the_shipped_vanishing_preset_has_a_small_recording_of_itself():
    (preset,) = [p for p in load_presets() if p.file == "1-vanishing.json"]
    assert preset.recording == PRESET_FOLDER / "recordings" / "vanishing.gatelab"
    assert 10_000 < preset.recording.stat().st_size < 400_000
    recording = load_run(preset.recording)
    assert recording.spec == preset.spec and recording.complete
    assert all(history.steps == preset.spec.steps for history in recording.cells.values())


def test_a_recording_that_is_not_a_path_skips_the_preset(tmp_path):
    write_preset(tmp_path, "1-odd.json", recording=3)
    write_preset(tmp_path, "2-fine.json", recording="runs/x.gatelab")
    (preset,) = load_presets(tmp_path)
    assert preset.file == "2-fine.json" and preset.recording == tmp_path / "runs" / "x.gatelab"


def test_shift_and_the_presets_key_replays_its_recording_from_the_first_step(qtbot, make_window,
                                                                           recorded_presets):
    window = make_window(small_spec(("LSTM",)))
    assert [a.shortcut().toString() for a in window.replay_actions] == ["Shift+1", "Shift+3"]
    assert "Shift+1" in window.replay_actions[0].toolTip()
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ShiftModifier)
    assert window.session.state == "loaded" and window.session.supervisor is None  # nothing trains
    assert window.timeline.playing and window.timeline.step == 1
    assert window.caption.isVisible() and "1-recorded.json, recorded" in window.caption.text()
    qtbot.waitUntil(lambda: window.timeline.step > 1, timeout=10_000)  # it plays
    assert window.session.recorder.cells["LSTM"].steps == 30


def test_a_missing_recording_is_one_message_and_the_window_keeps_its_run(make_window, recorded_presets):
    window = make_window(small_spec(("LSTM",)))
    shown = recorded_run(steps=3)
    window.session.load(shown)
    window.replay_actions[1].trigger()
    notice = window.notifications.newest
    assert notice is not None and "Cannot replay 3-lost.json" in notice.text and "gone.gatelab" in notice.text
    assert window.session.recorder is shown
