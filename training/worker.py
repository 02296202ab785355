"""The training worker: one process per cell, speaking plain messages.

A separate process per cell keeps the window responsive (the Python time
loop holds the GIL), lets a hung or crashed cell be stopped without touching
the others, and on two cores trains three cells 1.3-1.9x faster than one
process would (each worker uses one torch thread). Every worker draws its
batches from a generator seeded with the spec's seed, so all cells see the
same data.

Commands (tuples on the inbox): first ("job", spec_json, cell_name, source)
(see ``worker_process``: a worker may be started before its job is known),
then ("run",), ("pause",), ("step", n), ("lr", value), ("clip", value or None),
("stop",).
Messages (sent on the outbox, a one-way pipe): ``WorkerEvent`` and ``StepReport``.
Each time the worker stops training (paused, its owed steps done, or the run
finished) it says so once with ``WorkerEvent(cell, "idle")``: after that no
report comes until a command asks for one.
"""

from __future__ import annotations

import queue
import signal
import traceback

import torch

from plugin_host.errors import describe_error
from plugin_host.lifeline import exit_with_parent
from plugin_host.messages import BUILD, IMPORT

from .capture_schedule import CaptureSchedule
from .report import IDLE, RUNNING, WARM, StepReport, WorkerEvent
from .run import CellRun, build_task
from .runtime import configure_training_process
from .spec import RunSpec

POLL_SECONDS = 0.2


def worker_main(inbox, outbox, parent_pid: int) -> None:
    """Entry point of a worker process: warm up, wait for the job
    ("job", spec_json, cell_name, source), then train as told."""
    # The supervisor stops workers; a Ctrl-C in the terminal reaches the whole
    # process group, and must not end each worker with a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    exit_with_parent(parent_pid)
    configure_training_process(threads=1)
    warm_up()
    outbox.send(WorkerEvent("", WARM))
    try:
        job = inbox.get()
    except (EOFError, OSError):
        return  # the supervisor or the pool is gone
    if job[0] != "job":
        return  # ("stop",): a spare that was never used
    _, spec_json, cell_name, source = job
    spec = RunSpec.from_json(spec_json)
    phase = IMPORT
    try:
        cell_class = source.load()
        phase = BUILD
        task = build_task(spec)
        run = CellRun(cell_class, spec, task)
        run.name = cell_name  # reports carry the name the supervisor knows the cell by
    except BaseException as error:  # plugin code may raise anything, even SystemExit
        outbox.send(WorkerEvent(cell_name, "error", message=describe_error(error, during=phase),
                               traceback=traceback.format_exc()))
        return
    outbox.send(WorkerEvent(cell_name, "ready", parameters=run.parameters))
    generator = torch.Generator().manual_seed(spec.seed)
    WorkerLoop(run, task, spec.batch, generator, inbox, outbox).serve()


def warm_up() -> None:
    """Train each built-in once at a tiny size, with and without capture:
    torch sets up its kernels, autograd and Adam lazily, which would
    otherwise delay the first report of a run by a few hundred ms. Seeds and
    state are per run (``CellRun`` seeds torch itself), so this changes no result."""
    from cells import GRU, LSTM, RNN

    spec = RunSpec(task="adding", length=3, hidden=2, batch=2, steps=0, cells=("RNN", "LSTM", "GRU"))
    task = build_task(spec)
    batch = task.batch(spec.batch, torch.Generator().manual_seed(0))
    for cell_class in (RNN, LSTM, GRU):
        run = CellRun(cell_class, spec, task)
        run.train_step(batch, capture=True)
        run.train_step(batch, capture=False)


class WorkerLoop:
    """Obeys commands and trains while running or while steps are owed;
    captures gradient profiles on the steps ``CaptureSchedule`` picks."""

    def __init__(self, run: CellRun, task, batch_size: int, generator, inbox, outbox):
        self.run, self.task, self.batch_size, self.generator = run, task, batch_size, generator
        self.inbox, self.outbox = inbox, outbox
        self.schedule = CaptureSchedule(run.spec.steps)
        self.running = False
        self.owed_steps = 0

    @property
    def training(self) -> bool:
        return bool(self.running or self.owed_steps) and self.run.status == RUNNING

    def serve(self) -> None:
        said_idle = True  # a new worker waits for "run" or "step" without saying so
        while True:
            if not self.training and not said_idle:
                self.outbox.send(WorkerEvent(self.run.name, IDLE))
                said_idle = True
            try:  # block while idle (a finished run included: no busy loop)
                command = self.inbox.get_nowait() if self.training else self.inbox.get(timeout=POLL_SECONDS)
            except queue.Empty:
                command = None
            if command is not None and not self.obey(command):
                return
            if self.training:
                self.train_one()
                said_idle = False

    def obey(self, command: tuple) -> bool:
        """Apply one command; False means stop."""
        kind = command[0]
        if kind == "stop":
            return False
        if kind == "run":
            self.running = True
        elif kind == "pause":
            self.running, self.owed_steps = False, 0
        elif kind == "step":  # stepping pauses: exactly n more steps, then wait
            self.running = False
            self.owed_steps += command[1]
        elif kind == "lr":
            self.run.set_lr(command[1])
        elif kind == "clip":
            self.run.clip = command[1]
        return True

    def train_one(self) -> None:
        batch = self.task.batch(self.batch_size, self.generator)
        capture = self.schedule.wants(self.run.step_count + 1, asked=not self.running)
        report: StepReport = self.run.train_step(batch, capture)
        self.owed_steps = max(0, self.owed_steps - 1)
        self.outbox.send(report)
