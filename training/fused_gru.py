"""The GRU's capture on a CPU: ``torch.gru_cell`` step by step, each h_t kept.

Why not fused.py's zero channels here: torch's CPU GRU is not one fused
kernel but this same ATen cell, run step by step in C++ with autograd (its
input projection batched). A Python loop over ``torch.gru_cell`` therefore
costs about what ``torch.gru`` costs (the per-step x_t projection is
[B, I] × [I, 3H], I = input size: small), and each h_t, being the node every
later use starts from, hands a hook its total derivative ∂L/∂h_t, as the
loop's state traces read it. The 2H zero channels instead widen the input
projection and its backward by 2H columns (bench/throughput.py measures
both). On a GPU cuDNN's GRU is one launch and a Python loop is not, so
fused.py keeps the zero channels there.
"""

from __future__ import annotations

import torch
from torch import Tensor

from cells import Cell

# Devices whose torch GRU is itself a step loop: there the capture loops too.
STEP_LOOP_DEVICES = {"cpu"}


class StepGradients:
    """∂L/∂h_t [T, B, H], written by a hook on each h_t during backward (the
    hook sees the total, every later use summed); zeros where none arrived."""

    def __init__(self, like: Tensor):
        self.values = torch.zeros_like(like)
        self.reached = False

    def keeper(self, t: int):
        def keep(grad: Tensor) -> None:
            self.values[t].copy_(grad)
            self.reached = True
        return keep


def unroll_steps(cell: Cell, xs: Tensor) -> tuple[Tensor, StepGradients]:
    """xs [T, B, I] -> outputs [T, B, H] from a zero state, in xs's order, and
    the gradients their hooks will fill."""
    hidden = xs.new_zeros(xs.shape[1], cell.hidden_size)
    states = []
    for x in xs.unbind(0):
        hidden = torch.gru_cell(x, hidden, cell.weight_ih, cell.weight_hh, cell.bias_ih, cell.bias_hh)
        states.append(hidden)
    outputs = torch.stack(states)
    gradients = StepGradients(outputs)
    if outputs.requires_grad:
        for t, state in enumerate(states):
            state.register_hook(gradients.keeper(t))
    return outputs, gradients
