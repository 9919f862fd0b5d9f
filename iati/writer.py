"""The published programmes as IATI activities (IATI Standard 2.03), streamed as XML.

The file is written as the standard library's ``XMLGenerator`` would write it (``_Writer``), one
activity at a time, from programmes fetched in batches of ``BATCH_SIZE``, so memory stays flat
however many there are.
What each activity says is decided in ``iati.activity``; the codes it writes are ``iati.codelists``.

A programme the export cannot write as a valid activity without inventing data (no start date,
country percentages that do not add up...) is left out of the file: ``activity.unwritable()``
says why, and the admin's data-quality panel (``iati.quality``) says how to fix it.
One piece: an activity's elements are written in the order IATI requires by one function, where
that order can be read; the organisation file (``iati.organisation``) uses the same ``_Writer``.

Functions other code relies on (keep their names and signatures):
``iter_activities_xml(programmes=None, *, include_unwritable=False, now=None, base_url="") -> Iterator[bytes]``,
``activity_xml(programme, *, today=None, base_url="") -> bytes``, ``export_queryset(queryset=None) -> QuerySet``,
and the file's two parts ``activity_in_file(programme, today, base_url="") -> bytes`` and
``around_activities(activities, now) -> Iterator[bytes]``, from which ``iati.kept_activities``
assembles the file out of activities written before (``export_queryset``'s reads are what it watches).

Texts staff translate (``programmes.translation``) are written once per language they have: a
``<narrative>`` in English (the activity's ``xml:lang``), then one with ``xml:lang="es"`` and one
with ``xml:lang="fr"`` where a translation exists. An untranslated text has its English narrative only.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import cache

from django.conf import settings
from django.db.models import Model, Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import get_language

from iati.activity import (
    Texts,
    activity_dates,
    activity_identifier,
    country_shares,
    description_texts,
    participating_orgs,
    reporting_org_texts,
    texts,
    unwritable,
    writable_budgets,
    writable_transactions,
)
from iati.codelists import (
    BUDGET_ORIGINAL,
    CARIBBEAN_REGION,
    CARIBBEAN_REGION_NAME,
    DESCRIPTION_GENERAL,
    IATI_VERSION,
    OTHER_ID_INTERNAL,
    REGION_VOCABULARY_DAC,
    RELATED_CHILD,
    RELATED_PARENT,
    REPORTING_ORG_TYPE,
    SECTOR_DAC,
    SECTOR_REPORTING_ORG,
)
from iati.documents import write_document_links
from iati.locations import write_locations
from iati.related import write_related_activities
from iati.results import write_results
from iomcaribbean.compiled_queries import compiled_once
from iomcaribbean.exports import XML_INVALID
from programmes.models import (
    Dimension,
    Indicator,
    Location,
    Period,
    Programme,
    ProgrammeCountry,
    RelatedActivity,
    Result,
)
from programmes.translation import DEFAULT_LANGUAGE

BATCH_SIZE = 50  # programmes per query batch: memory holds one batch at a time
LANGUAGE = DEFAULT_LANGUAGE  # the activity's xml:lang


# Fetching ----------------------------------------------------------------------------------------


def export_queryset(queryset: QuerySet[Programme] | None = None) -> QuerySet[Programme]:
    """``queryset`` (by default every published programme) with all the export reads, in a fixed number of queries."""
    if queryset is None:
        queryset = Programme.objects.published()
    # Copies: Django's prefetching gives the queryset it is handed a hint naming a programme.
    reads = {lookup: read.all() for lookup, read in _reads(get_language()).items()}
    return queryset.select_related("project_type", "parent").prefetch_related(
        *(Prefetch(lookup, queryset=read) for lookup, read in reads.items())
    )


@cache
def _reads(language: str) -> dict[str, QuerySet]:
    """Each related read of ``export_queryset``, compiled once (``iomcaribbean.compiled_queries``), in the
    order they are fetched; per language, as modeltranslation orders by the active one's columns."""
    rows = Programme._meta.get_field
    participation, grant = rows("participations").related_model, rows("grants").related_model
    links = ProgrammeCountry.objects.select_related("country")
    reads = {
        "country_links": links,
        "locations": Location.objects.select_related("country"),
        # Related programmes, phases and parents with what unwritable() reads: links go only to activities in the file.
        "related_activities": RelatedActivity.objects.select_related("related_programme"),
        "related_activities__related_programme__country_links": links,
        "parent__country_links": links,
        "participations": participation.objects.select_related("organisation"),
        "grants": grant.objects.select_related("funder"),
        "grants__transactions": grant._meta.get_field("transactions").related_model._default_manager.all(),
        "budgets": rows("budgets").related_model._default_manager.all(),
        "results": Result.objects.all(),
        "results__indicators": Indicator.objects.all(),
        "results__indicators__periods": Period.objects.all(),
        "results__indicators__periods__dimensions": Dimension.objects.all(),
        "documents": rows("documents").related_model._default_manager.all(),
        "phases": Programme.objects.published().order_by("order", "pk"),
        "phases__country_links": links,
    }
    return {lookup: compiled_once(read) for lookup, read in reads.items()}


