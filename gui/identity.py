"""Who the application is and where its files lie: names, assets, languages.

Qt-free and import-free on purpose: the flag parser (``gui/app.py``), the Qt
application, the translators, the launcher and the presets all need these
values, and none of them should have to import another to get them.
"""

from __future__ import annotations

from pathlib import Path

APP_NAME = "GateLab"
DESKTOP_FILE_NAME = "gatelab"  # the .desktop file's name: Wayland matches window and icon by it

# assets/ sits beside the packages in the checkout and is not installed with
# them, so it is found relative to this package, not with importlib.resources.
ASSETS = Path(__file__).resolve().parent.parent / "assets"
ICON = ASSETS / "gatelab.png"

SOURCE_LANGUAGE = "en"
LANGUAGES = (SOURCE_LANGUAGE, "ko")  # the --lang choices: the source and every catalogue we ship
THEME_NAMES = ("light", "dark")  # the --theme choices: plots.theme.THEMES, named here without Qt
