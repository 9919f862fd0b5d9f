"""The reference lists programmes are filed under: countries, thematic areas and project types.
Every page of theirs is public."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from iomcaribbean.public_records import ALWAYS_SHOWN
from programmes.country_names import fill_country_names
from programmes.fallback_ordering import TranslatedQuerySet
from programmes.models.base import TimeStamped


class Country(TimeStamped):
    code = models.CharField(
        "ISO code",
        max_length=2,
        unique=True,
        help_text="ISO 3166-1 alpha-2 code (AN for the former Netherlands Antilles, as in IATI).",
    )
    name = models.CharField(max_length=100, unique=True)
    also_known_as = models.CharField(max_length=100, blank=True, help_text="Another name the sources use.")
    slug = models.SlugField(max_length=100, unique=True)
    is_caribbean = models.BooleanField(
        "Caribbean state", default=True, help_text="Unticked for destinations outside the region."
    )

    objects = TranslatedQuerySet.as_manager()
    # history: registered in translation.py, once the language columns exist.

    public_records_condition = ALWAYS_SHOWN

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "countries"
        constraints = [
            models.CheckConstraint(condition=Q(code__regex=r"^[A-Z]{2}$"), name="country_code_two_capitals"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        # Its names in the other languages from CLDR (programmes.country_names), where staff wrote none.
        fill_country_names(self, [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE])
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("programmes:country", kwargs={"slug": self.slug})


class ThematicArea(TimeStamped):
    class List(models.TextChoices):
        CORE_SERVICE = "core", _("Core service area")
        PRIORITY = "priority", _("Priority area 2002-2003")

    list = models.CharField(max_length=10, choices=List.choices)
    order = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(max_length=60, help_text="The area's one name, shown the same everywhere.")
    overview_wording = models.CharField(
        max_length=300, blank=True, help_text="The area as the overview words it, shown on the overview as a quote."
    )
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True)

    objects = TranslatedQuerySet.as_manager()
    # history: registered in translation.py, once the language columns exist.

    public_records_condition = ALWAYS_SHOWN

    class Meta:
        ordering = ["list", "order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["list", "order"], name="thematic_area_unique_order_per_list"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("programmes:area", kwargs={"slug": self.slug})


class ProjectType(TimeStamped):
    """IOM's own classification of projects (published to IATI as a reporting-org sector vocabulary)."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)

    objects = TranslatedQuerySet.as_manager()
    # history: registered in translation.py, once the language columns exist.

    public_records_condition = ALWAYS_SHOWN

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
