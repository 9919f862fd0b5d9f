"""Query parameters a view does not read make no new cache entry, and no view reads an undeclared one.

Each public view declares, where it is defined, the parameters it reads (``iomcaribbean.public_routes``);
the page cache keys pages by those alone and hands the view nothing else. These tests walk every
public route with its declared parameters and some it does not have, and record what each view
reads: a parameter read but not declared would be missing from the key, so two different pages
would share one entry.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.http import QueryDict
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from iomcaribbean import public_routes
from programmes.models import Country, Programme, ProjectType, ThematicArea
from tests.factories import UpdatePhotoFactory

pytestmark = pytest.mark.django_db

LIST = reverse("programmes:list")
PUBLIC_NAMESPACES = {
    "programmes",
    "partners",
    "funding",
    "documents",
    "updates",
    "programmes_api",
    "partners_api",
    "funding_api",
    "documents_api",
}
PUBLIC_NAMES = {"sitemap", "robots", "api-root", "api-schema", "api-docs"}


def named_views() -> dict[str, Callable]:
    """Every named route of the URLconf and the view it resolves to, walked from the URLconf."""
    views = {}

    def walk(patterns: list, namespaces: tuple[str, ...]) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, namespaces + ((pattern.namespace,) if pattern.namespace else ()))
            elif isinstance(pattern, URLPattern) and pattern.name:
                views[":".join((*namespaces, pattern.name))] = pattern.callback

    walk(get_resolver().url_patterns, ())
    return views


def public_url_names() -> set[str]:
    """Every route of the public site (pages, files, feeds, the API)."""
    return {
        name
        for name in named_views()
        if (":" in name and name.split(":")[0] in PUBLIC_NAMESPACES) or name in PUBLIC_NAMES
    }


# What each route's view declares it reads, by URL name.
ROUTES = {name: view.public_route for name, view in named_views().items() if hasattr(view, "public_route")}


def test_every_public_route_declares_what_it_reads_and_nothing_else_is_declared():
    assert public_url_names() == set(ROUTES)


class RecordingQuery(QueryDict):
    """A query that notes every parameter a view asks it for."""

    asked: set[str] = set()

    def __getitem__(self, key: str) -> Any:
        # Templates try ``query["urlencode"]`` before the method of that name.
        if not hasattr(QueryDict, key):
            RecordingQuery.asked.add(key)
        return super().__getitem__(key)

    def getlist(self, key: str, default: Any = None) -> list:
        RecordingQuery.asked.add(key)
        return super().getlist(key, default)

    def __contains__(self, key: object) -> bool:
        RecordingQuery.asked.add(str(key))
        return super().__contains__(key)


def sample_values() -> dict[str, str]:
    """A value each declared parameter may take, to take the views down their every branch."""
    programme = Programme.objects.published().filter(participations__isnull=False).first()
    return {
        "q": "migration",
        "country": Country.objects.first().slug,
        "area": ThematicArea.objects.first().slug,
        "status": "ongoing",
        "coverage": "national",
        "funder": "us-state-department",
        "partner": programme.participations.first().organisation.slug,
        "type": ProjectType.objects.first().slug,
        "year_from": "1990",
        "year_to": "2030",
        "sort": "title",
        "page": "1",
        "page_size": "5",
        "columns": "title,code",
        "lang": "es",
        "format": "json",
        "p": "1",
        "script": "",
        "version": "1.0.0",
        "category": "A12",
        "language": "en",
        "year": "2001",
        "kind": "programme",
        "currency": "USD",
        "programme": "international-migration-policy-seminar-caribbean",
    }


def sample_address(name: str) -> str:
    """The route's address, with a record of the seed content where it takes one."""
    programme = Programme.objects.published().filter(code="T81-805").get()
    slugs = {
        "programme": programme.slug,
        "country": Country.objects.first().slug,
        "area": ThematicArea.objects.first().slug,
        "organisation": programme.participations.first().organisation.slug,
        "funder": "us-state-department",
    }
    pattern_slug = {
        "programmes:detail": "programme",
        "programmes:iati_activity": "programme",
        "programmes:country": "country",
        "programmes:country_places": "country",
        "programmes:country_named_in": "country",
        "programmes:area": "area",
        "updates:programme_feed": "programme",
        "updates:embed": "programme",
        "partners:detail": "organisation",
        "funding:detail": "funder",
        "funding:detail_csv": "funder",
    }
    if name == "documents_api:document-detail":
        return reverse(name, kwargs={"pk": programme.documents.get().pk})
    if name == "documents:file":
        return programme.documents.exclude(file="").get().get_absolute_url()
    if name in ("updates:detail", "updates:photo"):
        photo = UpdatePhotoFactory(update__programme=programme)
        return photo.update.get_absolute_url() if name == "updates:detail" else photo.rendition_url(480, "webp")
    if name in pattern_slug:
        return reverse(name, kwargs={"slug": slugs[pattern_slug[name]]})
    if name.endswith("-detail"):
        return reverse(name, kwargs={"slug": slugs[name.split(":")[1].removesuffix("-detail")]})
    return reverse(name)


