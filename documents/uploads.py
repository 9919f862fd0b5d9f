"""What an uploaded document is, read from its content: the allowed formats, and nothing else.

The name's extension and the type the browser sent are the uploader's word; the first bytes (and,
for the zipped office formats, the names inside) are the file's. A file the portal would serve as
something a browser runs (HTML, SVG, a script) is refused, whatever its name says.
"""

from __future__ import annotations

import zipfile
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

from documents.models import FileFormat

SNIFFED_BYTES = 8192
ALLOWED = "PDF, Word (DOCX), Excel (XLSX), OpenDocument (ODT, ODS), CSV, plain text, PNG or JPEG"
MAGIC = {
    b"%PDF-": FileFormat.PDF,
    b"\x89PNG\r\n\x1a\n": FileFormat.PNG,
    b"\xff\xd8\xff": FileFormat.JPEG,
}
# The part a zipped office document always has, for the formats allowed.
OFFICE_PARTS = {
    "word/document.xml": FileFormat.DOCX,
    "xl/workbook.xml": FileFormat.XLSX,
}
OPENDOCUMENT = {FileFormat.ODT.value, FileFormat.ODS.value}


def _zipped_format(upload: IO[bytes]) -> FileFormat | None:
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                declared = archive.read("mimetype").decode("ascii", "replace").strip()
                return FileFormat(declared) if declared in OPENDOCUMENT else None
            return next((kind for part, kind in OFFICE_PARTS.items() if part in names), None)
    except (zipfile.BadZipFile, OSError):
        return None


def _text_format(head: bytes, name: str) -> FileFormat | None:
    """Plain text or CSV: UTF-8 (or Latin-1) without control bytes, and not markup."""
    if b"\x00" in head:
        return None
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        text = head.decode("latin-1")
    if any(ord(char) < 32 and char not in "\t\r\n\f" for char in text):
        return None
    # Markup (HTML, SVG, XML) and scripts begin with one of these, after any blank space.
    if text.lstrip("\ufeff \t\r\n").startswith(("<", "#!")):
        return None
    return FileFormat.CSV if name.lower().endswith(".csv") else FileFormat.TEXT


def sniff(upload: IO[bytes], name: str) -> FileFormat | None:
    """The upload's format by its content, or None when it is none of the allowed ones."""
    upload.seek(0)
    head = upload.read(SNIFFED_BYTES)
    upload.seek(0)
    kind = next((kind for magic, kind in MAGIC.items() if head.startswith(magic)), None)
    if kind is None and head.startswith(b"PK\x03\x04"):
        kind = _zipped_format(upload)
        upload.seek(0)
    elif kind is None:
        kind = _text_format(head, name)
    return kind


def checked_format(upload: IO[bytes], name: str, size: int) -> FileFormat:
    """The format of an upload the portal accepts; a ValidationError saying why one is refused."""
    limit = settings.DOCUMENT_MAX_BYTES
    if size > limit:
        raise ValidationError(
            f"This file is {filesizeformat(size)}; documents may be {filesizeformat(limit)} at most.", code="too_large"
        )
    kind = sniff(upload, name)
    if kind is None:
        raise ValidationError(
            f"This file's content is not one of the formats the portal serves ({ALLOWED}). Web pages, SVG images "
            "and scripts are refused: give a link to a web page instead.",
            code="format",
        )
    return kind
