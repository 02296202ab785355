"""A real wheel works away from the checkout: ``pip wheel .`` carries the
assets, presets, translations and shipped plugins as package data, and the
installed ``gatelab`` finds them through ``gatelab_resources`` from any folder.

The wheel is built from a copy of the sources (pip would write build/ and
*.egg-info into the checkout) with this environment's setuptools (no download)
and installed with ``pip install --target``: the tests run from a folder
outside the repository with only the target on PYTHONPATH before this
environment's site-packages, which still give torch and Qt. Each probe checks
that GateLab's modules came from the target, so the checkout cannot stand in.
"""

import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from gatelab_resources import ASSETS, PLUGINS
from plugin_host import plugin_files

ROOT = Path(__file__).resolve().parent.parent
# A build, an install and three GateLab processes: about 2 minutes on the shared
# 2-core machine under load, so more than the suite's 120 s per test is allowed.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]

# What the window and the CLI read at run time; the .ts is the catalogue's source only.
EXPECTED_ASSETS = sorted(str(path.relative_to(ASSETS)) for path in ASSETS.rglob("*")
                         if path.is_file() and path.suffix != ".ts")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    source = tmp_path_factory.mktemp("source")
    shutil.copytree(ROOT, source, dirs_exist_ok=True, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "*.egg-info", "__pycache__", "tests", "runs", ".*_cache"))
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(out), str(source)], check=True, timeout=300)
    [built] = out.glob("gatelab-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("target")
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
                    str(wheel)], check=True, timeout=300)
    return target


def run_installed(target: Path, args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(target), OMP_NUM_THREADS="1")
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=240)


def test_the_wheel_carries_assets_plugins_and_both_entry_points(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assets = sorted(name.removeprefix("gatelab_resources/assets/") for name in names
                    if name.startswith("gatelab_resources/assets/"))
    assert assets == EXPECTED_ASSETS
    assert "i18n/gatelab_ko.qm" in assets and any(name.startswith("presets/") for name in assets)
    shelf = {path.name for path in plugin_files(PLUGINS)}
    assert shelf and {f"gatelab_resources/plugins/{name}" for name in shelf} <= set(names)
    assert "main.py" in names
    packages = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["root_packages"]
    inits = {str(init.relative_to(ROOT)) for package in packages
             for init in (ROOT / package).rglob("__init__.py")}
    assert "gui/panels/__init__.py" in inits and inits <= set(names)  # subpackages too
    [entry_points] = [name for name in names if name.endswith(".dist-info/entry_points.txt")]
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[console_scripts]\ngatelab = main:entry_point" in text
    assert "[gui_scripts]\ngatelab-gui = main:entry_point" in text


PROBE = """
import sys
import gatelab_resources, gui.identity, gui.i18n, gui.presets, plugin_host
import cli, gatelab, gui.main_window  # every module the window and the CLI import
from PySide6.QtCore import QTranslator
assert gatelab_resources.__file__.startswith(sys.argv[1]), gatelab_resources.__file__
print(gui.identity.ICON.is_file(), gui.identity.ICON.is_relative_to(sys.argv[1]))
print(len(gui.presets.load_presets()))
print(QTranslator().load(str(gui.i18n.catalogue("ko"))))
print(plugin_host.PROJECT_PLUGIN_DIR)
"""


def test_installed_gatelab_finds_icon_presets_translations_and_plugins(installed, tmp_path):
    result = run_installed(installed, [sys.executable, "-c", PROBE, str(installed)], tmp_path)
    assert result.returncode == 0, result.stderr
    icon, presets, translation, plugins = result.stdout.splitlines()
    assert icon == "True True" and translation == "True"
    assert int(presets) == len(list((ASSETS / "presets").glob("*.json")))
    assert Path(plugins) == installed / "gatelab_resources" / "plugins"


def test_installed_command_lists_the_shipped_cells_and_trains_one(installed, tmp_path):
    command = str(installed / "bin" / "gatelab")
    cells = run_installed(installed, [command, "cells"], tmp_path)
    assert cells.returncode == 0, cells.stderr
    shipped = installed / "gatelab_resources" / "plugins"
    assert f"{shipped / 'mgu.py'}" in cells.stdout and "✗" not in cells.stdout
    train = [command, "run", "--task", "adding", "--length", "8", "--cells", "MGU", "--steps", "2",
             "--hidden", "8", "--out", str(tmp_path / "run")]
    run = run_installed(installed, train, tmp_path)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "run" / "summary.json").is_file()
