"""The status bar's progress: no "busy" stripe beside "Ready", steps while a run is shown."""

from __future__ import annotations

from window_helpers import small_spec

from gui.run_progress import RunProgress
from tasks import make_task
from training import RunSpec, StepReport
from training.recorder import RunRecorder


def run_of(steps_done: int) -> RunRecorder:
    spec = RunSpec(length=6, cells=("RNN",), steps=10)
    run = RunRecorder(spec, make_task("adding", 6), {"RNN": 10})
    for step in range(1, steps_done + 1):
        run.add(StepReport("RNN", step, 0.2, 0.5, 1.0, 0.01, finished_at=run.started + step))
    return run


def test_no_run_no_bar_and_never_the_busy_stripe(qtbot):
    progress = RunProgress()
    qtbot.addWidget(progress)
    progress.show()
    assert progress.progress.isHidden()
    progress.show_run(None)
    assert progress.progress.isHidden()
    progress.show_run(run_of(4))
    assert progress.progress.isVisible()
    assert (progress.progress.minimum(), progress.progress.maximum(), progress.progress.value()) == (0, 10, 4)
    progress.show_run(run_of(0))  # started, no step yet: 0 of 10, not busy
    assert progress.progress.maximum() == 10 and progress.progress.value() == 0
    progress.show_run(None)  # Reset
    assert progress.progress.isHidden()


def test_the_idle_window_says_ready_without_a_bar(make_window):
    window = make_window(small_spec(("RNN",)))
    assert window.state_label.text().startswith("Ready")
    assert window.run_progress.progress.isHidden()
    assert window.run_progress.progress.maximum() > 0


def test_the_bar_is_as_wide_as_its_text_at_any_scale(qtbot, monkeypatch):
    """At --scale 2 a fixed 260 px bar wrapped "step 2000 of 2000" over two lines."""
    from PySide6.QtGui import QFont

    progress = RunProgress()
    qtbot.addWidget(progress)
    big = QFont(progress.progress.font())
    big.setPointSize(28)
    progress.progress.setFont(big)
    progress.show()
    run = run_of(3)
    progress.show_run(run)
    needed = progress.progress.fontMetrics().horizontalAdvance(progress.progress.text())
    assert progress.progress.width() > needed
