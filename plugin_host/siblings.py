"""What a plugin imports from beside it, read without running it.

A plugin may import helper files from its own folder relatively
(``from .helper import thing``; see ``source.import_file``), and a folder
plugin is a package of files. Both are found here from the source text alone,
so that the caller (which never runs plugin code) can tell when any of them
changed (``fingerprint``) and which files are helpers rather than cells.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from .source_files import UnreadablePluginError, read_source

# from .helper import x | from .pkg.mod import x | from . import helper, other
RELATIVE_IMPORT = re.compile(rb"^[ \t]*from[ \t]+\.([\w.]*)[ \t]+import[ \t]+\(?([\w ,\t]+)", re.MULTILINE)
MAX_FILES = 200  # a folder plugin is a handful of files; more are not looked at


def is_folder_plugin(path: Path) -> bool:
    """A folder (not named ``*.py``) with an ``__init__.py``: a plugin package."""
    return not path.name.endswith(".py") and path.is_dir() and (path / "__init__.py").is_file()


def entry_source(path: Path) -> Path:
    """The file a plugin starts from: itself, or a folder plugin's ``__init__.py``."""
    return path / "__init__.py" if is_folder_plugin(path) else path


def imported_siblings(path: Path) -> list[Path]:
    """The files beside ``path`` (a plugin file) that it imports relatively,
    directly or through each other, in the order found; unreadable ones are skipped."""
    folder, found, queue = path.parent, [], [path]
    while queue and len(found) < MAX_FILES:
        try:
            text = read_source(entry_source(queue.pop(0)))
        except UnreadablePluginError:
            continue
        for module, names in RELATIVE_IMPORT.findall(text):
            stems = [module.decode().split(".")[0]] if module else \
                [n.strip() for n in names.decode().split(",") if n.strip()]
            for stem in stems:
                for candidate in (folder / f"{stem}.py", folder / stem):
                    if candidate.exists() and candidate != path and candidate not in found:
                        found.append(candidate)
                        queue.append(candidate)
    return found


def package_files(folder: Path) -> list[Path]:
    """The ``.py`` files of a folder plugin, sorted, at most ``MAX_FILES``."""
    return sorted(folder.rglob("*.py"))[:MAX_FILES]


def fingerprint(path: Path) -> str:
    """Changes when the plugin's code or any file it imports from beside it changes."""
    files = package_files(path) if is_folder_plugin(path) else [path, *imported_siblings(path)]
    digest = hashlib.sha1()
    for file in files:
        digest.update(str(file).encode())
        try:
            digest.update(hashlib.sha1(read_source(entry_source(file))).digest())
        except UnreadablePluginError as refusal:
            digest.update(f"unreadable: {refusal}".encode())
    return digest.hexdigest()
