"""Presets are one-key scenarios: keys 1–9 load a preset and start it from any
state, its title and "what to look for" show while it runs, in EN and KO."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from window_helpers import WORKER_START, small_spec, wait_for_steps

import gui.presets
from gui.presets import PRESET_FOLDER, Preset, load_presets, local_text
from training.report import DIVERGED, ERROR

TINY = {"task": "adding", "length": 10, "hidden": 8, "batch": 4}


def write_preset(folder: Path, name: str, title, description, **spec) -> None:
    folder.mkdir(exist_ok=True)
    data = {"title": title, "description": description, "spec": {**TINY, **spec}}
    (folder / name).write_text(json.dumps(data), encoding="utf-8")


@pytest.fixture
def tiny_presets(tmp_path, monkeypatch) -> list[Preset]:
    """Two quick presets: key 1 trains 3 steps of an RNN and finishes, key 2 a
    GRU until stopped."""
    folder = tmp_path / "presets"
    write_preset(folder, "1-short.json", {"en": "Short", "ko": "짧게"},
                 {"en": "Three steps", "ko": "세 단계"}, cells=["RNN"], steps=3)
    write_preset(folder, "2-endless.json", "Endless", "Until stopped", cells=["GRU"], steps=0)
    monkeypatch.setattr(gui.presets, "PRESET_FOLDER", folder)
    return load_presets()


# ---- the files --------------------------------------------------------------------
def test_every_shipped_preset_loads_with_english_and_korean_texts():
    files = sorted(PRESET_FOLDER.glob("*.json"))
    presets = load_presets()
    assert len(presets) == len(files) >= 8  # none skipped as broken
    for preset in presets:
        for texts in (preset.titles, preset.descriptions):
            assert set(texts) == {"en", "ko"}, preset.titles
            assert all(text.strip() for text in texts.values())
        assert any("\uac00" <= ch <= "\ud7a3" for ch in local_text(preset.descriptions, "ko"))


def test_the_lecture_scenarios_are_there():
    specs = {preset.titles["en"]: preset.spec for preset in load_presets()}
    exercise = specs["The exercise: LSTM vs GRU on the same task"]
    assert exercise.cells == ("LSTM", "GRU")
    off, on = specs["Exploding gradients, clipping off"], specs["Exploding gradients, clipping on"]
    assert off.clip is None and on.clip is not None
    assert off.recurrent_gain > 1 and off.replace(clip=on.clip) == on  # only clipping differs


def test_plain_string_texts_still_load_and_a_broken_file_is_skipped(tmp_path):
    write_preset(tmp_path, "1-old.json", "Old style", "One language", cells=["RNN"])
    write_preset(tmp_path, "2-bad-text.json", {"en": 3}, "x", cells=["RNN"])
    write_preset(tmp_path, "3-bad-spec.json", "Bad", "x", cells=["RNN"], length=1)
    (tmp_path / "4-not-json.json").write_text("{", encoding="utf-8")
    (preset,) = load_presets(tmp_path)
    assert (preset.title, preset.description) == ("Old style", "One language")
    assert local_text(preset.titles, "ko") == "Old style"  # English when a language is missing


# ---- keys start them ------------------------------------------------------------------
def started(qtbot, window, preset: Preset, previous=None) -> None:
    """Wait until a fresh comparison of ``preset`` has trained a step."""
    qtbot.waitUntil(lambda: window.session.recorder is not None
                    and window.session.recorder is not previous, timeout=WORKER_START)
    assert window.session.recorder.spec == preset.spec.replace(plugins=window.controls.plugins)
    wait_for_steps(qtbot, window, 1)


def test_a_preset_key_starts_training_from_idle_finished_running_and_loaded(
        qtbot, make_window, tiny_presets):
    short, endless = tiny_presets
    window = make_window(small_spec(("LSTM",)))
    assert window.presets == tiny_presets

    assert window.session.state == "idle"
    qtbot.keyClick(window, Qt.Key.Key_1)
    started(qtbot, window, short)
    assert window.caption.isVisible() and "Short" in window.caption.text()
    qtbot.waitUntil(lambda: window.session.state == "finished", timeout=WORKER_START)

    finished = window.session.recorder
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    started(qtbot, window, endless, previous=finished)
    assert window.session.state == "running"
    assert "Until stopped" in window.caption.text()

    running = window.session.recorder
    qtbot.keyClick(window, Qt.Key.Key_1)  # the running comparison is reset, not kept
    started(qtbot, window, short, previous=running)
    assert set(window.session.recorder.cells) == {"RNN"}

    window.session.load(window.session.recorder)  # as after File ▸ Open run
    loaded = window.session.recorder
    assert window.session.state == "loaded"
    qtbot.keyClick(window, Qt.Key.Key_2)
    started(qtbot, window, endless, previous=loaded)


def test_the_caption_goes_when_the_comparison_is_no_longer_the_presets(qtbot, make_window, tiny_presets):
    window = make_window(small_spec(("LSTM",)))
    window.apply_preset(tiny_presets[1])
    window.controls.hidden.setValue(9)  # edited before starting: not the preset any more
    window.start_or_pause()
    assert window.caption.isHidden()
    window.reset()
    window.controls.hidden.setValue(8)
    window.start_or_pause()  # the preset's settings again
    assert window.caption.isVisible()
    window.reset()
    assert window.caption.isHidden()


def test_the_preset_actions_name_both_keys(make_window, tiny_presets):
    window = make_window(small_spec(("LSTM",)))
    first = window.preset_actions[0]
    assert [s.toString() for s in first.shortcuts()] == ["1", "Ctrl+1"]
    assert "Three steps" in first.toolTip() and "Ctrl+1" in first.toolTip()


def test_exploding_gradients_without_clipping_diverge_as_a_status(qtbot, make_window):
    """The shipped preset, run as a lecturer would: the RNN diverges within a
    few dozen steps and says so in the table; the window and the other cells go on."""
    window = make_window(small_spec(("LSTM",)))
    number = next(i for i, p in enumerate(window.presets, start=1) if p.spec.clip is None
                  and p.spec.recurrent_gain > 1)
    qtbot.keyClick(window, getattr(Qt.Key, f"Key_{number}"))
    qtbot.waitUntil(lambda: window.session.recorder is not None
                    and window.session.recorder.cells["RNN"].status == DIVERGED, timeout=WORKER_START)
    window.redraw()
    row = list(window.session.recorder.cells).index("RNN")
    assert window.table.item(row, 6).text().startswith("diverged at step")
    assert all(h.status != ERROR for h in window.session.recorder.cells.values())
    assert window.notifications.newest is None
    assert window.session.state in ("running", "starting")  # LSTM and GRU train on


def test_the_korean_interface_shows_korean_preset_texts(qapp, qtbot, make_window):
    from gui.i18n import install_translators, remove_translators

    translators = install_translators(qapp, "ko")
    try:
        window = make_window(small_spec(("LSTM",)))
        first = window.presets[0]
        assert window.preset_actions[0].text() == first.titles["ko"]
        window.apply_preset(first)  # filled, not started: the caption is what is tested
        window.caption.show_for(window.controls.spec())
        assert first.descriptions["ko"] in window.caption.text()
    finally:
        remove_translators(qapp, translators)
