"""``TimelineBar``: the slider under the plots that takes every panel back to
a recorded step, and the replay of a recording.

Why here and not in the panels: the panels draw whatever ``shown()`` returns
through their usual ``show_run`` (a ``training.timeline.RunView`` of a past
step, or the recorder itself at the end), so none of them knows about time.
The bar remembers the chosen *step*, not a slider index: a live recording
decimates (its kept steps thin out), and the step stays where the user put it.

At the right end the bar follows the newest step (a live run draws as it
always did); moving it anywhere else holds that step while training goes on.
Space replays a finished or opened run at 0.5×–16× of the pace it trained at
(``replay_pace``).
"""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtCore import QElapsedTimer, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSlider, QToolButton, QWidget

from training.recorder import RunRecorder
from training.timeline import RunView, recorded_steps, replay_pace, run_at

from .session import IDLE, RUNNING, STARTING

SPEEDS = (0.5, 1.0, 4.0, 16.0)
DEFAULT_SPEED = 1.0
PLAY_INTERVAL_MS = 40  # 25 frames a second, the window's redraw rate


def _signature(recorder: RunRecorder | None) -> tuple:
    """Changes whenever a history gains or drops a row (cheap to compare each frame)."""
    if recorder is None:
        return ()
    return tuple((len(h.metrics.steps), h.metrics.steps[-1] if h.metrics.steps else 0,
                  len(h.gradients.steps), h.gradients.steps[-1] if h.gradients.steps else 0)
                 for h in recorder.cells.values())


