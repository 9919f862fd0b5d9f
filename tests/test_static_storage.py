"""Production's static files are compressed once: again only when a file changed (iomcaribbean/static_storage.py)."""

from __future__ import annotations

import os
from pathlib import Path

from iomcaribbean.static_storage import CompressedOnceManifestStaticFilesStorage

SCRIPT = "var answer = 42; // " + "a script long enough to be worth compressing " * 40


def compressed(storage: CompressedOnceManifestStaticFilesStorage, name: str) -> list[str]:
    return [copy for _, copy in storage.compress_files([name])]


def test_a_file_is_compressed_once_and_again_when_it_changes(tmp_path: Path) -> None:
    storage = CompressedOnceManifestStaticFilesStorage(location=str(tmp_path), base_url="/static/")
    source = tmp_path / "app.js"
    source.write_text(SCRIPT)

    assert sorted(compressed(storage, "app.js")) == ["app.js.br", "app.js.gz"]
    assert compressed(storage, "app.js") == []  # unchanged: its copies stand

    source.write_text(SCRIPT.replace("42", "43"))
    os.utime(source, ns=(source.stat().st_atime_ns, source.stat().st_mtime_ns + 1_000_000_000))
    assert sorted(compressed(storage, "app.js")) == ["app.js.br", "app.js.gz"]
    assert b"43" not in (tmp_path / "app.js.gz").read_bytes()  # compressed, not the text as it is


def test_a_file_whose_copies_are_gone_is_compressed_again(tmp_path: Path) -> None:
    storage = CompressedOnceManifestStaticFilesStorage(location=str(tmp_path), base_url="/static/")
    (tmp_path / "app.js").write_text(SCRIPT)
    compressed(storage, "app.js")
    (tmp_path / "app.js.br").unlink()
    (tmp_path / "app.js.gz").unlink()

    assert sorted(compressed(storage, "app.js")) == ["app.js.br", "app.js.gz"]
