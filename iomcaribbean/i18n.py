"""The interface's languages: the language switcher's links and the language-neutral addresses.

Public pages answer at ``/es/...`` and ``/fr/...`` as well as at their English, unprefixed
address (``i18n_patterns`` in ``urls.py``). Machine endpoints (downloads, feeds, IATI files) have
one address only, the unprefixed one, whatever the language of the page that links to them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.middleware.locale import LocaleMiddleware
from django.urls import NoReverseMatch, ResolverMatch, reverse
from django.utils import translation
from django.utils.cache import cc_delim_re
from django.utils.encoding import iri_to_uri


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str  # in its own language: "Español", not "Spanish"
    url: str  # as the switcher links it
    absolute_url: str  # as hreflang alternates must give it
    is_current: bool
    is_default: bool  # English, also the x-default alternate


def language_links(request: HttpRequest) -> list[LanguageLink]:
    """This page in each of the interface's languages, in the order of ``settings.LANGUAGES``.

    Each link is reversed from the view the address resolved to, never copied from the address
    asked for: a browser reads ``//other-host/programmes/`` as a page on another host, so a crafted
    path echoed into the switcher or the hreflang alternates would send visitors there. A page that
    does not resolve (a 404 for a mistyped address) has no other-language version: its links go to
    the home page in each language instead.
    """
    query = iri_to_uri(request.META.get("QUERY_STRING", ""))
    current = translation.get_language()
    links = []
    for code, name in settings.LANGUAGES:
        url = _page_in_language(request.resolver_match, query, code)
        links.append(
            LanguageLink(
                code=code,
                name=name,
                url=url,
                absolute_url=request.build_absolute_uri(url),
                is_current=code == current,
                is_default=code == settings.LANGUAGE_CODE,
            )
        )
    return links


def _page_in_language(match: ResolverMatch | None, query: str, code: str) -> str:
    with translation.override(code):
        if match is not None:
            try:
                path = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
            except NoReverseMatch:  # an unnamed route: there is nothing to reverse
                pass
            else:
                return f"{path}?{query}" if query else path
        return reverse(settings.HOME_PAGE)


def unprefixed_reverse(viewname: str, *args: Any, **kwargs: Any) -> str:
    """The address of a language-neutral endpoint, as linked from a page in any language."""
    with translation.override(settings.LANGUAGE_CODE):
        return reverse(viewname, args=args or None, kwargs=kwargs or None)


def language_neutral(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve a machine endpoint at its unprefixed address only.

    The endpoint sits in an app's URLconf, which lives under the language prefix with the app's
    pages; a request for ``/es/...`` is sent on, permanently and with its query, to the one
    address, so files and feeds are the same (and cached once) whoever asks.
    """

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if translation.get_language_from_path(request.path_info):
            url = unprefixed_reverse(request.resolver_match.view_name, *args, **kwargs)
            query = request.META.get("QUERY_STRING", "")
            return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)
        return view(request, *args, **kwargs)

    return wrapper


class PathLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, without its ``Vary: Accept-Language``.

    Django adds that header to every answer at an unprefixed address, because it may choose their
    language from the browser's. Here it never does: an unprefixed address is English whatever the
    browser prefers (``prefix_default_language=False``), so the header would only make shared
    caches keep one copy of each page per browser language.
    """

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        response = super().process_response(request, response)
        if response.has_header("Vary"):
            kept = [name for name in cc_delim_re.split(response["Vary"]) if name.lower() != "accept-language"]
            if kept:
                response["Vary"] = ", ".join(kept)
            else:
                del response["Vary"]
        return response
