"""The public page "About this data": where the record comes from, how sure it is, and which
published programmes the IATI file leaves out and why (``programmes.quality.iati_exclusions``)."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch
from django.views.generic import TemplateView

from programmes.models import Programme, ProgrammeCountry
from programmes.quality import iati_exclusions


class AboutDataView(TemplateView):
    template_name = "programmes/about_data.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        links = Prefetch("country_links", queryset=ProgrammeCountry.objects.select_related("country"))
        programmes = Programme.objects.published().prefetch_related(links).order_by("title", "pk")
        published, left_out = 0, []
        for programme in programmes.iterator(chunk_size=500):
            published += 1
            if exclusions := iati_exclusions(programme):
                left_out.append((programme, exclusions))
        return super().get_context_data(**kwargs) | {
            "published": published,
            "in_iati": published - len(left_out),
            "left_out": left_out,
        }
