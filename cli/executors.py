"""Where a sweep's or a grading's jobs run: one code path, two backends.

Each job is a plain function of plain arguments (``concurrent.futures``
style), so the same jobs run in a local process pool or on a Dask
distributed cluster:

- ``None``: a local pool of ``workers`` processes (default: cores ÷ cells per
  job, at least 1; each job trains its cells in worker processes of its own);
- ``"local"``: a Dask ``LocalCluster`` on this machine (``workers`` processes);
- ``"tcp://HOST:PORT"``: an existing Dask scheduler. Its workers need GateLab
  installed, and ``distributed.worker.daemon: false`` in their Dask config, so
  that a job may start the worker processes its cells train in.

Dask (the ``[cluster]`` extra) is imported only when asked for.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager

from plugin_host.spawning import main_script_hidden


def local_workers(cells_per_job: int) -> int:
    return max(1, (os.cpu_count() or 1) // max(1, cells_per_job))


@contextmanager
def executor_for(cluster: str | None, workers: int) -> Iterator[Executor]:
    """An executor for ``cluster`` (see the module doc); closed afterwards.
    Raises ValueError in words if Dask is asked for but not installed. Its
    processes start at any time (a pool at a submit, a cluster's workers when
    they restart): they run GateLab's jobs, never the caller's script."""
    with main_script_hidden():
        if cluster is None:
            spawn = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(max_workers=workers, mp_context=spawn) as pool:
                yield pool
            return
        try:
            import dask
            from distributed import Client, LocalCluster
        except ImportError:
            raise ValueError("--cluster needs Dask: pip install -e '.[cluster]'") from None
        with dask.config.set({"distributed.worker.daemon": False}):  # jobs start processes of their own
            if cluster == "local":
                with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as local, Client(local) as client:
                    yield client.get_executor()
            else:
                with Client(cluster) as client:
                    yield client.get_executor()
