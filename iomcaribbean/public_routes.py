"""The public routes, and the query parameters each one reads: the page cache keys a page by them alone.

A parameter a view does not read cannot change its page, so it must not make a new cache entry
(``?x=1``, ``?x=2``... would otherwise each render a page, or a whole export, afresh). Each public
view declares, where it is defined, the parameters it reads, as a ``Route``:

- a page (``iomcaribbean.views.ReadsOnly``) in its class's ``public_route`` (by default it reads none);
- a function (a file, the feed, robots.txt, the sitemap) with the ``@public(...)`` decorator;
- an API viewset through ``PublicViewSet``: a record reads ``lang`` and ``format``, a list also the
  paging, its filterset's filters and the viewset's ``list_parameters``.

The page cache (``iomcaribbean.caching``) finds the declaration on the view an address resolves to,
keys the page by those parameters alone and hands the view a query that holds nothing else, so a
view cannot read one the key leaves out (tests/test_public_routes.py asks every public route for
every parameter it declares and some it does not, and fails on any parameter a view reads
undeclared, and on a public route that declares nothing).

Each parameter counts once, with its last value (as ``QueryDict.get`` reads it), except those a
view reads as a list (``Route.lists``), and the key has them in order of name: the same page has
one key however its address spells the query.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import Http404, HttpRequest, QueryDict
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.http import urlencode
from rest_framework.exceptions import NotAcceptable
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import BaseRenderer, JSONRenderer

# What every API view reads: the language of the texts (``iomcaribbean.content_language``) and
# the representation; a list also its page (``iomcaribbean.api.Pagination``).
API_RECORD = frozenset({"lang", "format"})
API_LIST = API_RECORD | {"page", "page_size"}


@dataclass(frozen=True)
class Route:
    parameters: frozenset[str] = frozenset()
    # A file to download: throttled per client (``DOWNLOAD_THROTTLE_RATE``).
    download: bool = False
    # The parameters the view reads as lists, every value (``QueryDict.getlist``).
    lists: frozenset[str] = frozenset()


View = TypeVar("View", bound=Callable[..., Any])


def public(*parameters: str, download: bool = False, lists: Iterable[str] = ()) -> Callable[[View], View]:
    """Declare a view function public, reading the query ``parameters`` (and ``lists``) alone."""
    route = Route(frozenset(parameters) | frozenset(lists), download, frozenset(lists))

    def declare(view: View) -> View:
        view.public_route = route
        return view

    return declare


class PublicViewSet:
    """For an API viewset: each of its routes is public, a record's and a list's (module docstring)."""

    # What the list reads besides the paging and its filterset's filters (an order, say).
    list_parameters: frozenset[str] = frozenset()

    @classmethod
    def as_view(cls, actions: dict[str, str] | None = None, **initkwargs: Any) -> Callable[..., Any]:
        view = super().as_view(actions, **initkwargs)
        view.public_route = Route(cls.list_reads() if (actions or {}).get("get") == "list" else API_RECORD)
        return view

    @classmethod
    def list_reads(cls) -> frozenset[str]:
        filterset = getattr(cls, "filterset_class", None)
        return API_LIST | cls.list_parameters | frozenset(filterset.base_filters if filterset else ())


@dataclass(frozen=True)
class Found:
    """What the page cache needs of an address before the view runs."""

    view_name: str
    route: Route
    # An API view's renderers: the answer's representation follows the Accept header.
    renderers: tuple[BaseRenderer, ...] = ()


@functools.lru_cache(maxsize=4096)
def find(path_info: str) -> Found | None:
    """The route the view an address resolves to declares, in the language its prefix names; None if none.

    Kept per process for the addresses last asked for: the page cache asks before Django has
    resolved the address (and set the language), to answer a kept page with no more work.
    """
    language = translation.get_language_from_path(path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        try:
            match = resolve(path_info)
        except Resolver404:
            return None
    route = getattr(match.func, "public_route", None)
    if route is None:
        return None
    view_class = getattr(match.func, "cls", None)  # REST framework's views
    renderers = tuple(renderer() for renderer in getattr(view_class, "renderer_classes", ()))
    return Found(match.view_name, route, renderers)


@receiver(setting_changed)
def _forget_routes(*, setting: str, **kwargs: object) -> None:
    if setting == "ROOT_URLCONF":
        find.cache_clear()


def read_query(query: QueryDict, route: Route) -> QueryDict:
    """The query as the route's view may read it: its declared parameters, each once."""
    kept = QueryDict(mutable=True)
    for name in query:
        if name in route.parameters:
            values = query.getlist(name)
            kept.setlist(name, values if name in route.lists else values[-1:])
    kept._mutable = False
    return kept


def query_key(query: QueryDict) -> str:
    """The query in order of name, for the cache key: the same page has one key however it is spelled.

    (The view is handed the parameters in the order asked, for the links it makes from them.)
    """
    return urlencode(sorted(query.lists()), doseq=True)


class _Negotiated:
    """What REST framework's content negotiation reads of a request: its query and its headers."""

    def __init__(self, request: HttpRequest, query: QueryDict) -> None:
        self.query_params = query
        self.headers = request.headers
        self.META = request.META


def representation(request: HttpRequest, found: Found, query: QueryDict) -> str:
    """The representation an API view will answer with (JSON, indented or not, or the HTML page).

    The Accept header alone decides it, with ``?format=``: keyed by the renderer it selects,
    not by the header's text, which a client may spell in endless ways.
    """
    if not found.renderers:
        return ""
    try:
        renderer, media_type = DefaultContentNegotiation().select_renderer(
            _Negotiated(request, query), list(found.renderers)
        )
    except (NotAcceptable, Http404):
        return "none"  # answered 406 or 404, never kept
    indent = renderer.get_indent(media_type, {}) if isinstance(renderer, JSONRenderer) else None
    return f"{renderer.media_type};indent={indent}"
