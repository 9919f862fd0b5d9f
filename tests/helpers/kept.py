"""Forgetting what the portal keeps, so that a test's next request is answered afresh."""

from django.core.cache import caches


def forget_kept_pages() -> None:
    """Every kept page, with what the default cache keeps (the filter lists, donors' kept dashboards)
    and the fragments (programme cards, the list's skeletons, pages kept through rewordings)."""
    caches["pages"].clear()
    caches["fragments"].clear()
    caches["default"].clear()
