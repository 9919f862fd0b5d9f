"""Downloads and API answers built afresh are throttled per client address, with 429 and Retry-After."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from iomcaribbean.settings import request_rate
from partners.models import Organisation
from tests.factories import DonorAccountFactory

pytestmark = pytest.mark.django_db

CSV = reverse("programmes:list_csv")
API = "/api/programmes/"


@pytest.fixture
def low_rates(settings) -> None:
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"api": "2/minute", "downloads": "2/minute"},
    }


@pytest.mark.usefixtures("low_rates")
def test_a_client_building_too_many_downloads_gets_429_with_retry_after(client):
    assert client.get(CSV, {"columns": "title"}).status_code == 200
    assert client.get(reverse("programmes:iati_activities")).status_code == 200
    refused = client.get(CSV, {"columns": "code"})
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert refused["Content-Type"] == "text/plain; charset=utf-8"
    assert refused.content.decode().startswith("Too many downloads from your address: 2 a minute at most.")
    # Files kept already cost nothing: still answered.
    assert client.get(CSV, {"columns": "title"}).status_code == 200
    # Another address has its own count.
    assert client.get(CSV, {"columns": "code"}, REMOTE_ADDR="192.0.2.7").status_code == 200


@pytest.mark.usefixtures("low_rates")
def test_downloads_are_counted_per_client_behind_a_proxy(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for columns in ("title", "code"):
        assert client.get(CSV, {"columns": columns}, HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 200
    assert client.get(CSV, {"columns": "status"}, HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 429
    # What a client puts left of the proxy's entry is not trusted: the same client still.
    spoofed = client.get(CSV, {"columns": "status"}, HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.1")
    assert spoofed.status_code == 429
    assert client.get(CSV, {"columns": "status"}, HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 200


@pytest.mark.usefixtures("low_rates")
def test_signed_in_visitors_downloads_are_throttled_too(admin_client):
    for columns in ("title", "code"):
        assert admin_client.get(CSV, {"columns": columns}).status_code == 200
    assert admin_client.get(CSV, {"columns": "title"}).status_code == 429  # nothing is kept for them


@pytest.mark.usefixtures("low_rates")
def test_a_donors_own_exports_are_throttled_and_a_visitor_signed_out_is_not_counted(client):
    donor = DonorAccountFactory(funders=[Organisation.objects.get(slug="us-state-department")])
    for _ in range(3):  # sent to sign in: nothing built, nothing counted
        assert client.get(reverse("donor:export_csv")).status_code == 302
    client.force_login(donor.user)
    assert client.get(reverse("donor:export_csv")).status_code == 200
    assert client.get(reverse("donor:export_xlsx")).status_code == 200
    refused = client.get(reverse("donor:export_csv"))
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60


@pytest.mark.usefixtures("low_rates")
def test_the_api_answers_429_with_retry_after_once_a_client_had_its_share(client):
    assert client.get(API, {"sort": "title"}).status_code == 200
    assert client.get(API, {"sort": "status"}).status_code == 200
    refused = client.get(API, {"sort": "start"})
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert "throttled" in refused.json()["detail"]
    assert client.get(API, {"sort": "title"}).status_code == 200  # kept: not counted
    assert client.get(API, {"sort": "start"}, REMOTE_ADDR="192.0.2.8").status_code == 200


@pytest.mark.parametrize("value", ["often", "10", "10/fortnight", "/minute", "-1/minute"])
def test_a_malformed_rate_stops_the_portal_from_starting(monkeypatch, value):
    monkeypatch.setenv("API_THROTTLE_RATE", value)
    with pytest.raises(ImproperlyConfigured, match="API_THROTTLE_RATE"):
        request_rate("API_THROTTLE_RATE", "120/minute")


def test_a_rate_from_the_environment_is_taken(monkeypatch):
    monkeypatch.setenv("DOWNLOAD_THROTTLE_RATE", "30/hour")
    assert request_rate("DOWNLOAD_THROTTLE_RATE", "10/minute") == "30/hour"
