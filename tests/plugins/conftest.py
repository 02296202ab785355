"""Plugin tests: offscreen Qt, a private user plugin folder, short time limits."""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything imports Qt

import pytest  # noqa: E402

from plugin_host import IsolatedChecker  # noqa: E402

TIMEOUT = 3.0  # seconds for a plugin import or a cell's validation in these tests


@pytest.fixture(autouse=True)
def private_config(tmp_path, monkeypatch):
    """Point the per-user plugin folder at a temporary one."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path / "config" / "gatelab" / "plugins"


@pytest.fixture(scope="session")
def checker():
    """One warm checker process for the session (importing torch takes seconds)."""
    shared = IsolatedChecker(import_timeout=TIMEOUT, step_timeout=TIMEOUT)
    yield shared
    shared.close()


@pytest.fixture(scope="session", autouse=True)
def one_torch_thread():
    """Two OpenMP threads on a shared 2-core machine busy-wait each other (FACTS.md)."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)
