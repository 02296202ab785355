"""The lecture keys work whatever has focus; Enter in a number box commits it
and hands focus back; only a text field being typed in keeps its keys.

The window starts with no cell ticked, so Space and → fail at once with
"Cannot start" instead of spawning workers: what is tested is which action
the key reaches, not training.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from window_helpers import small_spec

KEYS = {"space": (Qt.Key.Key_Space, "start_action"), "right": (Qt.Key.Key_Right, "step_action"),
        "r": (Qt.Key.Key_R, "reset_action")}
# Widgets that would otherwise keep these keys (spin boxes) or act on them
# (check boxes toggle on Space, sliders move on →, lists search on R).
FOCUS = {
    "int spin box": lambda c: c.length,
    "float spin box": lambda c: c.recurrent_gain,
    "optional number": lambda c: c.clip.spin,
    "check box": lambda c: c.bidirectional,
    "combo box": lambda c: c.task,
    "slider": lambda c: c.lr.slider,
    "cell list": lambda c: c.cells,
}


@pytest.fixture
def window(make_window):
    window = make_window(small_spec(("RNN",)))
    window.controls.cells.set_checked([])  # a start fails at once: no workers in these tests
    return window


def focus(qtbot, widget) -> None:
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: widget.hasFocus() or widget.isAncestorOf(QApplication.focusWidget()))


@pytest.mark.parametrize("where", FOCUS)
@pytest.mark.parametrize("key", KEYS)
def test_the_window_keys_work_whatever_has_focus(qtbot, window, key, where):
    widget = FOCUS[where](window.controls)
    focus(qtbot, widget)
    code, action = KEYS[key]
    before = (window.controls.recurrent_gain.value(), window.controls.bidirectional.isChecked(),
              window.controls.lr.value())
    with qtbot.waitSignal(getattr(window, action).triggered, timeout=2000):
        qtbot.keyClick(QApplication.focusWidget(), code)
    after = (window.controls.recurrent_gain.value(), window.controls.bidirectional.isChecked(),
             window.controls.lr.value())
    assert after == before  # the key went to the window, not into the widget


def test_space_works_with_focus_in_a_number_box(qtbot, window):
    window.controls.cells.set_checked(["RNN"])
    focus(qtbot, window.controls.length)
    qtbot.keyClick(window.controls.length, Qt.Key.Key_Space)
    assert window.session.state in ("starting", "running")
    qtbot.keyClick(window.controls.length, Qt.Key.Key_Space)
    assert window.session.state == "paused"


def test_digits_type_into_a_number_box_and_enter_hands_focus_back(qtbot, window):
    box = window.controls.length
    focus(qtbot, box)
    box.selectAll()
    with qtbot.waitSignal(box.valueChanged):
        qtbot.keyClicks(box, "37")
    assert box.value() == 37 and window.session.state == "idle"  # no preset ran
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert box.value() == 37
    qtbot.waitUntil(lambda: not box.hasFocus())
    with qtbot.waitSignal(window.start_action.triggered, timeout=2000):
        qtbot.keyClick(window, Qt.Key.Key_Space)


def test_enter_commits_a_value_typed_without_keyboard_tracking(qtbot, window):
    box = window.controls.recurrent_gain
    box.setKeyboardTracking(False)  # then only Enter or leaving the box sets the value
    focus(qtbot, box)
    box.selectAll()
    qtbot.keyClicks(box, "3")
    assert box.value() == 1.0
    with qtbot.waitSignal(box.valueChanged):
        qtbot.keyClick(box, Qt.Key.Key_Enter)
    assert box.value() == 3.0


def test_a_text_field_keeps_its_keys(qtbot, window):
    field = QLineEdit()
    window.controls.layout().addWidget(field)
    focus(qtbot, field)
    with qtbot.assertNotEmitted(window.start_action.triggered), \
            qtbot.assertNotEmitted(window.reset_action.triggered):
        qtbot.keyClicks(field, "R 1")
    assert field.text() == "R 1"
