"""IATI ``document-link``: a record's documents written into an activity or the organisation file, and
an activity's read back.

A document's address is the portal's copy of its file (absolute, from the address the file is
asked for at) or its external link. Its date is written only when known to the day: IATI's
``document-date`` holds a full date and no narrative, so a month or a year would read as a day
no source gave. On import, a link to one of the portal's own files of that programme is the
file already there; any other link is read as an external-link document of the programme.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from lxml import etree

from documents.models import Category, Document, FileFormat, Language
from iati.activity import texts
from iati.elements import narrative, parse_date, translations
from iati.records import ActivityData, DocumentData
from programmes.models import DatePrecision, Programme
from programmes.translation import localized_values

PORTAL_FILE = re.compile(r"^/documents/(?P<pk>\d+)/(?P<filename>[^/]+)$")


def write_document_links(out: Any, documents: Iterable[Document], base_url: str) -> None:
    """One ``document-link`` per document, in ``out`` (an ``iati.writer`` writer).

    A portal file needs ``base_url`` (scheme and host) for an address another system can follow;
    without one (a file written outside a request) the portal's files are left out.
    """
    for document in documents:
        if document.file and not base_url:
            continue
        url = base_url + document.get_absolute_url() if document.file else document.url
        out.start("document-link", url=url, format=document.file_format)
        out.text_element("title", texts(document, "title"))
        if description := texts(document, "description"):
            out.text_element("description", description)
        out.leaf("category", code=document.category)
        for code in document.language_codes:
            out.leaf("language", code=code)
        if document.date and document.date_precision == DatePrecision.DAY:
            out.leaf("document-date", **{"iso-date": document.date.isoformat()})
        out.end("document-link")


# Reading -----------------------------------------------------------------------------------------


def read_document_links(element: etree._Element, lang: str, reasons: list[str]) -> list[DocumentData]:
    """The activity's ``document-link``s; what keeps one from being recorded goes in ``reasons``."""
    found = []
    for link in element.findall("document-link"):
        url = (link.get("url") or "").strip()
        what = f"the document-link to {url or '(no url)'}"
        title = narrative(link.find("title"), lang)
        category = next((c.get("code", "") for c in link.findall("category")), "")
        languages = [(code.get("code") or "").lower() for code in link.findall("language")] or [lang]
        if not url.startswith(("http://", "https://")) or len(url) > 500:
            reasons.append(f"{what} has no web address of at most 500 characters")
        if link.get("format") not in FileFormat.values:
            reasons.append(f"{what} has the format '{link.get('format')}', which the portal does not record")
        if category not in Category.values:
            reasons.append(f"{what} has the category '{category}', not an IATI DocumentCategory code")
        if not title or len(title) > 300:
            reasons.append(f"{what} needs a title of at most 300 characters")
        if unknown := [code for code in languages if code not in Language.values]:
            reasons.append(f"{what} is in a language the portal does not record ({', '.join(unknown)})")
        date_element = link.find("document-date")
        date = None
        if date_element is not None:
            date = parse_date(date_element.get("iso-date"), f"{what}'s document-date", reasons)
        found.append(
            DocumentData(
                url=url,
                file_format=link.get("format", ""),
                title=title,
                category=category,
                languages=",".join(code for code in Language.values if code in languages),
                description=narrative(link.find("description"), lang, keep_lines=True),
                date=date,
                title_translations=translations(link.find("title"), lang, max_length=300),
                description_translations=translations(link.find("description"), lang, keep_lines=True),
            )
        )
    return found


def is_portal_file(programme: Programme, url: str) -> bool:
    """Whether ``url`` is the address of one of the programme's own files (whatever host wrote it)."""
    match = PORTAL_FILE.match(urlsplit(url).path)
    return bool(match) and programme.documents.filter(pk=match["pk"], file__endswith=f"/{match['filename']}").exists()


def write_documents(writer: Any, programme: Programme, activity: ActivityData) -> None:
    """Record the activity's external links as the programme's documents (``writer``: the import's
    ``ActivityWriter``), each matched by its address so that a re-import updates it."""
    for data in activity.documents:
        if is_portal_file(programme, data.url):
            continue
        document = programme.documents.filter(url=data.url).first() or Document(programme=programme, url=data.url)
        writer.save(document, "document", **document_values(data))


def document_values(data: DocumentData) -> dict[str, Any]:
    """The fields of an external-link document, as the file gives them."""
    values = {
        "title": data.title,
        "description": data.description,
        "category": data.category,
        "languages": data.languages,
        "file_format": data.file_format,
        "date": data.date,
        "date_precision": DatePrecision.DAY,
    }
    return (
        values
        | localized_values("title", data.title_translations)
        | localized_values("description", data.description_translations)
    )
