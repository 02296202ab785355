"""``shortcut_action``: how GateLab makes an action, so that every one has a
shortcut and says it in its tooltip ("Start, pause or resume training (Space)")."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


def shortcut_action(owner: QWidget, text: str, shortcut: QKeySequence | str, tip: str,
                    slot: Callable[[], object]) -> QAction:
    """An action on ``owner`` (its shortcut works while ``owner`` is shown), with
    the shortcut in the tooltip and the tip in the status bar."""
    action = QAction(text, owner)
    action.setShortcut(QKeySequence(shortcut))
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(QCoreApplication.translate("MainWindow", "{0} ({1})").format(tip, keys))
    action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    owner.addAction(action)
    return action
