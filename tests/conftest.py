"""Shared fixtures. Tests use real torch and, under tests/gui and
tests/plugins, real Qt on the offscreen platform."""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
