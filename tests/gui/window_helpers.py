"""Plugin sources and waiting helpers shared by the window tests."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from training.report import WorkerEvent
from training.spec import RunSpec
from training.worker import IDLE

CORPUS = Path(__file__).resolve().parents[1] / "broken_plugins"  # shared with the plugin tests
WORKER_START = 90_000  # ms: spawning torch workers on a busy 2-core machine is slow
RAISE = 'raise RuntimeError("boom on purpose")'  # what the Moody cell does in the window tests




def small_spec(cells: tuple[str, ...], plugins: tuple[str, ...] = ()) -> RunSpec:
    """Tiny models, short sequences: each step takes milliseconds."""
    return RunSpec(task="adding", length=10, cells=cells, steps=0, hidden=8, batch=4,
                   plugins=plugins)



def steps_of(window) -> dict[str, int]:
    recorder = window.session.recorder
    return {name: h.steps for name, h in recorder.cells.items()} if recorder else {}


def wait_for_steps(qtbot, window, minimum: int, cells=None) -> None:
    cells = cells or window.session.recorder.spec.cells
    qtbot.waitUntil(lambda: all(steps_of(window).get(c, 0) >= minimum for c in cells),
                    timeout=WORKER_START)


def wait_idle(qtbot, news: list, cells, since: int) -> None:
    """Wait until every cell's worker has said, after ``news[since]``, that it
    stopped training: from then on no report comes until a command asks."""
    def idle() -> bool:
        said = {m.cell for m in news[since:] if isinstance(m, WorkerEvent) and m.kind == IDLE}
        return set(cells) <= said

    qtbot.waitUntil(idle, timeout=WORKER_START)


def end_of_children(timeout: float = 30.0) -> dict[str, int | None]:
    """Join every child process (on its sentinel, no polling) for at most
    ``timeout`` seconds each; their exit codes by name (None: still running)."""
    children = multiprocessing.active_children()
    for child in children:
        child.join(timeout)
    return {child.name: child.exitcode for child in children}
