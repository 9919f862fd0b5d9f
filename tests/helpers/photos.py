"""Photos for the updates' tests: small generated images, honest and hostile, as bytes."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image

# GPS IFD pointer tag in EXIF, and a position in it (latitude 18°N), as a phone writes one.
GPS_IFD = 0x8825


def jpeg_bytes(width: int, height: int, *, gps: bool = False, orientation: int | None = None) -> bytes:
    image = Image.new("RGB", (width, height), (200, 40, 40))
    image.paste((40, 40, 200), (0, 0, width // 2, height // 4))  # a corner to tell the way up
    exif = Image.Exif()
    if gps:
        exif[GPS_IFD] = {1: "N", 2: (18.0, 0.0, 0.0), 3: "W", 4: (77.0, 0.0, 0.0)}
    if orientation:
        exif[0x0112] = orientation
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif.tobytes())
    return buffer.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """A PNG of a few bytes whose header claims ``width`` by ``height`` pixels (a decompression bomb's shape)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0")) + chunk(b"IEND", b"")


SVG_WITH_SCRIPT = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'
