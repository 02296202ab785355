"""Who the application is and where its files lie: names, assets, languages.

Qt-free, and importing nothing but the stdlib-only ``gatelab_resources``, on
purpose: the flag parser (``gui/app.py``), the Qt application, the translators,
the launcher and the presets all need these values, and none of them should
have to import another to get them.
"""

from __future__ import annotations

from gatelab_resources import ASSETS

APP_NAME = "GateLab"
DESKTOP_FILE_NAME = "gatelab"  # the .desktop file's name: Wayland matches window and icon by it

ICON = ASSETS / "gatelab.png"  # ASSETS: the checkout's assets/ or the installed package data

SOURCE_LANGUAGE = "en"
LANGUAGES = (SOURCE_LANGUAGE, "ko")  # the --lang choices: the source and every catalogue we ship
THEME_NAMES = ("light", "dark")  # the --theme choices: plots.theme.THEMES, named here without Qt
