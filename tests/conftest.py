"""Shared fixtures. Tests use real torch and, under tests/gui and
tests/plugins, real Qt on the offscreen platform."""

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Windows started as subprocesses remember settings and find per-user plugins
# under the config folder: never the user's own (tests may narrow it further).
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="gatelab-test-config-")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import torch  # noqa: E402

# One thread, as the training processes use: small recurrent models gain nothing
# from a second, and OpenMP busy-waiting on a loaded 2-core machine made steps
# up to 30x slower.
torch.set_num_threads(1)
