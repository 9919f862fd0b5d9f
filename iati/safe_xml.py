"""Reading untrusted XML safely: the file's bytes within the size limit, parsed without DTDs.

The file comes from outside, so the parser is locked down: no DTD (a DOCTYPE or ENTITY
declaration rejects the file before and after parsing), no entity is ever expanded, nothing
is fetched from the network or the disk, and libxml2's limits on huge documents stay on.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from lxml import etree

DEFAULT_MAX_BYTES = 10 * 1024 * 1024


class IatiFileError(Exception):
    """The file as a whole cannot be imported; the message says why, in plain words."""


def max_bytes() -> int:
    return int(getattr(settings, "IATI_IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES))


def too_large_message(size: int | None, limit: int) -> str:
    what = f"The file is {filesizeformat(size)}" if size else "The file is too large"
    return f"{what}; the largest file the portal imports is {filesizeformat(limit)}."


def read_source(source: str | Path | bytes | IO[bytes], limit: int | None = None) -> bytes:
    """The file's bytes, never reading more than the limit (plus one byte, to tell that it is over)."""
    limit = max_bytes() if limit is None else limit
    size: int | None = None
    if isinstance(source, bytes):
        data, size = source, len(source)
    elif isinstance(source, str | Path):
        try:
            with open(source, "rb") as handle:
                size = os.fstat(handle.fileno()).st_size
                data = handle.read(limit + 1)
        except OSError as error:
            raise IatiFileError(f"The file cannot be read: {error.strerror or error}.") from error
    else:
        if hasattr(source, "seek"):
            source.seek(0)
        size = getattr(source, "size", None)
        data = source.read(limit + 1)
    if len(data) > limit:
        raise IatiFileError(too_large_message(size, limit))
    if not data.strip():
        raise IatiFileError("The file is empty.")
    return data


DTD_REFUSED = (
    "The file declares a DOCTYPE or entities, which IATI files never need; "
    "the portal refuses such files because entities can expand or read other files."
)


def _refuse_dtd(data: bytes) -> None:
    # Dropping NUL bytes finds the markup in UTF-16 and UTF-32 too; rarer encodings are caught after parsing.
    ascii_view = data.replace(b"\x00", b"")
    if b"<!DOCTYPE" in ascii_view or b"<!ENTITY" in ascii_view:
        raise IatiFileError(DTD_REFUSED)


def parse_xml(data: bytes) -> etree._Element:
    """The root element of untrusted XML, parsed without DTDs, entities or network access."""
    _refuse_dtd(data)
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        if "entity" in (error.msg or "").lower():
            # libxml2's own guards (amplification, undefined entities) speak its language, not the staff's.
            raise IatiFileError(DTD_REFUSED) from error
        where = f" (line {error.lineno})" if error.lineno else ""
        raise IatiFileError(f"The file is not well-formed XML{where}: {error.msg}.") from error
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise IatiFileError(DTD_REFUSED)
    if any(isinstance(node, etree._Entity) for node in root.iter()):
        raise IatiFileError(DTD_REFUSED)
    return root
