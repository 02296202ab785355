"""Running the command line as a user does (a subprocess), and plugin cells
that pass validation (hidden size 64) but misbehave in a test run (hidden 8)."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAIN = [sys.executable, str(ROOT / "main.py")]
SMALL_RUN = ("run", "--task", "adding", "--length", "10", "--hidden", "8")

MOODY_CELL = '''
import os, time
import torch
from cells import Cell


class Moody(Cell):
    """Fine at validation's hidden size 64; at hidden size 8 it {when}s: {action}."""

    name = "Moody"

    def __init__(self, input_size, hidden_size):
        super().__init__(input_size, hidden_size)
        self.inp = torch.nn.Linear(input_size + hidden_size, hidden_size)
        self.calls = 0
        if hidden_size == 8 and "{when}" == "build":
            {action}

    def forward(self, x, state):
        self.calls += 1
        if self.hidden_size == 8 and "{when}" == "step" and self.calls > 15:  # step 2 at T = 10
            {action}
        h = torch.tanh(self.inp(torch.cat([x, state[0]], dim=1)))
        return h, (h,)
'''


def gatelab(*args: str, cwd: Path | None = None, **options) -> subprocess.CompletedProcess:
    return subprocess.run([*MAIN, *args], capture_output=True, text=True, cwd=cwd or ROOT,
                          timeout=300, **options)


def moody_plugins(folder: Path, when: str, action: str) -> Path:
    """A plugin folder holding the Moody cell that runs ``action`` at ``when``
    ("build" or "step") in a run with hidden size 8."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "moody.py").write_text(MOODY_CELL.format(when=when, action=action))
    return folder


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
