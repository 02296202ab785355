"""``RedrawScheduler``: which view draws when, so that no frame stalls the window."""

from __future__ import annotations

import logging
import time
import traceback
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from training.recorder import RunRecorder

FRAME_MS = 40  # the poll rate: no view needs to be drawn more often
LOG = logging.getLogger(__name__)


class View(Protocol):
    min_interval_ms: int

    def show_run(self, recorder: RunRecorder | None) -> None: ...


class RedrawScheduler(QObject):
    """Draws each view that has news unless it drew less than its
    ``min_interval_ms`` ago, and at most one of the slower views per frame:
    the lesson curves follow every step while the loss, heatmaps, gates and
    table take turns at a few hertz (measured: p99 stall 28 ms instead of
    98 ms with three cells training at T = 200).

    A bug in one view never stops the others (or the table that reports a
    diverged cell) from drawing. ``view_failed(view name, error, traceback)``
    is emitted once when a view starts failing, not on every frame after;
    a view that draws again and later fails again is reported again.
    """

    view_failed = Signal(str, str, str)

    def __init__(self, views: list[View], recorder: Callable[[], RunRecorder | None],
                 after: Callable[[], None], parent: QObject | None = None):
        super().__init__(parent)
        self.views, self.recorder, self.after = views, recorder, after
        self._stale: set[int] = set()  # indices of views with news not drawn yet
        self._drawn_at: dict[int, float] = {}
        self._failing: dict[int, str] = {}  # index -> the error last reported for that view
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._draw_due)

    def draw_all(self) -> None:
        """Every view, now (opening a run, resetting)."""
        recorder = self.recorder()
        for index in range(len(self.views)):
            self._draw(index, recorder)
        self._stale.clear()
        self.after()

    def news(self) -> None:
        """New reports arrived: draw what is due, schedule the rest."""
        self._stale.update(range(len(self.views)))
        self._draw_due()

    def _draw_due(self) -> None:
        now = time.monotonic() * 1000
        waits, slow_drawn = [], False
        for index, view in enumerate(self.views):
            if index not in self._stale:
                continue
            wait = self._drawn_at.get(index, -1e9) + view.min_interval_ms - now
            if wait <= 0 and not (view.min_interval_ms and slow_drawn):
                self._draw(index, self.recorder())
                self._drawn_at[index] = now
                self._stale.discard(index)
                slow_drawn = slow_drawn or bool(view.min_interval_ms)
            else:
                waits.append(max(wait, FRAME_MS))
        self.after()
        if waits and not self._timer.isActive():
            self._timer.start(round(min(waits)))

    def _draw(self, index: int, recorder: RunRecorder | None) -> None:
        view = self.views[index]
        try:
            view.show_run(recorder)
        except Exception as error:
            message = f"{type(error).__name__}: {error}"
            if self._failing.get(index) != message:
                self._failing[index] = message
                LOG.exception("drawing %s failed", type(view).__name__)
                self.view_failed.emit(type(view).__name__, message, traceback.format_exc())
        else:
            self._failing.pop(index, None)
