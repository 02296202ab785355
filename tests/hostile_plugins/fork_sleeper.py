"""Hostile: forks at import; the children sleep forever, one in a session of its own."""
import os
import time

import torch

from cells import Cell

if os.fork() == 0:
    time.sleep(10 ** 6)
    os._exit(0)
if os.fork() == 0:
    os.setsid()  # escapes its parent's process group
    if os.fork() == 0:
        time.sleep(10 ** 6)
    os._exit(0)


class ForkSleeper(Cell):
    name = "Fork sleeper"

    def __init__(self, input_size, hidden_size):
        super().__init__(input_size, hidden_size)
        self.inp = torch.nn.Linear(input_size, hidden_size)

    def forward(self, x, state):
        (h,) = state
        h = 0.5 * h + self.inp(x)
        return h, (h,)
