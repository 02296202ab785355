"""Scrubbing a saved run: open it and drag the timeline's slider end to end.

Goal (issue 11): a 2000-step, 3-cell run, each frame ≤ 50 ms. Make the run
once with the CLI, then time the drag:

    python main.py run --cells RNN,LSTM,GRU --steps 2000 --out /tmp/run2000
    python bench/replay.py /tmp/run2000 [--frames 400]

A frame: the slider moves to its next position (as a drag does, from the
first recorded step to the last and back, ``--frames`` positions each way,
evenly spread), then the window draws and paints (``processEvents``, as its
event loop would). Two ways:

    dragging    the window as it runs: every panel that has news and is due
                draws (the heatmaps, the gate history, the loss and the table
                take turns at a few hertz, ``gui.redraw``)
    all views   every view redrawn at every position: the worst case

each with the default two rows of plots, then with View ▸ More timeline
views (gate history, state magnitude) shown as well. Offscreen at 1280×800;
median, 95th percentile and maximum wall time.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

import numpy as np
import ui_common  # noqa: F401  (offscreen Qt, the repository on the path)
from PySide6.QtWidgets import QApplication

from gui.main_window import MainWindow
from training.spec import RunSpec

GOAL_MS = 50.0


def drag_positions(count: int, frames: int) -> list[int]:
    """Slider indices from first to last and back, ``frames`` each way."""
    forward = np.unique(np.linspace(0, count - 1, min(frames, count)).round().astype(int)).tolist()
    return forward + forward[::-1][1:]


def measure(app: QApplication, window: MainWindow, positions: list[int], every_view: bool) -> np.ndarray:
    """Milliseconds per frame over ``positions``."""
    slider = window.timeline.slider
    slider.setSliderDown(True)  # the user holds the handle
    times = []
    for index in positions:
        started = time.perf_counter()
        slider.setValue(index)
        if every_view:
            window.redraw()
        app.processEvents()
        times.append(time.perf_counter() - started)
    slider.setSliderDown(False)
    return np.array(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("run", type=Path, help="a saved run folder (or .gatelab file)")
    parser.add_argument("--frames", type=int, default=400, help="slider positions each way (default 400)")
    args = parser.parse_args()
    app = QApplication([])
    window = MainWindow(RunSpec(), [])
    window.resize(1280, 800)
    window.show()
    started = time.perf_counter()
    window.open_run(args.run)
    app.processEvents()
    opened = (time.perf_counter() - started) * 1000
    recorder = window.session.recorder
    steps = window.timeline.steps
    cells = ", ".join(f"{name} {h.steps} steps ({len(h.gradients.items)} profiles)"
                      for name, h in recorder.cells.items())
    print(f"run {args.run}: T={recorder.task.sequence_length}, {cells}; {len(steps)} timeline positions; "
          f"opened and drawn in {opened:.0f} ms")
    positions = drag_positions(len(steps), args.frames)
    for rows in ("two rows", "three rows"):
        if rows == "three rows":
            window.more_views_action.trigger()
            app.processEvents()
        for label, every_view in (("dragging", False), ("all views", True)):
            times = measure(app, window, positions, every_view)
            verdict = "within" if np.median(times) <= GOAL_MS else "over"
            print(f"{rows}, {label:9s}: {len(times)} frames, median {np.median(times):.1f} ms, "
                  f"p95 {np.percentile(times, 95):.1f} ms, max {times.max():.1f} ms per frame "
                  f"({verdict} the {GOAL_MS:.0f} ms goal at the median; "
                  f"{int((times > GOAL_MS).sum())} frames over it)")
    print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    window.close()


if __name__ == "__main__":
    main()
