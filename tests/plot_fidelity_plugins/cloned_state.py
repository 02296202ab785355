"""Looks fine, plots wrong: the state handed on is a copy of the output."""
import torch

from cells import Cell


class ClonedState(Cell):
    name = "Cloned state"

    def __init__(self, input_size, hidden_size):
        super().__init__(input_size, hidden_size)
        self.inp = torch.nn.Linear(input_size + hidden_size, hidden_size)

    def forward(self, x, state):
        h = torch.tanh(self.inp(torch.cat([x, state[0]], dim=1)))
        return h, (h.clone(),)
