"""What a programme page lists: the countries it concerns (and in which role), its components,
key figures and publications (its results have a module of their own, ``results``)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from programmes.fallback_ordering import TranslatedQuerySet
from programmes.models.publication import shown_with_programme
from programmes.models.reference import Country


class ProgrammeCountry(models.Model):
    """A country a programme concerns, and how."""

    class Role(models.TextChoices):
        # Only the first is where the programme works: on the map, in counts and in IATI.
        BENEFITING = "benefiting", _("Where it works")
        VENUE = "venue", _("Venue")
        ORIGIN = "origin", _("Origin named in the narrative")
        DESTINATION = "destination", _("Destination named in the narrative")

    programme = models.ForeignKey("Programme", on_delete=models.CASCADE, related_name="country_links")
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="programme_links")
    role = models.CharField(max_length=12, choices=Role.choices)
    percentage = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text="Share of the programme for a country where it works (IATI recipient-country), only as a "
        "source gives it: empty shares are published as unknown, never split equally.",
    )

    history = HistoricalRecords()

    public_records_condition = shown_with_programme()

    class Meta:
        ordering = ["role", "country__name"]
        verbose_name = "country"
        verbose_name_plural = "countries"
        constraints = [
            models.UniqueConstraint(fields=["programme", "country", "role"], name="programme_country_unique"),
            models.CheckConstraint(
                condition=Q(percentage__isnull=True) | (Q(percentage__gte=0) & Q(percentage__lte=100)),
                name="programme_country_percentage_0_100",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.country} ({self.get_role_display()})"


def next_order(rows: models.QuerySet) -> int:
    """The position after the last of ``rows`` (a programme's items, roles...), for a row added last."""
    return (rows.aggregate(last=models.Max("order"))["last"] or 0) + 1


class ProgrammeItem(models.Model):
    """Shared shape of the ordered lists a programme page shows."""

    order = models.PositiveSmallIntegerField(default=0)

    public_records_condition = shown_with_programme()
    objects = TranslatedQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["order", "pk"]


class Component(ProgrammeItem):
    """A main area of work of a programme, such as a baseline assessment; grants may fund one."""

    programme = models.ForeignKey("Programme", on_delete=models.CASCADE, related_name="components")
    title = models.CharField(max_length=255)
    description = models.TextField(blank=True)

    # history: registered in translation.py, once the language columns exist.

    class Meta(ProgrammeItem.Meta):
        pass

    def __str__(self) -> str:
        return self.title


class KeyFigure(ProgrammeItem):
    """A number the narrative rests on, such as the households a survey covers."""

    catalogue_rewords = "programme"  # only its programme's page shows it (``iomcaribbean.catalogue``)
    programme = models.ForeignKey("Programme", on_delete=models.CASCADE, related_name="key_figures")
    value = models.DecimalField(max_digits=14, decimal_places=2)
    value_to = models.DecimalField(
        max_digits=14, decimal_places=2, null=True, blank=True, help_text="Upper bound, for a range such as 17-30."
    )
    label = models.CharField(max_length=300, help_text="What the number counts, as the source says it.")
    qualifier = models.CharField(max_length=50, blank=True, help_text="For example 'up to' or 'some'.")

    # history: registered in translation.py, once the language columns exist.

    class Meta(ProgrammeItem.Meta):
        constraints = [
            models.CheckConstraint(
                condition=Q(value_to__isnull=True) | Q(value_to__gte=models.F("value")),
                name="key_figure_range_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.label

    def clean(self) -> None:
        if self.value is not None and self.value_to is not None and self.value_to < self.value:
            raise ValidationError({"value_to": "The upper bound of a range cannot be below its value."})


class Publication(ProgrammeItem):
    catalogue_rewords = "programme"  # only its programme's page shows it (``iomcaribbean.catalogue``)
    programme = models.ForeignKey("Programme", on_delete=models.CASCADE, related_name="publications")
    title = models.CharField(max_length=300)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    url = models.URLField("link", blank=True)
    description = models.TextField(blank=True)

    # history: registered in translation.py, once the language columns exist.

    class Meta(ProgrammeItem.Meta):
        pass

    def __str__(self) -> str:
        return self.title
