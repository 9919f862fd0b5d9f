"""The overview page: the current published overview, its areas' and countries' counts and their charts."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.generic import DetailView

from iomcaribbean.catalogue import kept
from iomcaribbean.charts import BarChart, Series, bar_chart
from iomcaribbean.relations import related_model
from iomcaribbean.views import ReadsOnly
from programmes.kept_pages import KeptThroughRewordings
from programmes.models import Country, Overview, OverviewEntry, Programme, ThematicArea
from programmes.selectors import areas_with_programme_counts, countries_with_programme_counts


class OverviewView(KeptThroughRewordings, ReadsOnly, DetailView):
    """The current published overview, composed from its records."""

    template_name = "programmes/overview.html"
    context_object_name = "overview"

    def get_object(self, queryset: QuerySet | None = None) -> Overview:
        entries = OverviewEntry.objects.filter(programme__in=Programme.objects.published()).select_related("programme")
        mentions = related_model(Overview, "partner_mentions").objects.select_related("organisation")
        queryset = Overview.objects.on_home_page().prefetch_related(
            Prefetch("entries", queryset=entries),
            Prefetch("partner_mentions", queryset=mentions),
        )
        overview = queryset.first()
        if overview is None:
            raise Http404("No overview is published.")
        return overview

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        overview = self.object
        entries: dict[str, list[OverviewEntry]] = defaultdict(list)
        for entry in overview.entries.all():
            entries[entry.section].append(entry)
        Section = OverviewEntry.Section
        context |= {
            **kept(self.request, "overview-counts", self.counts),
            "to_date_entries": entries[Section.TO_DATE],
            "proposed_entries": entries[Section.PROPOSED],
            "current_entries": entries[Section.CURRENT],
            "ahead_entries": entries[Section.LOOKING_AHEAD],
            "to_date_label": Section.TO_DATE.label,
            "ahead_label": Section.LOOKING_AHEAD.label,
            "partner_groups": self.partner_groups(overview),
        }
        return context

    @classmethod
    def counts(cls) -> dict[str, Any]:
        """The areas, and the map and the charts of the published programmes per area and per country:
        kept under the catalogue version (``iomcaribbean.catalogue``), which rewording a programme leaves."""
        # The areas' query also counts their published programmes, for the chart.
        areas = list(areas_with_programme_counts().filter(list__in=ThematicArea.List.values))
        area_counts = sorted(
            (a for a in areas if a.programme_count), key=lambda a: (-a.programme_count, a.list, a.order)
        )
        # One query: every country with the number of published programmes that work there (as the
        # country list); the template hands them to the map too, which would otherwise count again.
        country_counts = list(
            countries_with_programme_counts(Country.objects.all()).order_by("-programme_count", "name")
        )
        figures = {
            "area_counts": area_counts,
            "country_counts": country_counts,
            "area_chart": cls.count_chart(
                area_counts,
                "programmes-by-area",
                _("Published programmes by thematic area"),
                _(
                    "Horizontal bar chart: the number of published programmes in each thematic area, largest first. "
                    "The table after the chart gives the same figures."
                ),
            ),
            "country_chart": cls.count_chart(
                country_counts,
                "programmes-by-country",
                _("Published programmes by country"),
                _(
                    "Horizontal bar chart: the number of published programmes in each country, largest first. "
                    "The table after the chart gives the same figures."
                ),
            ),
        }
        # Drawn here, once per catalogue version and language: the map and the charts with their
        # tables are most of the page's template work, and nothing else on the page changes them.
        return {
            "core_areas": [a for a in areas if a.list == ThematicArea.List.CORE_SERVICE],
            "priority_areas": [a for a in areas if a.list == ThematicArea.List.PRIORITY],
            "map_html": render_to_string("includes/overview_map.html", figures),
            "charts_html": render_to_string("includes/overview_charts.html", figures),
        }

    @staticmethod
    def count_chart(rows: list, chart_id: str, title: str, description: str) -> BarChart | None:
        """A horizontal bar chart of ``programme_count`` per row; None when there is nothing to count."""
        if not rows:
            return None
        return bar_chart(
            [str(row) for row in rows],
            [Series(_("Published programmes"), [row.programme_count for row in rows])],
            id=chart_id,
            title=title,
            description=description,
            horizontal=True,
            integer=True,
        )

    @staticmethod
    def partner_groups(overview: Overview) -> list[dict[str, Any]]:
        """The organisations the partners paragraph names, in the order of the model's groups.

        The supporters note ("other bilateral sources") closes the supporters' group.
        """
        mention_model = related_model(Overview, "partner_mentions")
        grouped: dict[str, list] = defaultdict(list)
        for mention in overview.partner_mentions.all():
            grouped[mention.group].append(mention.organisation)
        groups = []
        for value, label in mention_model.Group.choices:
            note = overview.supporters_note if value == mention_model.Group.SUPPORTER else ""
            if grouped[value] or note:
                groups.append({"label": label, "organisations": grouped[value], "note": note})
        return groups
