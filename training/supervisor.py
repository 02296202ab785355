"""``RunSupervisor``: starts, steers and stops one worker process per cell.

No Qt here: the window calls ``poll()`` from its timer. Whatever a cell does
(raise, hang, crash the interpreter), only that cell's worker is affected;
``stop()`` ends every worker within about a second.
"""

from __future__ import annotations

import multiprocessing
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection

from plugin_host.limits import DEFAULT_STEP_TIMEOUT
from plugin_host.source import CellSource

from .report import ERROR, RUNNING, WARM, StepReport, WorkerEvent
from .spec import RunSpec
from .worker_process import WarmPool, WorkerProcess, start_worker

START_ALLOWANCE = 30.0  # importing torch and building the model, on a busy machine


def rough_step_seconds(spec: RunSpec) -> float:
    """An upper-end guess of one training step's time on a slow CPU: about
    50 ms for a GRU at T = 100, B = 32, H = 64, growing with the work."""
    hidden = max(1.0, (spec.hidden / 64) ** 2)
    directions = 2 if spec.bidirectional else 1
    return 0.05 * (spec.length / 100) * max(1.0, spec.batch / 32) * hidden * spec.layers * directions


@dataclass
class WorkerHandle:
    cell: str
    worker: WorkerProcess
    status: str = RUNNING
    ready: bool = False
    parameters: int = 0
    message: str = ""
    last_step: int = 0
    longest_step: float = 0.0  # seconds
    waiting_since: float | None = None  # set while a step is owed
    owed: int = 0
    running: bool = False

    @property
    def alive(self) -> bool:
        return self.status == RUNNING

    @property
    def process(self) -> multiprocessing.process.BaseProcess:
        return self.worker.process

    @property
    def inbox(self) -> multiprocessing.queues.Queue:
        return self.worker.inbox

    @property
    def outbox(self) -> Connection:
        return self.worker.outbox


