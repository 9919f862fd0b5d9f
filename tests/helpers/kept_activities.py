"""Which programmes' IATI activities are written again rather than read as kept (``iati.kept_activities``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from iati import kept_activities


def record_writes(monkeypatch, add: Callable[[Iterable[int]], object]) -> None:
    """Calls ``add`` with the ids of each batch of programmes whose activities are written."""
    original = kept_activities.export_queryset

    def recording(queryset):
        add(queryset.values_list("pk", flat=True))
        return original(queryset)

    monkeypatch.setattr(kept_activities, "export_queryset", recording)
