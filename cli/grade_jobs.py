"""Grading's training jobs: one student's cell, trained wherever the executor
runs the job (a local pool process or a Dask worker), under a supervisor in a
process started for that job alone.

Why a process of its own: a submitted cell trains in a worker process, as in
``run``, and that worker's messages to its supervisor are pickles. A cell
written to attack could make whoever unpickles them run its code. A pool
process or a Dask worker runs many students' jobs, and what it returns is
unpickled by the grader; so neither may be that supervisor. ``supervise_one``
supervises in a child that ends with the job and hands back nothing but its
exit code and the run folder it saved (it is started one job ahead, so that
its imports and its cell worker's overlap the job before); ``grade_job`` ships the folder's bytes
(regular files, bounded), and ``graded_run`` reads them in the grader with the
run-file reader, which parses data and never runs any, and checks that the
run is of the spec and the cell that were asked for. A cell that subverts its
supervisor through the pipe it is given can forge only its own run, which is
its own row (it runs as the same user as everything else: see the README's
trust model for what that leaves open).
"""

from __future__ import annotations

import io
import os
import stat
import tempfile
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from multiprocessing.util import Finalize
from pathlib import Path

from plugin_host.children import end_process
from plugin_host.lifeline import exit_with_parent
from plugin_host.source import CellSource
from plugin_host.spawning import main_script_hidden
from training.recorder import RunRecorder
from training.run_files import RunFileError
from training.spec import RunSpec
from training.supervisor import START_ALLOWANCE, rough_step_seconds
from training.worker_process import CONTEXT, WarmPool, sigint_ignored

from .supervised_run import train_to_end

RUN_FILES = ("summary.json", "metrics.csv", "gradients.npz")
RUN_BYTES_LIMIT = 64 * 2**20  # a brief grading run is a few hundred kB


def time_limit(spec: RunSpec, step_timeout: float) -> float:
    """The longest a whole grading run may take: two process starts and every
    step at the supervisor's most generous limit. Only a supervisor that stopped
    supervising (its cell stopped or subverted it) meets it."""
    return 2 * START_ALLOWANCE + spec.steps * max(step_timeout, 20 * rough_step_seconds(spec))


_spare: Supervisor | None = None  # per job process: the next job's supervisor, warming up meanwhile
_spare_lock = threading.Lock()  # a Dask worker may run jobs in threads


@dataclass
class Supervisor:
    """A started ``supervise_one`` process and the end of the pipe that sends
    it its job (only ever to it: nothing is read back from it)."""

    process: BaseProcess
    job: Connection

    @classmethod
    def start(cls) -> Supervisor:
        receiving, sending = CONTEXT.Pipe(duplex=False)
        with main_script_hidden():
            process = CONTEXT.Process(target=supervise_one, name="gatelab-grade",
                                      args=(receiving, os.getpid()))
            process.start()
        receiving.close()
        return cls(process, sending)

    @classmethod
    def take(cls) -> Supervisor:
        """The spare if it is still alive (else a new one); the next spare starts warming up."""
        global _spare
        with _spare_lock:
            if _spare is None:  # the first job in this process
                Finalize(None, end_spare, exitpriority=0)
            taken, _spare = _spare, cls.start()
        if taken is not None and taken.process.is_alive():
            return taken
        if taken is not None:
            end_process(taken.process)
        return cls.start()


def end_spare() -> None:
    """At the job process's exit, the spare gets no job and ends: multiprocessing
    joins a process's children as it exits, and one waiting for a job forever
    would hold that exit up forever."""
    with _spare_lock:
        spare = _spare
    if spare is not None:  # asked by closing its pipe: it reads end of file and returns
        end_process(spare.process, ask=spare.job.close, grace=2.0)


def grade_job(spec_json: str, name: str, source: CellSource, step_timeout: float
              ) -> tuple[str, dict[str, bytes]]:
    """Train ``name`` alone (see the module doc); returns what went wrong with
    its training process ("" if nothing) and its run folder's files by name."""
    spec = RunSpec.from_json(spec_json)
    supervisor = Supervisor.take()
    with tempfile.TemporaryDirectory(prefix="gatelab-grade-") as folder:
        supervisor.job.send((spec_json, name, source, step_timeout, folder))
        supervisor.job.close()
        limit = time_limit(spec, step_timeout)
        with sigint_ignored():  # Ctrl-C stops the training process, which saves what it has
            supervisor.process.join(limit)
        problem = ""
        if supervisor.process.is_alive():
            problem = f"training took longer than {limit:.0f} s in all; it was stopped"
        end_process(supervisor.process)
        if not problem and supervisor.process.exitcode:
            problem = f"the training process ended unexpectedly (exit code {supervisor.process.exitcode})"
        return problem, run_bytes(Path(folder))


def supervise_one(job: Connection, parent_pid: int) -> None:
    """The disposable supervisor: warm up (its cell's worker too), wait for
    one job, train that cell to its end and save the run; then end."""
    exit_with_parent(parent_pid)
    spares = WarmPool(1)
    spares.fill()
    try:
        spec_json, name, source, step_timeout, folder = job.recv()
    except (EOFError, OSError, KeyboardInterrupt):
        spares.close()
        return  # a spare never used: its job process ended, or Ctrl-C
    try:
        recorder, _ = train_to_end(RunSpec.from_json(spec_json), {name: source}, step_timeout,
                                   io.StringIO(), spares)
        recorder.save(Path(folder), complete=recorder.complete)
    finally:
        spares.close()


def run_bytes(folder: Path) -> dict[str, bytes]:
    """The run files that are regular files (never a link a process left there
    to make the job read something else), while they total at most the limit."""
    files, total = {}, 0
    for name in RUN_FILES:
        try:
            info = os.lstat(folder / name)
        except OSError:
            continue
        total += info.st_size
        if stat.S_ISREG(info.st_mode) and total <= RUN_BYTES_LIMIT:
            files[name] = (folder / name).read_bytes()
    return files


def graded_run(spec: RunSpec, name: str, problem: str, files: dict[str, bytes]
               ) -> tuple[RunRecorder | None, str]:
    """The run ``grade_job`` shipped, read as data; or None and why there is none."""
    if "summary.json" not in files:
        return None, problem or "the training process saved no run"
    with tempfile.TemporaryDirectory(prefix="gatelab-graded-") as scratch:
        for file_name, data in files.items():
            (Path(scratch) / file_name).write_bytes(data)
        try:
            recorder = RunRecorder.load(Path(scratch))
        except RunFileError as error:
            return None, f"its run could not be read: {error}"
    if recorder.spec != spec or list(recorder.cells) != [name]:
        return None, "its run is not the one asked for (another spec or cell): forged"
    return recorder, problem
