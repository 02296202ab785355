"""L2 norms of the capture's rows: float32 speed, float64 range.

Why not ``vector_norm(..., dtype=torch.float64)`` alone: its float64 copy of
every [T, B, H] gradient and state made these norms cost 0.16 ms each here
(about 4 a captured step), five times the float32 norm. Why not float32
alone: squaring an entry below ~1e-19 gives 0 (and above ~1e19, inf), and a
vanishing gradient lives down there; its norm must not read 0.

So the norms are taken in float32, and taken again in float64 when a row's
float32 norm is below ``SAFE`` or not finite. A float32 norm of at least
2^-48 is exact to float32 round-off: the squares it lost to underflow are
each below 2^-126, together below 2^-120, which is under 2^-24 of its
square. The LSTM's and the GRU's gradients stay above it; the tanh RNN's
vanish below it, and pay float64's cost, as before, plus one float32 pass.
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
    if (norms >= SAFE).all() and not torch.isinf(norms).any():
        return norms.double()
    # Some row is tiny, NaN or past float32's range: all again in float64. Those rows alone, or
    # the time steps from the first such to the last, cost more here (0.42 and 0.31 ms against
    # 0.26 ms on a vanishing RNN gradient, [100, 32, 64]): they are 2 of 3 rows there.
    return torch.linalg.vector_norm(values, dim=-1, dtype=torch.float64)


def mean_example_norms(gradient: Tensor) -> Tensor:
    """[T, B, H] gradient of the batch-mean loss -> [T] float64 mean
    per-example L2 norm. The loss is the mean of B per-example losses, so
    each example's own gradient is B times its slice."""
    return row_norms(gradient).mean(dim=1) * gradient.shape[1]
