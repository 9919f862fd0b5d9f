"""Programmes and projects, the places and themes they serve, and the 2002 overview."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import DEFAULT_DB_ALIAS, connections, models, router, transaction
from django.db.models import Case, Exists, ExpressionWrapper, F, OuterRef, Q, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext
from simple_history.models import HistoricalRecords

from iomcaribbean.public_records import ALWAYS_SHOWN
from programmes.fallback_ordering import TranslatedQuerySet


class TimeStamped(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class DatePrecision(models.TextChoices):
    """How much of a stored date the sources actually state."""

    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")


def format_partial_date(value: datetime.date | None, precision: str) -> str:
    """Show only what is known: '2001', 'October 2001' or '28 May 2001', in the active language.

    The patterns are translated ('28 de mayo de 2001', '28 mai 2001') rather than taken from
    Django's DATE_FORMAT, whose English form ('May 28, 2001') the admin keeps.
    """
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        pattern = "Y"
    elif precision == DatePrecision.MONTH:
        pattern = pgettext("date format: month and year", "F Y")
    else:
        pattern = pgettext("date format: day, month and year", "j F Y")
    return date_format(value, pattern)


def iso_partial_date(value: datetime.date | None, precision: str) -> str:
    """ISO 8601 at the precision known: '2001', '2001-10' or '2001-05-28' ('' for no date)."""
    if value is None:
        return ""
    return {DatePrecision.YEAR: f"{value:%Y}", DatePrecision.MONTH: f"{value:%Y-%m}"}.get(precision, value.isoformat())


def validate_partial_date(value: datetime.date | None, precision: str, field: str) -> dict[str, str]:
    """A date known to the year is stored as 1 January, to the month as the 1st."""
    if value is None:
        return {}
    if precision == DatePrecision.YEAR and (value.month, value.day) != (1, 1):
        return {field: "A date known only to the year must be stored as 1 January of that year."}
    if precision == DatePrecision.MONTH and value.day != 1:
        return {field: "A date known only to the month must be stored as the 1st of that month."}
    return {}


def clean_currency(instance: models.Model, field: str) -> dict[str, str]:
    """Upper-case the ISO 4217 code in ``field``; an error when it is not three letters."""
    value = (getattr(instance, field) or "").upper()
    setattr(instance, field, value)
    if len(value) == 3 and value.isalpha():
        return {}
    return {field: "Give the currency as a three-letter ISO 4217 code, such as USD."}


def clean_optional_currency(instance: models.Model, amount_field: str, currency_field: str) -> dict[str, str]:
    """A currency goes with an amount: required when there is one, and no currency without it."""
    if getattr(instance, amount_field) is not None:
        return clean_currency(instance, currency_field)
    if getattr(instance, currency_field):
        return {currency_field: "A currency without an amount says nothing: give the amount or clear the currency."}
    return {}


def validate_partial_dates(instance: models.Model, *pairs: tuple[str, str]) -> dict[str, str]:
    """``validate_partial_date`` for each (date field, precision field) pair of ``instance``."""
    errors: dict[str, str] = {}
    for date_field, precision_field in pairs:
        errors |= validate_partial_date(getattr(instance, date_field), getattr(instance, precision_field), date_field)
    return errors


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


def published_condition(path: str = "") -> Q:
    """What the public may see: a programme that is published, and whose ancestors all are.

    A condition on the programme at ``path`` ("" for a programme itself, "programme" from a
    grant or a country link). It reads the stored ``Programme.is_public``, which the model keeps
    right on every write, so a query from another table asks it of one column, at any depth.
    """
    prefix = f"{path}__" if path else ""
    return Q(**{f"{prefix}is_public": True})


def shown_with_programme(path: str = "programme") -> classmethod:
    """A model's ``public_records_condition`` (``iomcaribbean.public_records``) when a public page
    shows its records while their programme, at ``path``, is public ("" for a programme itself)."""
    return classmethod(lambda model: published_condition(path))


# Each statement corrects the ``is_public`` of the programmes whose stored value is wrong, and no
# other row; the same SQL on SQLite and PostgreSQL (the ORM has no recursive query). The walk is
# a join at each level, so thousands of programmes cost a few hash joins, not a look-up per row.
# Everywhere: the programmes reached from a published top-level programme through published ones
# are public, all others are not (one in a loop of parents never reaches the top).
_SETTLE_EVERYWHERE_SQL = """
UPDATE {table} SET is_public = NOT is_public
WHERE id IN (
    WITH RECURSIVE public_tree (id) AS (
        SELECT id FROM {table} WHERE parent_id IS NULL AND is_published
        UNION
        SELECT phase.id FROM {table} phase JOIN public_tree ON phase.parent_id = public_tree.id
        WHERE phase.is_published
    )
    SELECT programme.id FROM {table} programme LEFT JOIN public_tree ON public_tree.id = programme.id
    WHERE programme.is_public <> (public_tree.id IS NOT NULL)
)
"""
# Below one programme, whose own value is right: its phases and theirs, by the parent's index.
_SETTLE_BELOW_SQL = """
UPDATE {table} SET is_public = NOT is_public
WHERE id IN (
    WITH RECURSIVE below (id, public) AS (
        SELECT id, is_published AND %s FROM {table} WHERE parent_id = %s
        UNION
        SELECT phase.id, phase.is_published AND below.public FROM {table} phase JOIN below ON phase.parent_id = below.id
    )
    SELECT programme.id FROM {table} programme JOIN below ON below.id = programme.id
    WHERE programme.is_public <> below.public
)
"""


def settle_public(using: str = DEFAULT_DB_ALIAS, below: Programme | None = None) -> int:
    """Correct every stored ``Programme.is_public`` that is wrong, or only those under ``below``
    (saved with its own value right); how many were corrected."""
    connection = connections[using]
    table = connection.ops.quote_name(Programme._meta.db_table)
    with connection.cursor() as cursor:
        if below is None:
            cursor.execute(_SETTLE_EVERYWHERE_SQL.format(table=table))
        else:
            cursor.execute(_SETTLE_BELOW_SQL.format(table=table), [below.is_public, below.pk])
        return cursor.rowcount


# Writes after which a programme's ``is_public``, or its phases', may be wrong.
PUBLICATION_FIELDS = frozenset({"is_published", "parent", "parent_id"})


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
            # One per filter and sort of the public list (programmes.views.SORTS, programmes.filters),
            # so a page of thousands of programmes is read from an index, not sorted whole.
            models.Index(fields=["end_date"], name="programme_end_date_idx"),
            models.Index(fields=["coverage"], name="programme_coverage_idx"),
            models.Index(*newest_first(), name="programme_newest_first_idx"),
            models.Index(*oldest_first(), name="programme_oldest_first_idx"),
            models.Index(*by_status(), name="programme_by_status_idx"),
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


class ProgrammeCountry(models.Model):
    """A country a programme concerns, and how."""

    class Role(models.TextChoices):
        # Only the first is where the programme works: on the map, in counts and in IATI.
        BENEFITING = "benefiting", _("Where it works")
        VENUE = "venue", _("Venue")
        ORIGIN = "origin", _("Origin named in the narrative")
        DESTINATION = "destination", _("Destination named in the narrative")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="country_links")
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

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="components")
    title = models.CharField(max_length=255)
    description = models.TextField(blank=True)

    # history: registered in translation.py, once the language columns exist.

    class Meta(ProgrammeItem.Meta):
        pass

    def __str__(self) -> str:
        return self.title


class Result(ProgrammeItem):
    """An outcome a programme achieved (or aims at, while it runs)."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="results")
    title = models.CharField(max_length=500)
    achieved = models.BooleanField(default=False, help_text="Ticked when a source says it was achieved.")

    # history: registered in translation.py, once the language columns exist.

    class Meta(ProgrammeItem.Meta):
        pass

    def __str__(self) -> str:
        return self.title


class KeyFigure(ProgrammeItem):
    """A number the narrative rests on, such as the households a survey covers."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="key_figures")
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
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="publications")
    title = models.CharField(max_length=300)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    url = models.URLField("link", blank=True)
    description = models.TextField(blank=True)

    # history: registered in translation.py, once the language columns exist.

    class Meta(ProgrammeItem.Meta):
        pass

    def __str__(self) -> str:
        return self.title


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
