"""Task plugins in the window: usable ones join the task list, broken ones are
told in the notification area with file:line, as broken cell plugins are."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QToolButton
from test_panel_registry import open_window

from gui.notifications import ERROR
from plugin_host import CellSource, discover_builtins
from plugin_host.records import BROKEN
from plugin_host.task_messages import OptionMessage
from plugin_host.task_records import TaskRecord


def test_usable_task_plugins_are_offered_and_broken_ones_notified(qtbot):
    window = open_window(qtbot)
    good = TaskRecord(name="parity", origin="plugins/parity.py", description="parity of marked bits",
                      source=CellSource("file", "plugins/parity.py", "ParityTask"),
                      options=(OptionMessage("length", "100"), OptionMessage("marked", "2", "K", 1, 16)))
    bad = TaskRecord(name="Sign", origin="bad.py", status=BROKEN, file="bad.py", line=12,
                     reason="raised ZeroDivisionError: division by zero during a validation step")
    window.set_task_records([good, bad])
    combo = window.controls.task
    assert combo.findData("parity") >= 0 and combo.findData("Sign") < 0
    notification = window.notifications.newest
    assert notification.severity == ERROR and "Sign" in notification.text
    assert "bad.py:12" in notification.details and "ZeroDivisionError" in notification.details
    window.set_cell_records(discover_builtins())
    window.controls.cells.set_checked(("RNN",))
    combo.setCurrentIndex(combo.findData("parity"))
    spec = window.controls.spec()
    assert spec.task == "parity" and spec.task_source == ("file", "plugins/parity.py", "ParityTask")
    assert "marked" in window.controls._option_editors


def test_the_csv_task_takes_its_file_from_the_chooser_and_its_kind_from_a_list(qtbot, tmp_path, monkeypatch):
    data = tmp_path / "walks.csv"
    data.write_text("sequence,t,x,target\na,0,1,up\na,1,2,up\nb,0,3,down\n")
    window = open_window(qtbot)
    window.set_cell_records(discover_builtins())
    window.controls.cells.set_checked(("RNN",))
    combo = window.controls.task
    combo.setCurrentIndex(combo.findData("csv"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(data), "CSV files (*.csv)"))
    path = window.controls._option_editors["path"].widget
    qtbot.mouseClick(path.findChild(QToolButton), Qt.MouseButton.LeftButton)
    kind = window.controls._option_editors["kind"].widget
    kind.setCurrentIndex(kind.findData("regression"))
    assert window.controls.spec().task_options == {"path": str(data), "kind": "regression"}
