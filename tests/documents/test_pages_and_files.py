"""Documents on their records' pages and in the library, and their files: each while its record is public."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.base import ContentFile

from documents.models import Document, FileFormat
from programmes.models import Overview, Programme
from tests.factories import DocumentFactory, OrganisationFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db

SEMINAR = "/programmes/international-migration-policy-seminar-caribbean/"


def uploaded(record: dict, content: bytes, name: str, kind: str) -> Document:
    """A document of ``record`` (``{"organisation": ...}``) with an uploaded file."""
    record = {"programme": None, **record}
    return DocumentFactory(**record, url="", file=ContentFile(content, name=name), file_format=kind)


def test_the_sources_are_documents_of_their_records_with_the_text_the_portal_received(client):
    brochure = Document.objects.get(overview__slug="iom-in-the-caribbean-2002")
    record = Document.objects.get(programme__code="T81-805")
    assert (brochure.category, brochure.date_display, brochure.url) == ("B03", "October 2002", "")
    assert (record.category, record.date, record.url) == ("A12", None, "")
    text = client.get(record.get_absolute_url())
    assert b"".join(text.streaming_content).startswith(b"-\nWho we are")
    assert brochure.title in client.get("/").content.decode()
    page = client.get(SEMINAR).content.decode()
    assert 'id="documents"' in page and record.get_absolute_url() in page


def test_a_file_is_served_as_data_with_its_stored_type(client):
    programme = Programme.objects.get(code="T81-805")
    pdf = uploaded({"programme": programme}, b"%PDF-1.4 report", "report.pdf", FileFormat.PDF)
    text = Document.objects.get(programme=programme, file_format=FileFormat.TEXT)

    shown = client.get(pdf.get_absolute_url())
    assert shown["Content-Type"] == "application/pdf"
    assert shown["Content-Disposition"] == 'inline; filename="report.pdf"'
    saved = client.get(text.get_absolute_url())
    assert saved["Content-Type"] == "text/plain; charset=utf-8"
    assert saved["Content-Disposition"].startswith("attachment;")
    for response in (shown, saved):
        assert b"".join(response.streaming_content)
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert client.get(f"/documents/{pdf.pk}/other.pdf").status_code == 404
    # Last: closing the kept file for a 304 sends request_finished, which closes the test's connection.
    again = client.get(pdf.get_absolute_url(), headers={"If-None-Match": shown["ETag"]})
    assert again.status_code == 304


def test_the_files_of_records_the_public_cannot_see_are_not_found(client, admin_client):
    draft = uploaded({"programme": ProgrammeFactory(is_published=False)}, b"draft", "draft.txt", FileFormat.TEXT)
    # An organisation with no part in anything public has no page, so neither have its documents.
    unseen = uploaded({"organisation": OrganisationFactory()}, b"memo", "memo.txt", FileFormat.TEXT)
    old_overview = Overview.objects.create(title="Old overview", slug="old", date=datetime.date(1999, 1, 1))
    hidden = uploaded({"overview": old_overview}, b"old", "old.txt", FileFormat.TEXT)
    for document in (draft, unseen, hidden):
        assert client.get(document.get_absolute_url()).status_code == 404
        assert admin_client.get(document.get_absolute_url()).status_code == 200  # staff may check a file
    assert not Document.objects.public().filter(pk__in=[draft.pk, unseen.pk, hidden.pk]).exists()


def test_the_library_filters_by_category_language_year_kind_and_title(client):
    seminar = Programme.objects.get(code="T81-805")
    DocumentFactory(
        programme=seminar,
        title="Evaluation of the seminar",
        category="A07",
        languages="en,es",
        date=datetime.date(2002, 3, 1),
    )
    DocumentFactory(programme=ProgrammeFactory(is_published=False), title="Evaluation of a draft")

    def titles(query: str) -> list[str]:
        page = client.get(f"/documents/?{query}")
        return [document.title for document in page.context["documents"]]

    # The newest first, the undated last.
    assert titles("") == [
        "IOM in the Caribbean (brochure, October 2002): text",
        "Evaluation of the seminar",
        "IOM project record T81-805: text",
    ]
    assert titles("q=evaluation") == ["Evaluation of the seminar"]
    assert titles("language=es") == ["Evaluation of the seminar"]
    assert titles("category=B03&year=2002") == ["IOM in the Caribbean (brochure, October 2002): text"]
    assert titles("kind=programme&category=A12") == ["IOM project record T81-805: text"]
    assert client.get("/documents/?year=3000").status_code == 200  # refused filter: the form says why
    spanish = client.get("/es/documents/").content.decode()
    assert "Documentos" in spanish and "La OIM en el Caribe (folleto, octubre de 2002): texto" in spanish


def test_a_saved_document_moves_the_content_version_so_kept_pages_show_it(client):
    document = Document.objects.get(programme__code="T81-805")
    assert document.title in client.get(SEMINAR).content.decode()
    document.title_en = "Project record, retitled"
    document.save()
    assert "Project record, retitled" in client.get(SEMINAR).content.decode()


def test_the_api_lists_the_public_documents_with_their_links_and_filters(client):
    DocumentFactory(programme=ProgrammeFactory(is_published=False), title="Evaluation of a draft")
    listed = client.get("/api/documents/?lang=es").json()
    assert [d["title"] for d in listed["results"]] == [
        "La OIM en el Caribe (folleto, octubre de 2002): texto",
        "Ficha de proyecto de la OIM T81-805: texto",
    ]
    brochure = listed["results"][0]
    assert (brochure["date"], brochure["overview"], brochure["programme"]) == ("2002-10", True, None)
    assert brochure["link"] == f"http://testserver{Document.objects.get(overview__isnull=False).get_absolute_url()}"
    assert "/es/" not in brochure["link"]  # a file has one address in every language
    assert [d["category"]["code"] for d in client.get("/api/documents/?category=A12").json()["results"]] == ["A12"]
