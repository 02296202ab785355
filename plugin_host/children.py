"""Ending a child process: ask, then terminate, then kill.

Training workers and the plugin checker may be stuck in a plugin's endless
loop, so a polite request is never enough on its own. One ladder for all of
them, so that every child ends within about a second and none is left behind.
"""

from __future__ import annotations

from collections.abc import Callable
from multiprocessing.process import BaseProcess


def end_process(process: BaseProcess, ask: Callable[[], None] | None = None,
                grace: float = 0.5, wait: float = 0.5) -> None:
    """End ``process``: call ``ask`` (e.g. send a stop message) and wait up to
    ``grace`` seconds; then terminate, then kill, waiting ``wait`` after each.
    Returns at once if the process has already ended; never raises."""
    if ask is not None and process.is_alive():
        try:
            ask()
        except (OSError, ValueError):  # the pipe or queue is already closed
            pass
        process.join(grace)
    for end in (process.terminate, process.kill):
        if not process.is_alive():
            return
        end()
        process.join(wait)
