"""A correct cell: its verdict must stay ok whatever the file checked before it did."""
import torch

from cells import Cell


class GoodNeighbour(Cell):
    name = "Good neighbour"

    def __init__(self, input_size, hidden_size):
        super().__init__(input_size, hidden_size)
        self.inp = torch.nn.Linear(input_size, hidden_size)
        self.rec = torch.nn.Linear(hidden_size, hidden_size)

    def forward(self, x, state):
        (h,) = state
        h = torch.tanh(self.inp(x) + self.rec(h))
        return h, (h,)
