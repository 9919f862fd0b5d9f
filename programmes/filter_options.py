"""The options the programme list's filters offer: only what published programmes use, so that no
option reveals an unpublished programme's country, theme, partner or funder. Each list costs
about one index look-up per option, and is kept in the cache until the next edit of the catalogue
(``iomcaribbean.catalogue``): rewording a programme leaves them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import Model, OuterRef, QuerySet, Subquery
from django.http import HttpRequest
from django.utils.translation import get_language

from iomcaribbean.catalogue import kept
from iomcaribbean.relations import related_model
from programmes.models import Country, Programme, ProgrammeCountry, ProjectType, ThematicArea, published_condition
from programmes.translation import DEFAULT_LANGUAGE, localized


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

    return kept(request, "filter-codes", build)


class OptionLabel(str):
    """An option's label, and the language it is in where that is not the page's: its ``<option>``
    says ``lang="en"`` for a name with no translation (WCAG 3.1.2; ``filters.OptionsSelect``)."""

    lang = ""


def _options(queryset: QuerySet, label: Callable[..., str] = str, *also: str, **uses: Any) -> list[tuple]:
    """(slug, label) of each record of ``queryset``, in its order, from its rows' columns in every
    language rather than from model instances: the lists have hundreds of options, and a model
    instance with translated fields costs about ten times as much as its row.

    ``label(name, *also)`` words the option from the active language's texts, each falling back to
    English where it has no translation, as modeltranslation reads them (``shown_language``);
    ``uses`` are annotations returned beside each option, as (slug, label, {name: value}).
    """
    language = get_language()
    fields = ("name", *also)
    # Each field's column in the page's language and in English.
    columns = [(localized(field, language), localized(field, DEFAULT_LANGUAGE)) for field in fields]
    options = []
    for row in queryset.annotate(**uses).values("slug", *{column for pair in columns for column in pair}, *uses):
        texts = [row[own] or row[english] or "" for own, english in columns]
        option = OptionLabel(label(*texts))
        own, english = columns[0]
        if not row[own] and own != english:
            option.lang = DEFAULT_LANGUAGE  # the name is English, in place of a missing translation
        options.append((row["slug"], option, {use: row[use] for use in uses}) if uses else (row["slug"], option))
    return options


def record_choices(request: HttpRequest | None) -> dict[str, list[tuple[str, str]]]:
    """The options of MODEL_CHOICE_FILTERS as (slug, label) pairs: four queries when built
    (organisations once, as funders and as partners together)."""

    def build() -> dict[str, list[tuple[str, str]]]:
        # Every organisation with a published use of each kind (a few hundred rows, each two
        # index look-ups), sorted out here rather than filtered by the database.
        everyone = organisations()
        with_uses = _options(
            everyone,
            everyone.model.label,
            "acronym",
            funded=first_published_use(related_model(Programme, "grants"), "funder"),
            took_part=first_published_use(related_model(Programme, "participations"), "organisation"),
        )
        return {
            "country": _options(countries(request)),
            "area": _options(thematic_areas(request)),
            "type": _options(project_types(request)),
            "funder": [(slug, label) for slug, label, uses in with_uses if uses["funded"] is not None],
            "partner": [(slug, label) for slug, label, uses in with_uses if uses["took_part"] is not None],
        }

    return kept(request, "filter-records", build)
