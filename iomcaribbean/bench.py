"""The floor of `make bench`: a Django view that reads no database and renders no template.

Routed only when BENCH_ENDPOINTS is true (iomcaribbean/urls.py); every page's throughput in
bench/results.md is given as a ratio to this one's, on the same server in the same run.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse


def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse(b"ok\n", content_type="text/plain")
