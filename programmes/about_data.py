"""The public page "About this data": where the record comes from, how sure it is, and which
published programmes the IATI file leaves out, grouped by why (``programmes.quality.iati_exclusions``)."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch
from django.views.generic import TemplateView

from iomcaribbean.views import ReadsOnly
from programmes.models import Programme, ProgrammeCountry
from programmes.quality import Exclusion, iati_exclusions


class AboutDataView(ReadsOnly, TemplateView):
    template_name = "programmes/about_data.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        links = Prefetch("country_links", queryset=ProgrammeCountry.objects.select_related("country"))
        programmes = Programme.objects.published().prefetch_related(links).order_by("title", "pk")
        published, left_out = 0, set()
        by_reason: dict[str, tuple[Exclusion, list[Programme]]] = {}
        for programme in programmes.iterator(chunk_size=500):
            published += 1
            for exclusion in iati_exclusions(programme):
                by_reason.setdefault(exclusion.field, (exclusion, []))[1].append(programme)
                left_out.add(programme.pk)
        return super().get_context_data(**kwargs) | {
            "published": published,
            "in_iati": published - len(left_out),
            "reasons": list(by_reason.values()),
        }
