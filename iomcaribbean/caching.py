"""Conditional GET and a page cache for the public pages, both keyed by one content version.

A change to public content moves the content version (``iomcaribbean.content_version``: one row in
the database) on, and nothing else does. Each public page a visitor who is not signed in asks
for gets an ETag and a Last-Modified made from that version, so a browser or a proxy that has
the page already gets a 304; and the rendered page is kept under a key that holds the version,
so an edit makes every kept page stale at once, on every app server, whatever cache backend
each one uses. A stale page after an edit would be a bug. The key holds the address with only
the query parameters the page's view reads (``iomcaribbean.public_routes``), so parameters it
ignores cannot make new entries. Pages are kept in Django's cache ``pages``; downloads (whole exports, the
IATI file) and answers larger than ``MAX_CACHED_BYTES`` or streamed as files (``iomcaribbean.kept_files``),
which every worker of a server finds, whatever cache each one has (the default, locmem, is one per
process), so each is built once per content version. Downloads rendered afresh are throttled per client. A kept
page is compressed once per encoding and kept beside it (``iomcaribbean.compression``).

What is never kept nor answered with a 304: anything for a signed-in user (staff previews,
donors' dashboards), the admin, sign-in pages and the health check, a page that sets a cookie
or holds a CSRF token, a page marked private or no-store, and any answer but 200.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date

from iomcaribbean import compression, kept_files
from iomcaribbean.catalogue import KEPT_SECONDS
from iomcaribbean.content_version import Version, content_version
from iomcaribbean.exports import throttled_download
from iomcaribbean.public_routes import Found, find, query_key, read_query, representation

# Larger answers (an export of thousands of programmes) are kept as files, not in the cache:
# the cache holds many pages per worker, and a few large files would push them all out.
MAX_CACHED_BYTES = 1024 * 1024
# The form of a kept entry is in the prefix: servers of another version (during a deployment, or
# in the shared cache after it) never read an entry they would misread.
KEY_PREFIX = "public-page-2"


def kept_pages():
    """The cache the pages and their compressed variants are kept in (``settings.CACHES["pages"]``)."""
    return caches["pages"]


def has_no_session(request: HttpRequest) -> bool:
    # Without a session cookie nobody is signed in, and the session need not be read at all.
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


def is_anonymous(request: HttpRequest) -> bool:
    return has_no_session(request) or not request.user.is_authenticated


def public_route(request: HttpRequest) -> Found | None:
    """The declared public route a GET or HEAD is for (``iomcaribbean.public_routes``), or None."""
    if request.method not in ("GET", "HEAD"):
        return None
    return find(request.path_info)


class PublicPageCacheMiddleware:
    """ETag, Last-Modified and a page cache for public pages seen by visitors not signed in.

    Sits early, right after the security headers and static files: a kept page is answered
    before the session, language, CSRF and authentication middleware, none of which can change
    it. A page is only ever kept after a full answer showed it public (``process_view``, once
    the user is known), so only a public page can be found. Its key holds the address, which
    alone sets the language, with the query parameters its view reads.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        found = public_route(request)
        if found is not None and self.may_be_public(request):
            version = self.read_version(request)
            if version is not None:
                key, etag, last_modified = self.validators(request, found, version.number, version.changed_at)
                kept = self.answer_kept(request, key, etag, last_modified)
                if kept is not None:
                    return kept
                if found.route.download:
                    # One request builds it; those that come meanwhile wait, then read it.
                    with kept_files.building(key):
                        kept = self.answer_kept(request, key, etag, last_modified)
                        return kept if kept is not None else self.render(request, found)
        return self.render(request, found)

    def render(self, request: HttpRequest, found: Found | None) -> HttpResponseBase:
        if found is not None and found.route.download and (refused := throttled_download(request)):
            return refused
        response = self.get_response(request)
        state = getattr(request, "_public_page", None)
        if state is None:
            return response
        key, etag, last_modified = state
        if response.status_code == 200:
            response.headers.setdefault("ETag", etag)
            response.headers.setdefault("Last-Modified", http_date(last_modified.timestamp()))
            # Browsers and proxies may keep the page but ask each time: the answer is a 304 until an edit.
            patch_cache_control(response, max_age=0, must_revalidate=True)
            # Signed-in visitors see other pages (a Sign out link, staff previews). The language
            # is in the address, so the answer does not vary with Accept-Language.
            patch_vary_headers(response, ("Cookie",))
            if self.can_keep(request, response):
                # A download costs seconds to build: a file, which the server's other workers find too.
                as_file = found.route.download or response.streaming or len(response.content) > MAX_CACHED_BYTES
                if as_file:
                    response = kept_files.keep(key, response, whole_up_to=MAX_CACHED_BYTES)
                else:
                    # A day at most: the key holds the version and the date, so it is dead by then.
                    kept = (response.status_code, list(response.items()), response.content)
                    kept_pages().set(key, (*kept, kept_files.frame_exempt(response)), KEPT_SECONDS)
        return response

    def process_view(self, request: HttpRequest, view: Callable, args: Any, kwargs: Any) -> HttpResponse | None:
        found = public_route(request)
        if found is None or "messages" in request.COOKIES or not is_anonymous(request):
            return None
        version = self.read_version(request)
        if version is None:
            return None  # let the view meet the database error and answer it (503)
        # The view sees only what the key holds: it cannot read a parameter the key leaves out.
        request.GET = read_query(request.GET, found.route)
        request.META["QUERY_STRING"] = request.GET.urlencode()
        key, etag, last_modified = self.validators(request, found, version.number, version.changed_at)
        request._public_page = (key, etag, last_modified)
        not_modified = self.not_modified(request, etag, last_modified)
        if not_modified is not None:
            request._public_page = None
        return not_modified

    @staticmethod
    def may_be_public(request: HttpRequest) -> bool:
        # A page with a message to show sets a cookie, and is not kept: nor answered from the cache.
        return has_no_session(request) and "messages" not in request.COOKIES

    @staticmethod
    def read_version(request: HttpRequest) -> Version | None:
        """The content version, read once per request; None if the database cannot be reached."""
        if not hasattr(request, "_content_version"):
            try:
                request._content_version = content_version()
            except DatabaseError:
                request._content_version = None
            else:
                # Other caches of the page's parts key by it too, or by the catalogue's number
                # (the list's filter options, the counts per country and per area).
                request.content_version = request._content_version.number
                request.catalogue_version = request._content_version.catalogue_key
        return request._content_version

    def answer_kept(
        self, request: HttpRequest, key: str, etag: str, last_modified: datetime.datetime
    ) -> HttpResponseBase | None:
        """The kept answer for this key (a 304 if the client has it already), or None."""
        kept = kept_pages().get(key)
        if kept is not None:
            status, headers, content, exempt = kept
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response.headers[name] = value
            response.xframe_options_exempt = exempt
        else:
            # Not in this worker's cache: a file this server's workers keep (one open(), none if not there).
            response = kept_files.kept_answer(key, whole_up_to=MAX_CACHED_BYTES)
            if response is None:
                return None
        not_modified = self.not_modified(request, etag, last_modified)
        if not_modified is not None:
            if response.streaming:
                # The file only: closing the answer would send ``request_finished``, which ends
                # the request's database connections before the request has ended.
                response.file_to_stream.close()
            return not_modified
        if not compression.is_compressible(response):
            return response

        def kept_variant(content: bytes, encoding: str) -> bytes:
            # Compressed once per kept page and encoding, then kept beside the page.
            body = kept_pages().get(f"{key}:{encoding}")
            if body is None:
                body = compression.compress(content, encoding)
                kept_pages().set(f"{key}:{encoding}", body, KEPT_SECONDS)
            return body

        return compression.encode(request, response, kept_variant)

    @staticmethod
    def validators(
        request: HttpRequest, found: Found, number: int, changed_at: datetime.datetime
    ) -> tuple[str, str, datetime.datetime]:
        """The page's cache key, ETag and Last-Modified for this content version and date.

        The key holds everything the page may depend on: the version (its number and when it
        moved, so a database restored to an earlier number does not find pages of other
        content), the date, the address (with scheme and host, for absolute links; the language
        is its prefix) with the parameters the view reads, and, for the API, the representation.
        """
        today = timezone.localdate()
        stamp = int(changed_at.timestamp() * 1_000_000)
        query = read_query(request.GET, found.route)
        parts = (
            str(number),
            str(stamp),
            today.isoformat(),
            request.scheme,
            request.get_host(),
            request.path,
            query_key(query),
            representation(request, found, query),
            request.method,
        )
        digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]
        key = f"{KEY_PREFIX}:{number}:{stamp}:{today.isoformat()}:{digest}"
        etag = f'W/"{number}-{digest[:16]}"'
        # Pages that say what is current or to come change with the date as well as with edits.
        midnight = timezone.make_aware(datetime.datetime.combine(today, datetime.time()))
        return key, etag, max(changed_at, midnight)

    @staticmethod
    def not_modified(request: HttpRequest, etag: str, last_modified: datetime.datetime) -> HttpResponse | None:
        response = get_conditional_response(request, etag=etag, last_modified=int(last_modified.timestamp()))
        if response is not None:
            response.headers["ETag"] = etag
            response.headers["Last-Modified"] = http_date(last_modified.timestamp())
        return response

    @staticmethod
    def can_keep(request: HttpRequest, response: HttpResponseBase) -> bool:
        cache_control = response.get("Cache-Control", "")
        return (
            request.method == "GET"
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and "private" not in cache_control
            and "no-store" not in cache_control
        )
