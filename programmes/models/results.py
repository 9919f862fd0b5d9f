"""A programme's results framework, after Akvo RSR's and IATI's: results, their indicators (with a
baseline), the indicators' periods (a target and an actual each) and breakdowns of those values.

A result is what the programme changes; an indicator how the change is seen, either measured (a
number of units, or a percentage) or described (qualitative: its baseline, targets and actuals are
words, in the comments); a period a stretch of time with what was aimed at and what came about. A
breakdown ("dimension") says which group a target or actual value is for, such as sex=female.

What no source states stays empty: a result whose type no source gives is recorded without one
(and kept out of IATI, which requires it), an indicator without a known baseline has none.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from programmes.fallback_ordering import TranslatedQuerySet
from programmes.models.parts import ProgrammeItem
from programmes.models.publication import shown_with_programme

HUNDRED = 100


def value_field(verbose_name: str) -> models.DecimalField:
    return models.DecimalField(verbose_name, max_digits=14, decimal_places=2, null=True, blank=True)


class Result(ProgrammeItem):
    """What a programme changes (or aims to), as IATI's result: an output, outcome or impact."""

    class Type(models.TextChoices):
        # IATI ResultType codes.
        OUTPUT = "1", _("Output")
        OUTCOME = "2", _("Outcome")
        IMPACT = "3", _("Impact")

    # Only its programme's page shows it, of the pages kept through rewordings (``iomcaribbean.catalogue``).
    catalogue_rewords = "programme"

    programme = models.ForeignKey("Programme", on_delete=models.CASCADE, related_name="results")
    type = models.CharField(
        max_length=1,
        choices=Type.choices,
        blank=True,
        help_text="Empty when no source says: the result is then left out of IATI, which requires a type.",
    )
    title = models.CharField(max_length=500)
    description = models.TextField(blank=True)
    aggregation_status = models.BooleanField(
        null=True, blank=True, help_text="Whether its figures may be added up with other activities' (IATI)."
    )

    # history: registered in translation.py, once the language columns exist.

    class Meta(ProgrammeItem.Meta):
        pass

    def __str__(self) -> str:
        return self.title


class Indicator(models.Model):
    """How a result is seen: measured in units or as a percentage, or described (qualitative)."""

    class Measure(models.TextChoices):
        # IATI IndicatorMeasure codes; the portal keeps the three its pages can show.
        UNIT = "1", _("Unit")
        PERCENTAGE = "2", _("Percentage")
        QUALITATIVE = "5", _("Qualitative")

    result = models.ForeignKey(Result, on_delete=models.CASCADE, related_name="indicators")
    title = models.CharField(max_length=500)
    description = models.TextField(blank=True)
    measure = models.CharField(max_length=1, choices=Measure.choices)
    unit_label = models.CharField(
        max_length=100, blank=True, help_text="What a unit counts, such as 'officials trained' (unit measure only)."
    )
    ascending = models.BooleanField("higher is better", default=True)
    baseline_year = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1000), MaxValueValidator(9999)]
    )
    baseline_value = value_field("baseline value")
    baseline_comment = models.TextField(blank=True, help_text="For a qualitative indicator, the baseline itself.")
    order = models.PositiveSmallIntegerField(default=0)

    catalogue_rewords = "result__programme"  # as its result's
    public_records_condition = shown_with_programme("result__programme")
    objects = TranslatedQuerySet.as_manager()

    # history: registered in translation.py, once the language columns exist.

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(baseline_year__isnull=True) | Q(baseline_year__gte=1000, baseline_year__lte=9999),
                name="indicator_baseline_year_4_digits",
            ),
            models.CheckConstraint(
                condition=~Q(measure="5") | Q(baseline_value__isnull=True), name="indicator_qualitative_no_value"
            ),
            models.CheckConstraint(
                condition=~Q(measure="2")
                | Q(baseline_value__isnull=True)
                | Q(baseline_value__gte=0, baseline_value__lte=HUNDRED),
                name="indicator_percentage_0_100",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_qualitative(self) -> bool:
        return self.measure == self.Measure.QUALITATIVE

    def clean(self) -> None:
        errors = value_errors(self.measure, {"baseline_value": self.baseline_value})
        if self.unit_label and self.measure != self.Measure.UNIT:
            errors["unit_label"] = "Only an indicator measured in units has a unit label."
        if errors:
            raise ValidationError(errors)


def value_errors(measure: str, values: dict) -> dict[str, str]:
    """What is wrong with ``values`` (field name to value) for an indicator of ``measure``."""
    errors = {}
    for name, value in values.items():
        if value is None:
            continue
        if measure == Indicator.Measure.QUALITATIVE:
            errors[name] = "A qualitative indicator has no figures: write it in the comment."
        elif measure == Indicator.Measure.PERCENTAGE and not 0 <= value <= HUNDRED:
            errors[name] = "A percentage is between 0 and 100."
    return errors


class Period(models.Model):
    """A stretch of an indicator's time, with its target and actual (figures, or words when qualitative)."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="periods")
    start = models.DateField()
    end = models.DateField()
    target_value = value_field("target")
    target_comment = models.TextField(blank=True)
    actual_value = value_field("actual")
    actual_comment = models.TextField(blank=True)

    catalogue_rewords = "indicator__result__programme"  # as its result's
    public_records_condition = shown_with_programme("indicator__result__programme")
    objects = TranslatedQuerySet.as_manager()

    # history: registered in translation.py, once the language columns exist.

    class Meta:
        ordering = ["start", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gte=F("start")), name="period_end_not_before_start"),
        ]

    def __str__(self) -> str:
        return f"{self.start} – {self.end}"

    def clean(self) -> None:
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = "A period cannot end before it starts."
        if self.indicator_id:
            measure = self.indicator.measure
            errors |= value_errors(measure, {"target_value": self.target_value, "actual_value": self.actual_value})
            if self.start and self.end and not errors:
                overlapping = self.indicator.periods.filter(start__lte=self.end, end__gte=self.start)
                if overlapping.exclude(pk=self.pk).exists():
                    errors["start"] = "The indicator has another period overlapping this one."
        if errors:
            raise ValidationError(errors)


class Dimension(models.Model):
    """A breakdown of a period's target or actual: the group it is for, such as sex=female or country=JM."""

    class Of(models.TextChoices):
        TARGET = "target", _("Target")
        ACTUAL = "actual", _("Actual")

    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="dimensions")
    of = models.CharField("breakdown of", max_length=6, choices=Of.choices)
    name = models.CharField(max_length=100, help_text="What it breaks down by, such as 'sex' or 'country'.")
    value = models.CharField(max_length=100, help_text="The group, such as 'female' or 'JM'.")

    history = HistoricalRecords()

    catalogue_rewords = "period__indicator__result__programme"  # as its result's
    public_records_condition = shown_with_programme("period__indicator__result__programme")

    class Meta:
        ordering = ["pk"]
        verbose_name = "breakdown"
        constraints = [
            models.UniqueConstraint(fields=["period", "of", "name"], name="dimension_one_value_per_name"),
        ]

    def __str__(self) -> str:
        return f"{self.name}={self.value}"
