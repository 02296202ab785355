"""Ready-made comparisons for a lecture: JSON files in assets/presets/.

A preset is a title, a one-line description and the RunSpec fields it
changes (the rest keep their defaults); choosing one fills the controls.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from training.spec import RunSpec

from .identity import ASSETS

PRESET_FOLDER = ASSETS / "presets"


@dataclass(frozen=True)
class Preset:
    title: str
    description: str
    spec: RunSpec


def load_presets(folder: Path = PRESET_FOLDER) -> list[Preset]:
    """Every valid preset, in file-name order; a broken file is skipped."""
    presets = []
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text())
            presets.append(Preset(data["title"], data.get("description", ""),
                                  RunSpec.from_dict(data["spec"])))
        except (OSError, KeyError, TypeError, ValueError):
            continue
    return presets
