"""Redraw rate of the whole window with three cells at T = 500 and full histories.

Each frame: one new report per cell, then every view updated and painted.
Goal: at least 20 frames/s.
"""

from __future__ import annotations

import time

import numpy as np
import ui_common
from PySide6.QtWidgets import QApplication

from gui.main_window import MainWindow
from training.recorder import RunRecorder
from training.run import build_task
from training.spec import RunSpec

LENGTH = 500
HISTORY = 2000  # steps already recorded: the heatmaps hold their full 500 rows
FRAMES = 150


def main() -> None:
    app = QApplication([])
    spec = RunSpec(task="adding", length=LENGTH, cells=ui_common.CELLS, steps=0)
    recorder = RunRecorder(spec, build_task(spec), {name: 10_000 for name in spec.cells})
    rng = np.random.default_rng(0)
    for step in range(1, HISTORY + 1):
        for cell in spec.cells:
            recorder.add(ui_common.fake_report(cell, step, LENGTH, rng))
    window = MainWindow(spec, [])
    window.resize(1280, 800)
    window.show()
    window.session.load(recorder)
    app.processEvents()
    central = window.centralWidget()
    times = []
    for frame in range(FRAMES):
        started = time.perf_counter()
        for cell in spec.cells:
            recorder.add(ui_common.fake_report(cell, HISTORY + frame + 1, LENGTH, rng))
        window.redraw()
        central.repaint()
        window.table.viewport().repaint()
        times.append(time.perf_counter() - started)
    values = np.array(times) * 1000
    print(f"redraw, 3 cells at T={LENGTH}, heatmaps {recorder.cells['RNN'].gradients.capacity} rows, "
          f"window 1280x800 offscreen: median {np.median(values):.1f} ms/frame "
          f"({1000 / np.median(values):.0f} frames/s), p95 {np.percentile(values, 95):.1f} ms "
          f"({1000 / np.percentile(values, 95):.0f} frames/s)")


if __name__ == "__main__":
    main()
