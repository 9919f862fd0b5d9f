"""A programme's documents in its IATI activity (document-link), and back from an import."""

from __future__ import annotations

import datetime

import pytest
from lxml import etree

from documents.models import Document
from iati.importer import iati_file_import
from iati.writer import iter_activities_xml
from programmes.models import Programme
from tests import iati as check
from tests.factories import DocumentFactory

pytestmark = pytest.mark.django_db


def seminar() -> Programme:
    return Programme.objects.get(code="T81-805")


def links(xml: bytes) -> dict[str, etree._Element]:
    return {link.get("url"): link for link in etree.fromstring(xml).iter("document-link")}


def test_the_activity_links_each_document_with_what_iati_asks_and_stays_valid(client):
    evaluation = DocumentFactory(
        programme=seminar(),
        title_en="Evaluation",
        title_es="Evaluación",
        category="A07",
        languages="en,es",
        date=datetime.date(2002, 3, 14),
    )
    xml = client.get(f"/programmes/{seminar().slug}/iati.xml").content
    assert check.validate_schema(xml) == [] and check.check_codelists(xml) == [] and check.check_rules(xml) == []

    found = links(xml)
    record = found[f"http://testserver{Document.objects.get(programme=seminar(), url='').get_absolute_url()}"]
    assert (record.get("format"), record.find("category").get("code")) == ("text/plain", "A12")
    assert record.find("document-date") is None  # the page gives no date
    external = found[evaluation.url]
    assert [n.text for n in external.find("title")] == ["Evaluation", "Evaluación"]
    assert [language.get("code") for language in external.findall("language")] == ["en", "es"]
    assert external.find("document-date").get("iso-date") == "2002-03-14"


def test_a_date_known_only_to_the_month_is_not_written_as_a_day():
    DocumentFactory(programme=seminar(), date=datetime.date(2002, 10, 1), date_precision="month")
    xml = b"".join(iter_activities_xml(Programme.objects.filter(code="T81-805")))
    assert not etree.fromstring(xml).xpath("//document-link/document-date")


def test_links_come_back_from_an_import_and_the_portals_own_files_are_not_copied():
    linked = DocumentFactory(programme=seminar(), title_en="Evaluation", title_fr="Évaluation", category="A07")
    kept = {name: getattr(linked, name) for name in ("url", "title_en", "title_fr", "category", "languages")}
    exported = b"".join(iter_activities_xml(Programme.objects.filter(code="T81-805"), base_url="http://testserver"))
    linked.delete()

    assert iati_file_import(source=exported).ok
    back = seminar().documents.get(url=kept["url"])
    assert {name: getattr(back, name) for name in kept} == kept
    assert seminar().documents.count() == 2  # the record's text, and the link again: the file is not copied
    assert iati_file_import(source=exported).ok
    assert seminar().documents.count() == 2
