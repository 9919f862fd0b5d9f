"""Every URL the project routes, as Django's resolver lists them (admin and language-prefixed ones included)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern


@dataclass(frozen=True)
class Route:
    key: str  # the route's pattern, the language prefix left out: "programmes/<slug:slug>/"
    i18n: bool  # under i18n_patterns: also served under each language's prefix


def walk(patterns: list, prefix: str = "", i18n: bool = False) -> Iterator[Route]:
    for entry in patterns:
        if isinstance(entry.pattern, LocalePrefixPattern):
            # The prefix depends on the active language ("es/", or "" for the default one).
            yield from walk(entry.url_patterns, prefix, True)
        elif isinstance(entry, URLResolver):
            yield from walk(entry.url_patterns, prefix + str(entry.pattern), i18n)
        else:
            assert isinstance(entry, URLPattern)
            yield Route(prefix + str(entry.pattern), i18n)


def routes() -> dict[str, Route]:
    return {route.key: route for route in walk(get_resolver().url_patterns)}
