"""Redraw rate of the whole window with three cells at T = 500 and full histories.

Each frame: one new report per cell, then every view updated and painted.
Goal: at least 20 frames/s.
"""

from __future__ import annotations

import os
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
FRAMES = int(os.environ.get("FRAMES", 150))


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
    full = measure(app, window, recorder, rng, FRAMES, lambda: window.redraw())
    window.session.state = "running"  # live mode: views draw at their own rates
    live = measure(app, window, recorder, rng, FRAMES * 3, window.session.data_changed.emit)
    for label, (wall, cpu) in (("every view redrawn each frame", full),
                               ("live (lesson curves each frame, others at 2-10 Hz)", live)):
        print(f"redraw, 3 cells at T={LENGTH}, heatmaps 500 rows, 1280x800 offscreen, {label}: "
              f"median {wall:.1f} ms/frame ({1000 / wall:.0f} frames/s); CPU {cpu:.1f} ms/frame "
              f"({1000 / cpu:.0f} frames/s on an idle core)")
    print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


def measure(app, window, recorder, rng, frames: int, draw) -> tuple[float, float]:
    """Median wall and CPU milliseconds of a frame: new reports, draw, paint."""
    times, cpu = [], []
    step = max(h.steps for h in recorder.cells.values())
    for frame in range(frames):
        started, cpu_started = time.perf_counter(), time.process_time()
        for cell in recorder.cells:
            recorder.add(ui_common.fake_report(cell, step + frame + 1, LENGTH, rng))
        draw()
        app.processEvents()  # paints what changed, as the live window's event loop does
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - cpu_started)
    return float(np.median(times) * 1000), float(np.median(cpu) * 1000)


if __name__ == "__main__":
    main()
