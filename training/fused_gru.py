"""The GRU's capture on a CPU: ``torch.gru_cell`` step by step, each h_t kept.

Why not fused.py's zero channels here: torch's CPU GRU is not one fused
kernel but this same ATen cell, run step by step in C++ with autograd (its
input projection batched). A Python loop over ``torch.gru_cell`` therefore
costs about what ``torch.gru`` costs (the per-step x_t projection is
[B, I] × [I, 3H], I = input size: small), and each h_t, being the node every
later use starts from, has its total derivative ∂L/∂h_t retained, as the
loop's state traces do. The 2H zero channels instead widen the input
projection and its backward by 2H columns: on this 2-core machine, busy,
B = 32, H = 64, T = 100, a captured step cost 1.14-1.31x torch's nn.GRU step
this way and 1.38-1.44x with the zero channels (interleaved medians). On a
GPU cuDNN's GRU is one launch and a Python loop is not, so fused.py keeps
the zero channels there.
"""

from __future__ import annotations

import torch
from torch import Tensor

from cells import Cell

# Devices whose torch GRU is itself a step loop: there the capture loops too.
STEP_LOOP_DEVICES = {"cpu"}


def unroll_steps(cell: Cell, xs: Tensor) -> tuple[Tensor, list[Tensor]]:
    """xs [T, B, I] -> outputs [T, B, H] from a zero state, in xs's order, and
    the h_t tensors, their gradients retained (``retain_grad``: a hook in C++;
    a Python hook per step cost ~7 % of the step)."""
    hidden = xs.new_zeros(xs.shape[1], cell.hidden_size)
    states = []
    for x in xs.unbind(0):
        hidden = torch.gru_cell(x, hidden, cell.weight_ih, cell.weight_hh, cell.bias_ih, cell.bias_hh)
        if hidden.requires_grad:
            hidden.retain_grad()
        states.append(hidden)
    return torch.stack(states), states


def state_gradient(states: list[Tensor]) -> Tensor | None:
    """After backward: ∂L/∂h_t [T, B, H], or None when no gradient reached the
    outputs (all or none have one: the stack's backward hands each h_t its slice)."""
    if states[0].grad is None:
        return None
    return torch.stack([state.grad for state in states])
