"""--install-launcher on each platform, the platform named rather than detected:
what would be written into a temporary home (files, registry values, commands),
and what writing it does here."""

import os
import plistlib
import shlex
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from gatelab_resources import ASSETS, MAIN_SCRIPT
from gui.app import main
from gui.launchers import launcher_plan
from gui.launchers.freedesktop import exec_quote
from gui.launchers.icons import icns_from_png, ico_from_png, png_size
from gui.launchers.plan import Command, LauncherPlan, RegistryValue, write_plan
from gui.launchers.windows import powershell_quote

PNG = (ASSETS / "gatelab.png").read_bytes()
MIME = "{http://www.freedesktop.org/standards/shared-mime-info}"


def installed_scripts(folder: Path, *names: str) -> Path:
    """A scripts folder as pip leaves it: the entries exist as files."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text("")
    return folder


def by_name(plan: LauncherPlan) -> dict[str, bytes]:
    return {path.name: content for path, content in plan.files.items()}


def desktop_keys(text: str) -> dict[str, str]:
    return dict(line.split("=", 1) for line in text.splitlines() if "=" in line)


# Linux and other freedesktop systems

def test_linux_entry_starts_the_gui_entry_with_the_double_clicked_file(tmp_path):
    scripts = installed_scripts(tmp_path / "venv" / "bin", "gatelab-gui")
    plan = launcher_plan("linux", tmp_path / "home", {}, scripts)
    data = tmp_path / "home" / ".local" / "share"
    entry = data / "applications" / "gatelab.desktop"
    assert set(plan.files) == {entry, data / "icons/hicolor/256x256/apps/gatelab.png",
                               data / "mime/packages/gatelab.xml"}
    keys = desktop_keys(plan.files[entry].decode())
    assert keys["Exec"] == f"{scripts / 'gatelab-gui'} %f"
    assert keys["Icon"] == "gatelab" and keys["MimeType"] == "application/x-gatelab;"
    assert "Path" not in keys  # absolute paths: the entry runs from anywhere
    assert plan.executable == (entry,)
    assert plan.files[data / "icons/hicolor/256x256/apps/gatelab.png"] == PNG


def test_linux_mime_package_names_the_type_the_entry_claims(tmp_path):
    plan = launcher_plan("linux", tmp_path, {})
    root = ET.fromstring(by_name(plan)["gatelab.xml"])
    [mime_type] = root.findall(f"{MIME}mime-type")
    claimed = desktop_keys(by_name(plan)["gatelab.desktop"].decode())["MimeType"].rstrip(";")
    assert mime_type.get("type") == claimed
    assert [glob.get("pattern") for glob in mime_type.findall(f"{MIME}glob")] == ["*.gatelab"]
    assert mime_type.find(f"{MIME}icon").get("name") == "gatelab"
    assert [c.argv for c in plan.commands] == [
        ("update-mime-database", str(tmp_path / ".local/share/mime")),
        ("update-desktop-database", str(tmp_path / ".local/share/applications")),
        ("xdg-mime", "default", "gatelab.desktop", claimed)]


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="needs desktop-file-utils")
def test_linux_entry_is_a_valid_desktop_file(tmp_path):
    plan = launcher_plan("linux", tmp_path, {}, tmp_path / "none", str(tmp_path / "my python"))
    write_plan(LauncherPlan(files=plan.files))
    entry = tmp_path / ".local/share/applications/gatelab.desktop"
    result = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert result.returncode == 0 and "error" not in result.stdout, result.stdout


def test_linux_follows_xdg_data_home_and_quotes_paths_with_spaces(tmp_path):
    data = tmp_path / "my data"
    python = str(tmp_path / "a venv" / "bin" / "python")
    plan = launcher_plan("linux", tmp_path, {"XDG_DATA_HOME": str(data)}, tmp_path / "no scripts", python)
    entry = data / "applications" / "gatelab.desktop"
    assert desktop_keys(plan.files[entry].decode())["Exec"] == f'"{python}" {MAIN_SCRIPT} %f'


def test_exec_arguments_are_quoted_as_desktop_entries_require():
    assert exec_quote("/usr/bin/python3") == "/usr/bin/python3"
    assert exec_quote("/home/my user/gate lab/main.py") == '"/home/my user/gate lab/main.py"'
    assert exec_quote('/odd/$dir/"x"') == '"/odd/\\$dir/\\"x\\""'


def test_without_the_gui_entry_the_launcher_runs_main_py_with_this_python(tmp_path):
    plan = launcher_plan("linux", tmp_path, {}, tmp_path / "empty", "/usr/bin/python3")
    exec_line = desktop_keys(by_name(plan)["gatelab.desktop"].decode())["Exec"]
    assert exec_line == f"/usr/bin/python3 {MAIN_SCRIPT} %f" and MAIN_SCRIPT.is_file()


# Windows

def test_windows_shortcut_targets_the_windowed_entry_through_powershell(tmp_path):
    scripts = installed_scripts(tmp_path / "Scripts", "gatelab-gui.exe")
    roaming = tmp_path / "Roaming"
    plan = launcher_plan("win32", tmp_path, {"APPDATA": str(roaming)}, scripts)
    icon = roaming / "GateLab" / "gatelab.ico"
    shortcut = roaming / "Microsoft/Windows/Start Menu/Programs/GateLab.lnk"
    assert set(plan.files) == {icon} and plan.made_by_commands == (shortcut,)
    [command] = plan.commands
    assert command.argv[:4] == ("powershell", "-NoProfile", "-NonInteractive", "-Command")
    script = command.argv[4]
    assert f".CreateShortcut({powershell_quote(str(shortcut))})" in script
    assert f"$s.TargetPath = '{scripts / 'gatelab-gui.exe'}'" in script
    assert f"$s.IconLocation = '{icon},0'" in script and script.endswith("$s.Save()")


def test_windows_without_the_entry_uses_pythonw_so_no_console_opens(tmp_path):
    python_folder = installed_scripts(tmp_path / "Python", "python.exe", "pythonw.exe")
    plan = launcher_plan("win32", tmp_path, {}, tmp_path / "empty", str(python_folder / "python.exe"))
    script = plan.commands[0].argv[4]
    assert f"$s.TargetPath = '{python_folder / 'pythonw.exe'}'" in script
    assert f"""$s.Arguments = '"{MAIN_SCRIPT}"'""" in script
    assert next(iter(plan.files)) == tmp_path / "AppData/Roaming/GateLab/gatelab.ico"


def test_windows_registers_gatelab_files_per_user_to_open_with_the_file(tmp_path):
    scripts = installed_scripts(tmp_path / "Scripts", "gatelab-gui.exe")
    plan = launcher_plan("win32", tmp_path, {"APPDATA": str(tmp_path)}, scripts)
    icon = tmp_path / "GateLab" / "gatelab.ico"
    assert plan.registry == (
        RegistryValue("Software\\Classes\\.gatelab", "GateLab.Run"),
        RegistryValue("Software\\Classes\\GateLab.Run", "GateLab run"),
        RegistryValue("Software\\Classes\\GateLab.Run\\DefaultIcon", f"{icon},0"),
        RegistryValue("Software\\Classes\\GateLab.Run\\shell\\open\\command",
                      f'"{scripts / "gatelab-gui.exe"}" "%1"'))


def test_powershell_quoting_keeps_every_apostrophe_literal():
    assert powershell_quote("C:\\Users\\O'Brien\\x") == "'C:\\Users\\O''Brien\\x'"
    assert powershell_quote("a\u2019b $env:x") == "'a\u2019\u2019b $env:x'"  # PowerShell reads ’ as '


def test_the_ico_holds_the_png_as_one_256_pixel_image():
    ico = ico_from_png(PNG)
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    width, height, _, _, planes, bits, size, offset = struct.unpack("<BBBBHHII", ico[6:22])
    assert (reserved, kind, count, planes, bits) == (0, 1, 1, 1, 32)
    assert png_size(PNG) == (256, 256) and (width, height) == (0, 0)  # 0 means 256
    assert ico[offset:offset + size] == PNG and offset + size == len(ico)


# macOS

def test_macos_bundle_declares_gatelab_files_and_runs_the_command(tmp_path):
    scripts = installed_scripts(tmp_path / "bin", "gatelab-gui")
    plan = launcher_plan("darwin", tmp_path, {}, scripts)
    contents = tmp_path / "Applications" / "GateLab.app" / "Contents"
    info = plistlib.loads(plan.files[contents / "Info.plist"])
    executable = contents / "MacOS" / info["CFBundleExecutable"]
    assert plan.executable == (executable,)
    assert plan.files[executable].decode().splitlines()[-1] == f'exec {scripts / "gatelab-gui"} "$@"'
    [document] = info["CFBundleDocumentTypes"]
    [exported] = info["UTExportedTypeDeclarations"]
    assert document["LSItemContentTypes"] == [exported["UTTypeIdentifier"]]
    assert exported["UTTypeTagSpecification"] == {"public.filename-extension": ["gatelab"]}
    assert info["CFBundlePackageType"] == "APPL"
    assert contents / "Resources" / info["CFBundleIconFile"] in plan.files
    assert plan.commands[0].argv[1:] == ("-f", str(contents.parent))


def test_macos_script_quotes_the_command_for_the_shell(tmp_path):
    python = str(tmp_path / "it's here" / "python3")
    plan = launcher_plan("darwin", tmp_path, {}, tmp_path / "none", python)
    script = by_name(plan)["GateLab"].decode().splitlines()[-1]
    assert shlex.split(script) == ["exec", python, str(MAIN_SCRIPT), "$@"]


def test_the_icns_holds_the_png_as_its_256_pixel_element():
    icns = icns_from_png(PNG)
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    assert icns[8:12] == b"ic08" and struct.unpack(">I", icns[12:16])[0] == 8 + len(PNG)
    assert icns[16:] == PNG


def test_icons_refuse_what_their_format_cannot_hold():
    with pytest.raises(ValueError, match="not a PNG"):
        png_size(b"GIF89a" + bytes(30))
    wide = PNG[:16] + struct.pack(">II", 300, 200) + PNG[24:]
    with pytest.raises(ValueError, match="at most 256x256"):
        ico_from_png(wide)
    with pytest.raises(ValueError, match="300x200"):
        icns_from_png(wide)


@pytest.mark.slow
def test_the_window_opens_without_a_console_as_under_pythonw(tmp_path):
    """gatelab-gui on Windows runs under pythonw, where sys.stderr is None; so is
    it in a Python started with file descriptor 2 closed."""
    shot = tmp_path / "shot.png"
    probe = "import sys; assert sys.stderr is None; sys.argv[0] = 'main.py'; import runpy; runpy.run_path(" \
            f"{str(MAIN_SCRIPT)!r}, run_name='__main__')"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", OMP_NUM_THREADS="1")
    result = subprocess.run([sys.executable, "-c", probe, "--cells", "RNN", "--screenshot", str(shot),
                             "--quit-after", "1"], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                            preexec_fn=lambda: os.close(2), timeout=120)
    assert result.returncode == 0 and shot.stat().st_size > 10_000


# Writing

def test_write_plan_writes_files_sets_registry_and_runs_only_installed_programs(tmp_path):
    written, ran = [], []
    plan = LauncherPlan(files={tmp_path / "a" / "run.sh": b"#!/bin/sh\n", tmp_path / "b.txt": b"x"},
                        executable=(tmp_path / "a" / "run.sh",),
                        registry=(RegistryValue("Software\\Classes\\.gatelab", "GateLab.Run"),),
                        commands=(Command(("true",), "never said"),
                                  Command(("no-such-tool-here", "x"), "what it means")))
    lines = write_plan(plan, written.extend, which=lambda name: ran.append(name) or
                       (None if name.startswith("no-") else "/bin/" + name))
    assert os.access(tmp_path / "a" / "run.sh", os.X_OK) and not os.access(tmp_path / "b.txt", os.X_OK)
    assert (tmp_path / "b.txt").read_bytes() == b"x" and written == list(plan.registry)
    assert lines == [f"installed {tmp_path / 'a' / 'run.sh'}", f"installed {tmp_path / 'b.txt'}",
                     "registered HKEY_CURRENT_USER\\Software\\Classes\\.gatelab",
                     "no-such-tool-here not found: what it means"]
    assert ran == ["true", "no-such-tool-here"]


def test_a_failing_program_is_one_line_and_the_files_stay(tmp_path):
    plan = LauncherPlan(files={tmp_path / "f": b"y"}, commands=(Command(("false",), "unused"),))
    assert write_plan(plan) == [f"installed {tmp_path / 'f'}", "false failed (exit 1): "]
    with pytest.raises(ValueError, match="set_registry"):
        write_plan(LauncherPlan(registry=(RegistryValue("k", "v"),)))


def test_the_flag_installs_this_platforms_launcher_into_the_users_home(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("sys.platform", "linux")
    for name, folder in (("HOME", "home"), ("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config")):
        monkeypatch.setenv(name, str(tmp_path / folder))
    assert main(["--install-launcher"]) == 0
    lines = capsys.readouterr().out.splitlines()
    entry = tmp_path / "data" / "applications" / "gatelab.desktop"
    assert f"installed {entry}" in lines and os.access(entry, os.X_OK)
    assert (tmp_path / "data" / "mime" / "packages" / "gatelab.xml").is_file()
    if shutil.which("update-mime-database"):  # shared-mime-info read our package: *.gatelab is known
        assert "application/x-gatelab:*.gatelab" in (tmp_path / "data" / "mime" / "globs2").read_text()
