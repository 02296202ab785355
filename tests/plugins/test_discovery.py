"""Discovery sources: entry points, the user folder, hot-reload safety, layering."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from plugin_host import CellSource, IsolatedChecker, discover_cells, find_cell, user_plugin_dir

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "broken_plugins"

# The corpus's good cell, renamed, plus a subclass for an entry point that names a class.
FAKE_MODULE = ((CORPUS / "good_cell.py").read_text().replace("Leaky", "Packaged")
               + '\n\nclass Single(Packaged):\n    name = "Packaged single"\n')


@pytest.fixture
def fake_distribution(tmp_path, monkeypatch):
    """A distribution 'gatelab-fake' declaring three gatelab.cells entry points."""
    site = tmp_path / "site"
    info = site / "gatelab_fake-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: gatelab-fake\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(
        "[gatelab.cells]\nwhole = gatelab_fake_cells\nsingle = gatelab_fake_cells:Single\n"
        "missing = gatelab_fake_missing\n")
    (site / "gatelab_fake_cells.py").write_text(FAKE_MODULE)
    monkeypatch.syspath_prepend(str(site))
    return site


def test_entry_points_name_a_module_or_a_class(fake_distribution):
    checker = IsolatedChecker(import_timeout=5, step_timeout=5)  # fresh: it must see the new sys.path
    try:
        records = discover_cells(include_project_plugins=False, include_user_plugins=False, checker=checker)
    finally:
        checker.close()
    packaged = [r for r in records if r.origin == "package gatelab-fake"]
    by_name = {r.name: r for r in packaged}
    assert by_name["Packaged"].status == "ok" and by_name["Packaged"].source.load().name == "Packaged"
    assert by_name["Packaged single"].source == CellSource("module", "gatelab_fake_cells", "Single")
    assert by_name["missing"].status == "broken" and "not installed" in by_name["missing"].reason
    # the module entry lists Single too: the second listing is flagged, not silently replacing
    assert sum(r.name == "Packaged single" for r in packaged) == 2
    assert sorted(r.status for r in packaged if r.name == "Packaged single") == ["broken", "ok"]


def test_user_folder_follows_xdg_and_is_discovered(private_config, checker):
    assert user_plugin_dir() == private_config and not private_config.exists()
    assert user_plugin_dir(create=True).is_dir()
    (private_config / "leaky.py").write_text((CORPUS / "good_cell.py").read_text())
    records = discover_cells(include_project_plugins=False, include_entry_points=False, checker=checker)
    assert find_cell(records, "Leaky").origin == str(private_config / "leaky.py")


def test_saved_changes_are_seen_and_a_loaded_class_keeps_its_version(tmp_path, checker):
    plugin = tmp_path / "leaky.py"
    plugin.write_text((CORPUS / "good_cell.py").read_text())
    options = dict(include_project_plugins=False, include_entry_points=False, include_user_plugins=False,
                   checker=checker)
    first = find_cell(discover_cells([tmp_path], **options), "Leaky")
    plugin.write_text((CORPUS / "good_cell.py").read_text().replace('"Leaky"', '"Leakier"'))
    records = discover_cells([tmp_path], **options)  # saved within the same second: no stale bytecode
    assert find_cell(records, "Leakier") and not find_cell(records, "Leaky")
    assert first.name == "Leaky" and first.source.class_name  # the record already made is not changed
    assert not (tmp_path / "__pycache__").exists()


def test_cells_and_discovery_never_import_qt():
    code = ("import sys, plugin_host, plugin_host.discovery, plugin_host.checker_process, cli.check_plugin\n"
            "print(sorted(m for m in sys.modules if m.startswith('PySide6')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.replace("'", '"')) == []
