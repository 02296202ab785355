"""A one-line progress bar with steps/s and each cell's latest loss."""

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
