import torch
from cells import Cell


class NaNCell(Cell):
    name = "NaN cell"

    def __init__(self, input_size, hidden_size):
        super().__init__(input_size, hidden_size)
        self.inp = torch.nn.Linear(input_size, hidden_size)

    def forward(self, x, state):
        (h,) = state
        h = torch.log(-torch.ones_like(h)) + h + self.inp(x)  # log(-1) = NaN
        return h, (h,)
