"""Time to discover and validate N plugin files (default 30), as the window does it.

Writes N distinct copies of the shipped variants into a temporary folder and
prints: the time until the built-ins are listed (what the window shows at
once), the time for the full isolated discovery + validation (cold: it
includes starting the checker process, i.e. importing torch), the same
again with a warm checker and changed files, and a re-discovery with nothing
changed (what a save of one file costs beyond that file). Goal: < 10 s for 30.

    .venv/bin/python bench/plugin_discovery.py [--count 30]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from plugin_host import (  # noqa: E402
    PROJECT_PLUGIN_DIR,
    IsolatedChecker,
    discover_builtins,
    discover_cells,
    plugin_files,
)


def write_plugins(folder: Path, count: int, generation: int) -> None:
    sources = [p.read_text() for p in plugin_files(PROJECT_PLUGIN_DIR)]
    for index in range(count):
        text = sources[index % len(sources)]
        text = re.sub(r'name = "([^"]+)"', rf'name = "\1 #{index}"', text, count=1)
        (folder / f"variant_{index:02d}.py").write_text(text + f"\n# generation {generation}\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=30)
    count = parser.parse_args().count
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        write_plugins(folder, count, 0)
        options = dict(include_project_plugins=False, include_user_plugins=False, include_entry_points=False)
        started = time.perf_counter()
        discover_builtins()
        builtins = time.perf_counter() - started

        checker = IsolatedChecker()
        try:
            started = time.perf_counter()
            records = discover_cells([folder], checker=checker, **options)
            cold = time.perf_counter() - started
            plugins = [r for r in records if r.origin != "built-in"]
            assert len(plugins) == count and all(r.status == "ok" for r in plugins), \
                [r.reason for r in plugins if r.status != "ok"]

            write_plugins(folder, count, 1)  # every file changed: all are checked again
            started = time.perf_counter()
            discover_cells([folder], checker=checker, **options)
            warm = time.perf_counter() - started

            started = time.perf_counter()
            discover_cells([folder], checker=checker, **options)
            unchanged = time.perf_counter() - started
        finally:
            checker.close()
    ms = sorted(r.ms_per_step for r in plugins)
    print(f"{count} plugins: built-ins listed after {builtins:.2f} s (the window is usable then)")
    print(f"  isolated discovery + validation, cold checker (incl. starting it): {cold:.1f} s")
    print(f"  again with a warm checker, every file changed: {warm:.1f} s "
          f"({1000 * warm / count:.0f} ms per plugin)")
    print(f"  again with nothing changed (cached by content): {unchanged:.2f} s")
    print(f"  measured ms per time step: median {ms[len(ms) // 2]:.2f}, max {ms[-1]:.2f}")
    print(f"  goal < 10 s for 30: {'met' if cold < 10 else 'NOT met'} (cold)")


if __name__ == "__main__":
    main()
