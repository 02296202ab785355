"""What the window remembers between launches, with typed reads.

A lecturer starts GateLab from a launcher, without flags, on the machine
where they last set it up: the language, the projector scale and theme, the window's
place and dock layout, the last preset and the folder of the last run file
should be as they left them. ``QSettings.value`` returns whatever the file
holds (a string where a number was written by hand, a stale key of an older
version), so every read here checks the type and the range and answers
``None`` (or the default) for anything else: a damaged settings file can
never break the start.

The storage is an INI file in the user scope (``QSettings.IniFormat``), so
that a test redirects every read and write with
``QSettings.setPath(IniFormat, UserScope, tmp)`` and never touches the
user's real settings.
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from plots.theme import THEMES

from .identity import APP_NAME, LANGUAGES

SCALE_RANGE = (0.5, 4.0)  # what --scale sensibly means; a stored value outside is ignored
TIME_AXES = ("step", "seconds")


def open_settings() -> QSettings:
    """GateLab's settings file (INI, user scope), named explicitly so that it
    does not depend on the application's organisation name being set yet."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME)


class Settings:
    """Typed getters and setters over one ``QSettings``; each getter returns
    ``None`` (or its stated default) when nothing usable is stored."""

    def __init__(self, store: QSettings | None = None):
        self.store = store if store is not None else open_settings()

    # ---- raw, checked reads --------------------------------------------------------
    def _text(self, key: str) -> str | None:
        value = self.store.value(key)
        return value if isinstance(value, str) and value else None

    def _bytes(self, key: str) -> QByteArray | None:
        value = self.store.value(key)
        if isinstance(value, (bytes, bytearray)):
            value = QByteArray(bytes(value))
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def _float(self, key: str) -> float | None:
        try:
            value = float(self.store.value(key))
        except (TypeError, ValueError):
            return None
        return value if math.isfinite(value) else None

    def _flag(self, key: str) -> bool:
        value = self.store.value(key)
        return value is True or (isinstance(value, str) and value.lower() == "true")

    def _put(self, key: str, value: object) -> None:
        self.store.setValue(key, value)
        self.store.sync()  # written now: a crash later must not lose it

    # ---- language and scale (flags: see ``adopt_flags``) ---------------------------------
    def language(self) -> str | None:
        """The interface language last asked for ("en", "ko"), else None (the system's)."""
        value = self._text("interface/language")
        return value if value in LANGUAGES else None

    def set_language(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}; choose from {', '.join(LANGUAGES)}")
        self._put("interface/language", language)

    def scale(self) -> float | None:
        """The font and line scale last asked for, else None (1)."""
        value = self._float("interface/scale")
        return value if value is not None and SCALE_RANGE[0] <= value <= SCALE_RANGE[1] else None

    def set_scale(self, scale: float) -> None:
        if not (math.isfinite(scale) and SCALE_RANGE[0] <= scale <= SCALE_RANGE[1]):
            raise ValueError(f"scale must lie in {SCALE_RANGE[0]}..{SCALE_RANGE[1]} (got {scale})")
        self._put("interface/scale", float(scale))

    def adopt_flags(self, language: str | None, scale: float | None) -> tuple[str | None, float]:
        """The language and scale to use: a flag given now wins and is
        remembered; a flag left out (None) takes the remembered value. Returns
        (language or None for the system's, scale)."""
        if language is not None:
            self.set_language(language)
        if scale is not None:
            self.set_scale(scale)
        return language or self.language(), scale or self.scale() or 1.0

    def theme(self) -> str:
        """The projector theme last chosen: "light" (default) or "dark"."""
        value = self._text("interface/theme")
        return value if value in THEMES else "light"

    def set_theme(self, theme: str) -> None:
        if theme not in THEMES:
            raise ValueError(f"unknown theme {theme!r}; choose from {', '.join(THEMES)}")
        self._put("interface/theme", theme)

    # ---- the window ------------------------------------------------------------------
    def geometry(self) -> QByteArray | None:
        """``QMainWindow.saveGeometry()`` of the last closed window."""
        return self._bytes("window/geometry")

    def set_geometry(self, geometry: QByteArray) -> None:
        self._put("window/geometry", geometry)

    def window_state(self) -> QByteArray | None:
        """``QMainWindow.saveState()``: docks, their sizes, the toolbar."""
        return self._bytes("window/state")

    def set_window_state(self, state: QByteArray) -> None:
        self._put("window/state", state)

    def time_axis(self) -> str:
        """What the loss plot's x axis counts: "step" (default) or "seconds"."""
        value = self._text("view/time_axis")
        return value if value in TIME_AXES else TIME_AXES[0]

    def set_time_axis(self, axis: str) -> None:
        if axis not in TIME_AXES:
            raise ValueError(f"time axis must be one of {', '.join(TIME_AXES)} (got {axis!r})")
        self._put("view/time_axis", axis)

    def hint_seen(self) -> bool:
        """Whether the first-launch hint was dismissed (it is never shown again)."""
        return self._flag("interface/hint_seen")

    def set_hint_seen(self, seen: bool = True) -> None:
        self._put("interface/hint_seen", bool(seen))

    # ---- what was last used ---------------------------------------------------------------
    def last_preset(self) -> str | None:
        """The file name of the preset last run (e.g. "1-vanishing.json")."""
        return self._text("run/last_preset")

    def set_last_preset(self, name: str) -> None:
        self._put("run/last_preset", name)

    def last_folder(self) -> Path | None:
        """The folder of the last run opened, saved or exported, if it still exists."""
        value = self._text("files/last_folder")
        return Path(value) if value and Path(value).is_dir() else None

    def set_last_folder(self, folder: Path) -> None:
        self._put("files/last_folder", str(folder))

    def reset(self) -> None:
        """Forget everything: the next launch is a first launch."""
        self.store.clear()
        self.store.sync()