def programmes_by_pk(pks: list[int]) -> QuerySet[Programme]:
    """These programmes, for ``export_queryset``, whose SQL is compiled once per number of them."""
    return _programmes(get_language()).filter(pk__in=pks)


@cache
def _programmes(language: str) -> QuerySet[Programme]:
    # With export_queryset's select_related already: adding it again leaves the query as it is.
    return compiled_once(Programme.objects.select_related("project_type", "parent"))


def in_batches(queryset: QuerySet[Programme], batch_size: int = BATCH_SIZE) -> Iterator[Programme]:
    """Every programme of ``queryset`` by primary key, ``batch_size`` (and their prefetches) at a time.

    Each batch is its own query, so no cursor stays open while the response streams. A programme's
    prefetched rows are dropped (``release``) when the next batch is read.
    """
    last_pk = 0
    while True:
        batch = list(queryset.filter(pk__gt=last_pk).order_by("pk")[:batch_size])
        yield from batch
        if len(batch) < batch_size:
            return
        last_pk = batch[-1].pk
        release(batch)


def release(records: Iterable[Model]) -> None:
    """Drop what prefetching cached on these records, and on the rows it fetched with them.

    Each prefetched row caches the record it belongs to and the record its rows: cycles that only a
    full garbage collection would free, walking every object of the process (70 ms and more a batch).
    Without them, a batch is freed as soon as it is dropped.
    """
    stack = list(records)
    while stack:
        record = stack.pop()
        for rows in record.__dict__.pop("_prefetched_objects_cache", {}).values():
            stack.extend(rows)
        fields = record._state.fields_cache
        stack.extend(related for related in fields.values() if related is not None)
        fields.clear()


# Writing -----------------------------------------------------------------------------------------


def _datetime(value: datetime.datetime) -> str:
    return timezone.localtime(value).replace(microsecond=0).isoformat()


def _amount(value: Decimal) -> str:
    return f"{value:f}"


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def _quoted(value: str) -> str:
    """An attribute's value in quotes, as ``xml.sax.saxutils.quoteattr`` writes it."""
    value = _escaped(value).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in value:
        return f'"{value}"'
    if "'" not in value:
        return f"'{value}'"
    return '"{}"'.format(value.replace('"', "&quot;"))


