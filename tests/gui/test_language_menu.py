"""View ▸ Language: the choice is remembered and applies at the next start."""

from __future__ import annotations

from PySide6.QtCore import Qt
from window_helpers import small_spec

from gui.identity import LANGUAGES
from gui.settings import Settings


def test_choosing_korean_is_remembered_for_the_next_start(qtbot, make_window):
    window = make_window(small_spec(("RNN",)))
    assert set(window.language_actions) == set(LANGUAGES)
    assert window.language_actions["en"].isChecked()  # nothing stored, an English system
    for action in window.language_actions.values():
        assert action.shortcut().toString() and action.toolTip()
    ctrl_alt = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(window, Qt.Key.Key_K, ctrl_alt)
    assert Settings().language() == "ko"
    assert window.language_actions["ko"].isChecked() and not window.language_actions["en"].isChecked()
    assert "next start" in window.statusBar().currentMessage()
    assert make_window(small_spec(("RNN",))).language_actions["ko"].isChecked()  # as a new launch shows it

    window.language_actions["en"].trigger()
    assert Settings().language() == "en"