class RunSupervisor:
    """One comparison in worker processes.

    ``step_timeout``: a step that takes longer than this (seconds) stops that
    cell with an error; the others go on.
    """

    def __init__(self, spec: RunSpec, sources: dict[str, CellSource],
                 step_timeout: float = DEFAULT_STEP_TIMEOUT, pool: WarmPool | None = None):
        self.spec = spec
        self.sources = sources
        self.step_timeout = step_timeout
        self.pool = pool  # warm workers to take first; the rest start cold
        self.workers: dict[str, WorkerHandle] = {}
        self.started = False

    # ---- lifecycle -----------------------------------------------------------
    def start(self, running: bool = True) -> None:
        """Give each cell a worker (warm from the pool, else a new one) and its
        job; they train at once if ``running``."""
        for name in self.spec.cells:
            worker = (self.pool.take() if self.pool else None) or start_worker(f"gatelab-{name}")
            worker.give_job(self.spec, name, self.sources[name])
            self.workers[name] = WorkerHandle(name, worker)
        self.started = True
        if running:
            self.resume()

    def stop(self, grace: float = 0.3) -> None:
        """End every worker: ask, then terminate, then kill. Idempotent."""
        for handle in self.workers.values():
            self._send(handle, ("stop",))
        deadline = time.monotonic() + grace
        for handle in self.workers.values():
            handle.process.join(max(0.0, deadline - time.monotonic()))
        for handle in self.workers.values():
            self._end_process(handle)

    def _end_process(self, handle: WorkerHandle) -> None:
        handle.worker.end()

    # ---- steering ------------------------------------------------------------
    def resume(self) -> None:
        now = time.monotonic()
        for handle in self._alive():
            handle.running = True
            handle.waiting_since = handle.waiting_since or now
            self._send(handle, ("run",))

    def pause(self) -> None:
        for handle in self._alive():
            handle.running, handle.owed, handle.waiting_since = False, 0, None
            self._send(handle, ("pause",))

    def step_once(self) -> None:
        """Every live cell trains exactly one more step, then stays paused
        (stepping a running comparison pauses it)."""
        now = time.monotonic()
        for handle in self._alive():
            handle.running = False
            handle.owed += 1
            handle.waiting_since = handle.waiting_since or now
            self._send(handle, ("step", 1))

    def set_lr(self, lr: float) -> None:
        for handle in self._alive():
            self._send(handle, ("lr", lr))

    def set_clip(self, clip: float | None) -> None:
        for handle in self._alive():
            self._send(handle, ("clip", clip))

    # ---- news ----------------------------------------------------------------
    def poll(self, limit: int = 10_000) -> list[StepReport | WorkerEvent]:
        """Everything the workers said since the last call (never blocks)."""
        news: list[StepReport | WorkerEvent] = []
        now = time.monotonic()
        for handle in self.workers.values():
            while len(news) < limit:
                try:
                    if not handle.outbox.poll():
                        break
                    message = handle.outbox.recv()
                except (OSError, EOFError):  # closed, or the worker died mid-message
                    break
                if isinstance(message, WorkerEvent) and message.kind == WARM:
                    continue  # a worker taken before it was warm says so first: no news
                news.append(message)
                self._note(handle, message, now)
            news += self._check_health(handle, now)
        return news

    def _note(self, handle: WorkerHandle, message, now: float) -> None:
        if isinstance(message, WorkerEvent):
            if message.kind == "ready":
                handle.ready, handle.parameters = True, message.parameters
                if handle.waiting_since is not None:
                    handle.waiting_since = now  # the step clock starts once the cell is built
            elif message.kind == "error":
                handle.status, handle.message = ERROR, message.message
            return
        handle.last_step = message.step
        handle.longest_step = max(handle.longest_step, message.seconds)
        handle.status, handle.message = message.status, message.message
        handle.owed = max(0, handle.owed - 1)
        handle.waiting_since = now if (handle.running or handle.owed) else None

    def _check_health(self, handle: WorkerHandle, now: float) -> list[WorkerEvent]:
        """Report a worker that died or a step that ran past the time limit."""
        if not handle.alive:
            return []
        if not handle.process.is_alive():
            code = handle.process.exitcode
            return [self._fail(handle, f"the worker process ended unexpectedly (exit code {code})")]
        if handle.waiting_since is None:
            return []
        allowance = self.step_allowance(handle)
        if now - handle.waiting_since > allowance:
            self._end_process(handle)
            return [self._fail(handle, f"step {handle.last_step + 1} took longer than "
                                       f"{allowance:.3g} s; the cell was stopped")]
        return []

    def step_allowance(self, handle: WorkerHandle) -> float:
        """How long this cell's next step may take before it counts as hung.

        ``step_timeout``, but never less than 10x the cell's slowest step so
        far (or, before its first step, 20x a rough estimate from the model's
        size), so big legal settings are not mistaken for a hang. Building
        the cell (importing torch in a fresh process) gets START_ALLOWANCE.
        """
        if not handle.ready:
            return self.step_timeout + START_ALLOWANCE
        typical = handle.longest_step if handle.last_step else rough_step_seconds(self.spec)
        return max(self.step_timeout, (10 if handle.last_step else 20) * typical)

    def _fail(self, handle: WorkerHandle, message: str) -> WorkerEvent:
        handle.status, handle.message = ERROR, message
        handle.waiting_since = None
        return WorkerEvent(handle.cell, "error", message=message)

    # ---- helpers -------------------------------------------------------------
    def _alive(self) -> list[WorkerHandle]:
        return [h for h in self.workers.values() if h.alive]

    @staticmethod
    def _send(handle: WorkerHandle, command: tuple) -> None:
        try:
            handle.inbox.put(command)
        except (OSError, ValueError):
            pass  # the queue is closed: the worker is already gone

    @property
    def any_alive(self) -> bool:
        return any(h.alive and h.process.is_alive() for h in self.workers.values())

    @property
    def statuses(self) -> dict[str, str]:
        return {name: h.status for name, h in self.workers.items()}
