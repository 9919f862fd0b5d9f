"""Error pages in the site layout, and the health check."""

from __future__ import annotations

import pytest
from django.test import Client, RequestFactory

from iomcaribbean.views import server_error
from programmes.views.programmes import ProgrammeListView
from tests.helpers.pages import assert_site_layout


def test_an_unknown_address_gets_the_404_page_in_the_site_layout(client):
    response = client.get("/no-such-page/")
    body = response.content.decode()
    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in body
    assert '<a href="/programmes/">Browse all programmes</a>' in body
    assert_site_layout(body)


@pytest.mark.django_db
def test_an_unpublished_programme_gets_the_same_404_page(client):
    response = client.get("/programmes/no-such-programme/")
    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in response.content.decode()


def test_the_500_page_renders_without_the_database_or_the_request():
    # No django_db mark: any query here would fail the test.
    response = server_error(RequestFactory().get("/"))
    body = response.content.decode()
    assert response.status_code == 500
    assert "<h1>Something went wrong</h1>" in body
    assert_site_layout(body)
    assert 'aria-current="page"' not in body


@pytest.mark.django_db
def test_an_error_in_a_view_answers_the_500_page(monkeypatch):
    def fail(self):
        raise RuntimeError("boom")

    monkeypatch.setattr(ProgrammeListView, "get_queryset", fail)
    client = Client(raise_request_exception=False)
    response = client.get("/programmes/")
    assert response.status_code == 500
    assert "<h1>Something went wrong</h1>" in response.content.decode()
    assert "boom" not in response.content.decode()


@pytest.mark.django_db
def test_the_health_check_answers_ok_when_the_database_does(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
