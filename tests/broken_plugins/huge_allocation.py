import torch
from cells import Cell


class Greedy(Cell):
    name = "Greedy"

    def __init__(self, input_size, hidden_size):
        super().__init__(input_size, hidden_size)
        self.table = torch.nn.Parameter(torch.empty(10 ** 13))  # 40 TB: must fail, not swap

    def forward(self, x, state):
        (h,) = state
        return h, (h,)
