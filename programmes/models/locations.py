"""Where a programme works, place by place (IATI ``location``): a named place, a point in WGS 84
when one is known, the administrative area it lies in and IATI's codes for what kind of place it is.

A point is given whole or not at all, as a source or staff state it: a place named without
coordinates (the seminar's venue in Jamaica) keeps none, rather than a guessed spot.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from programmes.models.parts import ProgrammeItem
from programmes.models.reference import Country


class LocationReach(models.TextChoices):
    """IATI GeographicLocationReach."""

    ACTIVITY = "1", _("Where the activity takes place")
    BENEFICIARIES = "2", _("Where the beneficiaries live")


class LocationExactness(models.TextChoices):
    """IATI GeographicExactness."""

    EXACT = "1", _("Exact")
    APPROXIMATE = "2", _("Approximate")


class LocationClass(models.TextChoices):
    """IATI GeographicLocationClass."""

    ADMINISTRATIVE_REGION = "1", "Administrative region"
    POPULATED_PLACE = "2", "Populated place"
    STRUCTURE = "3", "Structure"
    TOPOGRAPHICAL_FEATURE = "4", "Other topographical feature"


class FeatureDesignation(models.TextChoices):
    """The IATI LocationType (GeoNames feature) codes the portal offers: the kinds of place its
    programmes name; the codelist has some 600 more."""

    CAPITAL = "PPLC", "PPLC: capital of a political entity"
    FIRST_ORDER_SEAT = "PPLA", "PPLA: seat of a first-order administrative division"
    POPULATED_PLACE = "PPL", "PPL: populated place"
    COUNTRY = "PCLI", "PCLI: independent political entity"
    FIRST_ORDER_DIVISION = "ADM1", "ADM1: first-order administrative division"
    SECOND_ORDER_DIVISION = "ADM2", "ADM2: second-order administrative division"
    ISLAND = "ISL", "ISL: island"
    PORT = "PRT", "PRT: port"
    AIRPORT = "AIRP", "AIRP: airport"
    BUILDING = "BLDG", "BLDG: building"
    HOTEL = "HTL", "HTL: hotel"


class GeographicVocabulary(models.TextChoices):
    """IATI GeographicVocabulary: whose codes an administrative area's code is. A4, the ISO country
    code, is not offered: the location's country is its own field, which the IATI file writes as
    the A4 administrative area of level 0."""

    GAUL = "A1", "A1: Global Administrative Unit Layers"
    SALB = "A2", "A2: UN Second Administrative Level Boundary Project"
    GADM = "A3", "A3: Global Administrative Areas"
    GEONAMES = "G1", "G1: GeoNames"
    OPENSTREETMAP = "G2", "G2: OpenStreetMap"


def _between(low: int, high: int) -> list:
    return [MinValueValidator(low), MaxValueValidator(high)]


class Location(ProgrammeItem):
    """A place a programme works in or serves, as a source or staff name it."""

    Reach = LocationReach
    Exactness = LocationExactness
    Class = LocationClass
    Feature = FeatureDesignation
    Vocabulary = GeographicVocabulary

    programme = models.ForeignKey("Programme", on_delete=models.CASCADE, related_name="locations")
    name = models.CharField(max_length=200, help_text="The place as the source names it, e.g. Kingston.")
    description = models.TextField(blank=True, help_text="What qualifies the place (not the programme).")
    latitude = models.DecimalField(
        max_digits=8,
        decimal_places=6,
        null=True,
        blank=True,
        validators=_between(-90, 90),
        help_text="WGS 84 decimal degrees, -90 to 90 (north positive). Only with a longitude; empty when not known.",
    )
    longitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=_between(-180, 180),
        help_text="WGS 84 decimal degrees, -180 to 180 (east positive; the Caribbean is west, so negative).",
    )
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="locations",
        help_text="The country the place lies in, if known.",
    )
    feature_designation = models.CharField(max_length=4, choices=FeatureDesignation.choices, blank=True)
    location_class = models.CharField("class", max_length=1, choices=LocationClass.choices, blank=True)
    reach = models.CharField(max_length=1, choices=LocationReach.choices, blank=True)
    exactness = models.CharField(
        max_length=1, choices=LocationExactness.choices, blank=True, help_text="How exact the point is."
    )
    admin_vocabulary = models.CharField(
        "administrative area: vocabulary", max_length=2, choices=GeographicVocabulary.choices, blank=True
    )
    admin_level = models.PositiveSmallIntegerField(
        "administrative area: level", null=True, blank=True, help_text="0 for a country, 1 for its first division..."
    )
    admin_code = models.CharField("administrative area: code", max_length=50, blank=True)

    # history: registered in translation.py, once the language columns exist.

    class Meta(ProgrammeItem.Meta):
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__gte=-90, latitude__lte=90, longitude__gte=-180, longitude__lte=180)
                & Q(latitude__isnull=False, longitude__isnull=False),
                name="location_point_whole_and_on_earth",
            ),
            models.CheckConstraint(
                condition=Q(admin_vocabulary="", admin_code="", admin_level__isnull=True)
                | (~Q(admin_vocabulary="") & ~Q(admin_code="")),
                name="location_admin_area_code_with_vocabulary",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def has_point(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if (self.latitude is None) != (self.longitude is None):
            missing = "longitude" if self.longitude is None else "latitude"
            errors[missing] = "A point needs both its latitude and its longitude: give both, or neither."
        if self.admin_code and not self.admin_vocabulary:
            errors["admin_vocabulary"] = "Say whose code the administrative area's code is."
        elif self.admin_vocabulary and not self.admin_code:
            errors["admin_code"] = "Give the administrative area's code in the vocabulary chosen, or clear both."
        elif self.admin_level is not None and not self.admin_code:
            errors["admin_level"] = "A level belongs to an administrative area: give its vocabulary and code too."
        if errors:
            raise ValidationError(errors)
