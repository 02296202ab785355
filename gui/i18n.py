"""The interface language: choose it and install its translators.

``install_translators(app, "ko")`` must run before any window widget is
created (texts are translated when widgets are built). It installs GateLab's
own ``assets/i18n/gatelab_<lang>.qm`` and Qt's ``qtbase_<lang>.qm`` (standard
buttons, file dialogs, key names). English needs no translator; a missing or
unreadable ``.qm`` leaves the interface in English, never an error.

The catalogue is made with PySide6's tools::

    .venv/bin/pyside6-lupdate -locations relative gui/*.py gui/panels/*.py \\
        -ts assets/i18n/gatelab_ko.ts
    .venv/bin/pyside6-lrelease assets/i18n/gatelab_ko.ts -qm assets/i18n/gatelab_ko.qm
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from .identity import ASSETS, LANGUAGES, SOURCE_LANGUAGE

I18N_FOLDER = ASSETS / "i18n"


def system_language() -> str:
    """The system locale's language code, e.g. "ko" for ko_KR."""
    return QLocale.system().name().split("_")[0]


def choose_language(requested: str | None) -> str:
    """``requested`` (from --lang), else the system's language; English unless we have it."""
    language = requested or system_language()
    return language if language in LANGUAGES else SOURCE_LANGUAGE


def catalogue(language: str, folder: Path = I18N_FOLDER) -> Path:
    return folder / f"gatelab_{language}.qm"


def install_translators(app: QCoreApplication, requested: str | None = None,
                        folder: Path = I18N_FOLDER) -> list[QTranslator]:
    """Install the translators for ``requested`` (None: the system language).

    Returns the installed translators (empty for English, or when GateLab's
    catalogue is missing: then everything stays English); pass them to
    ``remove_translators`` to switch back.
    """
    language = choose_language(requested)
    if language == SOURCE_LANGUAGE:
        return []
    ours = QTranslator(app)
    if not ours.load(str(catalogue(language, folder))):
        if requested:
            print(f"main.py: no {language} translation found in {folder}; using English",
                  file=sys.stderr)
        return []
    translators = [ours]
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        translators.append(qt)
    for translator in translators:
        app.installTranslator(translator)
    return translators


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
