"""How many published programmes each organisation has a part in: one definition for the partner
pages, the partners API and the funder pages."""

from __future__ import annotations

from django.db.models import OuterRef, Q, QuerySet

from partners.models import Organisation, Participation, in_family_of
from programmes.models import Programme
from programmes.selectors import count_of


def with_programme_counts(organisations: QuerySet[Organisation], *, rolled_up: bool = False) -> QuerySet[Organisation]:
    """``organisations`` with ``programme_count``, the published programmes each takes part in (in
    any role) or funds through a grant, each once; and ``funded_programme_count``, those it funds.

    With ``rolled_up`` a body's departments' grants count as its own (``in_family_of``), as the
    funder pages total them (``funding.selectors.rolled_up``); its roles stay its own. Each count
    is a subquery over the published programmes, one row each (so no DISTINCT), that looks up
    the organisation's programme ids by its index: the organisations' rows are never grouped.

    It lives in partners, the lowest app that sees every relation it needs: the grants are the
    reverse relation ``grants`` of Organisation, which the ORM reaches without partners importing
    funding. So partners' own pages and API count as the funder pages do, from one place.
    """
    organisation = OuterRef(OuterRef("pk"))
    grants = Organisation._meta.get_field("grants").related_model.objects
    funder = in_family_of("funder", organisation) if rolled_up else Q(funder=organisation)
    funds = Q(pk__in=grants.filter(funder).values("programme"))
    takes_part = Q(pk__in=Participation.objects.filter(organisation=organisation).values("programme"))
    published = Programme.objects.published()
    return organisations.annotate(
        programme_count=count_of(published.filter(takes_part | funds)),
        funded_programme_count=count_of(published.filter(funds)),
    )
