"""The public programme list as CSV and XLSX: the same programmes, filters and order as the page.

Every programme the filters select is in the file, not just the page on screen. ``?columns=``
picks the columns (comma-separated, or repeated as a form's checkboxes send them), in the order
given; without it the file has ``DEFAULT_COLUMNS``. An unknown column, like a filter value the
list rejects, answers 400 with the reason in plain text. ``?lang=es`` or ``fr`` gives the texts in
that language where translated, in English where not (``iomcaribbean.content_language``).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext, gettext_lazy

from iomcaribbean.content_language import in_requested_language
from iomcaribbean.exports import csv_response, xlsx_response
from iomcaribbean.public_routes import Route
from programmes.models import DatePrecision, Programme, ProgrammeCountry, iso_partial_date
from programmes.views.listing import FILTERS
from programmes.views.programmes import ProgrammeListView


def is_planned(programme: Programme, value: datetime.date | None) -> bool:
    """A date still to come, or any date of a programme in the pipeline, is planned; else it is actual.

    IATI tells planned from actual start and end dates; the portal stores one date of each, so
    what it means is read from the status and today's date.
    """
    return value is not None and (programme.status == Programme.Status.PIPELINE or value > timezone.localdate())


def _date(programme: Programme, date_field: str) -> datetime.date | str:
    """The date at the precision known: a day as a date, else ISO 8601 to the month or year
    ("2001-10", "2001"), never a made-up day; "" when not known."""
    value = getattr(programme, date_field)
    precision = programme.start_precision if date_field == "start_date" else programme.end_precision
    if value is None or precision == DatePrecision.DAY:
        return value or ""
    return iso_partial_date(value, precision)


def _planned(date_field: str) -> Callable[[Programme, HttpRequest], Any]:
    def get(programme: Programme, request: HttpRequest) -> Any:
        return _date(programme, date_field) if is_planned(programme, getattr(programme, date_field)) else ""

    return get


def _actual(date_field: str) -> Callable[[Programme, HttpRequest], Any]:
    def get(programme: Programme, request: HttpRequest) -> Any:
        value = getattr(programme, date_field)
        return _date(programme, date_field) if value is not None and not is_planned(programme, value) else ""

    return get


def _marked(field: str, value: Callable[[Programme], Any]) -> Callable[[Programme, HttpRequest], Any]:
    """The value, followed by "(estimate)" where it is one (the notes are in the "estimates" column)."""

    def get(programme: Programme, request: HttpRequest) -> Any:
        shown = value(programme)
        if shown not in (None, "") and getattr(programme, Programme.ESTIMATES[field]).strip():
            return f"{shown} ({gettext('estimate')})"
        return shown

    return get


def _estimates(programme: Programme, request: HttpRequest) -> str:
    """Each estimated field, named as its column, and what it rests on: "Status: …; Thematic areas: …"."""
    return "; ".join(f"{COLUMNS[field].label}: {note}" for field, note in programme.estimates().items())


def _unique(names: list[str]) -> str:
    """Distinct values in order, "; " between them."""
    return "; ".join(dict.fromkeys(names))


def _other_places(programme: Programme, request: HttpRequest) -> str:
    """The venue and the places the narrative names, each with its role: "Jamaica (Venue)"."""
    return _unique([f"{link.country.name} ({link.get_role_display()})" for link in programme.other_place_links])


# The links the "other_places" column reads (the others read ``for_listing``'s ``working_links``).
OTHER_PLACES = Prefetch(
    "country_links",
    queryset=ProgrammeCountry.objects.exclude(role=ProgrammeCountry.Role.BENEFITING).select_related("country"),
    to_attr="other_place_links",
)


@dataclass(frozen=True)
class Column:
    label: str  # an interface string (the list's "Choose the columns" says the same), in ``?lang=``'s language
    value: Callable[[Programme, HttpRequest], Any]


COLUMNS: dict[str, Column] = {
    "title": Column(gettext_lazy("Title"), lambda p, r: p.title),
    "acronym": Column(gettext_lazy("Acronym"), lambda p, r: p.acronym),
    "code": Column(gettext_lazy("IOM project code"), lambda p, r: p.code),
    "iati_identifier": Column(gettext_lazy("IATI identifier"), lambda p, r: p.iati_identifier),
    "status": Column(gettext_lazy("Status"), _marked("status", lambda p: p.get_status_display())),
    "status_code": Column(gettext_lazy("Status code (IATI ActivityStatus)"), lambda p, r: p.iati_status),
    "coverage": Column(gettext_lazy("Coverage"), _marked("coverage", lambda p: p.get_coverage_display())),
    "project_type": Column(gettext_lazy("Project type"), lambda p, r: p.project_type.name if p.project_type else ""),
    "dac_sector": Column(gettext_lazy("DAC sector code"), lambda p, r: p.dac_sector),
    # Where it works; a venue or a place the narrative names is in "other_places".
    "countries": Column(
        gettext_lazy("Countries"), lambda p, r: _unique([link.country.name for link in p.working_links])
    ),
    "country_codes": Column(
        gettext_lazy("Country codes (ISO 3166-1)"),
        lambda p, r: _unique([link.country.code for link in p.working_links]),
    ),
    "other_places": Column(gettext_lazy("Venue and places named"), _other_places),
    "thematic_areas": Column(
        gettext_lazy("Thematic areas"),
        _marked("thematic_areas", lambda p: _unique([a.name for a in p.thematic_areas.all()])),
    ),
    "start_date": Column(gettext_lazy("Start date"), _marked("start_date", lambda p: _date(p, "start_date"))),
    "start_precision": Column(
        gettext_lazy("Start date precision"), lambda p, r: p.start_precision if p.start_date else ""
    ),
    "end_date": Column(gettext_lazy("End date"), _marked("end_date", lambda p: _date(p, "end_date"))),
    "end_precision": Column(gettext_lazy("End date precision"), lambda p, r: p.end_precision if p.end_date else ""),
    "planned_start": Column(gettext_lazy("Planned start"), _planned("start_date")),
    "actual_start": Column(gettext_lazy("Actual start"), _actual("start_date")),
    "planned_end": Column(gettext_lazy("Planned end"), _planned("end_date")),
    "actual_end": Column(gettext_lazy("Actual end"), _actual("end_date")),
    "budget_amount": Column(gettext_lazy("Total budget"), lambda p, r: p.budget_amount),
    "budget_currency": Column(gettext_lazy("Total budget currency"), lambda p, r: p.budget_currency),
    "estimates": Column(gettext_lazy("Estimates (what they rest on)"), _estimates),
    "parent": Column(gettext_lazy("Phase of"), lambda p, r: p.parent.title if p.parent else ""),
    "url": Column(gettext_lazy("Page"), lambda p, r: r.build_absolute_uri(p.get_absolute_url())),
}
DEFAULT_COLUMNS = (
    "title",
    "code",
    "status",
    "coverage",
    "countries",
    "thematic_areas",
    "start_date",
    "end_date",
    "budget_amount",
    "budget_currency",
    "estimates",
    "url",
)


class ColumnError(ValueError):
    pass


def chosen_columns(request: HttpRequest) -> list[str]:
    """The columns ``?columns=`` names, in order and once each; ``DEFAULT_COLUMNS`` when it names none."""
    names = [name.strip() for value in request.GET.getlist("columns") for name in value.split(",")]
    names = list(dict.fromkeys(name for name in names if name))
    unknown = [name for name in names if name not in COLUMNS]
    if unknown:
        shown = ", ".join(repr(name[:40]) for name in unknown[:5])
        raise ColumnError(f"Unknown column {shown}. Choose from: {', '.join(COLUMNS)}.")
    return names or list(DEFAULT_COLUMNS)


@method_decorator(in_requested_language, name="dispatch")
class ProgrammeDownloadView(ProgrammeListView):
    """The list page's queryset (filters, search and sort), every row of it, as a file, in ``?lang=``'s language."""

    file_format = "csv"
    public_route = Route(FILTERS | {"sort", "columns", "lang"}, download=True, lists=frozenset({"columns"}))
    shows_filter_form = False  # no options drawn: a record's value is checked by reading the record

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            columns = chosen_columns(request)
        except ColumnError as error:
            return bad_request(str(error))
        programmes = self.get_queryset()
        if "other_places" in columns:
            programmes = programmes.prefetch_related(OTHER_PLACES)
        if self.filterset.errors:
            problems = [f"{name}: {' '.join(errors)}" for name, errors in self.filterset.errors.items()]
            return bad_request("Some filters could not be used. " + " ".join(problems))
        header = [str(COLUMNS[name].label) for name in columns]
        rows = ([COLUMNS[name].value(p, request) for name in columns] for p in programmes)
        if self.file_format == "xlsx":
            return xlsx_response("programmes.xlsx", [(gettext("Programmes"), header, rows)])
        return csv_response("programmes.csv", header, rows)


def bad_request(message: str) -> HttpResponse:
    return HttpResponseBadRequest(message + "\n", content_type="text/plain; charset=utf-8")
