"""Looks fine, plots wrong: a wrapped module that returns its output and its
next hidden state as two tensors computed side by side (as torch's nn.GRU does)."""
import torch

from cells import Cell


class SeparateOutput(Cell):
    name = "Separate output"

    def __init__(self, input_size, hidden_size):
        super().__init__(input_size, hidden_size)
        self.gru = torch.nn.GRU(input_size, hidden_size)

    def forward(self, x, state):
        out, h_n = self.gru(x.unsqueeze(0), state[0].unsqueeze(0))
        return out[0], (h_n[0],)
