"""Help on every plot ("?" and the Help menu, in English and Korean) and the
first-launch hint that names the keys once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from window_helpers import small_spec

from gui.i18n import install_translators, remove_translators
from gui.panels import PANELS
from gui.panels.help import TOPICS, HelpDialog
from gui.settings import Settings

CELLS = ("RNN", "LSTM")


def open_dialogs(window) -> list[HelpDialog]:
    return [d for d in window.findChildren(HelpDialog) if d.isVisible()]


def test_every_panel_has_a_help_button_that_explains_it(qtbot, make_window):
    window = make_window(small_spec(CELLS))
    window.more_views_action.trigger()  # the third row's panels too
    for entry, panel in zip(PANELS, window.panels, strict=True):
        assert panel.help_topic in TOPICS, entry.key
        button = panel.help_button
        assert button.isVisible() and button.toolTip()
        assert button.focusPolicy() == Qt.FocusPolicy.NoFocus  # Space stays with the window
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        dialog = open_dialogs(window)[-1]
        text = dialog.browser.toPlainText()
        for part in ("What it shows.", "How to read it.", "What to look for."):
            assert part in text
        assert TOPICS[panel.help_topic].title in text
        dialog.close()
    assert "falls by orders of magnitude towards t = 1" in \
        TOPICS["gradient_time"].html()


def test_help_menu_opens_all_topics_and_each_one(qtbot, make_window):
    window = make_window(small_spec(CELLS))
    qtbot.keyClick(window, Qt.Key.Key_F1)
    text = open_dialogs(window)[-1].browser.toPlainText()
    assert all(topic.title in text for topic in TOPICS.values())
    open_dialogs(window)[-1].close()
    assert len(window.topic_help_actions) == len(TOPICS)
    for action, topic in zip(window.topic_help_actions, TOPICS.values(), strict=True):
        assert action.text() == topic.title and not action.shortcut().isEmpty()
        action.trigger()
        dialog = open_dialogs(window)[-1]
        assert dialog.windowTitle() == topic.title
        dialog.close()


def test_help_is_korean_in_the_korean_interface(qapp, make_window):
    translators = install_translators(qapp, "ko")
    try:
        window = make_window(small_spec(CELLS))
        window.gradient_time.help_button.click()
        text = open_dialogs(window)[-1].browser.toPlainText()
        assert "기울기 소실(vanishing gradient)" in text
        assert "무엇을 보여 주나" in text
        assert window.help_action.text() == "그래프 도움말"
    finally:
        remove_translators(qapp, translators)


# ---- the first-launch hint --------------------------------------------------------------
def test_first_launch_hint_is_shown_once(qtbot, make_window):
    window = make_window(small_spec(CELLS))
    hint = window.hint
    assert hint.isVisible()
    for key in ("Space", "1", "9", "F11"):
        assert key in hint.label.text()
    assert hint.button.focusPolicy() == Qt.FocusPolicy.NoFocus
    qtbot.mouseClick(hint.button, Qt.MouseButton.LeftButton)
    assert not hint.isVisible()
    assert Settings().hint_seen()
    again = make_window(small_spec(CELLS))
    assert not again.hint.isVisible()  # never shown again on its own
    qtbot.keyClick(again, Qt.Key.Key_F1, Qt.KeyboardModifier.ShiftModifier)
    assert again.hint.isVisible()


def test_starting_dismisses_the_hint(qtbot, make_window):
    window = make_window(small_spec(("RNN",)))
    assert window.hint.isVisible()
    window._on_state_changed("running")
    assert not window.hint.isVisible() and Settings().hint_seen()


@pytest.mark.parametrize("size", [(1280, 800), (640, 480)])
def test_hint_stays_inside_the_plot_area(qtbot, make_window, size):
    window = make_window(small_spec(("RNN",)))
    window.resize(*size)
    qtbot.waitUntil(lambda: window.centralWidget().width() <= size[0])
    qtbot.wait(10)
    area = window.centralWidget().rect()
    assert area.contains(window.hint.geometry())
