"""UI stall while three cells train at T = 200 in worker processes.

A 10 ms timer runs on the GUI thread next to the window's 25 Hz poll/redraw;
how late it fires is the stall a user would feel. Goal: p99 < 50 ms.
"""

from __future__ import annotations

import time

import numpy as np
import ui_common  # noqa: F401  (offscreen platform, import path)
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from gui.main_window import MainWindow
from plugin_host import discover_cells
from training.spec import RunSpec

MEASURE_SECONDS = 30.0
TICK_MS = 10


def main() -> None:
    app = QApplication([])
    spec = RunSpec(task="adding", length=200, cells=ui_common.CELLS, steps=0)
    records = discover_cells(include_project_plugins=False, include_entry_points=False,
                             include_user_plugins=False, isolate=False, validate=False)
    window = MainWindow(spec, records)
    window.resize(1280, 800)
    window.show()
    window.start_or_pause()
    started = time.monotonic()
    while window.session.reports_received < 6 and time.monotonic() - started < 120:
        app.processEvents()
        time.sleep(0.01)
    redraws = {"count": 0}
    window.session.data_changed.connect(lambda: redraws.update(count=redraws["count"] + 1))
    stalls: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        stalls.append(max(0.0, (now - last[0]) * 1000 - TICK_MS))
        last[0] = now

    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    timer.start()
    first_reports = window.session.reports_received
    end = time.monotonic() + MEASURE_SECONDS
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    reports = window.session.reports_received - first_reports
    window.session.stop()
    values = np.array(stalls)
    print(f"UI stall over {MEASURE_SECONDS:.0f} s, 3 cells (RNN, LSTM, GRU) training at T=200, "
          f"H=64, B=32: p50 {np.percentile(values, 50):.1f} ms, p99 {np.percentile(values, 99):.1f} ms, "
          f"max {values.max():.1f} ms ({len(values)} ticks, {redraws['count']} redraws, "
          f"{reports} reports = {reports / MEASURE_SECONDS:.1f} steps/s over all cells)")


if __name__ == "__main__":
    main()
