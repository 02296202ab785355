"""Every error of the window lands in one notification area, with its traceback
on demand: exceptions in Qt slots, failing views, failed cells, broken plugins."""

from __future__ import annotations

import sys

import pytest
from plugin_corpus import moody_plugins
from PySide6.QtCore import QTimer
from test_panel_registry import CountingPanel, open_window
from window_helpers import RAISE, WORKER_START, small_spec

from gui.notifications import ERROR
from gui.panels import BOTTOM, PANELS, PanelEntry, Place, PlotPanel
from gui.traceback_dialog import TracebackDialog
from plugin_host import BROKEN, WARNING, CellRecord


class FailingPanel(PlotPanel):
    """A test-only plot with a bug: every redraw raises."""

    export_name = "failing"

    def show_run(self, recorder) -> None:
        raise RuntimeError("a bug in one view")


def raise_in_a_slot() -> None:
    raise ValueError("raised where no caller can catch it")


def sources(window) -> list[str]:
    return [n.source for n in window.notifications.notifications]


@pytest.mark.qt_no_exception_capture  # else pytest-qt's hook, which ours calls too, fails the test
def test_an_exception_in_a_qt_slot_is_shown_with_its_traceback(qtbot):
    before = sys.excepthook
    window = open_window(qtbot)
    assert not window.notification_bar.isVisible()
    with qtbot.waitSignal(window.notifications.notified) as shown:
        QTimer.singleShot(0, raise_in_a_slot)
    notification = shown.args[0]
    assert notification.severity == ERROR and "raised where no caller can catch it" in notification.text
    assert "Traceback (most recent call last)" in notification.details
    assert "raise_in_a_slot" in notification.details
    bar = window.notification_bar
    assert bar.isVisible() and "raised where no caller can catch it" in bar.text.text()
    assert window.isVisible()  # the application lives on
    window.close()
    assert sys.excepthook == before  # the previous hook is back


def test_view_traceback_opens_the_details_and_dismiss_hides_the_bar(qtbot):
    window = open_window(qtbot)
    bar = window.notification_bar
    for action in (bar.traceback_action, bar.dismiss_action):
        assert not action.shortcut().isEmpty() and action.toolTip()
    window.notifications.notify(ERROR, "first", "details of the first", "here")
    window.notifications.notify(ERROR, "second", "Traceback: line 2 of the second", "there")
    assert "second" in bar.text.text() and "1" in bar.more.text()
    bar.traceback_action.trigger()
    dialog = next(w for w in bar.findChildren(TracebackDialog) if w.isVisible())
    qtbot.waitExposed(dialog)
    assert "Traceback: line 2 of the second" in dialog.text.toPlainText()
    dialog.close()
    bar.dismiss_action.trigger()
    assert "first" in bar.text.text() and not bar.more.text()
    bar.dismiss_action.trigger()
    assert not bar.isVisible() and not window.notifications.notifications


def test_a_failing_view_is_reported_once_and_the_others_still_draw(qtbot):
    panels = (*PANELS, PanelEntry("failing", FailingPanel, Place(BOTTOM, 1)),
              PanelEntry("counting", CountingPanel, Place(BOTTOM, 1)))
    window = open_window(qtbot, panels)  # building it draws once
    drawn = window.counting.drawn
    for _ in range(3):
        window.redraw()
        window.redraws.news()
    assert window.counting.drawn >= drawn + 3
    assert sources(window) == ["FailingPanel"]
    notification = window.notifications.newest
    assert "a bug in one view" in notification.text and "RuntimeError" in notification.details


def test_a_failed_cell_is_notified_with_its_name_and_traceback(qtbot, make_window, tmp_path):
    moody_plugins(tmp_path, "step", RAISE, after=0)  # fails at step 1
    window = make_window(small_spec(("Moody",), plugins=(str(tmp_path),)))
    window.start_or_pause()
    qtbot.waitUntil(lambda: "Moody" in sources(window), timeout=WORKER_START)
    notification = window.notifications.newest
    assert notification.severity == ERROR
    assert "Moody" in notification.text and "boom on purpose" in notification.text
    assert "raise RuntimeError" in notification.details  # the table's tooltip traceback


def test_broken_plugins_are_notified_once_with_reason_and_location(qtbot):
    window = open_window(qtbot)
    bad = CellRecord(name="Bad", origin="bad.py", status=BROKEN, reason="SyntaxError: invalid syntax",
                     file="bad.py", line=3)
    odd = CellRecord(name="Odd", origin="odd.py", status=WARNING, reason="no gradient to h(t-1)",
                     file="odd.py", line=7)
    window.set_cell_records([bad])
    window.set_cell_records([bad])  # a reload that changed nothing
    assert sources(window) == ["Plugins"]
    notification = window.notifications.newest
    assert notification.severity == ERROR and "Bad" in notification.text
    assert "bad.py:3" in notification.details and "SyntaxError: invalid syntax" in notification.details
    window.set_cell_records([bad, odd])  # only the new problem is told
    assert len(sources(window)) == 2
    newest = window.notifications.newest
    assert "Odd" in newest.text and "Bad" not in newest.text and "odd.py:7" in newest.details
