"""The options the programme list's filters offer: only what published programmes use, so that no
option reveals an unpublished programme's country, theme, partner or funder. Each list costs
about one index look-up per option, and is kept in the cache until the next edit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.db.models import Model, OuterRef, QuerySet, Subquery
from django.http import HttpRequest
from django.utils.translation import get_language

from iomcaribbean.relations import related_model
from programmes.models import Country, Programme, ProgrammeCountry, ProjectType, ThematicArea, published_condition
from programmes.translation import shown_language


def first_published_use(links: type[Model], key: str, path: str = "programme", **conditions: Any) -> Subquery:
    """A published programme among the rows of ``links`` whose ``key`` is the outer record (and
    that meet ``conditions``), or NULL.

    A subquery with LIMIT 1 for each record offered: the database walks the record's links
    (by the index of ``key``) until one leads to a published programme, so a list of options
    costs about one index look-up per option, however many programmes there are. (A join or an
    IN would read every published programme, and the programmes with their parents, instead.)
    ``path`` leads from a row of ``links`` to its programme ("" when ``links`` are programmes).
    """
    rows = links.objects.filter(published_condition(path), **{key: OuterRef("pk")}, **conditions).order_by()
    return Subquery(rows.values(path or "pk")[:1])


def in_use(queryset: QuerySet, links: type[Model], key: str, path: str = "programme", **conditions: Any) -> QuerySet:
    """The records of ``queryset`` that some published programme uses (``first_published_use``)."""
    published_use = first_published_use(links, key, path, **conditions)
    return queryset.alias(published_use=published_use).filter(published_use__isnull=False)


# A country is offered, and filters, where a programme works: not where it is only a venue or a
# place its narrative names (``ProgrammeCountry.Role``).
WORKS_THERE = {"role": ProgrammeCountry.Role.BENEFITING}


def countries(request: HttpRequest | None) -> QuerySet[Country]:
    return in_use(Country.objects.all(), ProgrammeCountry, "country", **WORKS_THERE)


def thematic_areas(request: HttpRequest | None) -> QuerySet[ThematicArea]:
    return in_use(ThematicArea.objects.all(), Programme.thematic_areas.through, "thematicarea")


def project_types(request: HttpRequest | None) -> QuerySet[ProjectType]:
    return in_use(ProjectType.objects.all(), Programme, "project_type", path="")


# Grants and participations point at a programme from the apps above, which programmes never
# imports: their models are reached through those relations on Programme.


def organisations() -> QuerySet:
    """Every organisation (the model funders and partners are records of)."""
    return related_model(Programme, "participations", "organisation").objects.all()


def funders(request: HttpRequest | None) -> QuerySet:
    """Organisations funding at least one published programme."""
    return in_use(organisations(), related_model(Programme, "grants"), "funder")


def partners(request: HttpRequest | None) -> QuerySet:
    """Organisations taking part in at least one published programme (as ``Organisation.objects.partners()``)."""
    return in_use(organisations(), related_model(Programme, "participations"), "organisation")


# Filters whose options are records: their lists are built only when a form is shown.
MODEL_CHOICE_FILTERS = ("country", "area", "type", "funder", "partner")
KEPT_SECONDS = 24 * 60 * 60


def _kept(request: HttpRequest | None, name: str, build: Callable[[], dict]) -> dict:
    """``build()``, kept in the cache until the next edit (the request's content version, set by
    ``iomcaribbean.caching``), per language since labels are translated; built afresh without one."""
    version = getattr(request, "content_version", None)
    if version is None:
        return build()
    key = f"programme-filter-{name}:{version}:{get_language()}"
    # A day at most: after the next edit the key is never asked for again.
    return cache.get_or_set(key, build, timeout=KEPT_SECONDS)


def code_choices(request: HttpRequest | None) -> dict[str, list[tuple[str, str]]]:
    """The statuses and the coverages published programmes have (one query for both).

    One row of six probes, one per status and coverage, each a LIMIT 1 subquery that stops at
    the first published programme with it, rather than the DISTINCT of every published programme.
    """
    fields = {"status": Programme.Status.choices, "coverage": Programme.Coverage.choices}

    def build() -> dict[str, list[tuple[str, str]]]:
        probes = {
            f"{name}_{value}": Subquery(
                Programme.objects.published().filter(**{name: value}).order_by().values("pk")[:1]
            )
            for name, choices in fields.items()
            for value, _ in choices
        }
        # Any one row carries the probes; none at all when there is no programme.
        found = next(iter(Programme.objects.order_by().annotate(**probes).values(*probes)[:1]), {})
        return {
            name: [(value, str(label)) for value, label in choices if found.get(f"{name}_{value}") is not None]
            for name, choices in fields.items()
        }

    return _kept(request, "codes", build)


class OptionLabel(str):
    """An option's label, and the language it is in where that is not the page's: its ``<option>``
    says ``lang="en"`` for a name with no translation (WCAG 3.1.2; ``filters.OptionsSelect``)."""

    lang = ""


def _option(record: Model) -> tuple[str, str]:
    label = OptionLabel(record)
    language = shown_language(record, "name")
    if language != get_language():
        label.lang = language
    return (record.slug, label)


def record_choices(request: HttpRequest | None) -> dict[str, list[tuple[str, str]]]:
    """The options of MODEL_CHOICE_FILTERS as (slug, label) pairs: four queries when built
    (organisations once, as funders and as partners together)."""

    def build() -> dict[str, list[tuple[str, str]]]:
        # Every organisation with a published use of each kind (a few hundred rows, each two
        # index look-ups), sorted out here rather than filtered by the database; only what the
        # options show (the name and acronym, in every language, as str() reads them).
        with_uses = (
            organisations()
            .only("slug", "name", "acronym")
            .annotate(
                funded=first_published_use(related_model(Programme, "grants"), "funder"),
                took_part=first_published_use(related_model(Programme, "participations"), "organisation"),
            )
        )
        lists: dict[str, list[tuple[str, str]]] = {
            "country": [_option(c) for c in countries(request)],
            "area": [_option(a) for a in thematic_areas(request)],
            "type": [_option(t) for t in project_types(request)],
            "funder": [],
            "partner": [],
        }
        for organisation in with_uses:
            option = _option(organisation)
            if organisation.funded is not None:
                lists["funder"].append(option)
            if organisation.took_part is not None:
                lists["partner"].append(option)
        return lists

    return _kept(request, "records", build)
