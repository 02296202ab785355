"""macOS's "open" event (a double-clicked .gatelab file) shows the run; a bad file is one notification."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFileOpenEvent
from window_helpers import small_spec

from gui.file_open_events import FileOpenEvents
from tasks import make_task
from training import RunSpec, StepReport
from training.recorder import RunRecorder
from training.run_archive import save_archive


def test_a_file_open_event_shows_the_run_and_a_bad_one_is_said(qtbot, qapp, make_window, tmp_path):
    spec = RunSpec(length=6, cells=("GRU",), steps=3)
    run = RunRecorder(spec, make_task("adding", 6), {"GRU": 10})
    for step in (1, 2, 3):
        run.add(StepReport("GRU", step, 0.3, 0.5, 1.0, 0.01, gradients={"h": np.ones(6)}))
    demo = tmp_path / "demo.gatelab"
    save_archive(run, demo)
    window = make_window(small_spec(("RNN",)))
    opener = FileOpenEvents(window)
    qapp.installEventFilter(opener)
    try:
        QCoreApplication.sendEvent(qapp, QFileOpenEvent(str(demo)))
        shown = window.session.recorder
        assert list(shown.cells) == ["GRU"] and shown.cells["GRU"].steps == 3

        (tmp_path / "broken.gatelab").write_bytes(b"not a zip")
        said = []
        window.notifications.notified.connect(said.append)
        QCoreApplication.sendEvent(qapp, QFileOpenEvent(str(tmp_path / "broken.gatelab")))
        assert len(said) == 1 and "broken.gatelab" in said[0].text and said[0].details
        assert list(window.session.recorder.cells) == ["GRU"]  # what was shown stays
    finally:
        qapp.removeEventFilter(opener)
