"""The Atom feed of newly published programmes, /sitemap.xml and /robots.txt: published records only."""

from __future__ import annotations

import datetime
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from django.utils import timezone

from programmes.models import Programme
from tests.factories import (
    CountryFactory,
    GrantFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProgrammeCountryFactory,
    ProgrammeFactory,
    ThematicAreaFactory,
)

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def feed_entries(client) -> list[dict[str, str]]:
    response = client.get(reverse("programmes:feed"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ElementTree.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    return [
        {
            "title": entry.findtext(f"{ATOM}title"),
            "link": entry.find(f"{ATOM}link").get("href"),
            "summary": entry.findtext(f"{ATOM}summary"),
            "published": entry.findtext(f"{ATOM}published"),
            "updated": entry.findtext(f"{ATOM}updated"),
        }
        for entry in root.iter(f"{ATOM}entry")
    ]


def sitemap_urls(client) -> set[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    return {loc.text.removeprefix("http://testserver") for loc in root.iter(f"{SITEMAP}loc")}


def test_the_feed_lists_published_programmes_newest_first(client):
    now = timezone.now()
    old = ProgrammeFactory(title="Published long ago", summary="The old one.")
    new = ProgrammeFactory(title="Published just now", summary="The <new> one & more.")
    Programme.objects.filter(pk=old.pk).update(published_at=now + datetime.timedelta(days=1))
    Programme.objects.filter(pk=new.pk).update(published_at=now + datetime.timedelta(days=2))
    hidden = ProgrammeFactory(title="Not published", is_published=False)
    hidden_phase = ProgrammeFactory(title="Phase of the unpublished", parent=hidden)
    entries = feed_entries(client)
    assert [e["title"] for e in entries[:2]] == [str(new), str(old)]
    assert entries[0]["link"] == f"http://testserver/programmes/{new.slug}/"
    assert entries[0]["summary"] == "The <new> one & more."
    assert entries[0]["published"].startswith(str((now + datetime.timedelta(days=2)).year))
    titles = {e["title"] for e in entries}
    assert str(hidden) not in titles
    assert str(hidden_phase) not in titles
    assert len(entries) == Programme.objects.published().count()
    published = [e["published"] for e in entries]
    assert published == sorted(published, reverse=True)


def test_the_feed_holds_the_latest_50(client):
    ProgrammeFactory.create_batch(40)
    assert len(feed_entries(client)) == 50


def test_every_page_names_the_feed(client):
    page = client.get(reverse("programmes:list")).content.decode()
    assert (
        '<link rel="alternate" type="application/atom+xml" title="Newly published programmes" '
        'href="/feeds/programmes.atom">'
    ) in page


def test_the_sitemap_lists_published_records_and_no_other(client):
    country, lonely_country = CountryFactory(), CountryFactory()
    area, lonely_area = ThematicAreaFactory(), ThematicAreaFactory()
    partner, lonely_partner = OrganisationFactory(), OrganisationFactory()
    funder, lonely_funder = OrganisationFactory(), OrganisationFactory()
    public = ProgrammeFactory()
    hidden = ProgrammeFactory(is_published=False)
    hidden_phase = ProgrammeFactory(parent=hidden)
    ProgrammeCountryFactory(programme=public, country=country)
    ProgrammeCountryFactory(programme=hidden, country=lonely_country)
    public.thematic_areas.add(area)
    hidden.thematic_areas.add(lonely_area)
    ParticipationFactory(programme=public, organisation=partner)
    ParticipationFactory(programme=hidden, organisation=lonely_partner)
    GrantFactory(programme=public, funder=funder)
    GrantFactory(programme=hidden, funder=lonely_funder)

    urls = sitemap_urls(client)
    for page in ("/", "/programmes/", "/countries/", "/areas/", "/partners/", "/funders/"):
        assert page in urls
    for record in (public, country, area, partner, funder):
        assert record.get_absolute_url() in urls
    assert f"/funders/{funder.slug}/" in urls
    for record in (hidden, hidden_phase, lonely_country, lonely_area, lonely_partner):
        assert record.get_absolute_url() not in urls
    assert f"/funders/{lonely_funder.slug}/" not in urls
    assert f"/funders/{partner.slug}/" not in urls
    assert "/programmes/international-migration-policy-seminar-caribbean/" in urls
    assert len([url for url in urls if url.startswith("/programmes/") and url != "/programmes/"]) == (
        Programme.objects.published().count()
    )


def test_robots_txt_keeps_crawlers_out_of_private_areas_and_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for path in ("/admin/", "/donor/", "/accounts/"):
        assert f"Disallow: {path}" in lines
    assert "Disallow: /" not in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


@pytest.mark.parametrize("value", ["-1", "0", "99999", "x" * 5000, "' OR 1=1 --", "☃"])
def test_hostile_parameters_on_the_feed_sitemap_and_robots_never_cause_a_server_error(client, value):
    assert client.get("/sitemap.xml", {"p": value}).status_code in (200, 404)
    assert client.get(reverse("programmes:feed"), {"page": value}).status_code == 200
    assert client.get("/robots.txt", {"q": value}).status_code == 200
