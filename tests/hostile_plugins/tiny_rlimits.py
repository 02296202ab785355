"""Hostile: shrinks the process's memory and open-file limits (the hard ones too)."""
import resource

import torch

from cells import Cell

_, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (12, 12))
with open("/proc/self/statm") as _statm:
    _used = int(_statm.read().split()[0]) * resource.getpagesize()
resource.setrlimit(resource.RLIMIT_AS, (_used + 2 ** 24, _used + 2 ** 24))


class TinyRlimits(Cell):
    name = "Tiny rlimits"

    def __init__(self, input_size, hidden_size):
        super().__init__(input_size, hidden_size)
        self.inp = torch.nn.Linear(input_size, hidden_size)

    def forward(self, x, state):
        (h,) = state
        h = 0.5 * h + self.inp(x)
        return h, (h,)
