"""One-line progress bars: a run's steps (steps/s, each cell's latest loss)
and a sweep's or a grading's jobs (elapsed time and ETA)."""

from __future__ import annotations

import math
import time
from typing import TextIO

from training.report import StepReport


class ProgressLine:
    """Rewrites one terminal line in place, at most every ``interval`` seconds."""

    def __init__(self, total: int, stream: TextIO, width: int = 24, interval: float = 0.1):
        self.total, self.stream, self.width, self.interval = total, stream, width, interval
        self.started = time.perf_counter()
        self.shown = 0.0
        self.written = ""

    def update(self, step: int, latest: dict[str, StepReport | None]) -> None:
        now = time.perf_counter()
        if now - self.shown < self.interval and step != self.total:
            return
        self.shown = now
        rate = step / max(now - self.started, 1e-9)
        if self.total:
            filled = round(self.width * step / self.total)
            bar = f"[{'#' * filled}{'.' * (self.width - filled)}] {step}/{self.total}"
        else:
            bar = f"step {step}"
        losses = "  ".join(f"{name} {r.loss:.4f}" if r and math.isfinite(r.loss) else f"{name} -"
                           for name, r in latest.items())
        line = f"\r{bar}  {rate:5.1f} steps/s  {losses}\x1b[K"
        if line != self.written:  # while workers start nothing moves: say it once, not ten times a second
            self.written = line
            self.stream.write(line)
            self.stream.flush()

    def finish(self) -> None:
        self.stream.write("\n")
        self.stream.flush()


def clock(seconds: float) -> str:
    """12:34 or 1:02:03."""
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"


class JobProgress:
    """A one-line bar over a sweep's or a grading's jobs, with the time so far
    and an ETA; a note about each finished job is printed above it. The ETA
    is the pace so far (elapsed ÷ jobs done, which already counts the jobs
    running side by side) times the jobs left: jobs of one sweep or grading
    cost about the same, and the first finish late (their workers start)."""

    def __init__(self, total: int, stream: TextIO, what: str = "jobs", width: int = 24):
        self.total, self.stream, self.what, self.width = total, stream, what, width
        self.started = time.perf_counter()
        self.finished = 0
        self.draw()

    def done(self, note: str = "") -> None:
        self.finished += 1
        if note:
            self.stream.write(f"\r{note}\x1b[K\n")
        self.draw()

    def draw(self) -> None:
        elapsed = time.perf_counter() - self.started
        left = self.total - self.finished
        eta = clock(elapsed / self.finished * left) if self.finished else "–"
        filled = round(self.width * self.finished / max(1, self.total))
        self.stream.write(f"\r[{'#' * filled}{'.' * (self.width - filled)}] {self.finished}/{self.total} "
                          f"{self.what}  {clock(elapsed)} elapsed, ETA {eta}\x1b[K")
        self.stream.flush()

    def finish(self) -> None:
        self.stream.write("\n")
        self.stream.flush()
