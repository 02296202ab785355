"""What a launcher install writes, as data, and the one function that writes it.

Each platform's module only describes its launcher (files, registry values,
commands that refresh the desktop's caches), so tests can check every
platform's launcher on any machine, the platform named rather than detected;
``write_plan`` does the writing where it runs.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class RegistryValue:
    """One default value under ``HKEY_CURRENT_USER\\<key>`` (Windows only)."""

    key: str
    value: str


@dataclass(frozen=True)
class Command:
    """A program run after the files are written, and what its absence means for the user."""

    argv: tuple[str, ...]
    if_missing: str


@dataclass(frozen=True)
class LauncherPlan:
    """``files``: path -> content; ``executable``: the files to mark executable;
    ``registry``: per-user registry values; ``commands``: programs run after
    writing, each only where it is installed (they refresh caches or create
    what only the platform can write, such as a Windows shortcut)."""

    files: dict[Path, bytes] = field(default_factory=dict)
    executable: tuple[Path, ...] = ()
    registry: tuple[RegistryValue, ...] = ()
    commands: tuple[Command, ...] = ()
    made_by_commands: tuple[Path, ...] = ()  # what the commands create (reported as installed)


def write_plan(plan: LauncherPlan, set_registry: Callable[[tuple[RegistryValue, ...]], None] | None = None,
               which: Callable[[str], str | None] = shutil.which) -> list[str]:
    """Write the plan; returns one line per thing done or left undone, for the user.

    ``set_registry`` writes the registry values (required when there are any:
    see ``windows.set_registry``). A command whose program is missing is said,
    not an error: the files are in place and work once the desktop looks again.
    """
    lines = []
    for path, content in plan.files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        if path in plan.executable:
            path.chmod(0o755)
        lines.append(f"installed {path}")
    if plan.registry:
        if set_registry is None:
            raise ValueError("this launcher writes registry values: pass set_registry")
        set_registry(plan.registry)
        lines += [f"registered HKEY_CURRENT_USER\\{value.key}" for value in plan.registry]
    for command in plan.commands:
        program = command.argv[0]
        if which(program) is None:
            lines.append(f"{program} not found: {command.if_missing}")
            continue
        result = subprocess.run(command.argv, capture_output=True, text=True, timeout=60)
        if result.returncode != 0:
            output = (result.stderr or result.stdout).strip()[:200]
            lines.append(f"{program} failed (exit {result.returncode}): {output}")
    lines += [f"installed {path}" for path in plan.made_by_commands if path.exists()]
    return lines
