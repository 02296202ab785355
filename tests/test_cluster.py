"""One code path, two backends: a sweep's jobs on the local process pool and
on a real Dask LocalCluster (scheduler and worker processes on localhost)
give the same results for the same seeds."""

from __future__ import annotations

import pytest

import gatelab

SMALL = {"lengths": [6, 8], "cells": ["RNN", "GRU"], "seeds": 2, "steps": 6, "hidden": 8, "batch": 4}


@pytest.mark.timeout(600)
def test_a_sweep_on_a_local_dask_cluster_equals_the_local_pool(tmp_path):
    pytest.importorskip("distributed")
    pool = gatelab.sweep(out=tmp_path / "pool", **SMALL)
    cluster = gatelab.sweep(out=tmp_path / "cluster", cluster="local", workers=2, **SMALL)

    def results(sweep):
        return {(r["cell"], r["length"], r["seed"]): (r["final_loss"], r["steps"], r["status"])
                for r in sweep.rows}

    assert results(pool) == results(cluster)
    assert len(results(pool)) == 8 and {status for _, _, status in results(pool).values()} == {"done"}
