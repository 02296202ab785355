"""One plugin's process-wide torch settings never judge the plugins after it."""

from __future__ import annotations

import shutil
from pathlib import Path

from plugin_host import discover_cells

GOOD_CELL = Path(__file__).resolve().parent.parent / "broken_plugins" / "good_cell.py"

POISON = '''
import torch
from cells import Cell

torch.set_default_dtype(torch.float64)   # process-wide, at import


class Poison(Cell):
    name = "Poison"

    def __init__(self, input_size, hidden_size):
        super().__init__(input_size, hidden_size)
        self.inp = torch.nn.Linear(input_size, hidden_size)

    def forward(self, x, state):
        h = torch.tanh(self.inp(x.to(self.inp.weight.dtype))).to(x.dtype)
        return h, (h,)
'''


def test_a_plugin_changing_torch_defaults_does_not_break_the_next(tmp_path):
    (tmp_path / "a_poison.py").write_text(POISON)
    shutil.copy(GOOD_CELL, tmp_path / "b_good.py")
    records = {r.name: r for r in discover_cells([tmp_path], include_project_plugins=False,
                                                 include_user_plugins=False,
                                                 include_entry_points=False)}
    assert records["Leaky"].status == "ok", records["Leaky"].reason
