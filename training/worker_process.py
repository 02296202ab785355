"""Starting a training worker process, cold or ahead of time.

Every worker starts the same way: spawned, SIGINT ignored from its first
instruction, torch imported and warmed up, then it waits for its job (the
spec and the cell). ``RunSupervisor`` starts one and sends the job at once
(cold), or takes one a ``WarmPool`` started earlier, whose slow part (the
torch import, ~2-4 s here) is already done: Start then only sends the job.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection

from plugin_host.children import end_process
from plugin_host.source import CellSource
from plugin_host.spawning import main_script_hidden

from .report import WorkerEvent
from .spec import RunSpec

CONTEXT = multiprocessing.get_context("spawn")  # never fork a process that runs Qt


@contextmanager
def sigint_ignored() -> Iterator[None]:
    """Ignore SIGINT while starting a worker, on the main thread (the only one
    that may set handlers): a spawned child keeps an ignored signal ignored
    from its first instruction, before ``worker_main`` can say so itself."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


@dataclass
class WorkerProcess:
    """A started worker: its process, its command queue, and the read end of
    its one-way pipe (only the worker holds the write end, so a worker that
    dies mid-message reads as end-of-file instead of a wait forever)."""

    process: multiprocessing.process.BaseProcess
    inbox: multiprocessing.queues.Queue
    outbox: Connection
    warm: bool = False  # it said so: torch is imported and warmed up

    @property
    def ready(self) -> bool:
        """Warm, after reading the worker's "warm" event if it has come."""
        if not self.warm and self.outbox.poll():
            try:
                self.warm = isinstance(self.outbox.recv(), WorkerEvent)
            except (EOFError, OSError):
                return False
        return self.warm

    def give_job(self, spec: RunSpec, cell: str, source: CellSource) -> None:
        self.inbox.put(("job", spec.to_json(), cell, source))

    def end(self) -> None:
        """Ask, then terminate, then kill; release the queue and the pipe."""
        end_process(self.process, ask=lambda: self.inbox.put(("stop",)), grace=0.3)
        self.inbox.cancel_join_thread()
        self.inbox.close()
        self.outbox.close()


def _worker_entry(inbox, outbox, parent_pid: int) -> None:
    """The spawned process's target: torch is imported there, never in the
    window's process, which only starts workers."""
    from .worker import worker_main

    worker_main(inbox, outbox, parent_pid)


def start_worker(name: str = "gatelab-worker") -> WorkerProcess:
    """Spawn a worker that warms up and waits for its job."""
    inbox = CONTEXT.Queue()
    outbox, worker_end = CONTEXT.Pipe(duplex=False)
    process = CONTEXT.Process(target=_worker_entry, name=name, daemon=True,
                              args=(inbox, worker_end, os.getpid()))
    with sigint_ignored(), main_script_hidden():  # an ignored Ctrl-C is inherited, the script is not
        process.start()
    worker_end.close()
    return WorkerProcess(process, inbox, outbox)


class WarmPool:
    """Workers started ahead of time, so that Start costs a message, not a
    torch import. ``fill`` (once the window is up, and after each run ends)
    tops it up to ``size``; ``take`` hands one over; ``close`` ends them."""

    def __init__(self, size: int = 3, on_start=None):
        self.size = size
        self.on_start = on_start  # called with each new process (e.g. to lower its priority)
        self.spares: list[WorkerProcess] = []
        self.closed = False

    def fill(self) -> None:
        if self.closed:
            return
        for spare in [s for s in self.spares if not s.process.is_alive()]:
            self.spares.remove(spare)
            spare.end()
        while len(self.spares) < self.size:
            spare = start_worker()
            if self.on_start is not None:
                self.on_start(spare.process.pid)
            self.spares.append(spare)

    def warm_count(self) -> int:
        """How many spares are warm now."""
        return sum(spare.ready for spare in self.spares)

    def take(self) -> WorkerProcess | None:
        """A worker from the pool, warm ones first, or None when none is left
        (the caller starts one cold)."""
        self.spares.sort(key=lambda spare: not spare.ready)
        while self.spares:
            spare = self.spares.pop(0)
            if spare.process.is_alive():
                return spare
            spare.end()
        return None

    def close(self) -> None:
        self.closed = True
        for spare in self.spares:
            spare.end()
        self.spares.clear()
