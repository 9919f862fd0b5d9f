"""A programme or project: its record, its queryset and the orderings of the public list.

One piece because the list's orderings are also the expressions of the indexes in
``Programme.Meta``, and the provenance notes are fields of the record; the publication rule it
keeps right lives in ``publication.py``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, router, transaction
from django.db.models import Case, Exists, ExpressionWrapper, F, OuterRef, Q, Value, When
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from programmes.fallback_ordering import TranslatedQuerySet
from programmes.models.base import (
    DatePrecision,
    TimeStamped,
    clean_optional_currency,
    format_partial_date,
    validate_partial_dates,
)
from programmes.models.parts import ProgrammeCountry
from programmes.models.publication import PUBLICATION_FIELDS, published_condition, settle_public, shown_with_programme
from programmes.models.reference import Country, ProjectType, ThematicArea

# Provenance ---------------------------------------------------------------------------------------
# A field a source may state or staff may only estimate has a note beside it: empty when a source
# states the value, otherwise how it was estimated. Pages and exports show an estimate as one; the
# IATI file leaves it out where the standard has no place to say so (the iati app).
ESTIMATE_HELP = (
    "Leave empty when a source states it. If it is an estimate, say what it rests on: the public sees it "
    "marked as an estimate, with this note."
)


def estimate_field(what: str) -> models.TextField:
    return models.TextField(f"{what}: estimated from", blank=True, help_text=ESTIMATE_HELP)


class ProgrammeStatus(models.TextChoices):
    """``Programme.Status``, declared before the class so its indexes can sort by it."""

    PIPELINE = "pipeline", _("Pipeline / proposed")
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


# Orderings of the public list, also the expressions of the indexes that serve them. Programmes
# without a start date go last: sorting on "start_date IS NULL" first says so in a form that both
# SQLite and PostgreSQL can index (SQLite's CREATE INDEX takes no NULLS LAST).
# The status sort follows the statuses in their declaration order.
STATUS_ORDER = tuple(ProgrammeStatus.values)


def _start_unknown() -> ExpressionWrapper:
    return ExpressionWrapper(Q(start_date__isnull=True), output_field=models.BooleanField())


def newest_first() -> tuple:
    return (_start_unknown().asc(), F("start_date").desc(), F("title").asc())


def oldest_first() -> tuple:
    return (_start_unknown().asc(), F("start_date").asc(), F("title").asc())


def by_status() -> tuple:
    rank = Case(
        *[When(status=value, then=Value(rank)) for rank, value in enumerate(STATUS_ORDER)],
        output_field=models.IntegerField(),
    )
    return (rank.asc(), F("title").asc())


def current_first() -> tuple:
    """What a visitor expects first: ongoing programmes, newest first; then those that ended,
    the most recently ended first; then the pipeline, planned starts before the undated.

    A programme whose status says nothing dated comes last in its group (a separate rank rather
    than NULLS LAST, which SQLite's CREATE INDEX does not take). A pipeline programme starting
    years ahead is thus never at the top, as it was under "Newest first".
    """
    status, ended = ProgrammeStatus, (ProgrammeStatus.COMPLETED, ProgrammeStatus.CANCELLED)
    dated = Q(start_date__isnull=False)
    rank = Case(
        When(dated, status=status.ONGOING, then=Value(0)),
        When(status=status.ONGOING, then=Value(1)),
        When(dated | Q(end_date__isnull=False), status__in=ended, then=Value(2)),
        When(dated, status=status.PIPELINE, then=Value(3)),
        default=Value(4),
        output_field=models.IntegerField(),
    )
    recent = Case(When(status__in=ended, then=Coalesce("end_date", "start_date")), default=F("start_date"))
    return (rank.asc(), recent.desc(), F("title").asc())


class ProgrammeQuerySet(TranslatedQuerySet):
    def published(self) -> ProgrammeQuerySet:
        """What the public may see (``published_condition``)."""
        return self.filter(published_condition())

    def update(self, **kwargs: Any) -> int:
        # A bulk change of publication or of parents (the admin's, a script's, a test's) leaves
        # ``is_public`` right too, in the same transaction.
        if not PUBLICATION_FIELDS.intersection(kwargs):
            return super().update(**kwargs)
        with transaction.atomic(using=self.db, savepoint=False):
            rows = super().update(**kwargs)
            settle_public(self.db)
        return rows

    def bulk_create(self, objs: Iterable[Programme], *args: Any, **kwargs: Any) -> list[Programme]:
        # bulk_create bypasses save(): the stored flags are settled after (the objects' own
        # ``is_public`` is left as given).
        with transaction.atomic(using=self.db, savepoint=False):
            created = super().bulk_create(objs, *args, **kwargs)
            settle_public(self.db)
        return created

    def in_country(self, country: Country) -> ProgrammeQuerySet:
        """The programmes that work in the country: a venue, or an origin or destination the
        narrative names, is not where a programme works (``ProgrammeCountry.Role``)."""
        # EXISTS rather than a join: neither the page nor its count has to sort whole rows.
        works_there = ProgrammeCountry.objects.filter(
            programme=OuterRef("pk"), country=country, role=ProgrammeCountry.Role.BENEFITING
        )
        return self.filter(Exists(works_there))

    def in_area(self, area: ThematicArea) -> ProgrammeQuerySet:
        return self.filter(thematic_areas=area)

    def top_level(self) -> ProgrammeQuerySet:
        return self.filter(parent__isnull=True)

    def for_listing(self) -> ProgrammeQuerySet:
        """With what a card and a row of the exports show: the project type and parent joined, the
        thematic areas, and in ``working_links`` the links (country joined) to where it works."""
        working = ProgrammeCountry.objects.filter(role=ProgrammeCountry.Role.BENEFITING).select_related("country")
        return self.select_related("project_type", "parent").prefetch_related(
            models.Prefetch("country_links", queryset=working, to_attr="working_links"), "thematic_areas"
        )


class Programme(TimeStamped):
    Status = ProgrammeStatus

    # IATI ActivityStatus codes for each status.
    IATI_STATUS = {
        Status.PIPELINE: "1",
        Status.ONGOING: "2",
        Status.COMPLETED: "3",
        Status.CANCELLED: "5",
    }

    class Coverage(models.TextChoices):
        NATIONAL = "national", _("National")
        REGIONAL = "regional", _("Regional")

    # IATI ActivityScope codes for each coverage.
    IATI_SCOPE = {Coverage.NATIONAL: "4", Coverage.REGIONAL: "2"}

    class IdfRegion(models.TextChoices):
        AFRICA = "africa", _("Africa")
        ASIA_PACIFIC = "asia-pacific", _("Asia and the Pacific")
        EUROPE = "europe", _("Europe")
        LATIN_AMERICA_CARIBBEAN = "latin-america-caribbean", _("Latin America and the Caribbean")
        MIDDLE_EAST = "middle-east", _("Middle East and North Africa")

    title = models.CharField(max_length=255)
    acronym = models.CharField(max_length=20, blank=True)
    slug = models.SlugField(max_length=120, unique=True)
    code = models.CharField(
        "IOM project code", max_length=20, blank=True, help_text="For example T81-805. Unique when given."
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="phases",
        help_text="The programme this is a phase or component of.",
    )
    order = models.PositiveSmallIntegerField(default=0, help_text="Position among the parent's phases.")
    summary = models.TextField(blank=True, help_text="One or two sentences for lists and the overview.")
    description = models.TextField(blank=True, help_text="The full narrative. Blank lines separate paragraphs.")
    status = models.CharField(max_length=10, choices=Status.choices)
    status_estimate = estimate_field("status")
    project_type = models.ForeignKey(ProjectType, on_delete=models.PROTECT, null=True, blank=True)
    dac_sector = models.CharField(
        "DAC sector",
        max_length=5,
        blank=True,
        help_text="OECD DAC 5-digit purpose code, IOM's classification of the programme; 15190 is facilitation of "
        "orderly, safe, regular and responsible migration and mobility. Empty while no one has classified it.",
    )
    coverage = models.CharField(
        max_length=10, choices=Coverage.choices, blank=True, help_text="Empty while no source says."
    )
    coverage_estimate = estimate_field("coverage")
    idf_region = models.CharField(
        "IOM Development Fund region",
        max_length=30,
        choices=IdfRegion.choices,
        blank=True,
        help_text="Only for a project of the IOM Development Fund, as its record gives it.",
    )
    start_date = models.DateField(null=True, blank=True)
    start_precision = models.CharField(max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY)
    start_estimate = estimate_field("start date")
    end_date = models.DateField(null=True, blank=True)
    end_precision = models.CharField(max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY)
    end_estimate = estimate_field("end date")
    budget_amount = models.DecimalField(
        "total budget",
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="The budget over the programme's whole life, as a source gives it; empty when not published.",
    )
    budget_currency = models.CharField(
        max_length=3, blank=True, help_text="ISO 4217 code of the total budget, e.g. USD; only with an amount."
    )
    countries = models.ManyToManyField(Country, through="ProgrammeCountry", related_name="programmes", blank=True)
    thematic_areas = models.ManyToManyField(ThematicArea, related_name="programmes", blank=True)
    areas_estimate = estimate_field("thematic areas")
    is_published = models.BooleanField("published", default=False, db_index=True)
    is_public = models.BooleanField(
        "public",
        default=False,
        editable=False,
        help_text="Published, and so is every programme above it: what the public sees. Kept by the model.",
    )
    published_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ProgrammeQuerySet.as_manager()
    # history: registered in translation.py, once the language columns exist.

    public_records_condition = shown_with_programme("")
    # What no filter, sort, option or count reads, but only the programme's own card and pages: its
    # texts, its budget, its codes shown nowhere else and its notes on estimates. Changing them is a
    # rewording, which leaves what is kept under the catalogue version (``iomcaribbean.catalogue``).
    catalogue_ignores = (
        *("title", "acronym", "summary", "description", "updated_at"),
        *("budget_amount", "budget_currency", "dac_sector", "idf_region"),
        *("status_estimate", "coverage_estimate", "start_estimate", "end_estimate", "areas_estimate"),
    )

    class Meta:
        ordering = ["-start_date", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["code"],
                condition=~Q(code=""),
                name="programme_code_unique_when_given",
                violation_error_message="Another programme already has this IOM project code.",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="programme_end_not_before_start",
            ),
            models.CheckConstraint(
                condition=Q(budget_amount__isnull=True) | Q(budget_amount__gte=0), name="programme_budget_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(budget_currency__regex=r"^[A-Z]{3}$", budget_amount__isnull=False)
                | Q(budget_currency="", budget_amount__isnull=True),
                name="programme_currency_iso_with_amount",
            ),
            models.CheckConstraint(condition=~Q(parent=models.F("id")), name="programme_not_own_parent"),
            models.CheckConstraint(
                condition=Q(dac_sector__regex=r"^[0-9]{5}$") | Q(dac_sector=""),
                name="programme_dac_sector_5_digits_or_none",
            ),
        ]
        indexes = [
            models.Index(fields=["status"]),
            models.Index(fields=["start_date"]),
            models.Index(fields=["title"]),
            # One per filter and sort of the public list (programmes.views.listing.SORTS, programmes.filters),
            # so a page of thousands of programmes is read from an index, not sorted whole.
            models.Index(fields=["end_date"], name="programme_end_date_idx"),
            models.Index(fields=["coverage"], name="programme_coverage_idx"),
            models.Index(*newest_first(), name="programme_newest_first_idx"),
            models.Index(*oldest_first(), name="programme_oldest_first_idx"),
            models.Index(*by_status(), name="programme_by_status_idx"),
            models.Index(*current_first(), name="programme_current_first_idx"),
            # What published() reads, so that the pages that count published programmes per
            # country, area or organisation read this index rather than the whole table with its
            # texts in three languages.
            models.Index(fields=["id", "is_public"], name="programme_published_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.code})" if self.code else self.title

    def save(self, *args, **kwargs) -> None:
        if self.is_published and self.published_at is None:
            self.published_at = timezone.now()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and not PUBLICATION_FIELDS.intersection(update_fields):
            super().save(*args, **kwargs)
            return
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "is_public"}
        using = kwargs.get("using") or router.db_for_write(Programme, instance=self)
        with transaction.atomic(using=using, savepoint=False):
            # One query: what is stored of this programme (None if new) and of its parent.
            ids = [pk for pk in (self.pk, self.parent_id) if pk is not None]
            stored = dict(Programme._base_manager.using(using).filter(pk__in=ids).values_list("pk", "is_public"))
            was_public = stored.get(self.pk) if self.pk is not None else None
            self.is_public = self.is_published and (self.parent_id is None or stored.get(self.parent_id, False))
            super().save(*args, **kwargs)
            if was_public is not None and was_public != self.is_public:
                # Its phases, and theirs, follow it.
                settle_public(using, below=self)

    def get_absolute_url(self) -> str:
        return reverse("programmes:detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        errors = validate_partial_dates(self, ("start_date", "start_precision"), ("end_date", "end_precision"))
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = "The end date cannot be before the start date."
        if self.budget_amount is not None and self.budget_amount < 0:
            errors["budget_amount"] = "The budget cannot be negative."
        errors |= clean_optional_currency(self, "budget_amount", "budget_currency")
        if self.parent_id and self.pk:
            ancestor = self.parent
            while ancestor is not None:
                if ancestor.pk == self.pk:
                    errors["parent"] = "A programme cannot be a phase of itself or of its own phases."
                    break
                ancestor = ancestor.parent
        if errors:
            raise ValidationError(errors)

    # The estimable fields, each with its note's field, in the order pages list them.
    ESTIMATES = {
        "status": "status_estimate",
        "coverage": "coverage_estimate",
        "start_date": "start_estimate",
        "end_date": "end_estimate",
        "thematic_areas": "areas_estimate",
    }

    def estimates(self) -> dict[str, str]:
        """{field: note} for each field whose value is an estimate."""
        return {field: note for field, attr in self.ESTIMATES.items() if (note := getattr(self, attr).strip())}

    @property
    def start_display(self) -> str:
        return format_partial_date(self.start_date, self.start_precision)

    @property
    def end_display(self) -> str:
        return format_partial_date(self.end_date, self.end_precision)

    @property
    def years(self) -> str:
        """The year or years the programme runs, as IOM's field sheet shows them."""
        first = self.start_date.year if self.start_date else None
        last = self.end_date.year if self.end_date else None
        if first and last and first != last:
            return f"{first}-{last}"
        return str(first or last or "")

    @property
    def iati_identifier(self) -> str:
        return f"{settings.IATI_REPORTING_ORG_REF}-{self.code}" if self.code else ""

    @property
    def iati_status(self) -> str:
        return self.IATI_STATUS[self.status]
