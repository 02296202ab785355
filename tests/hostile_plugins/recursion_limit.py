"""Hostile: lowers the interpreter's recursion limit for whoever imports it."""
import sys

import torch

from cells import Cell

sys.setrecursionlimit(50)


class RecursionLimit(Cell):
    name = "Recursion limit"

    def __init__(self, input_size, hidden_size):
        super().__init__(input_size, hidden_size)
        self.inp = torch.nn.Linear(input_size, hidden_size)

    def forward(self, x, state):
        (h,) = state
        h = 0.5 * h + self.inp(x)
        return h, (h,)
