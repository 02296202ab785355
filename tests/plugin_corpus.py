"""Plugin files the tests share: the corpus of broken plugins and its one
good cell ("Leaky"), which tests subclass instead of writing inline copies."""

from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "broken_plugins"
GOOD_CELL = CORPUS / "good_cell.py"


MOODY_CELL = '''
import os, time
import torch
from cells import Cell


class Moody(Cell):
    """Fine at validation's hidden size 64; at hidden size 8 it {when}s after
    {after} forward calls: {action}."""

    name = "Moody"

    def __init__(self, input_size, hidden_size):
        super().__init__(input_size, hidden_size)
        self.inp = torch.nn.Linear(input_size + hidden_size, hidden_size)
        self.calls = 0
        if hidden_size == 8 and "{when}" == "build":
            {action}

    def forward(self, x, state):
        self.calls += 1
        if self.hidden_size == 8 and "{when}" == "step" and self.calls > {after}:
            {action}
        h = torch.tanh(self.inp(torch.cat([x, state[0]], dim=1)))
        return h, (h,)
'''


def moody_plugins(folder: Path, when: str, action: str, after: int = 15) -> Path:
    """A plugin folder holding the Moody cell, which runs ``action`` when it is
    built ("build") or after ``after`` forward calls ("step"; 15 is step 2 at
    T = 10) in a run with hidden size 8, never in validation."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "moody.py").write_text(MOODY_CELL.format(when=when, action=action, after=after))
    return folder
