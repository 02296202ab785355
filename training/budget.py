"""How much memory a run will need, estimated before anything is built.

A hidden or batch size too big to allocate otherwise fails deep inside torch
in every worker (or gets a worker killed by the kernel) after the run has
started and written its folder. ``memory_problem`` refuses such a spec up
front, with a number the user can act on. The estimate is deliberately rough
and on the high side for the built-ins (an LSTM, the largest, has four gates);
a plugin that needs far more still fails as that cell's error.
"""

from __future__ import annotations

import os

from .spec import RunSpec

GATES = 4                 # the LSTM's four gates: the most any built-in cell has
PARAMETER_COPIES = 4      # weights, gradients and Adam's two moments
FLOATS_PER_UNIT_STEP = 12 # gates, states and their gradients kept for backprop through time


def estimated_bytes(spec: RunSpec, input_size: int) -> int:
    """A rough upper estimate of the memory of all cells of ``spec`` together."""
    width = 8 if spec.dtype == "float64" else 4
    directions = 2 if spec.bidirectional else 1
    below = [input_size] + [spec.hidden * directions] * (spec.layers - 1)  # each layer's input size
    weights = sum(GATES * spec.hidden * (size + spec.hidden + 2) for size in below) * directions
    activations = spec.batch * spec.length * spec.hidden * spec.layers * directions * FLOATS_PER_UNIT_STEP
    return len(spec.cells) * width * (PARAMETER_COPIES * weights + activations)


def available_bytes() -> int | None:
    """This machine's memory, or the process's address-space limit if lower;
    None where the platform does not say."""
    try:
        import resource

        physical = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
        limit = resource.getrlimit(resource.RLIMIT_AS)[0]
    except (ImportError, AttributeError, ValueError, OSError):
        return None
    return physical if limit == resource.RLIM_INFINITY else min(physical, limit)


def memory_problem(spec: RunSpec, input_size: int) -> str | None:
    """Why ``spec`` cannot fit in memory, in words, or None."""
    needed, available = estimated_bytes(spec, input_size), available_bytes()
    if available is None or needed <= available:
        return None
    return (f"this run needs about {needed / 2 ** 30:,.1f} GiB of memory (hidden {spec.hidden}, "
            f"layers {spec.layers}, batch {spec.batch}, T {spec.length}, {len(spec.cells)} cells); "
            f"this machine has {available / 2 ** 30:,.1f} GiB")
