"""``run``'s training loop: the window's ``RunSupervisor`` (one worker process
per cell, the per-step time limit), driven headless.

One code path for both front ends: a cell that raises, crashes or hangs ends
only its own worker. SIGINT and SIGTERM only set a flag, so the loop stops
between polls, never in the middle of a save; the run is checkpointed every
``checkpoint_every`` seconds and saved once more at the end, with the cells
still training marked ``stopped``.
"""

from __future__ import annotations

import math
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing.connection import wait
from pathlib import Path
from typing import TextIO

from plugin_host.source import CellSource
from training.recorder import RunRecorder
from training.report import RUNNING, STOPPED
from training.spec import RunSpec, task_facts
from training.supervisor import RunSupervisor
from training.worker_process import WarmPool

from .progress import ProgressLine
from .run_folder import save_run

POLL_SECONDS = 0.1
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


@contextmanager
def stop_requests() -> Iterator[list[int]]:
    """Collect SIGINT and SIGTERM in a list instead of raising; the handlers in
    force before are restored afterwards. Off the main thread (a job in a Dask
    worker's thread) signals cannot be caught there: nothing is installed."""
    received: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield received
        return
    previous = {number: signal.signal(number, lambda number, _frame: received.append(number))
                for number in STOP_SIGNALS}
    try:
        yield received
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def train_supervised(supervisor: RunSupervisor, recorder: RunRecorder, folder: Path | None,
                     progress: ProgressLine, checkpoint_every: float) -> int | None:
    """Train until every cell has finished or a stop signal arrives; returns
    that signal's number, or None. Checkpoints go to ``folder`` (None, with an
    infinite ``checkpoint_every``: none, as for ``gatelab.train``). Raises
    ``RunWriteError`` from a checkpoint, with the workers already stopped."""
    with stop_requests() as received:
        try:
            supervisor.start()
            next_checkpoint = time.monotonic() + checkpoint_every
            while not received and any(h.alive for h in supervisor.workers.values()):
                alive = [h.outbox for h in supervisor.workers.values() if h.alive]
                wait(alive, timeout=POLL_SECONDS)
                take_news(supervisor, recorder)
                progress.update(slowest_step(supervisor), {n: h.latest for n, h in recorder.cells.items()})
                if time.monotonic() >= next_checkpoint:
                    save_run(recorder, folder, complete=False)
                    next_checkpoint = time.monotonic() + checkpoint_every
            take_news(supervisor, recorder)
        finally:
            supervisor.stop()
    for history in recorder.cells.values():
        if history.status == RUNNING:
            history.status = STOPPED
    return received[0] if received else None


def take_news(supervisor: RunSupervisor, recorder: RunRecorder) -> None:
    """Move the workers' reports and events into the recorder."""
    for item in supervisor.poll():
        recorder.take(item)


def slowest_step(supervisor: RunSupervisor) -> int:
    """The progress of the run: the last step of the slowest cell still training."""
    handles = list(supervisor.workers.values())
    training = [h.last_step for h in handles if h.alive]
    return min(training) if training else max((h.last_step for h in handles), default=0)


def train_to_end(spec: RunSpec, sources: dict[str, CellSource], step_timeout: float,
                 stream: TextIO, pool: WarmPool | None = None) -> tuple[RunRecorder, int | None]:
    """Train ``spec``'s cells to their end, without checkpoints; returns the
    recorder (``complete`` unless stopped) and the stop signal's number or
    None. For sweeps, grading and ``gatelab.train``: runs whose folder is
    written afterwards, if at all."""
    recorder = RunRecorder(spec, task_facts(spec), {name: 0 for name in spec.cells})
    line = ProgressLine(spec.steps, stream)
    supervisor = RunSupervisor(spec, sources, step_timeout=step_timeout, pool=pool)
    stopped_by = train_supervised(supervisor, recorder, None, line, checkpoint_every=math.inf)
    line.finish()
    recorder.complete = stopped_by is None
    return recorder, stopped_by
