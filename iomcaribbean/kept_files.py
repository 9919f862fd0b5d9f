"""Public answers too large for the page cache, kept as files: whole exports, the IATI file.

The page cache (``iomcaribbean.caching``) keeps pages of up to ``MAX_CACHED_BYTES`` in Django's
cache; a download (the IATI file of every programme, the CSV or XLSX of the list) and any larger
or streamed answer is written once to a file in ``KEPT_FILES_DIR``, named by its cache key (which
holds the content version), and every later request for it is answered from the file until an
edit. The page cache looks for the file whenever its cache has no answer, so every worker of a
server finds what one built, whatever cache each has (the default, locmem, is one per process:
a marker kept there left the other workers to build the same file again, each for itself).

One server builds a file once: the first request takes a lock (``flock`` on a lock file beside
it) and builds it; requests that come meanwhile wait for that lock, then read the file instead
of building it again. A file is written under a temporary name and renamed when complete, so a
reader never sees half a file. Files of other content versions are removed when a new one is
written, and at most ``KEPT_FILES_MAX`` are kept (the oldest go first). Each app server may have
a folder of its own (a server that does not find the file builds it once for itself) or all may
share one (a network folder that honours ``flock``, such as NFSv4): renames are atomic and the
names hold the version.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, HttpResponse, HttpResponseBase

SUFFIX = ".kept"
LOCK_SUFFIX = ".lock"
# Headers the page cache does not set itself: the file's type, name and language, and so on.
LEFT_OUT = frozenset({"content-length"})
# Beside the headers, whether the answer was streamed, and whether other sites may frame it
# (Django's ``xframe_options_exempt``, a mark on the answer, not a header); no header has a name in brackets.
STREAMED = "(streamed)"
FRAME_EXEMPT = "(frame exempt)"
# A temporary file older than this is a build that was cut short (gunicorn kills a worker at 120 s).
ABANDONED_SECONDS = 60 * 60


def folder() -> Path:
    path = Path(settings.KEPT_FILES_DIR)
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def file_name(key: str) -> str:
    """``<version>--<digest>``: the key's version and date (``public-page:<number>:<stamp>:<date>:...``) first."""
    version = "-".join(key.split(":")[1:4])
    return f"{version}--{hashlib.sha256(key.encode()).hexdigest()[:40]}"


def kept_answer(key: str, *, whole_up_to: int) -> HttpResponseBase | None:
    """The kept file for this key, as the answer it was kept from; None if there is none.

    An answer kept whole and of at most ``whole_up_to`` bytes is read whole, as the cache would give
    it (it can then be compressed, as a page from the cache is); a larger or streamed one is
    streamed from the file.
    """
    path = folder() / (file_name(key) + SUFFIX)
    try:
        kept = path.open("rb")
    except FileNotFoundError:
        return None
    headers = json.loads(kept.readline())
    content_type = headers.pop("Content-Type", None)
    streamed = headers.pop(STREAMED, False)
    exempt = headers.pop(FRAME_EXEMPT, False)
    if not streamed and os.fstat(kept.fileno()).st_size - kept.tell() <= whole_up_to:
        with kept:
            response = HttpResponse(kept.read(), content_type=content_type)
        response.headers["Content-Length"] = str(len(response.content))
    else:
        # FileResponse sends the rest of the file from here, with its length.
        response = FileResponse(kept, content_type=content_type)
    for name, value in headers.items():
        response.headers[name] = value
    response.xframe_options_exempt = exempt
    return response


def frame_exempt(response: HttpResponseBase) -> bool:
    """Whether the view let other sites frame the answer (``xframe_options_exempt``): a kept copy must too."""
    return getattr(response, "xframe_options_exempt", False)


@contextlib.contextmanager
def building(key: str) -> Iterator[None]:
    """Held while one request builds the answer for this key; others wait here, then read it."""
    lock = folder() / (file_name(key) + LOCK_SUFFIX)
    with lock.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def keep(key: str, response: HttpResponse, *, whole_up_to: int) -> HttpResponseBase:
    """Write the answer to its file, then answer from the file (a streamed answer is read once)."""
    directory = folder()
    name = file_name(key)
    headers = {name: value for name, value in response.items() if name.lower() not in LEFT_OUT}
    # The answer is read to its end but not closed: closing it would send ``request_finished``,
    # which ends the request's database connections; the handler closes the file's answer instead.
    with tempfile.NamedTemporaryFile(dir=directory, prefix=".building-", delete=False) as out:
        try:
            marks = {STREAMED: response.streaming, FRAME_EXEMPT: frame_exempt(response)}
            out.write(json.dumps(headers | marks).encode() + b"\n")
            if response.streaming:
                for chunk in response.streaming_content:
                    out.write(chunk)
            else:
                out.write(response.content)
        except BaseException:
            os.unlink(out.name)
            raise
    os.replace(out.name, directory / (name + SUFFIX))
    _remove_others(directory, name)
    answer = kept_answer(key, whole_up_to=whole_up_to)
    assert answer is not None  # just written
    return answer


def _remove_others(directory: Path, name: str) -> None:
    """Files of other content versions or days, beyond ``KEPT_FILES_MAX`` the oldest of this one,
    and what builds cut short (a worker killed while writing) left behind."""
    version = name.split("--")[0] + "--"
    kept: list[tuple[float, Path]] = []
    for path in directory.iterdir():
        with contextlib.suppress(FileNotFoundError):  # another server's clean-up got there first
            if path.name.startswith(".building-"):
                if path.stat().st_mtime < time.time() - ABANDONED_SECONDS:
                    path.unlink()
            elif not path.name.startswith(version):
                path.unlink()
            elif path.suffix == SUFFIX:
                kept.append((path.stat().st_mtime, path))
    kept.sort(reverse=True)
    for _, path in kept[settings.KEPT_FILES_MAX :]:
        path.unlink(missing_ok=True)
        path.with_suffix(LOCK_SUFFIX).unlink(missing_ok=True)
