"""The launcher on macOS: ``~/Applications/GateLab.app``, a minimal app bundle.

Its executable is a shell script that starts the window's command; Info.plist
names the icon (an .icns of GateLab's PNG) and declares the ``.gatelab`` file
type (exported type ``org.gatelab.run``, a zip archive) with GateLab as its
owner. Finder does not put a double-clicked file on the command line: it sends
the app an "open documents" event, which Qt delivers as ``QEvent.FileOpen``.
``lsregister`` makes Launch Services read the bundle at once instead of at its
next scan.
"""

from __future__ import annotations

import plistlib
import shlex
from pathlib import Path

from ..identity import APP_NAME, ICON
from .icons import icns_from_png
from .plan import Command, LauncherPlan

BUNDLE_ID = "org.gatelab.GateLab"
RUN_TYPE = "org.gatelab.run"
ICON_FILE = "gatelab.icns"
LSREGISTER = ("/System/Library/Frameworks/CoreServices.framework/Frameworks/"
              "LaunchServices.framework/Support/lsregister")


def info_plist() -> bytes:
    """The bundle's Info.plist (plistlib writes valid, escaped XML)."""
    return plistlib.dumps({
        "CFBundleName": APP_NAME,
        "CFBundleDisplayName": APP_NAME,
        "CFBundleIdentifier": BUNDLE_ID,
        "CFBundleExecutable": APP_NAME,
        "CFBundleIconFile": ICON_FILE,
        "CFBundlePackageType": "APPL",
        "CFBundleInfoDictionaryVersion": "6.0",
        "NSHighResolutionCapable": True,
        "CFBundleDocumentTypes": [{
            "CFBundleTypeName": f"{APP_NAME} run",
            "CFBundleTypeRole": "Viewer",
            "LSHandlerRank": "Owner",
            "LSItemContentTypes": [RUN_TYPE],
            "CFBundleTypeIconFile": ICON_FILE,
        }],
        "UTExportedTypeDeclarations": [{
            "UTTypeIdentifier": RUN_TYPE,
            "UTTypeDescription": f"{APP_NAME} run",
            "UTTypeConformsTo": ["public.zip-archive", "public.data"],
            "UTTypeIconFile": ICON_FILE,
            "UTTypeTagSpecification": {"public.filename-extension": ["gatelab"]},
        }],
    })


def launch_script(command: list[str]) -> str:
    """The bundle's executable: the window's command, with whatever macOS passes on."""
    return ("#!/bin/sh\n# Written by GateLab's --install-launcher: starts the window.\n"
            f"exec {' '.join(shlex.quote(part) for part in command)} \"$@\"\n")


def macos_plan(command: list[str], home: Path) -> LauncherPlan:
    bundle = home / "Applications" / f"{APP_NAME}.app"
    contents = bundle / "Contents"
    executable = contents / "MacOS" / APP_NAME
    return LauncherPlan(
        files={contents / "Info.plist": info_plist(), executable: launch_script(command).encode(),
               contents / "Resources" / ICON_FILE: icns_from_png(ICON.read_bytes())},
        executable=(executable,),
        commands=(Command((LSREGISTER, "-f", str(bundle)),
                          "Finder lists GateLab for .gatelab files after its next scan"),))
