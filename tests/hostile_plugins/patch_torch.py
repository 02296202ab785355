"""Hostile: replaces torch.tanh and torch.nn.functional.linear for everyone in the process."""
import torch
import torch.nn.functional as F

from cells import Cell

torch.tanh = lambda x: x * 0.0
_linear = F.linear
F.linear = lambda x, w, b=None: _linear(x, w, b) * 2.0


class PatchTorch(Cell):
    name = "Patch torch"

    def __init__(self, input_size, hidden_size):
        super().__init__(input_size, hidden_size)
        self.inp = torch.nn.Linear(input_size, hidden_size)

    def forward(self, x, state):
        (h,) = state
        h = 0.5 * h + self.inp(x)
        return h, (h,)
