"""Where plugins are found, as ``Job``s: files in plugin folders and entry points.

A ``Job`` names one plugin to check without importing it: a file (by path) or
an installed package's entry point in the ``gatelab.cells`` group. Its
fingerprint changes when the plugin's code may have changed, so results can
be cached. Folders are searched in order: the project's ``plugins/``, the
per-user folder (``user_plugin_dir()``), then folders given with ``--plugins``.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

ENTRY_POINT_GROUP = "gatelab.cells"
PROJECT_PLUGIN_DIR = Path(__file__).resolve().parent.parent / "plugins"
FILE, ENTRY = "file", "entry"


@dataclass(frozen=True)
class Job:
    """One plugin to check: a file (``location`` = path) or an entry point
    (``location`` = distribution, ``name`` = entry name, ``value`` = target)."""

    kind: str
    location: str
    name: str = ""
    value: str = ""

    @property
    def plugin_name(self) -> str:
        """The name a failure of the whole plugin is reported under."""
        return Path(self.location).stem if self.kind == FILE else self.name

    @property
    def file(self) -> str | None:
        """The plugin's file, resolved (None for an entry point)."""
        return str(Path(self.location).resolve()) if self.kind == FILE else None

    def fingerprint(self) -> str:
        """Changes when the plugin's code may have changed (file content, package version)."""
        if self.kind == FILE:
            try:
                return hashlib.sha1(Path(self.location).read_bytes()).hexdigest()
            except OSError:
                return "missing"
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


def plugin_files(folder: Path) -> list[Path]:
    """The plugin files of a folder: ``*.py`` not starting with ``_`` or ``.``, sorted."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.py") if not p.name.startswith(("_", ".")))


def plugin_folders(plugin_dirs: Iterable[Path | str] = (), include_project_plugins: bool = True,
                   include_user_plugins: bool = True) -> list[Path]:
    """The folders discovery looks in, in order."""
    folders = [PROJECT_PLUGIN_DIR] if include_project_plugins else []
    if include_user_plugins:
        folders.append(user_plugin_dir())
    return folders + [Path(d) for d in plugin_dirs]


def file_jobs(folders: list[Path]) -> list[Job]:
    """One job per plugin file in ``folders``, each file once, in order."""
    jobs, seen = [], set()
    for folder in folders:
        for path in plugin_files(folder):
            resolved = path.resolve()
            if resolved not in seen:
                seen.add(resolved)
                jobs.append(Job(FILE, str(resolved)))
    return jobs


def entry_point_jobs() -> list[Job]:
    """One job per installed ``gatelab.cells`` entry point."""
    jobs = []
    for entry in metadata.entry_points(group=ENTRY_POINT_GROUP):
        dist = entry.dist.name if entry.dist else "?"
        jobs.append(Job(ENTRY, dist, entry.name, entry.value))
    return jobs
