"""The public pages as tests read them: the site layout every page shares."""

from __future__ import annotations

import html

NAV = ("Overview", "Programmes", "Countries", "Thematic areas", "Partners", "Funders")


def assert_site_layout(body: str) -> None:
    assert '<a class="site-name" href="/">IOM in the Caribbean</a>' in body
    assert '<main id="main"' in body
    assert '<a class="skip-link" href="#main">' in body
    for item in NAV:
        assert f">{item}</a>" in body
    assert '<link rel="stylesheet" href="/static/css/site.css">' in body


def page_text(response) -> str:
    """The page's HTML with its entities read and its white space in single spaces."""
    return " ".join(html.unescape(response.content.decode()).split())


def page_section(response, heading_id: str) -> str:
    """The section whose heading has ``heading_id``, as ``page_text`` gives it."""
    page = page_text(response)
    start = page.index(f'id="{heading_id}"')
    return page[start : page.index("</section>", start)]
