"""What every app's API shares: the JSON renderer, the pagination and the throttles (settings name them).

Each app declares its own serializers and viewsets (``<app>/api.py``) and routes
(``<app>/api_urls.py``); the project imports none of them and names their routes only.
This module must not import DRF's views: the settings load it while DRF starts.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from rest_framework import renderers
from rest_framework.pagination import PageNumberPagination
from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from iomcaribbean.middleware import client_ip

# Characters that let a JSON document be read as HTML if a browser ever sniffed it as such.
_HTML_SENSITIVE = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


class JSONRenderer(renderers.JSONRenderer):
    """JSON with <, > and & written as \\u escapes: the same data, inert if it lands in a page."""

    def render(self, data: Any, accepted_media_type: str | None = None, renderer_context: dict | None = None) -> bytes:
        content = super().render(data, accepted_media_type, renderer_context)
        return content.decode().translate(_HTML_SENSITIVE).encode()


class Pagination(PageNumberPagination):
    """20 records a page; ``?page_size=`` asks for up to 100 (more is cut to 100, nonsense ignored)."""

    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100


class ClientRateThrottle(SimpleRateThrottle):
    """Requests per client address, as sign-in throttling counts it (behind ``TRUSTED_PROXY_COUNT`` proxies).

    The rate of the throttle's scope is read from ``DEFAULT_THROTTLE_RATES`` for each request (REST
    framework's own reads it once, at start-up). Only requests that reach a view count: answers
    from the page cache (``iomcaribbean.caching``) cost next to nothing and are not throttled.
    """

    scope = "api"

    def get_rate(self) -> str | None:
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def get_cache_key(self, request: HttpRequest, view: object) -> str:
        return self.cache_format % {"scope": self.scope, "ident": client_ip(request) or "unknown"}


class DownloadRateThrottle(ClientRateThrottle):
    """CSV, XLSX and IATI files built afresh (``iomcaribbean.exports.throttled_download``)."""

    scope = "downloads"
