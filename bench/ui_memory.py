"""Window memory after a long run vs a short one (accelerated: synthetic reports).

At ~50 steps/s, 30 minutes of training is ~90 000 steps. The reports are fed
to the same recorder and views the live window uses, redrawing every 100
steps; resident memory of the GUI process is compared after 1 minute's worth
(3 000 steps) and 30 minutes' worth (90 000 steps). Goal: flat.
"""

from __future__ import annotations

import gc

import numpy as np
import ui_common
from PySide6.QtWidgets import QApplication

from gui.main_window import MainWindow
from training.recorder import RunRecorder
from training.run import build_task
from training.spec import RunSpec

LENGTH = 100
SHORT, LONG = 3_000, 90_000


def main() -> None:
    app = QApplication([])
    spec = RunSpec(task="adding", length=LENGTH, cells=ui_common.CELLS, steps=0)
    recorder = RunRecorder(spec, build_task(spec), {name: 10_000 for name in spec.cells})
    window = MainWindow(spec, [])
    window.resize(1280, 800)
    window.show()
    window.session.load(recorder)
    rng = np.random.default_rng(0)
    readings = {}
    for step in range(1, LONG + 1):
        for cell in spec.cells:
            recorder.add(ui_common.fake_report(cell, step, LENGTH, rng))
        if step % 100 == 0:
            window.redraw()
            app.processEvents()
        if step in (SHORT, LONG):
            gc.collect()
            readings[step] = ui_common.rss_mib()
    print(f"GUI process memory, 3 cells at T={LENGTH}: after {SHORT:,} steps (~1 min) "
          f"{readings[SHORT]:.0f} MiB, after {LONG:,} steps (~30 min) {readings[LONG]:.0f} MiB "
          f"({readings[LONG] - readings[SHORT]:+.0f} MiB)")


if __name__ == "__main__":
    main()
