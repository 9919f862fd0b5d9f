"""How many published programmes each country and each thematic area has.

One definition each, which the overview, the country and area lists and pages, the map and the
API all read; and ``count_of``, the scalar COUNT the other apps' counts are made of.
"""

from __future__ import annotations

from django.db.models import Count, F, Func, IntegerField, Q, QuerySet, Subquery

from programmes.models import Country, Programme, ProgrammeCountry, ThematicArea


def countries_with_programme_counts(countries: QuerySet[Country], *, keep_empty: bool = False) -> QuerySet[Country]:
    """``countries`` with ``programme_count``: the published programmes that work there.

    Only the links of the role "where it works" count (as the programme list's country filter
    and ``ProgrammeQuerySet.in_country``): a venue, or an origin or destination the narrative
    names, is not where a programme works. No DISTINCT: a programme has one link of that role to
    a country (``programme_country_unique``).

    Without ``keep_empty`` only the countries where one works are kept, and the published
    programmes are read once, as a semi-join of the country links: the link table is filtered
    before it is counted, not counted through a condition evaluated for each link. With it every
    country of ``countries`` is kept, 0 where none works (a country a programme only names).
    """
    works_there = Q(
        programme_links__role=ProgrammeCountry.Role.BENEFITING,
        programme_links__programme__in=Programme.objects.published(),
    )
    if keep_empty:
        return countries.annotate(programme_count=Count("programme_links", filter=works_there))
    return countries.filter(works_there).annotate(programme_count=Count("programme_links__programme"))


def areas_with_programme_counts() -> QuerySet[ThematicArea]:
    """Every thematic area, in its list's order, with ``programme_count``: its published programmes.

    One query: the published programmes are read once (from ``programme_published_idx``) and each
    link is looked up among them. No DISTINCT, as a programme is in an area once (the link table's
    unique key). Joining the condition instead would carry each area's texts through the joins.
    """
    published = Q(programmes__in=Programme.objects.published())
    return ThematicArea.objects.annotate(programme_count=Count("programmes", filter=published)).order_by(
        "list", "order", "name"
    )


def count_of(rows: QuerySet) -> Subquery:
    """``COUNT(*)`` of ``rows`` as a scalar subquery of the outer query (one row, no GROUP BY)."""
    count = Func(F("pk"), function="COUNT", output_field=IntegerField())
    # annotate, then values: modeltranslation's values() with no field names selects every field.
    return Subquery(rows.order_by().annotate(n=count).values("n")[:1], output_field=IntegerField())
