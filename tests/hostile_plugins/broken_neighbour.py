"""A broken cell (one state returned, two declared): its verdict must stay broken."""
import torch

from cells import Cell


class BrokenNeighbour(Cell):
    name = "Broken neighbour"
    state_names = ("h", "c")

    def __init__(self, input_size, hidden_size):
        super().__init__(input_size, hidden_size)
        self.inp = torch.nn.Linear(input_size, hidden_size)

    def forward(self, x, state):
        h, _ = state
        h = torch.tanh(self.inp(x) + h)
        return h, (h,)