class _Writer:
    """Indented XML, taken piece by piece: the bytes of the standard library's ``XMLGenerator``
    (short empty elements, UTF-8 with character references for what it cannot encode), written
    as strings joined once, which takes a fifth of its time."""

    def __init__(self, base_url: str = "") -> None:
        self.base_url = base_url  # scheme and host of the portal's own addresses (iati.documents)
        self.parts: list[str] = []
        self.open_tag = False  # a start tag is waiting for its ">", or "/>" if the element stays empty
        self.depth = 0
        self.nested = False  # whether the open element has child elements

    def take(self) -> bytes:
        data = "".join(self.parts).encode("utf-8", "xmlcharrefreplace")
        self.parts.clear()
        return data

    def declaration(self) -> None:
        self.parts.append('<?xml version="1.0" encoding="utf-8"?>\n')

    def line_break(self) -> None:
        self._close_tag()
        self.parts.append("\n")

    def _close_tag(self) -> None:
        if self.open_tag:
            self.parts.append(">")
            self.open_tag = False

    def _indent(self) -> None:
        if self.depth:  # the root element follows the XML declaration's own line break
            self._close_tag()
            self.parts.append("\n" + "  " * self.depth)

    @staticmethod
    def _attrs(attrs: dict[str, str | None]) -> str:
        return "".join(
            f" {name}={_quoted(XML_INVALID.sub('', value))}" for name, value in attrs.items() if value not in (None, "")
        )

    def start(self, name: str, /, **attrs: str | None) -> None:
        self._indent()
        self._close_tag()
        self.parts.append(f"<{name}{self._attrs(attrs)}")
        self.open_tag = True
        self.depth += 1
        self.nested = False

    def end(self, name: str) -> None:
        self.depth -= 1
        if self.nested:
            self._close_tag()
            self.parts.append("\n" + "  " * self.depth)
        if self.open_tag:
            self.parts.append("/>")
            self.open_tag = False
        else:
            self.parts.append(f"</{name}>")
        self.nested = True

    def leaf(self, name: str, text: str | None = None, /, **attrs: str | None) -> None:
        # Positional-only: an attribute may be called name (a result's dimension).
        self._indent()
        self._close_tag()
        content = XML_INVALID.sub("", text.replace("\r\n", "\n")) if text else ""
        if content:
            self.parts.append(f"<{name}{self._attrs(attrs)}>{_escaped(content)}</{name}>")
        else:
            self.parts.append(f"<{name}{self._attrs(attrs)}/>")
        self.nested = True

    def narrative(self, text: str, language: str = LANGUAGE) -> None:
        self.leaf("narrative", text, **{"xml:lang": language})

    def text_element(self, name: str, text: str | Texts, **attrs: str | None) -> None:
        """The element with one narrative per language (``text`` as a plain string is English)."""
        self.start(name, **attrs)
        for language, value in [(LANGUAGE, text)] if isinstance(text, str) else text:
            self.narrative(value, language)
        self.end(name)


def _write_activity(out: _Writer, programme: Programme, today: datetime.date) -> None:
    reporting_ref = settings.IATI_REPORTING_ORG_REF
    out.start(
        "iati-activity",
        **{
            "xml:lang": LANGUAGE,
            "default-currency": programme.budget_currency or None,
            "last-updated-datetime": _datetime(programme.updated_at),
            "hierarchy": "2" if programme.parent_id else None,
        },
    )
    out.leaf("iati-identifier", activity_identifier(programme))
    iom = reporting_org_texts()
    out.text_element("reporting-org", iom, ref=reporting_ref, type=REPORTING_ORG_TYPE)
    out.text_element("title", texts(programme, "title"))
    out.text_element("description", description_texts(programme), type=DESCRIPTION_GENERAL)
    for org in participating_orgs(programme):
        out.text_element("participating-org", org.names, ref=org.ref, type=org.type, role=org.role)
    if programme.code:
        out.start("other-identifier", ref=programme.code, type=OTHER_ID_INTERNAL)
        out.text_element("owner-org", iom, ref=reporting_ref)
        out.end("other-identifier")
    out.leaf("activity-status", code=programme.iati_status)
    for date in activity_dates(programme, today):
        attrs = {"type": date.type, "iso-date": date.date.isoformat()}
        if date.narrative:
            out.text_element("activity-date", date.narrative, **attrs)
        else:
            out.leaf("activity-date", **attrs)
    if programme.coverage and not programme.coverage_estimate.strip():
        out.leaf("activity-scope", code=Programme.IATI_SCOPE[programme.coverage])
    countries = country_shares(programme)
    for country, share in countries.shares:
        percentage = None if share is None else _amount(share)
        out.text_element("recipient-country", texts(country, "name"), code=country.code, percentage=percentage)
    if not countries.shares and not countries.error:
        out.text_element(
            "recipient-region",
            CARIBBEAN_REGION_NAME,
            code=CARIBBEAN_REGION,
            vocabulary=REGION_VOCABULARY_DAC,
            percentage="100",
        )
    write_locations(out, programme)
    out.leaf("sector", vocabulary=SECTOR_DAC, code=programme.dac_sector, percentage="100")
    if project_type := programme.project_type:
        out.text_element(
            "sector",
            texts(project_type, "name"),
            vocabulary=SECTOR_REPORTING_ORG,
            code=project_type.slug,
            percentage="100",
        )
    for budget in writable_budgets(programme):
        out.start("budget", type=BUDGET_ORIGINAL, status=budget.status or None)
        out.leaf("period-start", **{"iso-date": budget.period_start.isoformat()})
        out.leaf("period-end", **{"iso-date": budget.period_end.isoformat()})
        value_date = budget.period_start.isoformat()
        out.leaf("value", _amount(budget.amount), currency=budget.currency, **{"value-date": value_date})
        out.end("budget")
    for grant, transaction in writable_transactions(programme, today):
        funder, date = grant.funder, transaction.date.isoformat()
        out.start("transaction")
        out.leaf("transaction-type", code=transaction.type)
        out.leaf("transaction-date", **{"iso-date": date})
        out.leaf("value", _amount(transaction.amount), currency=transaction.currency, **{"value-date": date})
        if transaction.description:
            out.text_element("description", transaction.description)
        out.text_element("provider-org", texts(funder, "name"), ref=funder.iati_identifier, type=funder.type)
        out.text_element("receiver-org", iom, ref=reporting_ref, type=REPORTING_ORG_TYPE)
        out.end("transaction")
    write_document_links(out, programme.documents.all(), out.base_url)
    # Only to activities in the file: a phase or parent left out of it is no link a reader can follow.
    if programme.parent_id and not unwritable(programme.parent):
        out.leaf("related-activity", ref=activity_identifier(programme.parent), type=RELATED_PARENT)
    for phase in programme.phases.all():
        if not unwritable(phase):
            out.leaf("related-activity", ref=activity_identifier(phase), type=RELATED_CHILD)
    write_related_activities(out, programme)
    write_results(out, programme)
    out.end("iati-activity")


