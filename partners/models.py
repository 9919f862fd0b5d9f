"""Organisations and the roles they play in programmes (IATI participating-org)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from iomcaribbean.public_records import AS_ITS_PUBLIC_QUERYSET
from programmes.fallback_ordering import TranslatedQuerySet
from programmes.models import (
    Country,
    DatePrecision,
    Overview,
    Programme,
    TimeStamped,
    format_partial_date,
    on_home_page_condition,
    published_condition,
    shown_with_programme,
    validate_partial_dates,
)

# How deep departments go below a body: a department, and a department of one. Totals and donor
# access roll up through them (``in_family_of``) in one query, without a recursive walk.
FAMILY_DEPTH = 2


def in_family_of(path: str, organisation: Any, lookup: str = "exact") -> Q:
    """A condition on the organisation at ``path`` (``"funder"`` from a grant, ``""`` on an organisation
    itself): it is ``organisation`` (an instance, an id or an ``OuterRef``; several with ``lookup="in"``)
    or one of its departments."""
    condition = Q()
    for depth in range(FAMILY_DEPTH + 1):
        steps = [step for step in (path, *["parent"] * depth) if step] or ["pk"]
        condition |= Q(**{"__".join([*steps, lookup]): organisation})
    return condition


class ParticipationQuerySet(TranslatedQuerySet):
    def public(self) -> ParticipationQuerySet:
        """Roles in programmes the public may see."""
        return self.filter(published_condition("programme"))


class AgreementQuerySet(TranslatedQuerySet):
    def public(self) -> AgreementQuerySet:
        """Agreements tied to no programme, or to one the public may see."""
        return self.filter(Q(programme__isnull=True) | published_condition("programme"))


class OrganisationQuerySet(TranslatedQuerySet):
    def partners(self) -> OrganisationQuerySet:
        """Organisations taking part in at least one published programme."""
        return self.filter(Exists(Participation.objects.public().filter(organisation=OuterRef("pk"))))

    def public(self) -> OrganisationQuerySet:
        """Organisations the public may see: those with a part in something public.

        A role in a published programme, a grant to one, a published agreement, or a mention in
        the overview the home page shows. An organisation whose only ties are to unpublished
        programmes has no page, no API record and no place in the sitemap: all three read this.
        Each tie is an EXISTS that stops at the first public row (by the organisation's index).
        """
        # Grants through the reverse relation: partners does not import funding, which imports partners.
        grant = self.model._meta.get_field("grants").related_model
        mentions = OverviewPartner.objects.filter(on_home_page_condition("overview"))
        involved = (
            Exists(Participation.objects.public().filter(organisation=OuterRef("pk")))
            | Exists(grant.objects.published().filter(funder=OuterRef("pk")))
            | Exists(Agreement.objects.public().filter(organisations=OuterRef("pk")))
            | Exists(mentions.filter(organisation=OuterRef("pk")))
        )
        return self.filter(involved)


class Organisation(TimeStamped):
    """One record per body, whatever roles it plays (partner here, funder there)."""

    class Type(models.TextChoices):
        # IATI OrganisationType codes.
        GOVERNMENT = "10", _("Government")
        LOCAL_GOVERNMENT = "11", _("Local government")
        OTHER_PUBLIC_SECTOR = "15", _("Other public sector")
        INTERNATIONAL_NGO = "21", _("International NGO")
        NATIONAL_NGO = "22", _("National NGO")
        REGIONAL_NGO = "23", _("Regional NGO")
        PARTNER_COUNTRY_NGO = "24", _("Partner country based NGO")
        PUBLIC_PRIVATE = "30", _("Public private partnership")
        MULTILATERAL = "40", _("Multilateral")
        FOUNDATION = "60", _("Foundation")
        PRIVATE_SECTOR = "70", _("Private sector")
        ACADEMIC = "80", _("Academic, training and research")
        OTHER = "90", _("Other")

    name = models.CharField(max_length=200, unique=True)
    acronym = models.CharField(max_length=30, blank=True)
    slug = models.SlugField(max_length=120, unique=True)
    type = models.CharField(max_length=2, choices=Type.choices)
    country = models.ForeignKey(Country, on_delete=models.PROTECT, null=True, blank=True, related_name="organisations")
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="departments",
        verbose_name="part of",
        help_text="The body this is a department or fund of, e.g. the U.S. State Department of the United States "
        "Government: its grants count in the parent's totals, and the parent's donors see them.",
    )
    website = models.URLField(blank=True)
    iati_identifier = models.CharField(
        "IATI organisation identifier", max_length=100, blank=True, help_text="For example XM-DAC-47066 for IOM."
    )
    description = models.TextField(blank=True)

    objects = OrganisationQuerySet.as_manager()
    # history: registered in translation.py, once the language columns exist.

    public_records_condition = AS_ITS_PUBLIC_QUERYSET

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["iati_identifier"],
                condition=~Q(iati_identifier=""),
                name="organisation_iati_id_unique",
                violation_error_message="Another organisation already has this IATI identifier.",
            ),
        ]

    def __str__(self) -> str:
        return self.label(self.name, self.acronym)

    @staticmethod
    def label(name: str, acronym: str) -> str:
        """How the portal names an organisation: its name, and its acronym where it has another."""
        return f"{name} ({acronym})" if acronym and acronym != name else name

    def get_absolute_url(self) -> str:
        return reverse("partners:detail", kwargs={"slug": self.slug})

    def get_api_url(self) -> str:
        return reverse("partners_api:organisation-detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        above, ancestor = 0, self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk:
                raise ValidationError({"parent": "An organisation cannot be part of itself or of its own departments."})
            above, ancestor = above + 1, ancestor.parent
        below = self._levels_below() if self.pk else 0
        if above + below > FAMILY_DEPTH:
            raise ValidationError(
                {
                    "parent": f"Departments go {FAMILY_DEPTH} levels deep at most (a department, and a department of "
                    "one): choose a body higher up."
                }
            )

    def _levels_below(self) -> int:
        levels, level = 0, [self.pk]
        while level := list(Organisation.objects.filter(parent__in=level).values_list("pk", flat=True)):
            levels += 1
            if levels > FAMILY_DEPTH:
                break
        return levels


class Participation(models.Model):
    """An organisation's role in a programme, with what it did."""

    class Role(models.TextChoices):
        # IATI OrganisationRole codes; and one the standard lacks, which the IATI file leaves out.
        FUNDING = "1", _("Funding")
        ACCOUNTABLE = "2", _("Accountable")
        EXTENDING = "3", _("Extending")
        IMPLEMENTING = "4", _("Implementing")
        IN_DISCUSSIONS = "d", _("In discussions (role not yet agreed)")

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="participations")
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="participations")
    role = models.CharField(max_length=1, choices=Role.choices)
    description = models.CharField(
        max_length=300, blank=True, help_text="What it did, e.g. 'convened the seminar with IOM'."
    )
    order = models.PositiveSmallIntegerField(default=0)

    objects = ParticipationQuerySet.as_manager()
    # history: registered in translation.py, once the language columns exist.

    public_records_condition = shown_with_programme()

    class Meta:
        ordering = ["order", "role", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "programme", "role"], name="participation_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.get_role_display()} – {self.programme}"


