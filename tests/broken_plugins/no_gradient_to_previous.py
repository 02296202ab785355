import torch
from cells import Cell


class Detached(Cell):
    name = "Detached"

    def __init__(self, input_size, hidden_size):
        super().__init__(input_size, hidden_size)
        self.inp = torch.nn.Linear(input_size, hidden_size)

    def forward(self, x, state):
        (h,) = state
        h = torch.tanh(0.5 * h.detach() + self.inp(x))  # cuts the path through time
        return h, (h,)
