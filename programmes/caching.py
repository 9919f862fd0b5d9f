"""Conditional GET and a page cache for the public pages, both keyed by one content version.

Every save, delete or many-to-many change of a record of the public apps moves the content
version (``ContentVersion``, one row in the database) on. Each public page a visitor who is not
signed in asks for gets an ETag and a Last-Modified made from that version, so a browser or a
proxy that has the page already gets a 304; and the rendered page is kept in Django's cache under
a key that holds the version, so an edit makes every kept page stale at once, on every app
server, whatever cache backend each one uses. A stale page after an edit would be a bug.

What is never kept nor answered with a 304: anything for a signed-in user (staff previews,
donors' dashboards), the admin, sign-in pages and the health check, a page that sets a cookie
or holds a CSRF token, a page marked private or no-store, and any answer but 200.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime
import hashlib
from collections.abc import Callable, Iterator
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connections, router
from django.db.models import F, Model
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date

# The apps whose records the public pages show (by label: programmes imports neither of the others).
WATCHED_APPS = frozenset({"programmes", "partners", "funding"})
# URL namespaces and names of the public pages; everything else (admin, sign-in, donor pages,
# the health check) is left alone. The API's routes have no namespace: matched by their route.
PUBLIC_NAMESPACES = frozenset({"programmes", "partners", "funding"})
PUBLIC_URL_NAMES = frozenset({"sitemap", "robots"})
PUBLIC_ROUTE_PREFIX = "api/"
# Larger answers (an export of thousands of programmes) still get their ETag but are not kept:
# the cache holds many pages per worker, and a few large files would push them all out.
MAX_CACHED_BYTES = 1024 * 1024
KEY_PREFIX = "public-page"
KEPT_SECONDS = 24 * 60 * 60


# The version ---------------------------------------------------------------------------


def content_version() -> tuple[int, datetime.datetime]:
    """The current version number and when it last moved (one query).

    Every page a visitor not signed in asks for runs this query, often as the only one: plain SQL
    saves the ORM's query compilation, which costs more than the query itself.
    """
    model = apps.get_model("programmes", "ContentVersion")
    connection = connections[router.db_for_read(model)]
    with connection.cursor() as cursor:
        cursor.execute(_VERSION_SQL.format(table=connection.ops.quote_name(model._meta.db_table)))
        row = cursor.fetchone()
    if row is None:
        return 0, datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
    number, changed_at = row
    # SQLite hands back text; PostgreSQL an aware datetime.
    changed_at = model._meta.get_field("changed_at").to_python(changed_at)
    if timezone.is_naive(changed_at):
        changed_at = timezone.make_aware(changed_at, datetime.UTC)
    return number, changed_at


_VERSION_SQL = "SELECT number, changed_at FROM {table} WHERE id = 1"


def bump_content_version() -> None:
    """Move the version on: every cached page and every ETag handed out so far is stale."""
    model = apps.get_model("programmes", "ContentVersion")
    now = timezone.now()
    if not model.objects.filter(pk=1).update(number=F("number") + 1, changed_at=now):
        model.objects.update_or_create(pk=1, defaults={"number": 1, "changed_at": now})


def _is_watched(sender: type[Model]) -> bool:
    meta = sender._meta
    return (
        meta.app_label in WATCHED_APPS
        # Models of a migration's historical state: the version's table may not exist yet.
        and meta.apps is apps
        # django-simple-history's copies change together with the records they copy.
        and not hasattr(sender, "instance_type")
        and meta.model_name != "contentversion"
    )


# Inside ``one_content_change()``: a list that records whether anything changed, else None.
_changes_held: contextvars.ContextVar[list[bool] | None] = contextvars.ContextVar("content_changes_held", default=None)


@contextlib.contextmanager
def one_content_change() -> Iterator[None]:
    """Move the version on once for the many saves inside, on the way out, if any was watched.

    For imports that save hundreds of records in one transaction: one UPDATE instead of one per
    record, and the version's row is locked (against other editors' saves) only at the end.
    """
    if _changes_held.get() is not None:  # already inside one: the outer one moves it on
        yield
        return
    held: list[bool] = []
    token = _changes_held.set(held)
    try:
        yield
    except BaseException:
        _changes_held.reset(token)
        if held:
            # The saves may still be committed by whoever catches this; a broken transaction
            # (its own error is the one to report) rolls them back, and the move with them.
            with contextlib.suppress(DatabaseError):
                bump_content_version()
        raise
    _changes_held.reset(token)
    if held:
        bump_content_version()


def _content_changed() -> None:
    held = _changes_held.get()
    if held is None:
        bump_content_version()
    elif not held:
        held.append(True)


def _on_save_or_delete(sender: type[Model], **kwargs: Any) -> None:
    if _is_watched(sender):
        _content_changed()


def _on_m2m_changed(sender: type[Model], action: str, **kwargs: Any) -> None:
    if action.startswith("post_") and _is_watched(sender):
        _content_changed()


def connect_signals() -> None:
    """Called once from ``ProgrammesConfig.ready``."""
    post_save.connect(_on_save_or_delete, dispatch_uid="programmes.caching.save")
    post_delete.connect(_on_save_or_delete, dispatch_uid="programmes.caching.delete")
    m2m_changed.connect(_on_m2m_changed, dispatch_uid="programmes.caching.m2m")


# The middleware ------------------------------------------------------------------------


def is_public_page(request: HttpRequest) -> bool:
    match = request.resolver_match
    if match is None or request.method not in ("GET", "HEAD"):
        return False
    return (
        (match.namespaces[:1] and match.namespaces[0] in PUBLIC_NAMESPACES)
        or match.url_name in PUBLIC_URL_NAMES
        or match.route.startswith(PUBLIC_ROUTE_PREFIX)
    )


def has_no_session(request: HttpRequest) -> bool:
    # Without a session cookie nobody is signed in, and the session need not be read at all.
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


def is_anonymous(request: HttpRequest) -> bool:
    return has_no_session(request) or not request.user.is_authenticated


class PublicPageCacheMiddleware:
    """ETag, Last-Modified and a page cache for public pages seen by visitors not signed in.

    Sits early, right after the security headers and static files: a kept page is answered
    before the session, language, CSRF and authentication middleware and before the address is
    resolved, none of which can change it. A page is only ever kept after a full answer showed
    it public (``process_view``, once the address is resolved and the user known), so only a
    public page can be found. Its key holds the whole address, which alone sets the language.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method in ("GET", "HEAD") and self.may_be_public(request):
            version = self.read_version(request)
            if version is not None:
                kept_or_not_modified = self.answer_from_cache(request, *version)
                if kept_or_not_modified is not None:
                    return kept_or_not_modified
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
                # A day at most: the key holds the version and the date, so it is dead by then.
                kept = (response.status_code, list(response.items()), response.content)
                cache.set(key, kept, timeout=KEPT_SECONDS)
        return response

    def process_view(self, request: HttpRequest, view: Callable, args: Any, kwargs: Any) -> HttpResponse | None:
        if not is_public_page(request) or "messages" in request.COOKIES or not is_anonymous(request):
            return None
        version = self.read_version(request)
        if version is None:
            return None  # let the view meet the database error and answer it (503)
        key, etag, last_modified = self.validators(request, *version)
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
    def read_version(request: HttpRequest) -> tuple[int, datetime.datetime] | None:
        """The content version, read once per request; None if the database cannot be reached."""
        if not hasattr(request, "_content_version"):
            try:
                request._content_version = content_version()
            except DatabaseError:
                request._content_version = None
            else:
                # Other caches of the page's parts (the list's filter options) key by it too.
                request.content_version = request._content_version[0]
        return request._content_version

    def answer_from_cache(
        self, request: HttpRequest, number: int, changed_at: datetime.datetime
    ) -> HttpResponse | None:
        key, etag, last_modified = self.validators(request, number, changed_at)
        kept = cache.get(key)
        if kept is None:
            return None
        not_modified = self.not_modified(request, etag, last_modified)
        if not_modified is not None:
            return not_modified
        status, headers, content = kept
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response.headers[name] = value
        return response

    def validators(
        self, request: HttpRequest, number: int, changed_at: datetime.datetime
    ) -> tuple[str, str, datetime.datetime]:
        """The page's cache key, ETag and Last-Modified for this content version and date."""
        today = timezone.localdate()
        key = self.cache_key(request, number, today)
        etag = f'W/"{number}-{key[-16:]}"'
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
    def cache_key(request: HttpRequest, number: int, today: datetime.date) -> str:
        # Everything the page may depend on: address (with scheme and host, for absolute links;
        # the language is its prefix), the representation asked for (the API answers JSON or
        # HTML) and the date.
        parts = (
            request.scheme,
            request.get_host(),
            request.get_full_path(),
            request.headers.get("Accept", ""),
            request.method,
        )
        digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]
        return f"{KEY_PREFIX}:{number}:{today.isoformat()}:{digest}"

    @staticmethod
    def can_keep(request: HttpRequest, response: HttpResponse) -> bool:
        cache_control = response.get("Cache-Control", "")
        return (
            request.method == "GET"
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and "private" not in cache_control
            and "no-store" not in cache_control
            and len(response.content) <= MAX_CACHED_BYTES
        )
