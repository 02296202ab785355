"""``TrainingSession``: the glue between the worker processes and the window.

A ``RunSupervisor`` trains in worker processes; a Qt timer (25 Hz) polls it,
feeds a ``RunRecorder`` and tells the window that new data arrived. The GUI
thread never trains and never blocks on a worker, so a hung cell cannot
freeze the window.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, QTimer, Signal

from plugin_host.limits import DEFAULT_STEP_TIMEOUT
from plugin_host.source import CellSource
from training.recorder import RunRecorder
from training.report import StepReport
from training.spec import RunSpec, task_facts
from training.supervisor import RunSupervisor
from training.worker_process import WarmPool

POLL_INTERVAL_MS = 40  # 25 Hz: smooth enough to watch, cheap enough to idle

IDLE, STARTING, RUNNING, PAUSED, FINISHED, LOADED = (
    "idle", "starting", "running", "paused", "finished", "loaded")


WORKER_NICENESS = 10


def lower_priority(pid: int) -> None:
    """Let the window win the CPU over training: on two cores, three workers at
    the window's priority make it stall for ~100 ms; niced, it stays smooth.
    (Training itself loses almost nothing: the window needs little.)"""
    try:
        os.setpriority(os.PRIO_PROCESS, pid, WORKER_NICENESS)
    except (AttributeError, OSError):
        pass  # not on this platform, or not allowed: training still works


class TrainingSession(QObject):
    """One comparison at a time: live (supervised workers) or loaded from disk."""

    data_changed = Signal()      # new reports reached the recorder
    state_changed = Signal(str)  # one of IDLE … LOADED
    cell_failed = Signal(str, str)  # cell name, message; its traceback is in the recorder

    def __init__(self, parent: QObject | None = None, step_timeout: float = DEFAULT_STEP_TIMEOUT):
        super().__init__(parent)
        self.step_timeout = step_timeout
        self.supervisor: RunSupervisor | None = None
        self.pool: WarmPool | None = None
        self.recorder: RunRecorder | None = None
        self.state = IDLE
        self.reports_received = 0
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_INTERVAL_MS)
        self._timer.timeout.connect(self.poll)

    # ---- lifecycle -------------------------------------------------------------
    def start(self, spec: RunSpec, sources: dict[str, CellSource], running: bool = True) -> None:
        """Stop whatever runs, then spawn fresh workers for ``spec``; raises
        ValueError (before stopping anything) if the task cannot be built."""
        task = task_facts(spec)  # a task plugin is measured in the checker, never imported here
        self.stop()
        self.recorder = RunRecorder(spec, task, {name: 0 for name in spec.cells})
        self.supervisor = RunSupervisor(spec, sources, step_timeout=self.step_timeout, pool=self.pool)
        self.supervisor.start(running=running)
        for handle in self.supervisor.workers.values():
            lower_priority(handle.process.pid)
        self._timer.start()
        self._set_state(STARTING if running else PAUSED)
        self.data_changed.emit()

    def load(self, recorder: RunRecorder) -> None:
        """Show a saved run (no workers)."""
        self.stop()
        self.recorder = recorder
        self._set_state(LOADED)
        self.data_changed.emit()

    def use_warm_workers(self, size: int) -> None:
        """Keep ``size`` workers started ahead of time (torch imported), so
        that Start only sends them the spec; topped up after each run ends."""
        self.pool = WarmPool(size, on_start=lower_priority)
        self.pool.fill()

    def close(self) -> None:
        """Stop, and end the warm workers too (the window is closing)."""
        if self.pool is not None:
            self.pool.close()
        self.stop()

    def stop(self) -> None:
        """End every worker (within about a second, even a hung one)."""
        self._timer.stop()
        if self.supervisor is not None:
            self.supervisor.stop()
            self.supervisor = None
            if self.pool is not None:
                self.pool.fill()  # the next Start is as fast as the first
        if self.state in (STARTING, RUNNING, PAUSED):
            self._set_state(FINISHED if self.recorder else IDLE)

    def clear(self) -> None:
        """Stop and forget the run: the plots empty."""
        self.stop()
        self.recorder = None
        self.reports_received = 0
        self._set_state(IDLE)
        self.data_changed.emit()

    # ---- steering --------------------------------------------------------------
    @property
    def live(self) -> bool:
        return self.supervisor is not None and self.state in (STARTING, RUNNING, PAUSED)

    def pause(self) -> None:
        if self.live:
            self.supervisor.pause()
            self._set_state(PAUSED)

    def resume(self) -> None:
        if self.live:
            self.supervisor.resume()
            self._set_state(RUNNING)

    def step_once(self) -> None:
        if self.live:
            self.supervisor.step_once()
            self._set_state(PAUSED)

    def set_lr(self, lr: float) -> None:
        if self.live:
            self.supervisor.set_lr(lr)
            self._note_live_change(lr=lr)

    def set_clip(self, clip: float | None) -> None:
        if self.live:
            self.supervisor.set_clip(clip)
            self._note_live_change(clip=clip)

    def _note_live_change(self, **change) -> None:
        """A saved run records the learning rate and clipping last in force."""
        if self.recorder is not None:
            self.recorder.spec = self.recorder.spec.replace(**change)

    # ---- news ------------------------------------------------------------------
    def poll(self) -> int:
        """Move the workers' news into the recorder; returns the number of reports."""
        if self.supervisor is None or self.recorder is None:
            return 0
        count, changed = 0, False
        for item in self.supervisor.poll():
            changed = True
            count += isinstance(item, StepReport)
            failure = self.recorder.take(item)
            if failure is not None:  # this cell trains no more
                self.cell_failed.emit(item.cell, failure)
        self.reports_received += count
        if count and self.state == STARTING:
            self._set_state(RUNNING)
        if not self.supervisor.any_alive:
            self.stop()
            self._set_state(FINISHED)
        if changed:
            self.data_changed.emit()
        return count

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)
