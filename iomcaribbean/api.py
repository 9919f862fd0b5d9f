"""What every app's API shares: the JSON renderer and the pagination (settings name them).

Each app declares its own serializers and viewsets (``<app>/api.py``) and routes
(``<app>/api_urls.py``); the project imports none of them and names their routes only.
This module must not import DRF's views: the settings load it while DRF starts.
"""

from __future__ import annotations

from typing import Any

from rest_framework import renderers
from rest_framework.pagination import PageNumberPagination

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
