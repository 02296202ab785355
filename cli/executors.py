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

Dask (the ``[cluster]`` extra) is imported only when asked for. ``run_jobs``
is the one way sweeps and grading use it: jobs lost with a dead worker
process run again, and a job that still fails is its own result, nobody else's.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import CancelledError, Executor, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TypeVar

from plugin_host.lifeline import exit_with_parent
from plugin_host.spawning import main_script_hidden

R = TypeVar("R")
RETRIES = 2  # further tries of a job whose worker died (or, on a cluster, that raised)


def add_cluster_arguments(parser: argparse.ArgumentParser, jobs: str, default_workers: str) -> None:
    """``--cluster`` and ``--workers``, the same for every command that runs jobs."""
    parser.add_argument("--cluster", metavar="local|tcp://HOST:PORT",
                        help=f"run the {jobs} on a Dask cluster: 'local' starts one on this machine, "
                             "tcp://HOST:PORT uses a running scheduler (needs the [cluster] extra); "
                             "default: a local process pool")
    parser.add_argument("--workers", type=int, metavar="N",
                        help=f"jobs at once (default: {default_workers})")


def job_workers(cluster: str | None, workers: int | None, cells_per_job: int) -> int:
    """``workers`` if given; else 2 for a local cluster (each worker is a
    process of its own, heavy to start), and for the pool the cores ÷ the
    cells each job trains (each in a process of its own), at least 1."""
    if workers:
        return workers
    return 2 if cluster == "local" else max(1, (os.cpu_count() or 1) // max(1, cells_per_job))


@contextmanager
def executor_for(cluster: str | None, workers: int) -> Iterator[Executor]:
    """An executor for ``cluster`` (see the module doc); closed afterwards.
    Raises ValueError in words if Dask is asked for but not installed. Its
    processes start at any time (a pool at a submit, a cluster's workers when
    they restart): they run GateLab's jobs, never the caller's script."""
    with main_script_hidden():
        if cluster is None:
            spawn = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(max_workers=workers, mp_context=spawn, initializer=exit_with_parent,
                                     initargs=(os.getpid(),)) as pool:  # none outlives a killed caller
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
                    yield client.get_executor(retries=RETRIES)
            else:
                with Client(cluster) as client:
                    yield client.get_executor(retries=RETRIES)


@dataclass(frozen=True)
class JobFailed:
    """In a job's place when it could not be run: it raised on every try, or
    its worker process died every time (a cluster gives up on a job after its
    workers died ``distributed.scheduler.allowed-failures`` + 1 times)."""

    reason: str


def run_jobs(function: Callable[..., R], jobs: Sequence[tuple], cluster: str | None, workers: int,
             on_done: Callable[[int, R | JobFailed], None] = lambda index, result: None,
             stopping: Callable[[], bool] = lambda: False) -> list[R | JobFailed]:
    """``function(*job)`` for every job on ``cluster``'s executor; the results
    in the jobs' order, whatever order they finish in (``on_done`` hears each
    as it finishes). A job whose worker process dies runs again: a cluster's
    scheduler reschedules it, and a local pool, broken by the death of any of
    its processes, is replaced by a new one for the jobs without a result, at
    most ``RETRIES`` times. A job that raises is tried ``RETRIES`` more times
    on a cluster. Whatever still fails is that job's ``JobFailed``, never
    another job's: one bad job does not end the others. Once ``stopping()``
    says so (asked after each job), jobs not yet started are cancelled."""
    results: dict[int, R | JobFailed] = {}
    for _attempt in range(RETRIES + 1):
        with executor_for(cluster, workers) as executor:
            futures = {executor.submit(function, *jobs[index]): index
                       for index in range(len(jobs)) if index not in results}
            for future in as_completed(futures):
                try:
                    result = future.result()
                except CancelledError:
                    continue  # stopped before it started
                except BrokenProcessPool:
                    continue  # a pool process died (this job's or another's): run it on a new pool
                except Exception as error:  # noqa: BLE001 (a job's failure is its own result)
                    result = JobFailed(f"{type(error).__name__}: {error}")
                results[futures[future]] = result
                on_done(futures[future], result)
                if stopping():
                    for waiting in futures:
                        waiting.cancel()  # running ones go on: they stop themselves on the signal
        if len(results) == len(jobs) or stopping():
            break
    for index in range(len(jobs)):
        if index not in results:
            results[index] = JobFailed("not run: stopped" if stopping() else
                                       f"its worker process died on each of {RETRIES + 1} tries")
            on_done(index, results[index])
    return [results[index] for index in range(len(jobs))]
