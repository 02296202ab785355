"""Save run → Open run restores the plots; exports write the CLI's formats."""

from __future__ import annotations

import numpy as np
from window_helpers import small_spec, wait_for_steps

from gui.panels import PANELS


def plotted(window) -> dict[str, np.ndarray]:
    """Every array the data-backed plots show."""
    window.redraw()
    data = {}
    for name, (faint, strong) in window.gradient_time.curves.items():
        data[f"time/{name}/first"] = faint.yData
        data[f"time/{name}/newest"] = strong.yData
        data[f"history/{name}"] = window.gradient_history.images[name].image
        for key, curve in (("loss", window.loss.loss_curves[name]),
                           ("metric", window.loss.metric_curves[name])):
            data[f"{key}/{name}"] = np.stack([curve.xData, curve.yData])  # all data, not just in view
    return data


def choose(monkeypatch, folder, file=None) -> None:
    """Answer the file dialogs as a user would."""
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(file), ""))
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (800, True))


def test_save_then_open_restores_the_plots(qtbot, make_window, tmp_path, monkeypatch):
    # A run that ends by itself at step 6: every step is recorded (no decimation
    # yet), so the newest step on screen is also the newest one in the files.
    window = make_window(small_spec(("RNN", "LSTM")).replace(steps=6))
    window.start_or_pause()
    wait_for_steps(qtbot, window, 6)
    qtbot.waitUntil(lambda: window.session.state == "finished", timeout=10_000)
    shown = plotted(window)
    table = [window.table.item(r, c).text() for r in range(2) for c in (0, 1, 2, 4, 5)]
    choose(monkeypatch, tmp_path / "run")
    window.file_dialogs.save_run()
    window.reset()
    window.file_dialogs.open_run()
    assert window.session.state == "loaded"
    reopened = plotted(window)
    assert shown.keys() == reopened.keys()
    for key in shown:
        np.testing.assert_array_equal(shown[key], reopened[key], err_msg=key)
    assert [window.table.item(r, c).text() for r in range(2) for c in (0, 1, 2, 4, 5)] == table

    choose(monkeypatch, tmp_path / "png", tmp_path / "data.csv")
    window.file_dialogs.export_plots()
    window.file_dialogs.export_data()
    written = sorted((tmp_path / "png").iterdir())
    assert len(written) == len(PANELS) and all(p.stat().st_size > 0 for p in written)
    csv_path, npz_path = tmp_path / "data.csv", tmp_path / "data.npz"
    assert csv_path.read_text().startswith("step,cell,loss")
    with np.load(npz_path) as arrays:
        assert arrays["RNN"].shape[1] == 10


def test_an_interrupted_run_opens_marked_partial(make_window, tmp_path):
    """A checkpoint (or a run stopped by a signal) says so in the status bar;
    a complete one does not."""
    from run_folders import recorded_run

    window = make_window(small_spec(("LSTM", "GRU")))
    recorded_run(steps=5).save(tmp_path / "partial", complete=False)
    window.open_run(tmp_path / "partial")
    assert "partial" in window.run_progress.progress.format()
    assert "interrupted" in window.run_progress.progress.toolTip()
    recorded_run(steps=5).save(tmp_path / "whole")
    window.open_run(tmp_path / "whole")
    assert "partial" not in window.run_progress.progress.format()
