"""Replaying a preset's recording: the scenario as it was trained once,
for a lecture without time (or a laptop without the speed) to train it live.

Why a replay and not a faster training: a recording always takes the same
turn, starts at once and costs no CPU. It opens as File ▸ Open does (the
timeline, every plot, the table), starts at its first step and plays back at
the pace it trained at, with the preset's caption above the plots, so the
lecture looks as if it trained live; the timeline's keys then work as for
any opened run (Space pauses, ← → step, [ ] change the speed).

Keys: Shift+1 … Shift+9 replay the recording of the preset on 1 … 9; Run ▸
Presets lists "Replay: …" for every preset that has one.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QMenu

from training.run_archive import load_run

from .actions import shortcut_action
from .notifications import ERROR
from .presets import Preset

translate = QCoreApplication.translate


def replay_recording(window: QMainWindow, preset: Preset) -> bool:
    """Open ``preset``'s recording in ``window`` and play it from its first
    step; False (with one message, the window unchanged) when it cannot be read."""
    if preset.recording is None:
        return False
    try:
        recorder = load_run(preset.recording)
    except ValueError as error:
        window.notifications.notify(ERROR, translate("MainWindow", "Cannot replay {0}: {1}").format(
            preset.title, error), source=preset.file)
        return False
    window.show_saved_run(recorder, translate("MainWindow", "{0} (recording)").format(preset.title))
    window.caption.choose(preset, recorder.spec)
    window.caption.show_for(recorder.spec)
    window.timeline.go_first()
    window.timeline.play()
    return True


def add_replay_actions(window: QMainWindow, menu: QMenu) -> None:
    """"Replay: TITLE" in ``menu`` for every preset of ``window`` with a
    recording, Shift+its key (1–9), as ``window.replay_actions``."""
    window.replay_actions = []
    for number, preset in enumerate(window.presets, start=1):
        if preset.recording is None:
            continue
        window.replay_actions.append(shortcut_action(
            window, translate("MainWindow", "Replay: {0}").format(preset.title),
            f"Shift+{number}" if number < 10 else "",
            translate("MainWindow", "Play the recorded run of this preset instead of training it: "
                                    "it starts at once and takes the same turn every time"),
            lambda preset=preset: replay_recording(window, preset)))
    if window.replay_actions:
        menu.addSeparator()
        menu.addActions(window.replay_actions)

