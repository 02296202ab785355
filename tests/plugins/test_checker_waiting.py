"""The template's wait for a child without Linux's pidfd (the macOS path),
run here against real forked children."""

from __future__ import annotations

import os
import signal
from multiprocessing import Pipe

from plugin_host.checker_template import _child_ended_polling


def forked(code: int | None) -> int:
    """A child that exits with ``code``, or (None) waits to be killed."""
    pid = os.fork()
    if pid == 0:
        if code is None:
            signal.pause()
        os._exit(code)
    return pid


def test_a_child_that_ends_is_seen_and_left_for_reaping():
    pid = forked(3)
    template_end, caller_end = Pipe()
    assert _child_ended_polling(pid, template_end, interval=0.01)
    assert os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == 3  # still there to be reaped


def test_a_caller_that_goes_away_ends_the_wait():
    pid = forked(None)
    template_end, caller_end = Pipe()  # after the fork: the child must not hold the caller's end
    try:
        caller_end.close()
        assert not _child_ended_polling(pid, template_end, interval=0.01)
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
