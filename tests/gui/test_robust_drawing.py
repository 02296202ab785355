"""A diverged cell (NaN everywhere) or a failing view never stops the others drawing."""

from __future__ import annotations

import numpy as np

from gui.panels import GradientHistoryPanel
from gui.redraw import RedrawScheduler
from tasks import make_task
from training import RunSpec, StepReport
from training.recorder import RunRecorder


def recorder_with_a_nan_cell() -> RunRecorder:
    spec = RunSpec(length=6, cells=("NaNCell", "LSTM"), steps=0)
    recorder = RunRecorder(spec, make_task("adding", 6), {"NaNCell": 10, "LSTM": 20})
    for step in (1, 2):
        recorder.add(StepReport("NaNCell", step, np.nan, np.nan, np.nan, 0.01,
                                gradients={"h": np.full(6, np.nan)}, status="diverged",
                                message="loss became nan at step 1"))
        recorder.add(StepReport("LSTM", step, 0.2, 0.1, 1.0, 0.01,
                                gradients={"h": np.logspace(-8, 0, 6)}))
    return recorder


def test_the_heatmaps_draw_when_one_cell_is_all_nan(qtbot):
    panel = GradientHistoryPanel()
    qtbot.addWidget(panel)
    panel.show_run(recorder_with_a_nan_cell())
    image = panel.images["LSTM"].image
    assert image is not None and np.isfinite(image).all()
    assert image[-1, 0] < image[-1, -1]  # the gradient grows towards t = T


class Failing:
    min_interval_ms = 0

    def show_run(self, recorder):
        raise RuntimeError("a bug in one view")


class Counting:
    min_interval_ms = 0

    def __init__(self):
        self.drawn = 0

    def show_run(self, recorder):
        self.drawn += 1


def test_a_failing_view_does_not_stop_the_next(qtbot):
    after = Counting()
    scheduler = RedrawScheduler([Failing(), after], lambda: None, lambda: None)
    scheduler.draw_all()
    scheduler.news()
    assert after.drawn == 2
