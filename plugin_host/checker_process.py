"""One checker process: the child's entry point and the parent's handle on it.

The child (``checker_main``) is spawned, so no Qt state is copied. It sends
its prints to nowhere and its stderr to a log file, enables faulthandler so
that a crash or a hang leaves the plugin's stack in that log, caps its memory
(Linux), and then serves ``CheckRequest``s until told to ``Stop``, undoing the
torch settings one plugin changed before judging the next.
"""

from __future__ import annotations

import faulthandler
import multiprocessing
import os
import signal
import tempfile
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from types import ModuleType

from .children import end_process
from .inspection import check_job
from .lifeline import exit_with_parent
from .limits import MEMORY_HEADROOM
from .messages import CheckRequest, Done, Phase, Ready, Stop

CONTEXT = multiprocessing.get_context("spawn")


@dataclass(frozen=True)
class TimedOut:
    """The checker said nothing within the time limit."""


@dataclass(frozen=True)
class Gone:
    """The checker process ended or broke its pipe; ``words`` says how."""

    words: str


def _limit_memory() -> None:
    """Cap the address space so that a runaway allocation fails instead of swapping."""
    try:
        import resource

        with open("/proc/self/statm") as statm:
            current = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = current + MEMORY_HEADROOM
        if hard == resource.RLIM_INFINITY or limit < hard:
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, OSError, ValueError):
        pass  # not Linux: rely on the plugin failing by itself


def reset_torch_state(torch: ModuleType) -> None:
    """Undo the process-wide torch settings a plugin may change at import."""
    torch.set_default_dtype(torch.float32)
    torch.set_grad_enabled(True)
    torch.set_num_threads(1)
    torch.set_default_device(None)


def checker_main(connection: Connection, stderr_path: str, parent_pid: int) -> None:
    """Entry of the checker process: serve requests until told to stop."""
    exit_with_parent(parent_pid)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)  # a plugin's prints must not reach the caller's terminal
    errors = open(stderr_path, "a", buffering=1)  # noqa: SIM115 (lives as long as the process)
    os.dup2(errors.fileno(), 2)
    faulthandler.enable(file=errors)  # a crash leaves its Python traceback here
    import torch

    torch.set_num_threads(1)
    _limit_memory()
    connection.send(Ready())
    while True:
        try:
            request = connection.recv()
        except (EOFError, OSError):
            return
        if not isinstance(request, CheckRequest):  # Stop (or nothing this checker knows)
            return
        reset_torch_state(torch)  # what one plugin set must not judge the next
        for message in check_job(request.job, request.validate):
            if isinstance(message, Phase):  # leave a stack trace just before the caller gives up
                limit = request.time_limit(message.step)
                faulthandler.dump_traceback_later(max(0.1, limit - 0.5), file=errors)
            connection.send(message)
        faulthandler.cancel_dump_traceback_later()
        connection.send(Done())


def crash_words(exitcode: int | None) -> str:
    """How a process ended, in plain words."""
    if exitcode is None:
        return "the plugin checker stopped answering"
    if exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        return f"the Python interpreter crashed ({name})"
    return f"the Python interpreter exited (exit code {exitcode}, e.g. os._exit)"


class CheckerProcess:
    """One running checker process and its pipe."""

    def __init__(self) -> None:
        handle, self.stderr_path = tempfile.mkstemp(prefix="gatelab-checker-", suffix=".log")
        os.close(handle)
        self.connection, child = CONTEXT.Pipe()
        self.process = CONTEXT.Process(target=checker_main, name="gatelab-plugin-checker", daemon=True,
                                       args=(child, self.stderr_path, os.getpid()))
        self.process.start()
        child.close()
        self.ready = False

    def wait_ready(self, timeout: float) -> str | None:
        """None once the checker is ready, else why it is not."""
        if self.ready:
            return None
        message = self.receive(timeout)
        if isinstance(message, Ready):
            self.ready = True
            return None
        return message.words if isinstance(message, Gone) else "the plugin checker did not start"

    def send(self, request: CheckRequest | Stop) -> None:
        self.connection.send(request)

    def receive(self, timeout: float) -> object:
        """The next message, or ``TimedOut()``, or ``Gone(why)`` when the process is gone."""
        ready: list = []
        try:
            ready = wait([self.connection, self.process.sentinel], max(0.0, timeout))
            if self.connection in ready or self.connection.poll():
                return self.connection.recv()
        except (EOFError, OSError):
            pass
        if not ready:
            return TimedOut()
        self.process.join(0.5)
        return Gone(crash_words(self.process.exitcode))

    def stderr_tail(self, offset: int) -> str:
        try:
            with open(self.stderr_path, errors="replace") as stream:
                stream.seek(offset)
                return stream.read()[-8000:]
        except OSError:
            return ""

    def stderr_size(self) -> int:
        try:
            return os.path.getsize(self.stderr_path)
        except OSError:
            return 0

    def kill(self) -> None:
        """End the process at once (from any thread)."""
        self.process.kill()

    @property
    def alive(self) -> bool:
        return self.process.is_alive()

    def close(self) -> None:
        """Stop the process (ask, then end it) and remove its log."""
        end_process(self.process, ask=(lambda: self.send(Stop())) if self.ready else None, wait=1.0)
        self.connection.close()
        try:
            os.unlink(self.stderr_path)
        except OSError:
            pass
