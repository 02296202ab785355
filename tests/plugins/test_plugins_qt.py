"""The Plugins panel, hot reload and the New cell template, offscreen with pytest-qt."""

from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices

from gui.plugin_files import new_cell_file
from gui.plugin_panel import PluginPanel
from gui.plugin_watcher import PluginWatcher

CORPUS = Path(__file__).resolve().parents[1] / "broken_plugins"
PARITY = Path(__file__).resolve().parents[2] / "plugins" / "parity.py"


@pytest.fixture
def opened(monkeypatch):
    """Record what would be opened in the system's editor instead of opening it."""
    urls = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url.toLocalFile()) or True)
    return urls


@pytest.fixture
def watched(qtbot, tmp_path, checker):
    folder = tmp_path / "plugins"
    folder.mkdir()
    watcher = PluginWatcher([folder], include_project_plugins=False, include_entry_points=False,
                            checker=checker, debounce_ms=100)
    panel = PluginPanel(watcher)
    qtbot.addWidget(panel)
    yield folder, watcher, panel
    watcher.stop()


def names(records):
    return {r.name: r for r in records}


def test_start_shows_builtins_at_once_then_the_checked_plugins(qtbot, watched):
    folder, watcher, panel = watched
    for file in ("good_cell.py", "syntax_error.py", "no_gradient_to_previous.py"):
        (folder / file).write_text((CORPUS / file).read_text())
    with qtbot.waitSignal(watcher.recordsChanged, timeout=1000) as first:
        watcher.start()
    assert set(names(first.args[0])) == {"RNN", "LSTM", "GRU"} and watcher.busy
    qtbot.waitUntil(lambda: "Leaky" in names(panel.records) and not watcher.busy, timeout=60_000)
    marks = {panel.tree.topLevelItem(i).text(1): panel.tree.topLevelItem(i).text(0)
             for i in range(panel.tree.topLevelItemCount())}
    assert marks["Leaky"] == "✓" and marks["syntax_error"] == "✗" and marks["Detached"] == "⚠"
    assert "1 broken" in panel.summary.text() and "1 with warnings" in panel.summary.text()
    assert panel.select("syntax_error") and panel.traceback_action.isEnabled()
    assert "SyntaxError" in panel.details.text()
    dialog = panel.show_traceback()
    assert "syntax_error.py" in dialog.text.toPlainText()
    dialog.close()
    assert panel.select("Leaky") and not panel.traceback_action.isEnabled()
    assert "gradient reaches h(t−1): yes" in panel.details.text()


def test_saving_a_plugin_updates_the_list_within_about_a_second(qtbot, watched):
    folder, watcher, panel = watched
    plugin = folder / "leaky.py"
    plugin.write_text((CORPUS / "good_cell.py").read_text())
    watcher.start()
    qtbot.waitUntil(lambda: "Leaky" in names(panel.records) and not watcher.busy, timeout=60_000)
    plugin.write_text((CORPUS / "good_cell.py").read_text().replace('"Leaky"', '"Leakier"'))
    # The promptness is the behaviour: the save is seen (debounce 100 ms) and
    # only this file is checked again in the warm checker, about a second in
    # all; 5 s is slack for a loaded machine, well short of a periodic rescan.
    qtbot.waitUntil(lambda: "Leakier" in names(panel.records), timeout=5_000)
    assert "Leaky" not in names(panel.records)
    plugin.write_text("this is not python\n")
    qtbot.waitUntil(lambda: "leaky" in names(panel.records), timeout=10_000)
    assert names(panel.records)["leaky"].status == "broken"


def test_new_cell_writes_the_template_opens_it_and_lists_it(qtbot, watched, private_config, opened):
    folder, watcher, panel = watched
    watcher.plugin_dirs = []  # only the (private) user folder
    watcher.start()
    qtbot.waitUntil(lambda: not watcher.busy, timeout=60_000)
    with qtbot.waitSignal(panel.newCellCreated, timeout=1000) as created:
        panel.new_cell_action.trigger()
    path = Path(created.args[0])
    assert path.parent == private_config and opened == [str(path)]
    assert 8 <= len([line for line in path.read_text().splitlines() if line.strip()]) <= 20
    qtbot.waitUntil(lambda: "My cell" in names(panel.records), timeout=30_000)
    assert names(panel.records)["My cell"].status == "ok"
    second = new_cell_file()
    assert second.name == "my_cell_2.py" and '"My cell 2"' in second.read_text()


def test_actions_have_shortcuts_and_tooltips_and_open_the_folder(qtbot, private_config, opened):
    panel = PluginPanel()
    qtbot.addWidget(panel)
    actions = [panel.new_cell_action, panel.open_folder_action, panel.reload_action, panel.traceback_action]
    assert all(a.shortcut().toString() and a.toolTip() for a in actions)
    assert len({a.shortcut().toString() for a in actions}) == 4
    panel.open_folder_action.trigger()
    assert opened == [str(private_config)] and private_config.is_dir()


def test_task_plugins_are_listed_beside_the_cells_with_their_options_and_reasons(qtbot, watched):
    folder, watcher, panel = watched
    (folder / "parity.py").write_text(PARITY.read_text())
    (folder / "half_task.py").write_text("from tasks import Task\nclass Half(Task:\n    pass\n")
    watcher.start()
    qtbot.waitUntil(lambda: "parity" in names(panel.task_records) and not watcher.busy, timeout=60_000)
    rows = {panel.tree.topLevelItem(i).text(1): panel.tree.topLevelItem(i) for i in
            range(panel.tree.topLevelItemCount())}
    assert rows["parity"].text(0) == "✓" and rows["parity"].text(2) == "task"
    assert rows["LSTM"].text(2) == "cell"
    assert rows["adding"].text(3) == "built-in" and rows["parity"].text(3) == "parity.py"
    assert rows["half_task"].text(0) == "✗" and "SyntaxError" in rows["half_task"].text(4)
    assert "1 broken" in panel.summary.text()
    assert panel.select("parity")
    details = panel.details.text()
    assert "option marked = 2 [1.0, 16.0]" in details and "metric: accuracy" in details
    assert panel.select("half_task") and panel.traceback_action.isEnabled()
    panel.set_records([])  # a cell reload keeps the tasks
    assert panel.select("parity") and panel.tree.topLevelItemCount() == len(panel.task_records)
