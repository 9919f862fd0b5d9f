"""The programme overview, such as the October 2002 brochure "IOM in the Caribbean", and its
entries: the published one on the home page is the only one the public sees."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from programmes.fallback_ordering import TranslatedQuerySet
from programmes.models.base import DatePrecision, TimeStamped, format_partial_date, validate_partial_dates
from programmes.models.programme import Programme
from programmes.models.publication import published_condition


def on_home_page_condition(path: str = "") -> Q:
    """The overview the public sees: the one on the home page, if it is published. A condition on
    the overview at ``path`` ("" for an overview itself, "overview" from an entry or a mention)."""
    prefix = f"{path}__" if path else ""
    return Q(**{f"{prefix}is_current": True, f"{prefix}is_published": True})


class OverviewQuerySet(TranslatedQuerySet):
    def on_home_page(self) -> OverviewQuerySet:
        return self.filter(on_home_page_condition())


class Overview(TimeStamped):
    """A published programme overview, such as the October 2002 brochure 'IOM in the Caribbean'."""

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True)
    date = models.DateField()
    date_precision = models.CharField(max_length=5, choices=DatePrecision.choices, default=DatePrecision.MONTH)
    introduction = models.TextField(blank=True)
    core_areas_intro = models.TextField("core areas introduction", blank=True)
    quote = models.TextField(blank=True)
    quote_attribution = models.CharField(max_length=200, blank=True)
    quote_attribution_role = models.CharField(max_length=200, blank=True)
    programmes_intro = models.TextField("introduction to the programmes to date", blank=True)
    priorities_heading = models.CharField(max_length=200, blank=True)
    priorities_intro = models.TextField("introduction to the priority areas", blank=True)
    priorities_conclusion = models.TextField("after the priority areas", blank=True)
    current_heading = models.CharField("heading of current projects", max_length=200, blank=True)
    looking_ahead_intro = models.TextField("looking ahead", blank=True)
    partners_intro = models.TextField("partners paragraph", blank=True)
    supporters_note = models.CharField(
        max_length=200, blank=True, help_text="Supporters not named as organisations, e.g. 'other bilateral sources'."
    )
    is_published = models.BooleanField("published", default=False)
    is_current = models.BooleanField("home page", default=False, help_text="The overview shown on the home page.")
    programmes = models.ManyToManyField(Programme, through="OverviewEntry", related_name="overviews", blank=True)

    objects = OverviewQuerySet.as_manager()

    # history: registered in translation.py, once the language columns exist.

    class Meta:
        ordering = ["-date"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"],
                condition=Q(is_current=True),
                name="one_current_overview",
                violation_error_message="Another overview is on the home page already.",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("programmes:overview")

    def clean(self) -> None:
        if errors := validate_partial_dates(self, ("date", "date_precision")):
            raise ValidationError(errors)

    @property
    def date_display(self) -> str:
        return format_partial_date(self.date, self.date_precision)

    @classmethod
    def public_records_condition(cls) -> Q:
        return on_home_page_condition()  # the only overview the public sees


class OverviewEntry(models.Model):
    """A programme the overview shows, and under which heading."""

    class Section(models.TextChoices):
        TO_DATE = "to-date", _("Programmes carried out to date")
        PROPOSED = "proposed", _("Proposed")
        CURRENT = "current", _("Current projects")
        LOOKING_AHEAD = "ahead", _("Looking ahead")

    overview = models.ForeignKey(Overview, on_delete=models.CASCADE, related_name="entries")
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="overview_entries")
    section = models.CharField(max_length=10, choices=Section.choices)
    heading = models.CharField(
        max_length=255, blank=True, help_text="The overview's own heading for it, if not the programme's title."
    )
    order = models.PositiveSmallIntegerField(default=0)

    objects = TranslatedQuerySet.as_manager()
    # history: registered in translation.py, once the language columns exist.

    class Meta:
        ordering = ["section", "order", "pk"]
        verbose_name_plural = "overview entries"
        constraints = [
            models.UniqueConstraint(fields=["overview", "programme", "section"], name="overview_entry_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.get_section_display()}: {self.programme}"

    @classmethod
    def public_records_condition(cls) -> Q:
        return on_home_page_condition("overview") & published_condition("programme")
