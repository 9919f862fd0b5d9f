"""The public pages as tests read them: the site layout every page shares."""

from __future__ import annotations

NAV = ("Overview", "Programmes", "Countries", "Thematic areas", "Partners", "Funders")


def assert_site_layout(body: str) -> None:
    assert '<a class="site-name" href="/">IOM in the Caribbean</a>' in body
    assert '<main id="main"' in body
    assert '<a class="skip-link" href="#main">' in body
    for item in NAV:
        assert f">{item}</a>" in body
    assert '<link rel="stylesheet" href="/static/css/site.css">' in body