def activity_xml(programme: Programme, *, today: datetime.date | None = None, base_url: str = "") -> bytes:
    """One ``<iati-activity>`` element (UTF-8, no XML declaration), whether or not it is writable."""
    out = _Writer(base_url)
    _write_activity(out, programme, today or timezone.localdate())
    return out.take()


def activity_in_file(programme: Programme, today: datetime.date, base_url: str = "") -> bytes:
    """One ``<iati-activity>`` as a file holds it, one level down: what ``around_activities`` takes
    (``iati.kept_activities`` keeps it)."""
    out = _Writer(base_url)
    out.depth = 1
    _write_activity(out, programme, today)
    # Without the line break before it: ``around_activities`` writes that, closing the root's start tag.
    return out.take().removeprefix(b"\n  ")


def around_activities(activities: Iterable[bytes], now: datetime.datetime) -> Iterator[bytes]:
    """The file, chunk by chunk: the declaration and root element around ``activity_in_file``'s pieces."""
    out = _Writer()
    out.declaration()
    out.start("iati-activities", version=IATI_VERSION, **{"generated-datetime": _datetime(now)})
    yield out.take()
    for activity in activities:
        out._indent()  # which closes the root's start tag before its first activity
        out.nested = True
        yield out.take() + activity
    out.end("iati-activities")
    out.line_break()
    yield out.take()


def iter_activities_xml(
    programmes: QuerySet[Programme] | Iterable[Programme] | None = None,
    *,
    include_unwritable: bool = False,
    now: datetime.datetime | None = None,
    base_url: str = "",
) -> Iterator[bytes]:
    """An IATI activities file, chunk by chunk: the header, then one chunk per activity, then the footer.

    ``programmes`` defaults to every published programme; a QuerySet is fetched in batches with
    ``export_queryset()``'s prefetches, any other iterable is written as given (prefetch it).
    Programmes ``unwritable()`` rejects are left out unless ``include_unwritable`` (staff previews).
    With no programme at all the file has no activity, which the schema does not allow.
    ``base_url`` (scheme and host) makes the links to the portal's own document files absolute.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    if programmes is None or isinstance(programmes, QuerySet):
        programmes = in_batches(export_queryset(programmes))
    activities = (
        activity_in_file(programme, today, base_url)
        for programme in programmes
        if include_unwritable or not unwritable(programme)
    )
    yield from around_activities(activities, now)
