"""Static files as production serves them: hashed names and compressed copies, each compressed once.

whitenoise's ``CompressedManifestStaticFilesStorage`` compresses every file again at each
``collectstatic``: half a minute of both cores (brotli over the API documentation's scripts) each
time `make serve` starts, though nothing changed. A compressed copy whitenoise writes carries its
file's modification time, and ``collectstatic`` leaves an unchanged file as it was: where a copy
still carries the file's time, the file has not changed since and is not compressed again.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from whitenoise.storage import CompressedManifestStaticFilesStorage

COPIES = (".br", ".gz")
SAME_TIME = 1e-6  # seconds


class CompressedOnceManifestStaticFilesStorage(CompressedManifestStaticFilesStorage):
    def compress_files(self, paths: Iterable[str]) -> Iterator[tuple[str, str]]:
        return super().compress_files([path for path in paths if not self.compressed_already(path)])

    def compressed_already(self, name: str) -> bool:
        """A compressed copy of the file as it is now (written with the file's modification time)."""
        source = self.path(name)
        modified = os.stat(source).st_mtime
        for suffix in COPIES:
            try:
                # whitenoise sets the time in float seconds: equal to within their precision.
                if abs(os.stat(source + suffix).st_mtime - modified) < SAME_TIME:
                    return True
            except FileNotFoundError:
                continue
        return False
