"""The timeline's actions: ← back, Home/End, replay (P) and its speed ([ ]),
and File ▸ Export animation… (Ctrl+Shift+A), which renders the timeline.

→ stays the window's Step action (``main_window.step``), which moves the
timeline on while it is not at its end and trains one step at the end of a
paused live run; Space replays a finished or opened run (``start_or_pause``).
Kept out of ``window_actions`` so that the timeline's wiring is one module;
the texts are in the "MainWindow" translation context like the others.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMainWindow

from .actions import shortcut_action
from .animation_export import export_animation
from .timeline_bar import TimelineBar

translate = QCoreApplication.translate


def build_timeline_actions(window: QMainWindow, bar: TimelineBar) -> None:
    """Give ``window`` ``step_back_action``, ``first_step_action``,
    ``last_step_action``, ``replay_action``, ``slower_action`` and
    ``faster_action``, listed in its Run menu (``window.run_menu``), and
    ``export_animation_action`` after the exports of its File menu (``window.file_menu``)."""
    window.step_back_action = shortcut_action(
        window, translate("MainWindow", "Step back"), Qt.Key.Key_Left,
        translate("MainWindow", "Show the previous recorded step in every plot"), lambda: bar.step_by(-1))
    window.first_step_action = shortcut_action(
        window, translate("MainWindow", "First step"), Qt.Key.Key_Home,
        translate("MainWindow", "Show the first recorded step in every plot"), bar.go_first)
    window.last_step_action = shortcut_action(
        window, translate("MainWindow", "Newest step"), Qt.Key.Key_End,
        translate("MainWindow", "Show the last recorded step; a live run is followed again"), bar.go_last)
    window.replay_action = shortcut_action(
        window, translate("MainWindow", "Replay"), Qt.Key.Key_P,
        translate("MainWindow", "Play the recording back from the step shown, or stop playing "
                                "(Space does it too once a run has finished or was opened)"),
        bar.toggle_playback)
    window.replay_action.setCheckable(True)
    bar.playing_changed.connect(window.replay_action.setChecked)
    window.slower_action = shortcut_action(
        window, translate("MainWindow", "Slower replay"), Qt.Key.Key_BracketLeft,
        translate("MainWindow", "Replay at the next lower speed (0.5×, 1×, 4×, 16×)"),
        lambda: bar.change_speed(-1))
    window.faster_action = shortcut_action(
        window, translate("MainWindow", "Faster replay"), Qt.Key.Key_BracketRight,
        translate("MainWindow", "Replay at the next higher speed (0.5×, 1×, 4×, 16×)"),
        lambda: bar.change_speed(1))
    window.export_animation_action = shortcut_action(
        window, translate("MainWindow", "Export animation…"), "Ctrl+Shift+A",
        translate("MainWindow", "Write the gradient through time over training as an MP4 or GIF "
                                "for slides (PNG frames without an encoder)"),
        lambda: export_animation(window))
    actions = [window.step_back_action, window.first_step_action, window.last_step_action,
               window.replay_action, window.slower_action, window.faster_action]
    bar.set_actions([*actions, window.export_animation_action])
    _add_after(getattr(window, "file_menu", None), getattr(window, "export_data_action", None),
               window.export_animation_action)
    bar.play_button.setDefaultAction(window.replay_action)
    run_menu = getattr(window, "run_menu", None)
    if run_menu is not None:
        run_menu.addSeparator()
        run_menu.addActions(actions)


def _add_after(menu, before, action) -> None:
    """Put ``action`` right after ``before`` in ``menu`` (at the end if it is not there)."""
    if menu is None:
        return
    entries = menu.actions()
    following = entries[entries.index(before) + 1] if before in entries[:-1] else None
    if following is not None:
        menu.insertAction(following, action)
    else:
        menu.addAction(action)
