"""The language switcher, the hreflang alternates and links to language-neutral endpoints."""

from __future__ import annotations

from typing import Any

from django import template

from iomcaribbean.i18n import LanguageLink, language_links, unprefixed_reverse

register = template.Library()


@register.simple_tag(takes_context=True)
def page_languages(context: template.Context) -> list[LanguageLink]:
    """This page in each language; none where there is no request (the 500 page renders without one)."""
    request = context.get("request")
    return language_links(request) if request is not None else []


@register.simple_tag
def neutral_url(viewname: str, *args: Any, **kwargs: Any) -> str:
    """``{% url %}`` for a download, feed or IATI file: its one, unprefixed address in every language."""
    return unprefixed_reverse(viewname, *args, **kwargs)
