"""Hostile: sends SIGTERM to the parent of the process that imports it."""
import os
import signal

from cells import Cell

os.kill(os.getppid(), signal.SIGTERM)


class KillChecker(Cell):
    name = "Kill checker"

    def forward(self, x, state):
        return x, ()
