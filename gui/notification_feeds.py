"""Error sources that have no widget of their own, fed into the ``NotificationCentre``.

- ``UncaughtExceptions``: an exception raised in a Qt slot reaches nobody's
  ``except``; PySide hands it to ``sys.excepthook``, where it would only be
  printed. Installed, it becomes an error notification with its traceback.
- ``PluginNotices``: discovery reports broken plugins on every reload; the
  user hears about a problem once, when it appears, not on every save.

(A failing view and a failed cell are fed by the window, which owns the
redraw scheduler and the session.)
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Sequence
from types import TracebackType

from PySide6.QtCore import QCoreApplication

from plugin_host import BROKEN, HELPER, OK, CellRecord

from .notifications import ERROR, WARNING, NotificationCentre
from .reason_words import reason_text

translate = QCoreApplication.translate


class UncaughtExceptions:
    """``sys.excepthook`` while installed; ``uninstall`` puts the previous one back.

    The previous hook still runs after the notification: it prints the
    traceback to stderr, and under pytest-qt it fails the test, so a bug in
    a slot never hides in a notification nobody reads. Either way the window
    keeps running: an exception in a slot ends that slot, not the application.
    """

    def __init__(self, centre: NotificationCentre):
        self.centre = centre
        self._previous = sys.excepthook

    def install(self) -> None:
        self._previous = sys.excepthook
        sys.excepthook = self._hook

    def uninstall(self) -> None:
        """Restore the previous hook, unless someone installed another since."""
        if sys.excepthook == self._hook:
            sys.excepthook = self._previous

    def _hook(self, kind: type[BaseException], error: BaseException,
              trace: TracebackType | None) -> None:
        self._previous(kind, error, trace)
        if issubclass(kind, KeyboardInterrupt):  # Ctrl+C in the terminal is no error to show
            return
        self.centre.notify(
            ERROR, translate("Notifications", "Unexpected error: {0}").format(f"{kind.__name__}: {error}"),
            "".join(traceback.format_exception(kind, error, trace)), translate("Notifications", "GateLab"))


class PluginNotices:
    """One notification per change in the set of broken or warned-about plugins."""

    def __init__(self, centre: NotificationCentre):
        self.centre = centre
        self._known: set[tuple[str, str, str, str]] = set()

    def update(self, records: Sequence[CellRecord]) -> None:
        """Call with every record after each discovery; says only what is new."""
        troubled = [r for r in records if r.status not in (OK, HELPER)]  # a helper is no problem
        new = [r for r in troubled if self._key(r) not in self._known]
        self._known = {self._key(r) for r in troubled}
        if not new:
            return
        severity = ERROR if any(r.status == BROKEN for r in new) else WARNING
        names = ", ".join(f"{r.mark} {r.name}" for r in new)
        details = "\n\n".join(
            f"{r.mark} {r.name} ({r.location})\n{reason_text(r.reason)}\n{r.traceback}".strip() for r in new)
        self.centre.notify(severity, translate("Notifications", "Plugin problems: {0}").format(names),
                           details, translate("Notifications", "Plugins"))

    @staticmethod
    def _key(record: CellRecord) -> tuple[str, str, str, str]:
        return record.name, record.location, record.status, record.reason
