"""The capture's row norms: float32 speed, float64 range (training/norms.py).

A vanishing gradient's entries fall below 1e-19, where float32 squares are 0:
its norm must still read as float64 gives it, not 0."""

from __future__ import annotations

import math

import numpy as np
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from training.norms import mean_example_norms, row_norms


def float64_norms(values: torch.Tensor) -> np.ndarray:
    return torch.linalg.vector_norm(values.double(), dim=-1).numpy()


@settings(max_examples=60, deadline=None)
@given(exponents=st.lists(st.integers(-120, 120), min_size=1, max_size=12), seed=st.integers(0, 2**31 - 1))
def test_rows_of_any_float32_magnitude_read_as_float64_gives_them(exponents, seed):
    generator = torch.Generator().manual_seed(seed)
    rows = torch.randn(len(exponents), 64, generator=generator, dtype=torch.float64)
    rows *= torch.tensor([2.0**k for k in exponents], dtype=torch.float64)[:, None]
    values = rows.float()  # every entry a normal float32: 2^±120 times N(0, 1)
    got = row_norms(values)
    assert got.dtype == torch.float64
    np.testing.assert_allclose(got.numpy(), float64_norms(values), rtol=1e-6)


def test_a_vanishing_row_is_not_zero_and_inf_and_nan_pass_through():
    values = torch.stack([torch.full((64,), 1e-30), torch.full((64,), 1e25), torch.zeros(64),
                          torch.tensor([math.inf] + [0.0] * 63), torch.tensor([math.nan] + [1.0] * 63)])
    assert torch.linalg.vector_norm(values[0]) == 0  # what float32 alone gave
    got = row_norms(values)
    assert got[0].item() == float64_norms(values)[0] > 0
    assert math.isclose(got[1].item(), 8e25, rel_tol=1e-6) and got[2].item() == 0.0
    assert math.isinf(got[3].item()) and math.isnan(got[4].item())


def test_the_mean_example_norm_is_b_times_the_batch_mean_of_row_norms():
    gradient = torch.randn(5, 4, 3) * 1e-25
    expected = float64_norms(gradient).mean(axis=1) * 4
    np.testing.assert_allclose(mean_example_norms(gradient).numpy(), expected, rtol=1e-6)
    exact = torch.randn(5, 4, 3, dtype=torch.float64)  # a float64 run: float64 throughout
    np.testing.assert_array_equal(row_norms(exact).numpy(), float64_norms(exact))
