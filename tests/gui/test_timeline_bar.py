"""The timeline under the plots: every panel shows the step chosen, ←/→/Home/End
move it, Space replays a recording, a live run is followed unless held back."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from run_folders import LENGTH, saved_run, write_old_format_run
from window_helpers import small_spec, steps_of, wait_for_steps

STEPS = 6


@pytest.fixture
def window(make_window, tmp_path):
    window = make_window(small_spec(("LSTM", "GRU")))
    window.open_run(saved_run(tmp_path / "run", steps=STEPS))
    return window


def shown_step(window) -> dict:
    """What every panel draws, reduced to numbers to compare with the files."""
    window.redraw()
    strong = window.gradient_time.curves["LSTM"][1]
    loss = window.loss.loss_curves["LSTM"]
    marker = window.gradient_history.maps.markers["LSTM"]
    return {"gradient": strong.yData, "loss steps": loss.xData, "loss": loss.yData,
            "gate": window.gates.curves["forget"].yData,
            "table steps": window.table.item(0, 2).text(), "table loss": window.table.item(0, 4).text(),
            "marker": marker.value() if marker.isVisible() else None}


@pytest.mark.parametrize("step", [1, 3, STEPS])
def test_the_slider_shows_step_k_in_every_panel_as_the_files_hold_it(window, tmp_path, step):
    window.timeline.slider.setValue(step - 1)  # the slider's positions are the recorded steps
    assert window.timeline.step == step
    shown = shown_step(window)
    with np.load(tmp_path / "run" / "gradients.npz") as arrays:
        row = list(arrays["LSTM/steps"]).index(step)
        np.testing.assert_array_equal(shown["gradient"], arrays["LSTM"][row])
        np.testing.assert_array_equal(shown["gate"], arrays["LSTM/gates_history/forget"][row])
    np.testing.assert_array_equal(shown["loss steps"], np.arange(1, step + 1))
    np.testing.assert_allclose(shown["loss"], 1 / np.arange(1, step + 1))
    assert shown["table steps"] == str(step) and shown["table loss"] == f"{1 / step:.4g}"
    assert shown["marker"] == (None if step == STEPS else step)  # at the end: the run itself
    assert window.gradient_history.images["LSTM"].image.shape == (STEPS, LENGTH)  # the whole story


def test_left_right_home_end_walk_the_recorded_steps(qtbot, window):
    assert window.timeline.step == STEPS and window.timeline.following
    keys = [(Qt.Key.Key_Left, STEPS - 1), (Qt.Key.Key_Left, STEPS - 2), (Qt.Key.Key_Right, STEPS - 1),
            (Qt.Key.Key_Home, 1), (Qt.Key.Key_Left, 1), (Qt.Key.Key_End, STEPS),
            (Qt.Key.Key_Right, STEPS)]
    for key, step in keys:
        qtbot.keyClick(window, key)
        assert window.timeline.step == step, key
        assert window.timeline.slider.value() == step - 1
    assert window.session.state == "loaded"  # → at the end of a recording starts nothing
    assert shown_step(window)["table steps"] == str(STEPS)


def test_the_timeline_keys_work_with_focus_in_a_number_box(qtbot, window):
    box = window.controls.length
    box.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: box.hasFocus() or box.isAncestorOf(QApplication.focusWidget()))
    with qtbot.waitSignal(window.first_step_action.triggered, timeout=2000):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Home)
    with qtbot.waitSignal(window.step_back_action.triggered, timeout=2000):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left)
    assert window.timeline.step == 1


def test_space_replays_a_loaded_run_to_its_end(qtbot, window):
    window.timeline.go_first()
    seen = []
    window.timeline.moved.connect(lambda: seen.append(window.timeline.step))
    window.timeline.speed_box.setCurrentIndex(0)  # 0.5×: 100 steps/s × 0.5, still well under a second
    with qtbot.waitSignal(window.timeline.playing_changed, timeout=2000) as started:
        qtbot.keyClick(window, Qt.Key.Key_Space)
    assert started.args == [True] and window.replay_action.isChecked()
    with qtbot.waitSignal(window.timeline.playing_changed, timeout=10_000) as ended:
        pass
    assert ended.args == [False] and not window.replay_action.isChecked()
    assert seen == sorted(seen) and len(seen) >= 2 and seen[-1] == STEPS
    assert window.timeline.following


def test_replay_speed_keys_choose_among_the_speeds(qtbot, window):
    assert window.timeline.speed == 1.0
    for key, speed in ((Qt.Key.Key_BracketRight, 4.0), (Qt.Key.Key_BracketRight, 16.0),
                       (Qt.Key.Key_BracketRight, 16.0), (Qt.Key.Key_BracketLeft, 4.0)):
        qtbot.keyClick(window, key)
        assert window.timeline.speed == speed


def test_an_old_format_run_opens_and_scrubs(qtbot, make_window, tmp_path):
    window = make_window(small_spec(("RNN",)))
    window.open_run(write_old_format_run(tmp_path / "old"))
    assert window.timeline.steps == [1, 2]
    qtbot.keyClick(window, Qt.Key.Key_Home)
    window.redraw()
    np.testing.assert_array_equal(window.gradient_time.curves["RNN"][1].yData, np.arange(1.0, LENGTH + 1))
    assert window.gates.empty_text.isVisible()  # no gate history in such a folder: said, not faked


def test_timeline_actions_wait_for_a_recording(make_window):
    window = make_window(small_spec(("RNN",)))
    assert not window.step_back_action.isEnabled() and not window.timeline.slider.isEnabled()
    assert window.timeline.shown() is None


def test_a_live_run_is_followed_unless_held_back(qtbot, make_window):
    window = make_window(small_spec(("RNN",)))
    window.start_or_pause()
    wait_for_steps(qtbot, window, 4)
    window.start_or_pause()
    qtbot.waitUntil(lambda: window.session.state == "paused")
    assert window.timeline.following and window.timeline.shown() is window.session.recorder
    qtbot.keyClick(window, Qt.Key.Key_Home)
    assert window.timeline.step == 1 and window.timeline.shown().step == 1
    qtbot.keyClick(window, Qt.Key.Key_Right)  # paused, held back: → moves the timeline, trains nothing
    assert window.timeline.step == 2
    before = steps_of(window)["RNN"]
    window.start_or_pause()  # training goes on; the plots stay at step 2
    qtbot.waitUntil(lambda: steps_of(window)["RNN"] >= before + 3, timeout=30_000)
    assert window.timeline.step == 2 and not window.timeline.following
    window.start_or_pause()
    qtbot.waitUntil(lambda: window.session.state == "paused")
    qtbot.keyClick(window, Qt.Key.Key_End)
    assert window.timeline.following
    before = steps_of(window)["RNN"]
    qtbot.keyClick(window, Qt.Key.Key_Right)  # at the end of a paused live run: one more trained step
    qtbot.waitUntil(lambda: steps_of(window)["RNN"] > before, timeout=30_000)  # (+ any still in flight)
    qtbot.waitUntil(lambda: window.timeline.step == steps_of(window)["RNN"])  # followed


def test_export_animation_writes_the_video_from_the_file_menu(qtbot, window, tmp_path, monkeypatch):
    imageio = pytest.importorskip("imageio.v2")
    from PySide6.QtWidgets import QFileDialog

    import gui.animation_export as export

    assert window.export_animation_action in window.file_menu.actions()
    out = tmp_path / "talk.mp4"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    monkeypatch.setattr(export, "ask_options", lambda w: ((1280, 720), 8, 1.0))
    window.export_animation_action.trigger()
    reader = imageio.get_reader(str(out), format="FFMPEG")
    assert reader.count_frames() == 8 and tuple(reader.get_meta_data()["size"]) == (1280, 720)
    reader.close()
    assert str(out) in window.statusBar().currentMessage()


def test_export_animation_can_be_cancelled(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QProgressDialog

    import gui.animation_export as export

    out = tmp_path / "talk.gif"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    monkeypatch.setattr(export, "ask_options", lambda w: ((1280, 720), 8, 1.0))
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: self.value() >= 2)
    assert export.export_animation(window) is None
    assert not out.exists() and "cancelled" in window.statusBar().currentMessage()
