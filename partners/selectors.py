"""How many published programmes each organisation has a part in: one definition for the partner
pages, the partners API and the funder pages."""

from __future__ import annotations

from django.db.models import OuterRef, Q, QuerySet

from iomcaribbean.relations import related_model
from partners.models import Organisation, Participation
from programmes.models import Programme
from programmes.selectors import count_of


def funds_condition() -> Q:
    """Published-programme filter, inside a subquery over programmes, for "the outer organisation
    funds it through a grant" of its own (the funder pages' roll-up of departments' grants is
    ``funding.selectors.with_funder_counts``)."""
    grants = related_model(Organisation, "grants").objects.filter(funder=OuterRef(OuterRef("pk")))
    return Q(pk__in=grants.values("programme"))


def with_funded_programme_count(organisations: QuerySet[Organisation]) -> QuerySet[Organisation]:
    """``organisations`` with ``funded_programme_count``: the published programmes each funds."""
    funded = Programme.objects.published().filter(funds_condition())
    return organisations.annotate(funded_programme_count=count_of(funded))


def with_programme_counts(organisations: QuerySet[Organisation]) -> QuerySet[Organisation]:
    """``organisations`` with ``programme_count``, the published programmes each takes part in (in
    any role) or funds through a grant, each once; and ``funded_programme_count``, those it funds
    (its roles and grants its own: the funder pages' roll-up is ``with_funded_programme_count``'s).

    Each count is a subquery over the published programmes, one row each (so no DISTINCT), that
    looks up the organisation's programme ids by its index: the organisations' rows are never grouped.

    It lives in partners, the lowest app that sees every relation it needs: the grants are the
    reverse relation ``grants`` of Organisation, which the ORM reaches without partners importing
    funding. So partners' own pages and API count as the funder pages do, from one place.
    """
    organisation = OuterRef(OuterRef("pk"))
    takes_part = Q(pk__in=Participation.objects.filter(organisation=organisation).values("programme"))
    published = Programme.objects.published()
    return with_funded_programme_count(organisations).annotate(
        programme_count=count_of(published.filter(takes_part | funds_condition()))
    )
