"""GateLab's PNG icon in the containers Windows and macOS ask for.

Both formats may hold PNG data as it is (ICO since Windows Vista, ICNS for
128 px and up), so no image library is needed: a header around the same bytes.
"""

from __future__ import annotations

import struct

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_ICNS_TYPES = {128: b"ic07", 256: b"ic08", 512: b"ic09", 1024: b"ic10"}  # PNG-capable square sizes


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height from the PNG's IHDR chunk; ValueError if it is no PNG."""
    if not png.startswith(_PNG_SIGNATURE) or png[12:16] != b"IHDR":
        raise ValueError("the icon is not a PNG file")
    return struct.unpack(">II", png[16:24])


def ico_from_png(png: bytes) -> bytes:
    """A one-image .ico (for the Start-menu shortcut and the file type's icon)."""
    width, height = png_size(png)
    if width > 256 or height > 256:
        raise ValueError(f"an .ico image is at most 256x256, not {width}x{height}")
    header = struct.pack("<HHH", 0, 1, 1)  # reserved, type 1 = icon, one image
    # Width and height 256 are written as 0; 32 bits per pixel; the image starts after 6 + 16 bytes.
    entry = struct.pack("<BBBBHHII", width % 256, height % 256, 0, 0, 1, 32, len(png), 6 + 16)
    return header + entry + png


def icns_from_png(png: bytes) -> bytes:
    """A one-image .icns (the app bundle's icon)."""
    width, height = png_size(png)
    if width != height or width not in _ICNS_TYPES:
        raise ValueError(f"an .icns image is square, one of {sorted(_ICNS_TYPES)} px, not {width}x{height}")
    element = _ICNS_TYPES[width] + struct.pack(">I", 8 + len(png)) + png
    return b"icns" + struct.pack(">I", 8 + len(element)) + element
