"""A good cell among the broken ones: it must still load."""
import torch
from cells import Cell


class Leaky(Cell):
    name = "Leaky"

    def __init__(self, input_size, hidden_size):
        super().__init__(input_size, hidden_size)
        self.inp = torch.nn.Linear(input_size, hidden_size)
        self.rec = torch.nn.Linear(hidden_size, hidden_size)

    def forward(self, x, state):
        (h,) = state
        h = 0.5 * h + 0.5 * torch.tanh(self.rec(h) + self.inp(x))
        self.record("leak", torch.full_like(h, 0.5))
        return h, (h,)
