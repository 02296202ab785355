"""Timing whole ``main.py`` commands, as a user runs them: process start,
imports and the work, wall clock, the median of a few repeats (the machine may
be shared: say so next to any figure printed from here)."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_seconds(arguments: list[str]) -> float:
    """Wall seconds of one ``main.py`` command; raises if it failed."""
    started = time.perf_counter()
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), *arguments], cwd=ROOT,
                            capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode not in (0, 1):  # 1: a cell failed, which a grading or sweep may mean
        raise RuntimeError(f"main.py {' '.join(arguments)} exited {result.returncode}:\n"
                           f"{result.stderr[-2000:]}")
    return seconds


def median_seconds(commands: list[list[str]], repeats: int) -> tuple[float, list[float]]:
    """``commands`` run one after the other make one timing; their median over
    ``repeats`` and every timing."""
    timings = [sum(run_seconds(arguments) for arguments in commands) for _ in range(repeats)]
    return statistics.median(timings), timings


def report(label: str, median: float, timings: list[float], work: float, unit: str) -> None:
    runs = ", ".join(f"{t:.1f}" for t in timings)
    print(f"{label:<34} {median:7.1f} s (median of {len(timings)}: {runs})  {work / median:6.2f} {unit}/s",
          flush=True)
