"""IOM's IATI organisation file (IATI Standard 2.03): its identifier and names, the budgets staff
entered (``funding.OrganisationBudget``) and the documents of the overview and of IOM's own
organisation record.

Only what is known is written: with no budget entered the file has none (the sources give none),
and a budget's currency is on its value, as the file states no default currency.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from documents.models import Document, public_document_condition
from funding.models import OrganisationBudget
from iati.activity import reporting_org_texts, texts
from iati.codelists import IATI_VERSION, REPORTING_ORG_TYPE
from iati.documents import write_document_links
from iati.writer import LANGUAGE, _amount, _datetime, _Writer
from programmes.models import on_home_page_condition


def organisation_documents() -> list[Document]:
    """The public documents of the overview on the home page and of IOM's own organisation record."""
    ours = on_home_page_condition("overview") | Q(organisation__iati_identifier=settings.IATI_REPORTING_ORG_REF)
    return list(Document.objects.filter(public_document_condition()).filter(ours))


def last_updated(budgets: list[OrganisationBudget], documents: list[Document]) -> datetime.datetime | None:
    changes = [record.updated_at for record in [*budgets, *documents]]
    return max(changes, default=None)


def _write_budget(out: _Writer, budget: OrganisationBudget) -> None:
    name = "recipient-country-budget" if budget.recipient_country_id else "total-budget"
    out.start(name, status=budget.status)
    if country := budget.recipient_country:
        out.text_element("recipient-country", texts(country, "name"), code=country.code)
    out.leaf("period-start", **{"iso-date": budget.period_start.isoformat()})
    out.leaf("period-end", **{"iso-date": budget.period_end.isoformat()})
    value_date = budget.period_start.isoformat()
    out.leaf("value", _amount(budget.amount), currency=budget.currency, **{"value-date": value_date})
    out.end(name)


def organisation_xml(*, now: datetime.datetime | None = None, base_url: str = "") -> bytes:
    """The whole file. ``base_url`` (scheme and host) makes the links to the portal's own files absolute."""
    budgets = list(OrganisationBudget.objects.select_related("recipient_country"))
    documents = organisation_documents()
    updated = last_updated(budgets, documents)
    reporting_ref = settings.IATI_REPORTING_ORG_REF
    out = _Writer(base_url)
    out.declaration()
    out.start("iati-organisations", version=IATI_VERSION, **{"generated-datetime": _datetime(now or timezone.now())})
    out.start(
        "iati-organisation",
        **{"xml:lang": LANGUAGE, "last-updated-datetime": _datetime(updated) if updated else None},
    )
    out.leaf("organisation-identifier", reporting_ref)
    iom = reporting_org_texts()
    out.text_element("name", iom)
    out.text_element("reporting-org", iom, ref=reporting_ref, type=REPORTING_ORG_TYPE)
    # IATI's order: every total-budget before every recipient-country-budget.
    for budget in sorted(budgets, key=lambda budget: budget.recipient_country_id is not None):
        _write_budget(out, budget)
    write_document_links(out, documents, base_url)
    out.end("iati-organisation")
    out.end("iati-organisations")
    out.line_break()
    return out.take()
