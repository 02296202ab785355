"""Hostile once it trains (it passes the check): its first training step kills
the process that supervises its training worker."""
import os
import signal
import sys

import torch

from cells import Cell


class KillSupervisor(Cell):
    name = "Kill supervisor"

    def __init__(self, input_size, hidden_size):
        super().__init__(input_size, hidden_size)
        self.inp = torch.nn.Linear(input_size, hidden_size)

    def forward(self, x, state):
        if "training.worker" in sys.modules:  # a training worker, not the checker
            os.kill(os.getppid(), signal.SIGKILL)
        (h,) = state
        h = 0.5 * h + torch.tanh(self.inp(x))
        return h, (h,)
