"""Where plugins are found, as ``Job``s: files in plugin folders and entry points.

A ``Job`` names one plugin to check without importing it: a file (by path) or
an installed package's entry point in the ``gatelab.cells`` group. Its
fingerprint changes when the plugin's code may have changed, so results can
be cached. Folders are searched in order: the project's ``plugins/``, the
per-user folder (``user_plugin_dir()``), then folders given with ``--plugins``.
Whatever is named ``*.py`` there becomes a job; one that cannot be read as a
plugin (a pipe, a looping link, a folder, a huge file: ``source_files``)
carries the reason as its ``problem`` and is reported without being opened.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from gatelab_resources import PLUGINS

from .siblings import entry_source, is_folder_plugin
from .siblings import fingerprint as sibling_fingerprint
from .source_files import source_problem, why

ENTRY_POINT_GROUP = "gatelab.cells"
PROJECT_PLUGIN_DIR = PLUGINS  # the checkout's plugins/, or the copy installed as package data
FILE, ENTRY = "file", "entry"


@dataclass(frozen=True)
class Job:
    """One plugin to check: a file (``location`` = path) or an entry point
    (``location`` = distribution, ``name`` = entry name, ``value`` = target).
    ``problem``: why a file job cannot be read at all (then it is never opened)."""

    kind: str
    location: str
    name: str = ""
    value: str = ""
    problem: str = ""

    @property
    def plugin_name(self) -> str:
        """The name a failure of the whole plugin is reported under."""
        return Path(self.location).stem if self.kind == FILE else self.name

    @property
    def file(self) -> str | None:
        """The plugin's file, resolved (None for an entry point)."""
        return os.path.realpath(self.location) if self.kind == FILE else None  # never raises on a loop

    def fingerprint(self) -> str:
        """Changes when the plugin's code may have changed (file content, package version)."""
        if self.kind == FILE:
            return sibling_fingerprint(Path(self.location))  # helpers it imports count too
        try:
            return metadata.version(self.location)
        except Exception:  # an odd distribution must not break discovery
            return "?"


def user_plugin_dir(create: bool = False) -> Path:
    """The per-user plugin folder, in the platform's standard config location.

    Linux: ``$XDG_CONFIG_HOME/gatelab/plugins`` (default ``~/.config``);
    macOS: ``~/Library/Application Support/GateLab/plugins``;
    Windows: ``%APPDATA%\\GateLab\\plugins``. ``create`` makes it if missing.
    """
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming") / "GateLab"
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support" / "GateLab"
    else:
        base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "gatelab"
    folder = base / "plugins"
    if create:
        folder.mkdir(parents=True, exist_ok=True)
    return folder


def plugin_entries(folder: Path) -> list[Path]:
    """Everything in a folder named ``*.py``, and every folder plugin (a folder
    with an ``__init__.py``), not starting with ``_`` or ``.``, sorted, whatever
    it is (regular file or not); ``OSError`` if it cannot be listed."""
    with os.scandir(folder) as entries:
        paths = [Path(entry.path) for entry in entries]
    return sorted(path for path in paths if (path.name.endswith(".py") or is_folder_plugin(path))
                  and not path.name.startswith(("_", ".")))


def plugin_files(folder: Path) -> list[Path]:
    """The readable plugin files of a folder (see ``plugin_entries``); [] if it cannot be listed."""
    try:
        return [path for path in plugin_entries(folder) if source_problem(entry_source(path)) is None]
    except OSError:
        return []


def existing_plugin_dir(text: str) -> str:
    """An argparse ``type`` for ``--plugins DIR``: a folder that is not there is
    one line at start-up, not a silently empty cell list."""
    if os.path.isdir(text):
        return text
    if os.path.lexists(text):
        raise argparse.ArgumentTypeError(f"{text!r} is not a folder")
    raise argparse.ArgumentTypeError(f"no such folder: {text!r}")


def plugin_folders(plugin_dirs: Iterable[Path | str] = (), include_project_plugins: bool = True,
                   include_user_plugins: bool = True) -> list[Path]:
    """The folders discovery looks in, in order."""
    folders = [PROJECT_PLUGIN_DIR] if include_project_plugins else []
    if include_user_plugins:
        folders.append(user_plugin_dir())
    return folders + [Path(d) for d in plugin_dirs]


def file_jobs(folders: list[Path]) -> list[Job]:
    """One job per plugin file in ``folders``, each file once, in order. An
    entry that cannot be read, or a folder that exists but cannot be listed,
    is a job with a ``problem`` (a missing folder is simply empty)."""
    jobs, seen = [], set()
    for folder in folders:
        try:
            paths = plugin_entries(folder)
        except (FileNotFoundError, NotADirectoryError):
            continue
        except OSError as error:
            problem = f"the plugin folder cannot be listed: {why(folder, error)}"
            jobs.append(Job(FILE, str(folder), problem=problem))
            continue
        for path in paths:
            problem = source_problem(entry_source(path))
            if problem:
                jobs.append(Job(FILE, str(path), problem=problem))
            elif (resolved := os.path.realpath(path)) not in seen:
                seen.add(resolved)
                jobs.append(Job(FILE, resolved))
    return jobs


def entry_point_jobs() -> list[Job]:
    """One job per installed ``gatelab.cells`` entry point."""
    jobs = []
    for entry in metadata.entry_points(group=ENTRY_POINT_GROUP):
        dist = entry.dist.name if entry.dist else "?"
        jobs.append(Job(ENTRY, dist, entry.name, entry.value))
    return jobs
