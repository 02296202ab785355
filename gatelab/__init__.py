"""GateLab from Python: a notebook, a script, a cluster job.

    import gatelab
    run = gatelab.train(task="adding", length=100, cells=["RNN", "LSTM", "GRU"], steps=1500)
    run.gradients("LSTM")        # [captured steps, T] of ‖∂ℓ/∂h_t‖
    run.summary()                # a table (shown as HTML in Jupyter)
    run.plot()                   # a figure (shown inline in Jupyter)
    again = gatelab.open("runs/demo")
    table = gatelab.sweep(lengths=[25, 50, 100], seeds=3, steps=500)  # a paper's table

Training runs in worker processes, one per cell, exactly as in the window and
the CLI (plugin code never runs in the caller's process), and works with or
without an ``if __name__ == "__main__":`` guard. See docs/NOTEBOOK.md.
"""

from __future__ import annotations

from .display import Figure, Table
from .headless import available_cells, available_tasks, open, sweep, train
from .runs import Run, Sweep

__all__ = ["Figure", "Run", "Sweep", "Table", "available_cells", "available_tasks", "open", "sweep", "train"]
