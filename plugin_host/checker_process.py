"""The caller's handle on one checker template process (see ``checker_template``).

The template is spawned, so no Qt state is copied. Per request the handle
receives the child's pid and the child's own pipe, and then reads the
child's messages, the template's ``Exited`` and the end of either process
through one ``receive``. Nothing is ever unpickled: the child's bytes are
decoded by ``plugin_host.wire`` into the few message types a child may send.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import tempfile
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.reduction import recv_handle

from .checker_template import template_main
from .children import end_process
from .messages import CHILD_MESSAGES, CheckRequest, Exited, Forked, Ready, Stop
from .spawning import main_script_hidden
from .wire import MAX_MESSAGE_BYTES, WireError, decode, encode

CONTEXT = multiprocessing.get_context("spawn")


@dataclass(frozen=True)
class TimedOut:
    """Nothing came within the time limit."""


@dataclass(frozen=True)
class Gone:
    """The template process ended or broke its pipe; ``words`` says how."""

    words: str


@dataclass(frozen=True)
class Malformed:
    """The child wrote bytes that are not a message a child may send."""

    words: str


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
    """One running template process, its pipe, and the child of the current request."""

    def __init__(self) -> None:
        handle, self.stderr_path = tempfile.mkstemp(prefix="gatelab-checker-", suffix=".log")
        os.close(handle)
        self.connection, child = CONTEXT.Pipe()
        self.process = CONTEXT.Process(target=template_main, name="gatelab-plugin-checker", daemon=True,
                                       args=(child, self.stderr_path, os.getpid()))
        with main_script_hidden():  # the checker runs GateLab's code only, never the user's script
            self.process.start()
        child.close()
        self.ready = False
        self.child: Connection | None = None  # the current child's pipe, until it closes
        self.child_pid: int | None = None

    def wait_ready(self, timeout: float) -> str | None:
        """None once the template is ready, else why it is not."""
        if self.ready:
            return None
        message = self._control(timeout, (Ready,))
        if isinstance(message, Ready):
            self.ready = True
            return None
        return message.words if isinstance(message, Gone) else "the plugin checker did not start"

    def start(self, request: CheckRequest, timeout: float) -> str | None:
        """Fork the child for ``request``; None once it runs, else why not."""
        self.connection.send_bytes(encode(request))
        message = self._control(timeout, (Forked,))
        if not isinstance(message, Forked):
            return message.words if isinstance(message, Gone) else "the plugin checker did not answer"
        self.child_pid = message.pid
        try:
            self.child = Connection(recv_handle(self.connection), writable=False)
        except (EOFError, OSError):  # the template died handing the pipe over (a plugin killed it)
            return self._gone().words
        return None

    def _control(self, timeout: float, expected: tuple[type, ...]) -> object:
        """The template's next message, ``TimedOut()`` or ``Gone(why)``."""
        try:
            if wait([self.connection, self.process.sentinel], max(0.0, timeout)):
                if self.connection.poll():
                    return decode(self.connection.recv_bytes(MAX_MESSAGE_BYTES), expected)
                return self._gone()
        except (EOFError, OSError, WireError):
            return self._gone()
        return TimedOut()

    def _gone(self) -> Gone:
        self.process.join(0.5)
        return Gone(crash_words(self.process.exitcode))

    def receive(self, timeout: float) -> object:
        """The child's next message, ``Malformed(why)``, the template's ``Exited``,
        ``TimedOut()`` or ``Gone(why)``. The child's pipe is read first, so that
        everything the child sent comes before its ``Exited``."""
        sources = [self.connection, self.process.sentinel] + ([self.child] if self.child else [])
        ready = wait(sources, max(0.0, timeout))
        if self.child is not None and self.child in ready:
            try:
                return decode(self.child.recv_bytes(MAX_MESSAGE_BYTES), CHILD_MESSAGES)
            except EOFError:
                self._close_child()
                return self.receive(timeout)
            except (OSError, WireError) as error:
                return Malformed(str(error))
        if ready:
            return self._control(0, (Exited,))
        return TimedOut()

    def kill_child(self) -> None:
        """End the current child and its process group at once (from any thread)."""
        pid = self.child_pid
        if pid is not None:
            for kill in (os.killpg, os.kill):
                try:
                    kill(pid, signal.SIGKILL)
                except OSError:
                    pass

    def finish(self) -> None:
        """The request is over: forget its child."""
        self._close_child()
        self.child_pid = None

    def _close_child(self) -> None:
        if self.child is not None:
            self.child.close()
            self.child = None

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
        """End the template and the current child at once (from any thread)."""
        self.kill_child()
        self.process.kill()

    @property
    def alive(self) -> bool:
        return self.process.is_alive()

    def close(self) -> None:
        """Stop the template (ask, then end it) and remove its log."""
        self.kill_child()
        self.finish()
        end_process(self.process, ask=(lambda: self.connection.send_bytes(encode(Stop())))
                    if self.ready else None, wait=1.0)
        self.connection.close()
        try:
            os.unlink(self.stderr_path)
        except OSError:
            pass
