"""Ready-made scenarios for a lecture: JSON files in assets/presets/.

A preset is a title, a "what to look for" sentence and the RunSpec fields it
changes (the rest keep their defaults). Pressing its key (1–9) loads it and
starts it at once; the title and sentence stay on screen while it runs. A
preset may name a recorded run of itself (``recording``), which Shift+key
replays when there is no time to train (``preset_replay``).

The files stay plain JSON so that a lecturer can copy one and edit it (the
format is in docs/PRESETS.md). Title and description are either one string
or one string per language, ``{"en": "…", "ko": "…"}``: the texts live in the
file next to the settings they describe, not in the Qt catalogue, so that a
lecturer's own preset can be bilingual without rebuilding anything.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from training.spec import RunSpec

from .identity import ASSETS, SOURCE_LANGUAGE

PRESET_FOLDER = ASSETS / "presets"


def interface_language() -> str:
    """The language of the installed catalogue ("en" when none is).

    Asked of the catalogue itself rather than of a flag or the locale, so that
    preset texts are Korean exactly when the menus are (a missing .qm leaves
    both in English)."""
    # The Korean catalogue translates this marker to "ko".
    return QCoreApplication.translate("Language", "en") or SOURCE_LANGUAGE


def local_text(texts: Mapping[str, str], language: str | None = None) -> str:
    """The text for ``language`` (default: the interface's), else the English,
    else any: a preset written in one language still shows in every other."""
    language = language or interface_language()
    return texts.get(language) or texts.get(SOURCE_LANGUAGE) or next(iter(texts.values()), "")


def _texts(value: Any) -> dict[str, str]:
    """A preset's text field as {language: text}; a plain string is English.
    Raises ValueError for anything else, so that the file is skipped."""
    if isinstance(value, str):
        return {SOURCE_LANGUAGE: value}
    if isinstance(value, dict) and value and all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        return dict(value)
    raise ValueError(f"a preset text must be a string or {{language: string}}, not {value!r:.60}")


@dataclass(frozen=True)
class Preset:
    """One scenario: texts per language and the comparison it runs."""

    titles: Mapping[str, str]
    descriptions: Mapping[str, str]
    spec: RunSpec
    file: str = ""  # the file name it was read from: how the settings name the last preset
    # A recorded run of the scenario (a .gatelab file or a run folder), replayed
    # instead of trained when a lecture has no time to train (Shift+key).
    recording: Path | None = None

    @property
    def title(self) -> str:
        return local_text(self.titles)

    @property
    def description(self) -> str:
        """What to look for while it runs, in the interface's language."""
        return local_text(self.descriptions) if self.descriptions else ""

    @classmethod
    def from_dict(cls, data: Any, folder: Path | None = None) -> Preset:
        """The preset ``data`` (a parsed file in ``folder``, against which its
        ``recording`` is resolved) describes; raises ValueError, KeyError or TypeError."""
        if not isinstance(data, dict):
            raise TypeError("a preset file holds a JSON object")
        descriptions = _texts(data["description"]) if "description" in data else {}
        recording = data.get("recording")
        if recording is not None and not (isinstance(recording, str) and recording.strip()):
            raise ValueError(f"recording must be a path relative to the preset file, not {recording!r:.60}")
        return cls(_texts(data["title"]), descriptions, RunSpec.from_dict(data["spec"]),
                   recording=(folder or Path()) / recording if recording else None)


def load_presets(folder: Path | None = None) -> list[Preset]:
    """Every valid preset in ``folder`` (default ``PRESET_FOLDER``), in
    file-name order, which is the order of their keys; a broken file is skipped
    (a missing recording is not: the preset still trains, and replaying says why not)."""
    presets = []
    for path in sorted((folder or PRESET_FOLDER).glob("*.json")):
        try:
            preset = Preset.from_dict(json.loads(path.read_text(encoding="utf-8")), path.parent)
            presets.append(dataclasses.replace(preset, file=path.name))
        except (OSError, KeyError, TypeError, ValueError):
            continue
    return presets
