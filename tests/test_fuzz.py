"""Fuzzing: garbage in the address or the query of any public URL or API operation never makes a 500.

Hypothesis fills every public route's path parameters and query with garbage, huge, unicode,
negative and injection-like values (``tests/fuzzing.py``); schemathesis generates requests, valid
and invalid, for every operation of the OpenAPI schema the portal serves at ``/api/schema/``,
through the WSGI application in this process. Every answer must be 200 (with the page or a clear
message), a redirect, 400 or 404, and an API answer must match its schema.

``make test`` runs a small derandomised sample; ``make fuzz`` runs more than 10,000 requests.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from partners.models import Organisation
from programmes.models import Country, Programme, ThematicArea
from tests.fuzzing import (
    ACCEPTABLE,
    EXAMPLES,
    MIN_REQUESTS,
    PROFILE,
    build_path,
    fuzz_settings,
    language_prefixes,
    public_routes,
    queries,
    query_string,
    tally,
    values,
)

if TYPE_CHECKING:
    import schemathesis

ROUTES = public_routes()


@pytest.fixture(scope="module", autouse=True)
def report(request) -> Iterator[None]:
    """After the module: how many requests were sent and what they answered (``make fuzz`` shows it)."""
    started = time.monotonic()
    yield
    seconds = time.monotonic() - started
    total = sum(tally.values())
    statuses = ", ".join(f"{status}: {count}" for status, count in sorted(tally.items()))
    line = f"fuzz ({PROFILE}, {EXAMPLES} examples per test): {total} requests in {seconds:.0f} s ({statuses})"
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is not None and capture is not None:
        with capture.global_and_fixture_disabled():
            reporter.write_line("\n" + line)
    assert total >= MIN_REQUESTS, f"only {total} requests were sent; FUZZ_MIN_REQUESTS asks for {MIN_REQUESTS}"


def known_slugs() -> list[str]:
    models = (Programme, Country, ThematicArea, Organisation)
    return [slug for model in models for slug in model.objects.values_list("slug", flat=True)[:20]]


def send(client: Client, url: str) -> int:
    try:
        status = client.get(url).status_code
    except Exception:
        tally[500] += 1
        raise
    tally[status] += 1
    return status


@pytest.mark.django_db
@pytest.mark.parametrize("route", ROUTES, ids=[route.key or "/" for route in ROUTES])
def test_public_urls_answer_garbage_without_a_server_error(route) -> None:
    client = Client()
    # Real slugs and ids too, so that the query reaches a page with content and its filters run.
    real = st.sampled_from([*known_slugs(), "1", "0", "-1"])

    @fuzz_settings
    @given(
        path=st.fixed_dictionaries({name: st.one_of(real, values) for name in route.params}),
        query=queries,
        language=st.sampled_from(language_prefixes(route)),
    )
    def fuzz(path: dict[str, str], query: list[tuple[str, str]], language: str) -> None:
        url = build_path(route, path, language)
        if query:
            url += "?" + query_string(query)
        status = send(client, url)
        assert status in ACCEPTABLE, f"{url} answered {status}"

    fuzz()


# The API, from its OpenAPI schema -----------------------------------------------------------


def api_operations() -> list[str]:
    """The paths of the API's operations, from the same generator that serves the schema (no request needed)."""
    from drf_spectacular.generators import SchemaGenerator

    return sorted(SchemaGenerator().get_schema(request=None, public=True)["paths"])


API_PATHS = api_operations()


@pytest.fixture
def wsgi_keeps_the_test_connection() -> Iterator[None]:
    """The WSGI handler closes the database connection after each request; the test's transaction needs it open.

    (Django's test client does the same for its own requests.)
    """
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture(scope="module")
def api_schema(django_db_setup, django_db_blocker) -> schemathesis.BaseSchema:
    """The schema as the portal serves it, read once for every operation's test; schemathesis sends
    its requests through the WSGI app in this process. (Its own pytest integration does not run
    under this pytest; its strategies do.) Imported here: it takes each pytest process seconds to
    load, and only the worker running these tests needs it."""
    import schemathesis

    with django_db_blocker.unblock():
        schema = schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())
    schema.config.generation.update(deterministic=PROFILE != "fuzz")
    return schema


@pytest.mark.django_db
@pytest.mark.parametrize("path", API_PATHS)
@pytest.mark.usefixtures("wsgi_keeps_the_test_connection")
def test_api_operations_never_answer_a_server_error(api_schema: schemathesis.BaseSchema, path: str) -> None:
    from schemathesis import GenerationMode
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi.checks import response_schema_conformance

    operation = api_schema[path]["GET"]
    # Valid requests, and requests the schema says are invalid (wrong types, unknown enum values...).
    cases = st.one_of(operation.as_strategy(GenerationMode.POSITIVE), operation.as_strategy(GenerationMode.NEGATIVE))

    @fuzz_settings
    @given(case=cases)
    def fuzz(case: schemathesis.Case) -> None:
        # Schemathesis's WSGI client asks for compressed answers but cannot read them
        # (tests/test_compression.py covers those).
        response = case.call(headers={"Accept-Encoding": "identity"})
        tally[response.status_code] += 1
        checks = [not_a_server_error]
        if response.status_code == 200:
            checks.append(response_schema_conformance)  # what the API sends is what its schema promises
        case.validate_response(response, checks=checks)
        assert response.status_code in {200, 400, 404}, f"GET {case.formatted_path}: {response.status_code}"

    fuzz()
