"""A cell that raises, hangs, or a window closed mid-run never takes the rest down."""

from __future__ import annotations

import multiprocessing
import time

from plugin_corpus import moody_plugins
from window_helpers import CORPUS, RAISE, end_of_children, small_spec, steps_of, wait_for_steps


def test_a_raising_cell_shows_its_error_while_the_others_train(qtbot, make_window, tmp_path):
    moody_plugins(tmp_path, "step", RAISE, after=25)  # fails at step 3
    window = make_window(small_spec(("RNN", "Moody"), plugins=(str(tmp_path),)))
    window.start_or_pause()
    qtbot.waitUntil(lambda: window.session.recorder.cells["Moody"].status == "error", timeout=90_000)
    failed_at = steps_of(window)["RNN"]
    wait_for_steps(qtbot, window, failed_at + 3, cells=("RNN",))
    window.redraw()
    status = window.table.item(1, 6).text()
    assert status.startswith("error") and "boom on purpose" in status
    assert "moody.py" in status  # file:line of the plugin
    tooltip = window.table.item(1, 6).toolTip()
    assert "Traceback (most recent call last)" in tooltip and "raise RuntimeError" in tooltip
    assert window.table.item(0, 6).text() == "running"


def test_reset_stops_a_hanging_cell_at_once(qtbot, make_window, tmp_path):
    (tmp_path / "stuck.py").write_text((CORPUS / "loop_in_forward.py").read_text())  # "Spinner"
    window = make_window(small_spec(("RNN", "Spinner"), plugins=(str(tmp_path),)), step_timeout=60)
    window.start_or_pause()
    wait_for_steps(qtbot, window, 2, cells=("RNN",))  # both workers are up, Spinner is stuck
    assert window.session.recorder.cells["Spinner"].steps == 0
    spinner = window.session.supervisor.workers["Spinner"].process
    started = time.monotonic()
    window.reset()
    # Reset asks, then terminates: it must not wait for the step (which never
    # ends) nor for the 60 s time limit. Its own budget is about 1.3 s; 10 s
    # is slack for a loaded machine, far below either.
    assert time.monotonic() - started < 10
    assert None not in end_of_children().values()
    spinner.join(30)  # returns at once: it has ended
    assert spinner.exitcode is not None and spinner.exitcode < 0  # by a signal: it could not obey "stop"


def test_closing_mid_run_leaves_no_child_process(qtbot, make_window):
    window = make_window(small_spec(("RNN", "GRU")))
    window.start_or_pause()
    wait_for_steps(qtbot, window, 1)
    assert multiprocessing.active_children()
    window.close()
    assert None not in end_of_children().values()
