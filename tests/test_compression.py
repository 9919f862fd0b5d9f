"""Public pages leave compressed (brotli, else gzip), kept pages are compressed once, and nothing
that carries a secret (a CSRF token, a signed-in visitor's page) is ever compressed (BREACH)."""

from __future__ import annotations

import gzip

import brotli
import pytest
from django.test import Client

from iomcaribbean.compression import accepted_encoding
from tests.factories import DonorAccountFactory
from tests.helpers.kept import forget_kept_pages

pytestmark = [pytest.mark.django_db]

DECODE = {"br": brotli.decompress, "gzip": gzip.decompress}


@pytest.fixture(autouse=True)
def empty_cache() -> None:
    forget_kept_pages()


def test_a_public_page_leaves_in_the_encoding_the_client_prefers_and_reads_the_same(client: Client) -> None:
    plain = client.get("/programmes/")
    for offered, expected in (("gzip, deflate, br", "br"), ("gzip", "gzip"), ("br;q=0, gzip;q=0.5", "gzip")):
        response = client.get("/programmes/", HTTP_ACCEPT_ENCODING=offered)
        assert response["Content-Encoding"] == expected, offered
        assert "Accept-Encoding" in response["Vary"] and "Cookie" in response["Vary"]
        assert int(response["Content-Length"]) == len(response.content) < len(plain.content) / 3
        assert DECODE[expected](response.content) == plain.content
    assert not plain.has_header("Content-Encoding")
    assert "Accept-Encoding" in plain["Vary"]  # a shared cache must not give it to a client that takes brotli


def test_a_kept_page_is_compressed_once_and_answers_304_to_its_etag(client: Client, monkeypatch) -> None:
    first = client.get("/", HTTP_ACCEPT_ENCODING="br")
    compressions = []
    monkeypatch.setattr("iomcaribbean.compression.compress", lambda *args: compressions.append(args) or b"")
    kept = [client.get("/", HTTP_ACCEPT_ENCODING="br") for _ in range(2)]
    assert len(compressions) == 1  # the kept page's brotli variant, then kept beside it
    assert kept[1]["Content-Encoding"] == "br" and kept[1].content == kept[0].content == b""
    assert client.get("/", HTTP_ACCEPT_ENCODING="br", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


@pytest.mark.parametrize("path", ["/accounts/login/", "/accounts/password_reset/"], ids=["sign-in", "password reset"])
def test_a_page_with_a_csrf_token_is_never_compressed(client: Client, path: str) -> None:
    for visit in ("first", "with the CSRF cookie already set"):
        response = client.get(path, HTTP_ACCEPT_ENCODING="br, gzip")
        assert b"csrfmiddlewaretoken" in response.content, visit
        assert not response.has_header("Content-Encoding"), visit


def test_nothing_a_signed_in_visitor_sees_is_compressed(client: Client) -> None:
    donor = DonorAccountFactory()
    client.force_login(donor.user)
    for path in ("/", "/programmes/", "/donor/"):
        response = client.get(path, HTTP_ACCEPT_ENCODING="br, gzip")
        assert response.status_code == 200, path
        assert not response.has_header("Content-Encoding"), path


def test_streamed_files_and_small_answers_leave_as_they_are(client: Client) -> None:
    iati = client.get("/iati/activities.xml", HTTP_ACCEPT_ENCODING="br")
    assert iati.streaming and not iati.has_header("Content-Encoding")
    health = client.get("/healthz", HTTP_ACCEPT_ENCODING="br")
    assert not health.has_header("Content-Encoding")


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("", None),
        ("identity", None),
        ("br", "br"),
        ("gzip;q=1, br;q=0", "gzip"),
        ("*", "br"),
        ("*, br;q=0", "gzip"),
        ("gzip;q=abc", None),
        ("BR", "br"),
    ],
)
def test_the_encoding_follows_the_clients_weights(rf, header: str, expected: str | None) -> None:
    assert accepted_encoding(rf.get("/", HTTP_ACCEPT_ENCODING=header)) == expected
