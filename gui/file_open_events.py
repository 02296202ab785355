"""Files the desktop hands to a running GateLab: macOS's "open" event.

Finder passes a double-clicked ``.gatelab`` file (or one dropped on the
Dock icon) to the application as ``QEvent.FileOpen``, not as a command-line
argument as Linux and Windows do, both at launch and while GateLab runs.
This filter shows it in the window, as File ▸ Open would, and a file that
can't be read is one message in the notification bar, never an exception.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QFileOpenEvent

from .notifications import ERROR


class FileOpenEvents(QObject):
    """Installed on the application; ``window`` is the ``MainWindow``."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() != QEvent.Type.FileOpen or not isinstance(event, QFileOpenEvent):
            return False
        path = Path(event.file())
        try:
            self.window.open_run(path)
        except (OSError, ValueError) as error:
            self.window.notifications.notify(
                ERROR, QCoreApplication.translate("FileOpenEvents", "Could not open {0}").format(path.name),
                str(error), QCoreApplication.translate("FileOpenEvents", "Files"))
        return True
