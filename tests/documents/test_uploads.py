"""An upload is accepted by what its content is, refused with a clear reason otherwise, and stored with that type."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction

from documents.models import Document, FileFormat
from documents.uploads import checked_format
from tests.factories import DocumentFactory, OrganisationFactory, ProgrammeFactory
from tests.helpers.admin_forms import admin_url, form_data


def zipped(*parts: tuple[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in parts:
            archive.writestr(name, content)
    return buffer.getvalue()


ACCEPTED = [
    ("report.pdf", b"%PDF-1.7\n...", FileFormat.PDF),
    ("map.png", b"\x89PNG\r\n\x1a\n....", FileFormat.PNG),
    ("photo.jpg", b"\xff\xd8\xff\xe0....", FileFormat.JPEG),
    ("notes.docx", zipped(("word/document.xml", b"<w/>")), FileFormat.DOCX),
    ("budget.xlsx", zipped(("xl/workbook.xml", b"<x/>")), FileFormat.XLSX),
    ("minutes.odt", zipped(("mimetype", FileFormat.ODT.value.encode())), FileFormat.ODT),
    ("figures.csv", "country,households\nHaití,4000\n".encode(), FileFormat.CSV),
    ("minutes.txt", "Réunion du 28 mai 2001\n".encode("latin-1"), FileFormat.TEXT),
]
REFUSED = [
    ("page.html", b"<!DOCTYPE html><script>alert(1)</script>"),
    ("report.pdf", b"  <html><body>not a PDF</body></html>"),  # the name is the uploader's word
    ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>'),
    ("run.txt", b"#!/bin/sh\nrm -rf /\n"),
    ("archive.zip", zipped(("payload.exe", b"MZ"))),
    ("program.exe", b"MZ\x90\x00\x03\x00\x00\x00"),
]


@pytest.mark.parametrize(("name", "content", "kind"), ACCEPTED, ids=[case[0] for case in ACCEPTED])
def test_an_allowed_format_is_known_by_its_content(name, content, kind):
    assert checked_format(io.BytesIO(content), name, len(content)) == kind


@pytest.mark.parametrize(("name", "content"), REFUSED, ids=[case[0] for case in REFUSED])
def test_markup_scripts_and_other_formats_are_refused_whatever_their_name(name, content):
    with pytest.raises(ValidationError, match="Web pages, SVG images and scripts are refused"):
        checked_format(io.BytesIO(content), name, len(content))


def test_a_file_over_the_size_limit_is_refused(settings):
    settings.DOCUMENT_MAX_BYTES = 1024
    with pytest.raises(ValidationError, match=r"documents may be 1\.0"):
        checked_format(io.BytesIO(b"%PDF-" + b"x" * 2000), "big.pdf", 2005)


@pytest.mark.django_db
def test_the_admin_stores_the_type_of_the_content_and_refuses_html_with_a_form_error(editor_client):
    programme = ProgrammeFactory()
    url = admin_url(Document, "add")
    data = form_data(editor_client.get(url)) | {
        "programme": programme.pk,
        "title_en": "Baseline study",
        "category": "A01",
        "languages": ["en", "es"],
        "file_format": FileFormat.HTML,  # what the staff member chose: the content decides
    }
    refused = editor_client.post(url, data | {"file": SimpleUploadedFile("study.pdf", b"<html>hi</html>")})
    assert "Web pages, SVG images and scripts are refused" in refused.content.decode()
    assert not programme.documents.exists()

    editor_client.post(url, data | {"file": SimpleUploadedFile("study.pdf", b"%PDF-1.4 baseline")})
    document = programme.documents.get()
    assert (document.file_format, document.languages, document.filename) == (FileFormat.PDF, "en,es", "study.pdf")
    assert document.file.read() == b"%PDF-1.4 baseline"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "fields",
    [
        {"programme": None},  # no record
        {"organisation": "an organisation"},  # two records
        {"file": "documents/x/a.pdf"},  # a file and a link
        {"url": ""},  # neither
        {"languages": "en,,es"},
    ],
    ids=["no record", "two records", "file and link", "neither", "bad languages"],
)
def test_the_database_refuses_a_document_that_is_not_exactly_one_thing(fields):
    document = DocumentFactory()
    if "organisation" in fields:
        fields = {"organisation": OrganisationFactory()}
    for name, value in fields.items():
        setattr(document, name, value)
    with pytest.raises(ValidationError):
        document.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        document.save()
