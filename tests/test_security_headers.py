"""The security headers every answer carries (Mozilla Observatory's list), and the cookies' flags."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"


def policy(response) -> dict[str, str]:
    """The Content-Security-Policy header as {directive: sources}."""
    directives = (part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
    return {name: sources for name, sources in directives}


@pytest.mark.parametrize("url", ["/", "/programmes/", "/accounts/login/", "/admin/login/", "/api/programmes/"])
def test_every_page_sends_the_security_headers(client, url):
    response = client.get(url, secure=True)

    assert response.status_code == 200
    # Five minutes by default, until the deployment raises it (README, Deployment); no preload
    # below a year, which the preload list would refuse.
    assert response["Strict-Transport-Security"] == "max-age=300; includeSubDomains"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert "default-src 'self'" in response["Content-Security-Policy"]


def test_the_content_security_policy_allows_this_site_only_and_nothing_inline(client):
    directives = policy(client.get("/"))

    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["form-action"] == "'self'"
    header = client.get("/").headers["Content-Security-Policy"]
    assert "unsafe-inline" not in header
    assert "unsafe-eval" not in header
    assert "http" not in header


def test_plain_http_sends_no_hsts(client):
    # HSTS over plain HTTP would be ignored by browsers, and Django rightly leaves it out.
    assert "Strict-Transport-Security" not in client.get("/")


def test_the_api_documentation_has_no_inline_script(client):
    page = client.get("/api/docs/").content.decode()

    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page, flags=re.DOTALL)
    assert len(scripts) >= 3
    for attributes, body in scripts:
        assert 'src="' in attributes
        assert body.strip() == ""
    assert "style=" not in page


def test_the_session_and_csrf_cookies_are_http_only_and_same_site(client, django_user_model):
    django_user_model.objects.create_user("alpha", password=PASSWORD)
    login_form = client.get("/accounts/login/")
    csrf = login_form.cookies["csrftoken"]
    assert csrf["httponly"] is True
    assert csrf["samesite"] == "Lax"

    response = client.post("/accounts/login/", {"username": "alpha", "password": PASSWORD})
    session = response.cookies["sessionid"]
    assert session["httponly"] is True
    assert session["samesite"] == "Lax"
    # Secure is on outside DEBUG; tests/settings.py turns it off for plain-HTTP tests, and
    # tests/test_deploy_check.py checks it with the production environment.
