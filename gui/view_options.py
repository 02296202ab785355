"""View ▸ Dark theme, View ▸ Language and View ▸ More timeline views: how the
window looks and speaks, and how many plots it shows.

Both are remembered in the settings. The theme changes at once (every
widget and plot restyles itself, ``appearance.use_theme``). The language
applies at the next start: Qt translates a text when its widget is built, so
switching live would mean rebuilding the window mid-lecture; the status bar
says so instead.

The window is typed as ``QMainWindow`` because ``main_window`` imports this
module; ``build_view_options`` expects ``settings``, ``set_theme`` and
``view_menu``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow

from .actions import shortcut_action
from .i18n import choose_language
from .panels.registry import OPTIONAL_ROWS

translate = QCoreApplication.translate
LANGUAGE_KEYS = {"en": "Ctrl+Alt+E", "ko": "Ctrl+Alt+K"}


def language_name(language: str) -> str:
    """The language's name as its speakers write it, with the interface's
    word for it where that differs ("한국어 (Korean)", "English (영어)")."""
    return {"en": translate("Language", "English"),
            "ko": translate("Language", "한국어 (Korean)")}[language]


def build_view_options(window: QMainWindow) -> None:
    """Give ``window`` ``dark_theme_action`` (Ctrl+D) and ``language_actions``
    (language code → action) and put them into its View menu."""
    window.dark_theme_action = shortcut_action(
        window, translate("MainWindow", "Dark theme"), "Ctrl+D",
        translate("MainWindow", "Light text and lines on a dark ground, for a dim lecture hall; "
                                "again for the light theme"),
        lambda: window.set_theme("dark" if window.dark_theme_action.isChecked() else "light"))
    window.dark_theme_action.setCheckable(True)
    group = QActionGroup(window)
    current = choose_language(window.settings.language())
    window.language_actions = {}
    for language, keys in LANGUAGE_KEYS.items():
        action = shortcut_action(
            window, language_name(language), keys,
            translate("MainWindow", "Show the interface in {0} from the next start").format(
                language_name(language)),
            lambda language=language: choose(window, language))
        action.setCheckable(True)
        action.setChecked(language == current)
        group.addAction(action)
        window.language_actions[language] = action
    window.view_menu.addAction(window.dark_theme_action)  # after the entries already there
    window.more_views_action = shortcut_action(
        window, translate("MainWindow", "More timeline views"), "Ctrl+Shift+H",
        translate("MainWindow", "A third row of plots: the gate history of one cell and the size of each "
                                "state along the sequence, both following the timeline; again to hide it"),
        lambda: show_more_views(window, window.more_views_action.isChecked()))
    window.more_views_action.setCheckable(True)
    window.view_menu.addAction(window.more_views_action)
    show_more_views(window, False)
    languages = window.view_menu.addMenu(translate("MainWindow", "Language"))
    languages.addActions(list(window.language_actions.values()))


def show_more_views(window: QMainWindow, shown: bool) -> None:
    """Show or hide the plot rows in ``OPTIONAL_ROWS`` (hidden panels skip
    their drawing, ``panels.on_demand``)."""
    rows = {getattr(window, entry.key).parentWidget() for entry in window.panel_entries
            if entry.place.row in OPTIONAL_ROWS}
    for row in rows:
        row.setVisible(shown)
        area = row.parentWidget()
        sizes = area.sizes()
        if shown and sizes and min(sizes) == 0:  # a row hidden while the splitter was sized gets no height
            area.setSizes([sum(sizes) // len(sizes)] * len(sizes))
    window.more_views_action.setChecked(shown)


def choose(window: QMainWindow, language: str) -> None:
    """Remember ``language``; the texts change when GateLab starts next."""
    window.settings.set_language(language)
    action: QAction = window.language_actions[language]
    action.setChecked(True)
    window.statusBar().showMessage(translate(
        "MainWindow", "Language: {0}. It applies at the next start of GateLab.").format(
        language_name(language)), 15_000)
