"""Running the command line as a user does (a subprocess)."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAIN = [sys.executable, str(ROOT / "main.py")]
SMALL_RUN = ("run", "--task", "adding", "--length", "10", "--hidden", "8")



def gatelab(*args: str, cwd: Path | None = None, **options) -> subprocess.CompletedProcess:
    return subprocess.run([*MAIN, *args], capture_output=True, text=True, cwd=cwd or ROOT,
                          timeout=300, **options)


def start_run(out: Path, *extra: str, **options) -> subprocess.Popen:
    """A run of RNN and GRU that trains until stopped, its progress on stderr."""
    return subprocess.Popen([*MAIN, *SMALL_RUN, "--cells", "RNN,GRU", "--steps", "0", "--out", str(out),
                             *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, **options)


def wait_for_step(process: subprocess.Popen, step: int = 3) -> None:
    """Block until the progress line shows ``step`` (training, past the start-up)."""
    progress = b""
    while not [s for s in re.findall(rb"step (\d+) ", progress) if int(s) >= step]:
        chunk = os.read(process.stderr.fileno(), 4096)  # blocks until the progress line moves
        assert chunk, f"the run ended early: {progress.decode(errors='replace')}"
        progress += chunk


def interrupted_run(out: Path, send, *extra: str, **options) -> subprocess.CompletedProcess:
    """Start a run that trains until stopped, wait until it trains, ``send(process)``
    a signal, and return how it ended. The run trains forever: ending at all is
    the effect of the signal; the bound only turns a run that ignores it into a
    failure instead of a hang."""
    process = start_run(out, *extra, **options)
    try:
        wait_for_step(process)
        send(process)
        stdout, stderr = process.communicate(timeout=90)
    finally:
        process.kill()
        process.wait()
    return subprocess.CompletedProcess(process.args, process.returncode, stdout.decode(), stderr.decode())
