"""‖∂h_T/∂h_t‖: how strongly the final state depends on each earlier state.

Why beside ‖∂ℓ/∂h_t‖: the loss gradient is ∂ℓ/∂h_T · ∂h_T/∂h_t plus the
paths through the readouts at later steps, so it depends on where the task's
loss reads the outputs and on how well the readout is trained (a solved task
sends back little error). The Jacobian ∂h_T/∂h_t depends on neither: it is
the dynamics alone, how far a change of the state at t still moves the
state at the end — the cell's memory, before any loss is asked.

The measure per time step t is the root mean square over examples of each
example's Frobenius norm ‖J_t‖_F, J_t = ∂h_T/∂h_t (D×D, D the width of the
first state; the examples are independent, so each has its own J_t): the
root of a mean of squares, so that the estimate below is unbiased before
its one square root. It is read
through the capture's own backward machinery: the top cell is run again on
the step's top-layer input, with its parameters frozen (no training
gradient changes), and one backward pass of Σ_k vₖ·h_T through the state
traces (``model.StateTrace``) or the fused kernel's zero channels
(``fused``) yields vₖᵀ J_t for every t and every probe vₖ at once: the probes
ride in K copies of the examples.

- exact when D ≤ ``EXACT_WIDTH``: the probes are the D unit vectors, and
  ‖J_t‖_F² = Σ_k ‖e_kᵀ J_t‖² (Frobenius by rows);
- otherwise a stochastic estimate with K = ``PROBES`` Gaussian probes
  v ~ N(0, I), since E‖vᵀ J‖² = ‖J‖_F²: the mean of ‖vₖᵀ J_t‖² over probes
  and examples estimates the mean of ‖J_t‖_F² without bias.

Cost bound: the probe pass holds K × (examples) rows, at most the training
batch B (at least one example), so it costs about one more forward and
backward of the top layer on a captured step: the first ⌊B / K⌋ examples of
the batch are measured. With Gaussian probes one squared sample has
relative standard deviation √(2‖JᵀJ‖_F²)/‖J‖_F² ≤ √2 (reached when J has
rank one, as a vanishing Jacobian nearly has), so the mean of K·n ≈ B of
them is within √(2/B) and its root within about √(1/(2B)) of the exact
value: one standard deviation is 12.5 % at the default B = 32 in the worst
case, 0.05 decades on the log-scale plot (the root's bias is smaller still,
about 1/(4B)).

It is computed on captured steps only (``capture_schedule``), and on those
only while its time stays within ``run.JACOBIAN_SHARE`` of the training's
(step 1 always), for the top layer's forward direction; the probes come from their own generator, so the
training's random numbers (dropout) are not touched.
"""

from __future__ import annotations

import torch
from torch import Tensor

from cells import Cell

from . import fused
from .model import StateTrace, unroll_cell
from .norms import row_norms

EXACT_WIDTH = 16  # up to this state width the measure is exact (one unit probe per row of J)
PROBES = 4        # Gaussian probes per example beyond it


def probe_vectors(batch: int, width: int, generator: torch.Generator, like: Tensor) -> tuple[Tensor, bool]:
    """(probes [K, n, width], exact) for the first n examples, K·n ≤
    ``batch`` (n ≥ 1): the K = width unit vectors when ``width`` ≤
    ``EXACT_WIDTH``, else K = ``PROBES`` draws of N(0, I)."""
    exact = width <= EXACT_WIDTH
    count = width if exact else PROBES
    examples = max(1, batch // count)
    if exact:
        eye = torch.eye(width, dtype=like.dtype, device=like.device)
        return eye[:, None, :].expand(width, examples, width), True
    noise = torch.randn(count, examples, width, generator=generator, dtype=like.dtype, device=like.device)
    return noise, False


def final_state_sensitivity(cell: Cell, xs: Tensor, generator: torch.Generator) -> Tensor:
    """[T] float64: the root mean square of ‖∂h_T/∂h_t‖_F over the first
    examples of xs [T, B, I] for t = 1..T (see module doc: as many as the probes leave
    room for in B rows), h being ``cell``'s first state, run forward."""
    width = cell.initial_state(1, device=xs.device, dtype=xs.dtype)[0][0].numel()
    probes, exact = probe_vectors(xs.shape[1], width, generator, xs)
    count, batch = probes.shape[:2]
    xs = xs[:, :batch]
    length = xs.shape[0]
    frozen = [p for p in cell.parameters() if p.requires_grad]
    for parameter in frozen:
        parameter.requires_grad_(False)
    try:
        with torch.enable_grad():
            copies = xs.detach().repeat(1, count, 1).requires_grad_(True)  # [T, K·B, I]: probe k in block k
            rows = _probe_gradients(cell, copies, probes.reshape(count * batch, width))  # [T, K·B, D]
    finally:
        for parameter in frozen:
            parameter.requires_grad_(True)
    rows = rows.detach().reshape(length, count, batch, width)
    squares = row_norms(rows) ** 2  # [T, K, B]
    squares = squares.sum(dim=1) if exact else squares.mean(dim=1)  # ‖J_t‖_F² per example
    return squares.mean(dim=1).sqrt()


def _probe_gradients(cell: Cell, copies: Tensor, probes: Tensor) -> Tensor:
    """vᵀ ∂h_T/∂h_t [T, K·B, D] for each row v of probes [K·B, D], from one
    backward pass of Σ v·h_T, read as the capture reads ∂ℓ/∂h_t."""
    if fused.supports(cell):
        run = fused.unroll(cell, copies, capture=True, record_gates=False, reverse=False, cell_state=False)
        (run.outputs[-1] * probes).sum().backward()
        return run.finish()["h"]
    traces = [StateTrace(copies.shape[0]) for _ in cell.state_names]
    unroll_cell(cell, copies, traces, reverse=False)
    final = traces[0].tensors[-1]
    (final.reshape(probes.shape) * probes).sum().backward()
    return traces[0].grad.reshape(copies.shape[0], *probes.shape)
