"""Opening a run from the command line: ``--open PATH``, a bare
``main.py PATH.gatelab`` (what a double-click on a ``.gatelab`` file passes)
and ``--at STEP``.

Read before the window is built, so that a bad file or a step outside the run
is one line and exit status 2, as every other bad flag, instead of a window
that opens and then shows something else than was asked for.
"""

from __future__ import annotations

import argparse
from bisect import bisect_left
from dataclasses import dataclass
from pathlib import Path

from training.recorder import RunRecorder
from training.run_archive import load_run
from training.run_files import is_sweep_folder
from training.timeline import recorded_steps

from .flags import FlagError, run_to_open


@dataclass(frozen=True)
class OpenedRun:
    """A run read for the window: its recorder, the name for the title, and
    the recorded step to show (None: the last, as Open run does)."""

    recorder: RunRecorder | None
    name: str
    step: int | None
    sweep: Path | None = None  # a sweep's folder instead of a run (no recorder)


def nearest_step(steps: list[int], step: int) -> int:
    """The recorded step closest to ``step`` (the earlier one on a tie)."""
    index = bisect_left(steps, step)
    candidates = steps[max(index - 1, 0):index + 1]
    return min(candidates, key=lambda s: (abs(s - step), s))


def opened_run(args: argparse.Namespace) -> OpenedRun | None:
    """The run the flags ask for, read and checked; None when none is asked
    for. Raises FlagError in one line (an unreadable file, a step outside the run)."""
    path = run_to_open(args)
    if path is None:
        return None
    if is_sweep_folder(path):  # its window opens once the main window is up
        if args.at is not None:
            raise FlagError(f"--at: {path.name} is a sweep's folder; --at picks a step of one run")
        return OpenedRun(None, path.name, None, sweep=path)
    try:
        recorder = load_run(path)
    except ValueError as error:
        raise FlagError(str(error)) from None
    if args.at is None:
        return OpenedRun(recorder, path.name, None)
    steps = recorded_steps(recorder)
    if not steps:
        raise FlagError(f"--at {args.at}: {path.name} holds no recorded step")
    if not steps[0] <= args.at <= steps[-1]:
        raise FlagError(f"--at {args.at} is outside the run: {path.name} holds steps "
                        f"{steps[0]} to {steps[-1]}")
    return OpenedRun(recorder, path.name, nearest_step(steps, args.at))


def show_opened(window, opened: OpenedRun) -> None:
    """Show ``opened`` in ``window`` (a ``MainWindow``) at its step."""
    if opened.sweep is not None:
        window.open_run(opened.sweep)
        return
    window.show_saved_run(opened.recorder, opened.name)
    if opened.step is not None:
        window.timeline.go_to(opened.step)
