"""``NotificationCentre``: the one place where every error of the window goes.

Modelled on napari's notification manager. A failing view, an exception in a
Qt slot, a crashed cell and a broken plugin each become a ``Notification``
(severity, one line in plain words, the traceback on demand, where it came
from); the ``NotificationBar`` shows the newest. The centre holds no widget,
so any part of the window, or a test, can feed it or read it.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

ERROR, WARNING, INFO = "error", "warning", "info"
HELD = 50  # older notifications are forgotten: a bug that fires every frame cannot grow memory
LINE_LIMIT = 240  # characters of the one-line text; the rest is in the details


def one_line(text: str) -> str:
    """The first line of ``text``, shortened to fit the notification bar."""
    first = text.strip().splitlines()[0] if text.strip() else ""
    return first if len(first) <= LINE_LIMIT else first[:LINE_LIMIT - 1] + "…"


@dataclass(frozen=True)
class Notification:
    """What happened, in words first; ``details`` (usually a traceback) on demand."""

    severity: str  # ERROR, WARNING or INFO
    text: str
    details: str = ""
    source: str = ""  # a view, a cell, "Plugins": where to look


class NotificationCentre(QObject):
    """Holds the newest ``HELD`` notifications, newest last.

    ``notified(Notification)`` is emitted for each new one and ``dismissed``
    when one is removed. ``notify`` may be called from any thread (an
    exception hook runs in the thread that raised): Qt queues the signal to
    the widgets' thread.
    """

    notified = Signal(object)
    dismissed = Signal(object)

    def __init__(self, parent: QObject | None = None, held: int = HELD):
        super().__init__(parent)
        self.notifications: deque[Notification] = deque(maxlen=held)

    def notify(self, severity: str, text: str, details: str = "", source: str = "") -> Notification:
        notification = Notification(severity, one_line(text), details, source)
        self.notifications.append(notification)
        self.notified.emit(notification)
        return notification

    def dismiss(self, notification: Notification) -> None:
        if notification in self.notifications:
            self.notifications.remove(notification)
            self.dismissed.emit(notification)

    @property
    def newest(self) -> Notification | None:
        return self.notifications[-1] if self.notifications else None
