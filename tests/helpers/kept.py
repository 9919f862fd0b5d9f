"""Forgetting what the portal keeps, so that a test's next request is answered afresh."""

from django.core.cache import caches
from django.urls import reverse

from programmes.models import Programme
from tests.factories import RelatedActivityFactory


def forget_kept_pages() -> None:
    """Every kept page, with what the default cache keeps (the filter lists, donors' kept dashboards)
    and the fragments (programme cards, the list's skeletons, pages kept through rewordings)."""
    caches["pages"].clear()
    caches["fragments"].clear()
    caches["default"].clear()


def drawn_afresh(client, address: str) -> str:
    """The page as it would be drawn with nothing kept: the truth a kept answer must equal."""
    for kept in caches.all():
        kept.clear()
    return client.get(address).content.decode()


def pages_kept_through_rewordings() -> list[str]:
    """The overview, a funder's, a country's and an area's page, and the pages of the seminar (which names a
    sibling, and which a sibling names), a phase, and a programme with phases: each shows other
    programmes' titles; and the lists of countries, areas, partners and funders, which show none."""
    published = Programme.objects.published()
    seminar = published.get(code="T81-805")
    RelatedActivityFactory(programme=seminar, related_programme=published.exclude(pk=seminar.pk).first())
    RelatedActivityFactory(programme=published.exclude(pk=seminar.pk).last(), related_programme=seminar)
    chosen = [
        seminar,
        published.filter(parent__isnull=False).order_by("pk").first(),
        published.filter(phases__in=published).order_by("pk").first(),
    ]
    funder = reverse("funding:detail", kwargs={"slug": "us-state-department"})
    country = reverse("programmes:country", kwargs={"slug": "jamaica"})
    area = reverse("programmes:area", kwargs={"slug": "irregular-flows"})
    lists = [reverse(name) for name in ("programmes:countries", "programmes:areas", "partners:list", "funding:list")]
    return [
        reverse("programmes:overview"),
        funder,
        country,
        area,
        *(programme.get_absolute_url() for programme in chosen),
        *lists,
    ]
