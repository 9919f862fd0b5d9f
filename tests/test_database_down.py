"""When the database is down: a 503 page in the site layout that asks to come back, never a 500."""

from __future__ import annotations

import logging

import pytest
from axes.middleware import AxesMiddleware
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.db import InterfaceError, OperationalError
from django.test import Client

from iomcaribbean.middleware import database_unavailable_response
from programmes.views.programmes import ProgrammeListView
from tests.helpers.pages import assert_site_layout

HEADING = "<h1>The portal is temporarily unavailable</h1>"


def test_the_503_page_renders_without_the_database_or_the_request():
    # No django_db mark: any query while rendering would fail the test.
    response = database_unavailable_response()
    body = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert HEADING in body
    assert "Nothing you saved has been lost" in body
    assert_site_layout(body)


@pytest.mark.django_db
@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_a_page_whose_database_is_down_answers_503_and_asks_to_retry(monkeypatch, caplog, error):
    def database_down(self):
        raise error("connection to server at 127.0.0.1, port 5432 failed: Connection refused")

    monkeypatch.setattr(ProgrammeListView, "get_queryset", database_down)
    client = Client(raise_request_exception=False)

    with caplog.at_level(logging.ERROR, logger="iomcaribbean.middleware"):
        response = client.get("/programmes/")

    body = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert HEADING in body
    assert '<a href="/">Go to the overview</a>' in body
    assert "Connection refused" not in body
    assert "Something went wrong" not in body
    # The security headers still apply to the error page.
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "Database unavailable for GET /programmes/" in caplog.text


def session_table_down(error: type[Exception]):
    """A returning visitor's session (read for the user by the middleware, before any view) fails."""

    def install(monkeypatch: pytest.MonkeyPatch, client: Client) -> None:
        def load(self):
            raise error("could not connect to server: Connection refused")

        client.cookies[settings.SESSION_COOKIE_NAME] = "a-returning-visitors-session"
        monkeypatch.setattr(SessionStore, "load", load)

    return install


def axes_down(error: type[Exception]):
    """django-axes, the last middleware, fails on the database."""

    def install(monkeypatch: pytest.MonkeyPatch, client: Client) -> None:
        def call(self, request):
            raise error("connection already closed")

        monkeypatch.setattr(AxesMiddleware, "__call__", call)

    return install


@pytest.mark.django_db
@pytest.mark.parametrize(
    "failure",
    [session_table_down(OperationalError), axes_down(InterfaceError)],
    ids=["session read for the user", "axes"],
)
def test_a_middleware_whose_database_is_down_answers_503_too(monkeypatch, caplog, failure):
    client = Client(raise_request_exception=False)
    failure(monkeypatch, client)

    with caplog.at_level(logging.ERROR, logger="iomcaribbean.middleware"):
        response = client.get("/programmes/")

    body = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert HEADING in body
    assert "Something went wrong" not in body
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert "Database unavailable for GET /programmes/" in caplog.text


@pytest.mark.django_db
def test_other_errors_in_a_middleware_still_answer_the_500_page(monkeypatch):
    client = Client(raise_request_exception=False)
    session_table_down(ValueError)(monkeypatch, client)

    response = client.get("/programmes/")
    assert response.status_code == 500
    assert "<h1>Something went wrong</h1>" in response.content.decode()
    assert "Retry-After" not in response


@pytest.mark.django_db
def test_the_portal_answers_again_once_the_database_is_back(monkeypatch):
    down = True
    original = ProgrammeListView.get_queryset

    def flaky(self):
        if down:
            raise OperationalError("server closed the connection unexpectedly")
        return original(self)

    monkeypatch.setattr(ProgrammeListView, "get_queryset", flaky)
    client = Client(raise_request_exception=False)
    assert client.get("/programmes/").status_code == 503

    down = False
    response = client.get("/programmes/")
    assert response.status_code == 200
    assert "International Migration Policy Seminar" in response.content.decode()


@pytest.mark.django_db
def test_other_errors_still_answer_the_500_page(monkeypatch):
    def broken(self):
        raise ValueError("a bug, not an outage")

    monkeypatch.setattr(ProgrammeListView, "get_queryset", broken)
    response = Client(raise_request_exception=False).get("/programmes/")
    assert response.status_code == 500
    assert "<h1>Something went wrong</h1>" in response.content.decode()
    assert "Retry-After" not in response


@pytest.mark.django_db
def test_the_health_check_answers_503_when_the_database_is_down(client, monkeypatch):
    from iomcaribbean import views

    class DownConnection:
        def cursor(self):
            raise OperationalError("Connection refused")

    monkeypatch.setattr(views, "connection", DownConnection())
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unavailable"}
