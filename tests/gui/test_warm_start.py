"""Warm start: the window keeps workers with torch imported, so Start (and
Start after Reset, and a preset key) only sends them the spec."""

from __future__ import annotations

from window_helpers import WORKER_START, small_spec, wait_for_steps


def test_start_and_start_after_reset_take_warm_workers(qtbot, make_window):
    window = make_window(small_spec(("RNN", "GRU")))
    window.session.use_warm_workers(2)
    pool = window.session.pool
    for _ in range(2):  # the first Start, then Start after Reset
        qtbot.waitUntil(lambda: pool.warm_count() == 2, timeout=WORKER_START)
        warm = {spare.process.pid for spare in pool.spares}
        window.start_or_pause()
        assert {h.process.pid for h in window.session.supervisor.workers.values()} == warm
        wait_for_steps(qtbot, window, 3)
        window.reset()
        assert len(pool.spares) == 2 and not warm & {s.process.pid for s in pool.spares}
    window.close()
    assert pool.closed and not pool.spares
