"""Issue 11, item 2: File ▸ Export animation… ▸ Whole plot area writes every
panel stepped through the run, at the exact frame size, as an MP4 read back
here (frame count, size, the frames change); the window itself is left as it was."""

from __future__ import annotations

import numpy as np
import pytest
from run_folders import recorded_run
from window_helpers import small_spec

import gui.animation_export as export


@pytest.mark.parametrize("size, fps, seconds", [((1280, 720), 6, 1.0), ((1920, 1080), 3, 1.0)])
def test_whole_plot_area_export_writes_an_mp4_of_the_frames_and_size_asked_for(
        make_window, tmp_path, monkeypatch, size, fps, seconds):
    imageio = pytest.importorskip("imageio.v2")
    from PySide6.QtWidgets import QFileDialog

    window = make_window(small_spec(("LSTM", "GRU")))
    window.session.load(recorded_run(steps=12))
    window.timeline.go_to(5)
    before = (window.size(), window.timeline.step)
    out = tmp_path / "plots.mp4"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    monkeypatch.setattr(export, "ask_options", lambda w: export.AnimationChoice(size, fps, seconds,
                                                                               export.PLOT_AREA))
    window.export_animation_action.trigger()
    reader = imageio.get_reader(str(out), format="FFMPEG")
    count = round(fps * seconds)
    assert reader.count_frames() == count and tuple(reader.get_meta_data()["size"]) == size
    first, last = reader.get_data(0), reader.get_data(count - 1)
    reader.close()
    assert first.shape == (size[1], size[0], 3) and not np.array_equal(first, last)  # the plots moved
    assert (window.size(), window.timeline.step) == before
    assert str(out) in window.statusBar().currentMessage()


def test_the_plot_area_is_the_panels_the_window_shows(make_window):
    from gui.view_options import show_more_views

    window = make_window(small_spec(("LSTM", "GRU")))
    show_more_views(window, False)
    shown = [entry.key for entry in export.shown_entries(window)]
    assert "gradient_time" in shown and len(shown) < len(window.panel_entries)
    show_more_views(window, True)
    assert export.shown_entries(window) == list(window.panel_entries)


def test_the_plot_area_frames_show_every_panel_at_each_step(make_window):
    from gui.plot_area_animation import PlotAreaAnimation

    window = make_window(small_spec(("LSTM", "GRU")))
    scene = PlotAreaAnimation(recorded_run(steps=12), (1280, 720), window.panel_entries)
    try:
        frame = scene.frame(4)
        assert frame.shape == (720, 1280, 3)
        assert "Step 4" in scene.caption.text() and "LSTM, GRU" in scene.caption.text()
        assert [type(p) for p in scene.panels] == [type(p) for p in window.panels]
        gradient_time = scene.panels[[e.key for e in window.panel_entries].index("gradient_time")]
        newest = gradient_time.curves["LSTM"][1].yData  # step 4's profile is 4 everywhere
        np.testing.assert_array_equal(newest, np.full(4, 4.0))
        assert not np.array_equal(frame, scene.frame(12))
    finally:
        scene.close()
