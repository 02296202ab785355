"""Fine for a while, then raises: validation passes, training stops this cell."""
import torch
from cells import Cell

FAIL_AT_CALL = 300  # forward calls on one instance (T = 10 in the test: step 30)


class LateFailure(Cell):
    name = "Late failure"

    def __init__(self, input_size, hidden_size):
        super().__init__(input_size, hidden_size)
        self.inp = torch.nn.Linear(input_size, hidden_size)
        self.calls = 0

    def forward(self, x, state):
        (h,) = state
        self.calls += 1
        if self.calls >= FAIL_AT_CALL:
            raise RuntimeError("the cell gave up")
        h = torch.tanh(0.5 * h + self.inp(x))
        return h, (h,)