class Agreement(TimeStamped):
    """A cooperation agreement IOM has signed, such as those with WHO/PAHO and UNAIDS."""

    title = models.CharField(max_length=300)
    organisations = models.ManyToManyField(Organisation, related_name="agreements")
    signed_date = models.DateField(null=True, blank=True)
    signed_precision = models.CharField(max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY)
    subject = models.CharField(max_length=200, blank=True, help_text="For example 'migrants' health'.")
    programme = models.ForeignKey(
        Programme, on_delete=models.SET_NULL, null=True, blank=True, related_name="agreements"
    )
    description = models.TextField(blank=True)

    objects = AgreementQuerySet.as_manager()
    # history: registered in translation.py, once the language columns exist.

    public_records_condition = AS_ITS_PUBLIC_QUERYSET

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if errors := validate_partial_dates(self, ("signed_date", "signed_precision")):
            raise ValidationError(errors)

    @property
    def signed_display(self) -> str:
        return format_partial_date(self.signed_date, self.signed_precision)


class OverviewPartner(models.Model):
    """An organisation the overview's partners paragraph names, and in which group."""

    class Group(models.TextChoices):
        UN_SYSTEM = "un-system", _("United Nations agencies IOM works with")
        HEALTH_AGREEMENT = "health", _("Cooperation agreements on migrants' health")
        SUPPORTER = "supporter", _("Supporters of IOM's activities in the Caribbean")

    overview = models.ForeignKey(Overview, on_delete=models.CASCADE, related_name="partner_mentions")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="overview_mentions")
    group = models.CharField(max_length=10, choices=Group.choices)
    order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["group", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["overview", "organisation", "group"], name="overview_partner_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_group_display()})"

    @classmethod
    def public_records_condition(cls) -> Q:
        return on_home_page_condition("overview")  # a mention in the overview the public sees
