"""Pages compressed on their way out: brotli where the client takes it, else gzip.

Only what anyone may see is compressed. A compressed page that holds a secret (a CSRF token, a
signed-in donor's figures) beside text an attacker can put in it (a search word in the address)
leaks the secret through the page's size (BREACH). So an answer is compressed only for a visitor
without a session (so not signed in), when the answer sets no cookie (a page that holds the CSRF
token always sets its cookie); everything else leaves as it was rendered. Files the portal keeps
(whole exports, the IATI file) stream and are left alone; static files are compressed once by
whitenoise.

The page cache keeps each compressed variant of a kept page beside it
(``iomcaribbean.caching``), so a kept page is compressed once per content version, not per visit.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable

import brotli
from django.conf import settings
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.utils.cache import patch_vary_headers

# Types worth compressing: pages, API answers, the small XML files (one IATI activity, the feeds).
COMPRESSIBLE_TYPES = ("text/html", "application/json", "application/xml", "application/atom+xml", "text/xml")
# Below this, the headers cost more than compression saves.
MIN_BYTES = 512
# Quality 5 and level 6: most of the saving for a millisecond or two per page of about 100 KB.
BROTLI_QUALITY = 5
GZIP_LEVEL = 6
# Preferred first: brotli is about a third smaller than gzip on the portal's pages.
ENCODINGS = ("br", "gzip")


def accepted_encoding(request: HttpRequest) -> str | None:
    """The best encoding the client accepts (``Accept-Encoding`` with its q-values), or None."""
    weights: dict[str, float] = {}
    for part in request.headers.get("Accept-Encoding", "").split(","):
        name, _, params = part.strip().partition(";")
        weight = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        if name:
            weights[name.strip().lower()] = weight
    for encoding in ENCODINGS:
        if weights.get(encoding, weights.get("*", 0.0)) > 0:
            return encoding
    return None


def compress(content: bytes, encoding: str) -> bytes:
    if encoding == "br":
        return brotli.compress(content, quality=BROTLI_QUALITY)
    return gzip.compress(content, compresslevel=GZIP_LEVEL, mtime=0)


def is_compressible(response: HttpResponseBase) -> bool:
    """Text of a type worth compressing, whole in memory, not compressed yet and not too small."""
    return (
        not response.streaming
        and not response.has_header("Content-Encoding")
        and response.get("Content-Type", "").split(";")[0].strip() in COMPRESSIBLE_TYPES
        and len(response.content) >= MIN_BYTES
    )


def holds_no_secret(request: HttpRequest, response: HttpResponseBase) -> bool:
    """Not for a visitor with a session (who may be signed in), and no CSRF token in the page.

    Only the session cookie's presence is read, never the session: that would cost a query, and
    one that fails when the database is down (the 503 page must still go out). A page that used
    the CSRF token sets its cookie (Django renews it each time), and the CSRF middleware has
    cleared its own mark by the time the answer gets here: no cookie at all, then.
    """
    return settings.SESSION_COOKIE_NAME not in request.COOKIES and not response.cookies


def set_encoded(response: HttpResponseBase, encoding: str, body: bytes) -> None:
    """Puts the compressed body in the answer, with the headers that say so."""
    response.content = body
    response.headers["Content-Encoding"] = encoding
    response.headers["Content-Length"] = str(len(body))
    etag = response.get("ETag")
    if etag and not etag.startswith("W/"):
        # The bytes differ from the uncompressed answer's: no longer the same strong validator.
        response.headers["ETag"] = "W/" + etag


def encode(
    request: HttpRequest, response: HttpResponseBase, compressed: Callable[[bytes, str], bytes] = compress
) -> HttpResponseBase:
    """The answer in the encoding the client takes (``compressed`` gives the body), marked as varying by it."""
    # Caches between here and the client must keep one answer per encoding.
    patch_vary_headers(response, ("Accept-Encoding",))
    encoding = accepted_encoding(request)
    if encoding is not None:
        set_encoded(response, encoding, compressed(response.content, encoding))
    return response


class CompressPublicPagesMiddleware:
    """Compresses the answers ``holds_no_secret`` allows (see the module)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if response.has_header("Content-Encoding"):
            return response  # a kept page's compressed variant (the page cache)
        if not is_compressible(response) or not holds_no_secret(request, response):
            return response
        return encode(request, response)