class TimelineBar(QWidget):
    """Slider, step label, replay button and speed; owns the replay timer.

    ``session`` is the window's ``TrainingSession``: its recorder is the one
    shown, and a run that starts training stops the replay."""

    moved = Signal()  # the step on screen changed: redraw
    playing_changed = Signal(bool)

    def __init__(self, session: QObject, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.following = True  # at the right end: the newest step
        self._chosen = 0  # the step held while not following
        self._recorder: RunRecorder | None = None
        self._key: tuple | None = None  # None: nothing taken in yet
        self._steps: list[int] = []
        self._view: tuple[int, tuple | None, RunView] | None = None
        self._actions: list[QAction] = []
        self._position = 0.0  # the replay's step, fractional
        self._clock = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setInterval(PLAY_INTERVAL_MS)
        self._timer.timeout.connect(self._advance)

        self.play_button = QToolButton()
        self.slider = QSlider(Qt.Orientation.Horizontal)
        # No focus: ←/→ belong to the window's timeline actions, wherever focus is.
        self.slider.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.slider.setToolTip(self.tr(
            "The training step every plot shows: drag to go back through the recorded steps "
            "(← → one step, Home/End first/last). At the right end the plots follow the newest step."))
        self.slider.valueChanged.connect(self._on_slider)
        self.slider.sliderPressed.connect(self.stop)
        self.label = QLabel()
        self.label.setMinimumWidth(self.fontMetrics().horizontalAdvance("0") * 22)
        self.speed_box = QComboBox()
        self.speed_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for speed in SPEEDS:
            self.speed_box.addItem(self.tr("{0:g}×").format(speed), speed)
        self.speed_box.setCurrentIndex(SPEEDS.index(DEFAULT_SPEED))
        self.speed_box.setToolTip(self.tr("Replay speed: 1× replays at the pace the run trained at "
                                          "(its slowest cell); [ slower, ] faster"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.play_button)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.label)
        layout.addWidget(self.speed_box)
        session.data_changed.connect(self.sync)
        session.state_changed.connect(self._on_state_changed)
        self.sync()

    # ---- what is shown -----------------------------------------------------------
    def set_actions(self, actions: list[QAction]) -> None:
        """Actions that need a recording (enabled only while there is one)."""
        self._actions = list(actions)
        self._enable()

    def shown(self) -> RunRecorder | RunView | None:
        """What the panels draw: the recorder (following), or it as it was at the held step."""
        self.sync()
        if self._recorder is None or self.following:
            return self._recorder
        if self._view is None or self._view[:2] != (self._chosen, self._key):
            self._view = (self._chosen, self._key, run_at(self._recorder, self._chosen))
        return self._view[2]

    @property
    def steps(self) -> list[int]:
        """The recorded steps, the timeline's positions."""
        self.sync()
        return self._steps

    @property
    def step(self) -> int:
        """The step on screen (0 without a recording)."""
        if not self._steps:
            return 0
        return self._steps[-1] if self.following else self._chosen

    @property
    def at_end(self) -> bool:
        self.sync()
        return self.following or not self._steps or self._chosen >= self._steps[-1]

    def sync(self) -> None:
        """Take in the session's recorder: a new run starts at its newest step."""
        recorder = self.session.recorder
        if recorder is not self._recorder:
            self.stop()
            self._recorder, self.following, self._view = recorder, True, None
            self._enable()
        key = _signature(recorder)
        if key != self._key:
            self._key = key
            self._steps = recorded_steps(recorder) if recorder is not None else []
            self._show_position()

    def _enable(self) -> None:
        for action in self._actions:
            action.setEnabled(self._recorder is not None)

    def _index(self) -> int:
        return max(bisect_right(self._steps, self.step) - 1, 0)

    def _show_position(self) -> None:
        count = len(self._steps)
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(count - 1, 0))
        self.slider.setValue(self._index())
        self.slider.blockSignals(False)
        self.slider.setEnabled(count > 1)
        self.label.setText(self.tr("step {0} of {1}").format(self.step, self._steps[-1]) if count
                           else self.tr("no recording"))

    # ---- moving ----------------------------------------------------------------
    def go_to(self, step: int) -> None:
        """Show ``step`` (the newest recorded step at or before it); the last
        step means: follow the newest from now on."""
        self.sync()
        if not self._steps:
            return
        before = (self.following, self.step)
        self.following = step >= self._steps[-1]
        self._chosen = self._steps[max(bisect_right(self._steps, step) - 1, 0)]
        self._show_position()
        if (self.following, self.step) != before:
            self.moved.emit()

    def step_by(self, delta: int) -> bool:
        """One recorded step on (1) or back (-1); False at either end."""
        self.stop()
        steps = self.steps
        if not steps:
            return False
        index = min(max(self._index() + delta, 0), len(steps) - 1)
        if steps[index] == self.step:
            return False
        self.go_to(steps[index])
        return True

    def go_first(self) -> None:
        self.stop()
        if self.steps:
            self.go_to(self._steps[0])

    def go_last(self) -> None:
        self.stop()
        if self.steps:
            self.go_to(self._steps[-1])

    def _on_slider(self, index: int) -> None:
        if 0 <= index < len(self._steps):
            self.go_to(self._steps[index])

    # ---- replay ------------------------------------------------------------------
    @property
    def playing(self) -> bool:
        return self._timer.isActive()

    @property
    def speed(self) -> float:
        return float(self.speed_box.currentData())

    def change_speed(self, delta: int) -> None:
        """One speed faster (1) or slower (-1), within ``SPEEDS``."""
        index = min(max(self.speed_box.currentIndex() + delta, 0), len(SPEEDS) - 1)
        self.speed_box.setCurrentIndex(index)

    def toggle_playback(self) -> None:
        if self.playing:
            self.stop()
        else:
            self.play()

    def play(self) -> bool:
        """Replay from the step on screen (from the first if at the end);
        False when there is nothing to replay."""
        if len(self.steps) < 2:
            return False
        if self.at_end:
            self.go_to(self._steps[0])
        self._position = float(self.step)
        self._clock.start()
        self._timer.start()
        self.playing_changed.emit(True)
        return True

    def stop(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.playing_changed.emit(False)

    def _advance(self) -> None:
        """Move on by the time since the last frame × speed × the run's pace."""
        if self._recorder is None or not self._steps:
            self.stop()
            return
        seconds = self._clock.restart() / 1000
        self._position += seconds * self.speed * replay_pace(self._recorder)
        self.go_to(int(min(self._position, self._steps[-1])))
        if self._position >= self._steps[-1]:
            self.stop()

    def _on_state_changed(self, state: str) -> None:
        if state in (RUNNING, STARTING, IDLE):
            self.stop()  # training (or nothing) takes the screen back
