"""Hostile: starts a non-daemon thread that never ends (it would block interpreter exit)."""
import threading
import time

import torch

from cells import Cell


def _forever():
    while True:
        time.sleep(0.05)


threading.Thread(target=_forever, name="never-ends", daemon=False).start()


class EndlessThread(Cell):
    name = "Endless thread"

    def __init__(self, input_size, hidden_size):
        super().__init__(input_size, hidden_size)
        self.inp = torch.nn.Linear(input_size, hidden_size)

    def forward(self, x, state):
        (h,) = state
        h = 0.5 * h + self.inp(x)
        return h, (h,)
