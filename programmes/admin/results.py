"""The results framework in the admin, quick to fill in: a programme's results as an inline of its
page (each with links to its indicators), an indicator's own page with its baseline in one section
and its periods as rows, and a period's page for the breakdowns of its target and actual.

Programme editors change them and Finance officers read them, as the rest of a programme's
narrative (funding/migrations/0009...).
"""

from __future__ import annotations

from itertools import pairwise

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from programmes.admin.base import CompactInline, TranslatedCompactInline, TranslatedHistoryAdmin
from programmes.forms import AdminInlineFormSet
from programmes.models import Dimension, Indicator, Period, Result


def indicator_admin_url(name: str, *args: object) -> str:
    return reverse(f"admin:programmes_indicator_{name}", args=args)


class ResultInline(TranslatedCompactInline):
    model = Result
    fields = ["title", "type", "description", "aggregation_status", "indicator_links", "order"]
    readonly_fields = ["indicator_links"]

    @admin.display(description="indicators")
    def indicator_links(self, result: Result) -> str:
        """Each indicator's page, and a new one's with the result filled in (once the result is saved)."""
        if result.pk is None:
            return "Save first, then add its indicators."
        links = format_html_join(
            mark_safe("<br>"),
            '<a href="{}">{}</a>',
            ((indicator_admin_url("change", indicator.pk), indicator) for indicator in result.indicators.all()),
        )
        add = format_html(
            '<a class="addlink" href="{}?result={}">Add an indicator</a>', indicator_admin_url("add"), result.pk
        )
        return format_html("{}{}{}", links, mark_safe("<br>") if links else "", add)

    def get_queryset(self, request: HttpRequest) -> models.QuerySet:
        return super().get_queryset(request).prefetch_related("indicators")


class PeriodFormSet(AdminInlineFormSet):
    """Periods of one indicator do not overlap, among those saved and those entered together."""

    def clean(self) -> None:
        super().clean()
        spans = sorted(
            (form.cleaned_data["start"], form.cleaned_data["end"])
            for form in self.forms
            if form.cleaned_data.get("start") and form.cleaned_data.get("end") and not self._should_delete_form(form)
        )
        for (_, end), (start, _) in pairwise(spans):
            if start <= end:
                raise ValidationError("Two periods of this indicator overlap: each day belongs to one period at most.")


class PeriodInline(TranslatedCompactInline):
    model = Period
    formset = PeriodFormSet
    fields = ["start", "end", "target_value", "target_comment", "actual_value", "actual_comment"]
    show_change_link = True  # its breakdowns
    formfield_overrides = {
        **TranslatedCompactInline.formfield_overrides,
        models.DateField: {"widget": admin.widgets.AdminDateWidget(attrs={"size": 10})},
    }


@admin.register(Indicator)
class IndicatorAdmin(TranslatedHistoryAdmin):
    list_display = ["title", "result", "programme", "measure"]
    list_filter = ["measure"]
    list_select_related = ["result__programme"]
    search_fields = ["title", "result__title", "result__programme__title"]
    raw_id_fields = ["result"]
    readonly_fields = ["programme_link"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "programme_link",
                    "result",
                    "title",
                    "description",
                    ("measure", "unit_label", "ascending"),
                    "order",
                ]
            },
        ),
        (
            "Baseline",
            {
                "description": "Leave empty what no one stated. A qualitative indicator's baseline is its comment.",
                "fields": [("baseline_year", "baseline_value"), "baseline_comment"],
            },
        ),
    ]
    inlines = [PeriodInline]
    # Short texts: the periods below stay in sight.
    formfield_overrides = {
        **TranslatedHistoryAdmin.formfield_overrides,
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 60})},
    }

    def lookup_allowed(self, lookup: str, value: str, request: HttpRequest | None = None) -> bool:
        # The result's "indicators" link lists them by result.
        return lookup in ("result", "result__id__exact") or super().lookup_allowed(lookup, value, request)

    @admin.display(description="programme")
    def programme(self, indicator: Indicator) -> str:
        return str(indicator.result.programme)

    @admin.display(description="programme")
    def programme_link(self, indicator: Indicator | None) -> str:
        if indicator is None or indicator.pk is None:
            return "The programme of the result chosen below."
        programme = indicator.result.programme
        url = reverse("admin:programmes_programme_change", args=[programme.pk])
        return format_html('<a href="{}#results-group">{}</a>', url, programme)


class DimensionInline(CompactInline):
    model = Dimension


@admin.register(Period)
class PeriodAdmin(TranslatedHistoryAdmin):
    """A period on its own, for the breakdowns of its target and actual (the indicator's page lists its periods)."""

    list_display = ["__str__", "indicator"]
    list_select_related = ["indicator"]
    search_fields = ["indicator__title"]
    raw_id_fields = ["indicator"]
    readonly_fields = ["indicator_link"]
    fields = [
        "indicator_link",
        "indicator",
        ("start", "end"),
        ("target_value", "target_comment"),
        ("actual_value", "actual_comment"),
    ]
    inlines = [DimensionInline]

    @admin.display(description="indicator page")
    def indicator_link(self, period: Period | None) -> str:
        if period is None or period.pk is None:
            return "Periods are best added on their indicator's page."
        return format_html('<a href="{}">{}</a>', indicator_admin_url("change", period.indicator_id), period.indicator)
