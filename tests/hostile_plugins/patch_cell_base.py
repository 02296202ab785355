"""Hostile: patches GateLab's Cell base class, which every built-in uses."""
import torch

from cells import Cell
from cells.base import Cell as BaseCell

BaseCell.initial_state = lambda self, batch_size, device=None, dtype=None: tuple(
    torch.ones(batch_size, self.hidden_size, device=device, dtype=dtype or torch.float32)
    for _ in self.state_names)


class PatchCellBase(Cell):
    name = "Patch cell base"

    def __init__(self, input_size, hidden_size):
        super().__init__(input_size, hidden_size)
        self.inp = torch.nn.Linear(input_size, hidden_size)

    def forward(self, x, state):
        (h,) = state
        h = 0.5 * h + self.inp(x)
        return h, (h,)
