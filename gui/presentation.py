"""Presentation mode: full screen, plots only, for a projector (F11).

On a 1280×800 projector the controls dock, the table, the toolbar and the
menu bar take half the height the plots need to be read from the back of a
room. Presentation mode hides them all and goes full screen; the
notification bar, the preset caption and the one-line status bar stay, since
they say what is running and what went wrong. Every key keeps working: the
actions belong to the window, not to the hidden menus.

Leaving it restores exactly the layout before (``saveState``: docks, their
sizes, the toolbar) and the window state (normal, maximised).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QDockWidget, QMainWindow, QToolBar

from .actions import shortcut_action

translate = QCoreApplication.translate


class PresentationMode(QObject):
    """Owns the window's "Presentation mode" action (F11) and an Esc action
    that leaves it (the key everyone tries first in a full-screen window)."""

    changed = Signal(bool)

    def __init__(self, window: QMainWindow, full_screen: bool = True):
        """``full_screen`` False keeps the window's size (tests, screenshots)."""
        super().__init__(window)
        self.window = window
        self.full_screen = full_screen
        self._saved: tuple[QByteArray, Qt.WindowState] | None = None
        self.action = shortcut_action(
            window, translate("MainWindow", "Presentation mode"), Qt.Key.Key_F11,
            translate("MainWindow", "Full screen with the plots only, for a projector; again to leave"),
            lambda: self.set_active(self.action.isChecked()))
        self.action.setCheckable(True)
        self.leave_action = shortcut_action(
            window, translate("MainWindow", "Leave presentation mode"), Qt.Key.Key_Escape,
            translate("MainWindow", "Back to the window with controls and table"),
            lambda: self.set_active(False))
        self.leave_action.setEnabled(False)

    @property
    def saved_state(self) -> QByteArray | None:
        """While active: the window's layout before, which leaving restores."""
        return self._saved[0] if self._saved is not None else None

    @property
    def active(self) -> bool:
        return self._saved is not None

    def set_active(self, active: bool) -> None:
        if active == self.active:
            self.action.setChecked(active)
            return
        window = self.window
        if active:
            self._saved = (window.saveState(), window.windowState())
            for bar in (*window.findChildren(QDockWidget), *window.findChildren(QToolBar)):
                bar.hide()
            window.menuBar().hide()
            if self.full_screen:
                window.setWindowState(window.windowState() | Qt.WindowState.WindowFullScreen)
        else:
            state, window_state = self._saved
            self._saved = None
            window.menuBar().show()
            if self.full_screen:
                window.setWindowState(window_state)
            window.restoreState(state)
        self.action.setChecked(active)
        self.leave_action.setEnabled(active)
        self.changed.emit(active)