@pytest.mark.parametrize("name", sorted(ROUTES))
def test_a_view_reads_only_the_parameters_its_route_declares(client, monkeypatch, name):
    monkeypatch.setattr(public_routes, "QueryDict", RecordingQuery)
    route = ROUTES[name]
    values = sample_values()
    address = sample_address(name)
    declared = {parameter: values[parameter] for parameter in route.parameters}
    undeclared = {"x": "1", "utm_source": "feed", **{p: v for p, v in values.items() if p not in route.parameters}}
    for query, accept in [
        (declared | undeclared, "*/*"),
        (undeclared, "*/*"),
        (declared | undeclared, "text/html"),
    ]:
        RecordingQuery.asked = set()
        response = client.get(address, query, headers={"Accept": accept})
        assert response.status_code in (200, 400, 404, 406), (address, query, response.status_code)
        assert RecordingQuery.asked <= route.parameters, f"{name} reads {RecordingQuery.asked - route.parameters}"


def test_parameters_a_page_does_not_read_are_answered_from_one_entry(client, django_assert_num_queries):
    first = client.get(LIST, {"x": "1"})
    assert first.status_code == 200
    for n in range(2, 6):
        with django_assert_num_queries(1):  # the content version only: no page rendered
            again = client.get(LIST, {"x": str(n), "utm_campaign": f"spring-{n}"})
        assert again.content == first.content
        assert again["ETag"] == first["ETag"]
    assert client.get(LIST)["ETag"] == first["ETag"]


def test_the_same_query_spelled_another_way_is_one_entry(client, django_assert_num_queries):
    first = client.get(f"{LIST}?sort=title&status=ongoing")
    for spelling in (
        "?status=ongoing&sort=title",
        "?sort=start&sort=title&status=ongoing",
        "?status=ongoing&sort=title&",
    ):
        with django_assert_num_queries(1):
            assert client.get(LIST + spelling)["ETag"] == first["ETag"]
    assert client.get(f"{LIST}?sort=status&status=ongoing")["ETag"] != first["ETag"]


def test_an_export_is_not_rendered_again_for_a_parameter_it_does_not_read(client, django_assert_num_queries):
    export = reverse("programmes:list_csv")
    first = client.get(export, {"columns": "title,code", "cachebuster": "1"})
    assert first.status_code == 200
    with django_assert_num_queries(1):
        again = client.get(export, {"cachebuster": "2", "columns": "title,code"})
    assert again.content == first.content


def test_a_kept_page_carries_no_parameter_it_does_not_read_into_its_links(client):
    page = client.get(LIST, {"status": "ongoing", "next": "//elsewhere.example/", "x": "planted"})
    text = page.content.decode()
    assert "status=ongoing" in text  # the filter's own links keep it
    assert "elsewhere.example" not in text
    assert "planted" not in text


def test_pages_do_not_vary_with_the_accept_header_but_the_api_does(client, django_assert_num_queries):
    first = client.get(LIST, headers={"Accept": "text/html"})
    with django_assert_num_queries(1):
        assert client.get(LIST, headers={"Accept": "text/html;q=0.9, */*;x=1"})["ETag"] == first["ETag"]
    api = "/api/programmes/"
    as_json = client.get(api, headers={"Accept": "application/json"})
    with django_assert_num_queries(1):
        assert client.get(api, headers={"Accept": "application/json; charset=utf-8; x=1"})["ETag"] == as_json["ETag"]
    indented = client.get(api, headers={"Accept": "application/json; indent=2"})
    assert indented["ETag"] != as_json["ETag"]
    assert indented.content.startswith(b'{\n  "')
    assert client.get(api, headers={"Accept": "text/html"})["ETag"] != as_json["ETag"]
