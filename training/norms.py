"""L2 norms of the capture's rows: float32 speed, float64 range.

Why not ``vector_norm(..., dtype=torch.float64)`` alone: its float64 copy of
every [T, B, H] gradient and state made these norms cost 0.16 ms each here
(about 4 a captured step), five times the float32 norm. Why not float32
alone: squaring an entry below ~1e-19 gives 0 (and above ~1e19, inf), and a
vanishing gradient lives down there; its norm must not read 0.

So the norms are taken in float32, and only the rows whose float32 norm is
below ``SAFE`` (or not finite) are taken again in float64. A float32 norm of
at least 2^-48 is exact to float32 round-off: the squares it lost to
underflow are each below 2^-126, together below 2^-120, which is under
2^-24 of its square.
"""

from __future__ import annotations

import torch
from torch import Tensor

SAFE = 2.0 ** -48


def row_norms(values: Tensor) -> Tensor:
    """values [..., D] -> float64 [...]: the L2 norm of every row, as float64
    would give it to float32 round-off (tiny, huge, inf and NaN rows alike)."""
    values = values.detach()
    norms = torch.linalg.vector_norm(values, dim=-1)
    if norms.dtype == torch.float64:  # a float64 run: exact already
        return norms
    redo = ~(norms >= SAFE) | torch.isinf(norms)  # tiny, NaN, or squares past float32's range
    result = norms.double()
    if redo.any():
        result[redo] = torch.linalg.vector_norm(values[redo], dim=-1, dtype=torch.float64)
    return result


def mean_example_norms(gradient: Tensor) -> Tensor:
    """[T, B, H] gradient of the batch-mean loss -> [T] float64 mean
    per-example L2 norm. The loss is the mean of B per-example losses, so
    each example's own gradient is B times its slice."""
    return row_norms(gradient).mean(dim=1) * gradient.shape[1]
