"""The main window's actions, its menus (File, Run with Presets, View, Help)
and the run toolbar.

Kept out of ``main_window`` so that the window holds state and behaviour
while this module holds the wiring of what can be pressed: every action gets
a shortcut and a tooltip that names it (``shortcut_action``). The texts stay
in the "MainWindow" translation context, where the catalogue has them.

The window is typed as ``QMainWindow`` because ``main_window`` imports this
module; ``build_actions`` expects its slots (``start_or_pause``, ``step``,
``reset``, ``run_preset``, ``reset_settings``, ``set_time_axis``, ``set_theme``,
``close``),
``presets``, ``file_dialogs``, ``hint`` and the docks ``controls_dock`` and
``table_dock``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QToolBar

from .actions import shortcut_action
from .panels.help import TOPICS, show_help
from .presentation import PresentationMode
from .preset_replay import add_replay_actions
from .presets import Preset
from .view_options import build_view_options

translate = QCoreApplication.translate


def build_actions(window: QMainWindow) -> None:
    """Give ``window`` its actions (``start_action``, ``step_action``,
    ``reset_action``, ``open_action``, ``open_file_action``, ``save_action``,
    ``save_file_action``, ``export_plots_action``,
    ``export_data_action``, ``quit_action``, ``preset_actions``), ``presentation``,
    menus (``view_menu``) and toolbar."""
    window.start_action = shortcut_action(
        window, translate("MainWindow", "Start"), Qt.Key.Key_Space,
        translate("MainWindow", "Start, pause or resume training"), window.start_or_pause)
    window.step_action = shortcut_action(
        window, translate("MainWindow", "Step"), Qt.Key.Key_Right,
        translate("MainWindow", "Train exactly one more step, then pause; while the timeline "
                                "shows an earlier step: the next recorded step"), window.step)
    window.reset_action = shortcut_action(
        window, translate("MainWindow", "Reset"), Qt.Key.Key_R,
        translate("MainWindow", "Stop the workers and clear the plots; the next "
                                "Start uses the current settings"), window.reset)
    window.open_action = shortcut_action(
        window, translate("MainWindow", "Open run…"), "Ctrl+O",
        translate("MainWindow", "Open a saved comparison with every plot"), window.file_dialogs.open_run)
    window.save_action = shortcut_action(
        window, translate("MainWindow", "Save run…"), "Ctrl+S",
        translate("MainWindow", "Save this comparison (JSON, CSV, NPZ)"), window.file_dialogs.save_run)
    window.open_file_action = shortcut_action(
        window, translate("MainWindow", "Open .gatelab file…"), "Ctrl+Alt+O",
        translate("MainWindow", "Open a run saved as one .gatelab file (a lecturer's demo file)"),
        window.file_dialogs.open_run_file)
    window.save_file_action = shortcut_action(
        window, translate("MainWindow", "Save run as .gatelab…"), "Ctrl+Shift+S",
        translate("MainWindow", "Save this comparison as one .gatelab file, to hand around or "
                                "bundle with a preset"), window.file_dialogs.save_run_file)
    window.export_plots_action = shortcut_action(
        window, translate("MainWindow", "Export plots as PNG…"), "Ctrl+E",
        translate("MainWindow", "Write every plot as a PNG at a chosen width"),
        window.file_dialogs.export_plots)
    window.export_data_action = shortcut_action(
        window, translate("MainWindow", "Export data as CSV/NPZ…"), "Ctrl+Shift+E",
        translate("MainWindow", "Write the metrics (CSV) and gradients (NPZ) in the CLI's formats"),
        window.file_dialogs.export_data)
    window.quit_action = shortcut_action(
        window, translate("MainWindow", "Quit"), "Ctrl+Q",
        translate("MainWindow", "Stop training and close GateLab"), window.close)
    window.reset_settings_action = shortcut_action(
        window, translate("MainWindow", "Reset settings…"), "Ctrl+Shift+Del",
        translate("MainWindow", "Forget the remembered language, scale, theme, layout, last preset "
                                "and folder (asks first)"), window.reset_settings)
    window.time_axis_action = shortcut_action(
        window, translate("MainWindow", "Time axis: seconds"), Qt.Key.Key_T,
        translate("MainWindow", "Draw loss and metric against seconds since Start instead of "
                                "training steps: fair to cells of different speed"),
        lambda: window.set_time_axis("seconds" if window.time_axis_action.isChecked() else "step"))
    window.time_axis_action.setCheckable(True)
    window.presentation = PresentationMode(window)
    window.presentation.changed.connect(lambda active: [p.set_compact(active) for p in window.panels])
    _build_help_actions(window)
    _build_menus(window)
    _build_toolbar(window)


def _build_menus(window: QMainWindow) -> None:
    files = window.file_menu = window.menuBar().addMenu(translate("MainWindow", "&File"))
    for action in (window.open_action, window.open_file_action, window.save_action, window.save_file_action,
                   None, window.export_plots_action,
                   window.export_data_action, None, window.reset_settings_action, None,
                   window.quit_action):
        files.addSeparator() if action is None else files.addAction(action)
    run = window.run_menu = window.menuBar().addMenu(translate("MainWindow", "&Run"))
    for action in (window.start_action, window.step_action, window.reset_action):
        run.addAction(action)
    presets = run.addMenu(translate("MainWindow", "Presets"))
    window.preset_actions = [_preset_action(window, number, preset)
                             for number, preset in enumerate(window.presets, start=1)]
    presets.addActions(window.preset_actions)
    add_replay_actions(window, presets)
    window.view_menu = window.menuBar().addMenu(translate("MainWindow", "&View"))
    window.view_menu.addAction(window.presentation.action)
    window.view_menu.addAction(window.time_axis_action)
    build_view_options(window)  # Dark theme, Language
    window.view_menu.addSeparator()
    for dock in (window.controls_dock, window.table_dock):
        add_view_toggle(window.view_menu, dock)
    help_menu = window.menuBar().addMenu(translate("MainWindow", "&Help"))
    help_menu.addAction(window.help_action)
    help_menu.addActions(window.topic_help_actions)
    help_menu.addSeparator()
    help_menu.addAction(window.keys_hint_action)


def _build_help_actions(window: QMainWindow) -> None:
    """F1: help on every view at once; Alt+1, Alt+2, …: one view each (the
    digits alone run presets); Shift+F1: the first-launch hint again."""
    window.help_action = shortcut_action(
        window, translate("MainWindow", "Help on the plots"), Qt.Key.Key_F1,
        translate("MainWindow", "What every plot and the table show, how to read them and "
                                "what to look for"), lambda: show_help(window))
    window.topic_help_actions = [
        shortcut_action(window, QCoreApplication.translate("PlotHelp", topic.title), f"Alt+{number}",
                        translate("MainWindow", "What this view shows, how to read it and what to "
                                                "look for"),
                        lambda key=key: show_help(window, [key]))
        for number, (key, topic) in enumerate(TOPICS.items(), start=1)]
    window.keys_hint_action = shortcut_action(
        window, translate("MainWindow", "Show the keys"), "Shift+F1",
        translate("MainWindow", "Show the hint with the keys of the first launch again"),
        lambda: window.hint.show_now())


def _preset_action(window: QMainWindow, number: int, preset: Preset) -> QAction:
    """Keys ``number`` and Ctrl+``number`` (1–9) load the preset and start it:
    the bare digit for a lecturer at the keyboard, Ctrl for a presenter
    remote or muscle memory from earlier versions. Presets beyond 9 are in
    the menu only."""
    keys = [str(number), f"Ctrl+{number}"] if number < 10 else []
    action = shortcut_action(window, preset.title, keys[0] if keys else "",
                             preset.description, lambda: window.run_preset(preset))
    if keys:
        action.setShortcuts([QKeySequence(key) for key in keys])
        shown = ", ".join(sequence.toString(QKeySequence.SequenceFormat.NativeText)
                          for sequence in action.shortcuts())
        action.setToolTip(translate("MainWindow", "{0} ({1})").format(
            translate("MainWindow", "Load and start: {0}").format(preset.description), shown))
    return action


def _build_toolbar(window: QMainWindow) -> None:
    toolbar = QToolBar(translate("MainWindow", "Run"))
    toolbar.setObjectName("run toolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    toolbar.setMovable(False)
    for action in (window.start_action, window.step_action, window.reset_action):
        toolbar.addAction(action)
    toolbar.addSeparator()
    for action in (window.open_action, window.save_action, window.export_plots_action,
                   window.export_data_action):
        toolbar.addAction(action)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)


def add_view_toggle(view_menu: QMenu, dock: QDockWidget) -> None:
    """Show/hide a dock from the View menu, with F2, F3, … as shortcuts
    (numbered among the dock toggles only, so other View entries shift none)."""
    action = dock.toggleViewAction()
    docks = [a for a in view_menu.actions() if isinstance(a.parent(), QDockWidget)]
    action.setShortcut(QKeySequence(f"F{2 + len(docks)}"))
    action.setToolTip(translate("MainWindow", "Show or hide {0} ({1})").format(
        dock.windowTitle(), action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)))
    view_menu.addAction(action)
