"""The checker's template process, and the child it forks for each plugin.

The template imports torch and GateLab's checking code once, then never runs
plugin code itself: for each ``CheckRequest`` it forks a child, which imports
and judges that one plugin and ends with ``os._exit`` (no atexit handlers, no
waiting for a plugin's threads). A fork costs milliseconds where a fresh
interpreter costs seconds (torch), and every plugin starts from the same
untouched process: what one plugin patches, limits, starts or leaves behind
never reaches another. The template runs no Python threads and no parallel
torch work before it forks (torch's import leaves one idle native thread,
which a fork does not copy), so the child inherits no held lock.

The child speaks on a pipe of its own, handed to the caller with
``send_handle``, and never holds the template's pipe, so it can neither
forge the template's messages nor write into another plugin's stream. The
template is a child subreaper (Linux): once a child ends, it kills every
process that child started, even those that escaped into a new session,
before it reports ``Exited``.
"""

from __future__ import annotations

import ctypes
import faulthandler
import os
import signal
from multiprocessing.connection import Connection, wait
from multiprocessing.reduction import send_handle
from pathlib import Path
from typing import TextIO

from .lifeline import exit_with_parent
from .limits import MEMORY_HEADROOM
from .messages import CheckRequest, Exited, Forked, Phase, Ready, Stop
from .wire import decode, encode

PR_SET_CHILD_SUBREAPER = 36


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


def _become_subreaper() -> None:
    """Orphans of this template's children become its own children (Linux)."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def _descendants(pid: int) -> list[int]:
    """Every process below ``pid``, from /proc (empty where there is none)."""
    found = []
    for tasks in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            found += [int(child) for child in tasks.read_text().split()]
        except OSError:
            pass
    return found + [grandchild for child in found for grandchild in _descendants(child)]


def _end_descendants() -> None:
    """Kill and reap every process this template started, until none is left."""
    while True:
        family = _descendants(os.getpid())
        for pid in family:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        try:
            reaped, _ = os.waitpid(-1, 0 if family else os.WNOHANG)
        except ChildProcessError:
            return
        if not family and reaped == 0:
            return


def _warm_up() -> None:
    """Check a built-in cell once, so that torch's lazy set-up (dispatch, autograd)
    is done here, once, instead of in every child (measured: ~10x per plugin)."""
    from cells.rnn import RNN

    from .inspection import class_verdict

    class_verdict(RNN, True, RNN.__module__)


def template_main(connection: Connection, stderr_path: str, parent_pid: int) -> None:
    """Entry of the template process: fork one child per request until told to stop."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)  # a plugin's prints must not reach the caller
    errors = open(stderr_path, "a", buffering=1)  # noqa: SIM115 (lives as long as the process)
    os.dup2(errors.fileno(), 2)
    faulthandler.enable(file=errors)  # a crash leaves its Python traceback here
    import torch

    from .inspection import check_job
    from .tampering import snapshot

    torch.set_num_threads(1)
    _warm_up()
    _become_subreaper()
    _limit_memory()
    before = snapshot()
    connection.send_bytes(encode(Ready()))
    while True:
        try:
            request = decode(connection.recv_bytes(), (CheckRequest, Stop))
        except (EOFError, OSError):
            return  # the caller is gone
        if isinstance(request, Stop):
            return
        reading, writing = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(reading)
            _child(connection, writing, request, errors, check_job, before)
        os.close(writing)
        connection.send_bytes(encode(Forked(pid)))
        send_handle(connection, reading, parent_pid)
        os.close(reading)
        status = _wait_for(pid, connection)
        _end_descendants()
        if status is None:
            return
        connection.send_bytes(encode(Exited(status)))


def _wait_for(pid: int, connection: Connection) -> int | None:
    """The child's exit code (negative: the signal), or None if the caller went away."""
    waiting = _child_ended if hasattr(os, "pidfd_open") else _child_ended_polling
    if not waiting(pid, connection):
        os.kill(pid, signal.SIGKILL)  # the caller never speaks during a check: it has gone
        return None
    try:
        os.killpg(pid, signal.SIGKILL)  # the child's group, while its zombie still holds the id
    except OSError:
        pass
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


def _child_ended(pid: int, connection: Connection) -> bool:
    """Block until the child ends (True) or the caller speaks or goes (False), on Linux's pidfd."""
    pidfd = os.pidfd_open(pid)
    try:
        return pidfd in wait([pidfd, connection])
    finally:
        os.close(pidfd)


def _child_ended_polling(pid: int, connection: Connection, interval: float = 0.05) -> bool:
    """``_child_ended`` where there is no pidfd (macOS): look every ``interval``
    seconds. The child stays a zombie (not reaped) either way, so that its
    process group can still be killed by its id."""
    while not wait([connection], interval):
        try:
            if os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None:
                return True
        except ChildProcessError:
            return True
    return False


def _close_inherited(keep: tuple[int, ...]) -> None:
    """Close every descriptor but stdio and ``keep`` (e.g. the caller's
    multiprocessing resource tracker), so a plugin cannot write into them."""
    edges = sorted({2, *keep})
    for low, high in zip(edges, edges[1:] + [os.sysconf("SC_OPEN_MAX")], strict=True):
        os.closerange(low + 1, high)


def _child(template: Connection, writing: int, request: CheckRequest, errors: TextIO,
           check_job, before) -> None:
    """Check one plugin and end this process; never returns. ``check_job`` and
    ``before`` were bound before any plugin code ran, so patching them later is moot."""
    code = 70
    try:
        os.setsid()  # its own process group, so that its own children can be killed with it
        template.close()
        _close_inherited(keep=(writing, errors.fileno()))
        exit_with_parent(os.getppid())
        out = Connection(writing, readable=False)
        for message in check_job(request.job, request.validate, before, request.task_settings):
            if isinstance(message, Phase):  # leave a stack trace just before the caller gives up
                limit = request.time_limit(message.step)
                faulthandler.dump_traceback_later(max(0.1, limit - 0.5), file=errors)
            out.send_bytes(encode(message))
        faulthandler.cancel_dump_traceback_later()
        code = 0
    finally:
        os._exit(code)
