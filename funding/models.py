"""Funders' grants to programmes, their transactions, programme budgets and IOM's own budgets.

One module, as Django finds an app's models here: the money records refer to one another (a grant's
transactions and planned disbursements, the budget statuses IOM's own budgets share).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from iomcaribbean.public_records import ALWAYS_SHOWN, NEVER_SHOWN
from partners.models import Organisation, in_family_of
from programmes.fallback_ordering import TranslatedQuerySet
from programmes.models import (
    Component,
    Country,
    DatePrecision,
    Programme,
    ProgrammeQuerySet,
    TimeStamped,
    clean_currency,
    clean_optional_currency,
    format_partial_date,
    shown_with_programme,
    validate_partial_dates,
)

CURRENCY_HELP = "ISO 4217 code, e.g. USD."


def currency_constraint(name: str, field: str = "currency") -> models.CheckConstraint:
    return models.CheckConstraint(condition=Q(**{f"{field}__regex": r"^[A-Z]{3}$"}), name=name)


def non_negative_constraint(name: str, field: str = "amount") -> models.CheckConstraint:
    return models.CheckConstraint(condition=Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gte": 0}), name=name)


class GrantQuerySet(TranslatedQuerySet):
    """A grant's purpose is translated (``funding.translation``), but its queries are not rewritten.

    modeltranslation would rename each translated field a lookup reaches in the active language,
    F() expressions included: the funding app's queries go from grants through programmes and
    funders and pick the language themselves (``funding.selectors.in_active_language``, English
    where a translation is missing), which the renaming would undo. So they read the original
    columns, the English text, as before the purpose was translated; ``grant.purpose`` itself
    still gives the active language's text, and ``only()`` still loads every language's column.
    """

    def _post_init(self) -> None:
        super()._post_init()
        self._rewrite = False

    def published(self) -> GrantQuerySet:
        """Grants to programmes the public may see."""
        return self.filter(programme__in=Programme.objects.published())

    def public_programmes(self) -> ProgrammeQuerySet:
        """The programmes these grants fund that the public may see."""
        return Programme.objects.published().filter(pk__in=self.values("programme_id"))


class Grant(TimeStamped):
    """Money (or a promise of it) from a funder to a programme.

    The amount is empty where the source names the funder but no sum: the portal then says
    'amount not published' and never counts it as zero.
    """

    funder = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="grants")
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="grants")
    component = models.ForeignKey(
        Component,
        # A component a grant pays for is kept: deleting it would lose what the money was for.
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="grants",
        help_text="The component of the programme the grant pays for, if it is one.",
    )
    amount = models.DecimalField(
        max_digits=14, decimal_places=2, null=True, blank=True, help_text="Leave empty when not published."
    )
    currency = models.CharField(max_length=3, blank=True, help_text=CURRENCY_HELP + " Only with an amount.")
    start_date = models.DateField("date or start of period", null=True, blank=True)
    start_precision = models.CharField(max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY)
    end_date = models.DateField("end of period", null=True, blank=True)
    end_precision = models.CharField(max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY)
    purpose = models.CharField(
        "what it funds", max_length=300, blank=True, help_text="e.g. 'the baseline assessment component'."
    )
    is_primary = models.BooleanField(
        "main source of funding", default=False, help_text="The source says the programme is funded primarily by it."
    )

    objects = GrantQuerySet.as_manager()
    # history: registered in funding/translation.py, once the language columns exist.

    public_records_condition = shown_with_programme()

    class Meta:
        ordering = ["programme__title", "funder__name", "pk"]
        constraints = [
            non_negative_constraint("grant_amount_not_negative"),
            models.CheckConstraint(
                condition=Q(currency__regex=r"^[A-Z]{3}$", amount__isnull=False) | Q(currency="", amount__isnull=True),
                name="grant_currency_iso_with_amount",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="grant_end_not_before_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.funder} → {self.programme.title}"

    def clean(self) -> None:
        errors = validate_partial_dates(self, ("start_date", "start_precision"), ("end_date", "end_precision"))
        if self.amount is not None and self.amount < 0:
            errors["amount"] = "The amount cannot be negative."
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = "The end of the period cannot be before its start."
        errors |= clean_optional_currency(self, "amount", "currency")
        if self.component_id and self.programme_id and self.component.programme_id != self.programme_id:
            errors["component"] = "This component belongs to another programme."
        if errors:
            raise ValidationError(errors)

    @property
    def period_display(self) -> str:
        start = format_partial_date(self.start_date, self.start_precision)
        end = format_partial_date(self.end_date, self.end_precision)
        return f"{start} – {end}" if start and end else start or end


class Transaction(models.Model):
    """A dated commitment, disbursement or expenditure under a grant (IATI TransactionType)."""

    class Type(models.TextChoices):
        COMMITMENT = "2", _("Outgoing commitment")
        DISBURSEMENT = "3", _("Disbursement")
        EXPENDITURE = "4", _("Expenditure")

    grant = models.ForeignKey(Grant, on_delete=models.CASCADE, related_name="transactions")
    type = models.CharField(max_length=2, choices=Type.choices)
    date = models.DateField()
    amount = models.DecimalField(max_digits=14, decimal_places=2)
    currency = models.CharField(max_length=3, help_text=CURRENCY_HELP)
    description = models.CharField(max_length=300, blank=True)

    history = HistoricalRecords()

    public_records_condition = shown_with_programme("grant__programme")

    class Meta:
        ordering = ["date", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="transaction_amount_positive"),
            currency_constraint("transaction_currency_iso"),
        ]
        indexes = [models.Index(fields=["grant", "type", "date"])]

    def __str__(self) -> str:
        return f"{self.get_type_display()} {self.amount} {self.currency} on {self.date}"

    def clean(self) -> None:
        errors = clean_currency(self, "currency")
        if self.amount is not None and self.amount <= 0:
            errors["amount"] = "A transaction amount must be greater than zero."
        if errors:
            raise ValidationError(errors)


class Budget(models.Model):
    """A programme's budget for one period of at most a year (IATI budget)."""

    class Status(models.TextChoices):
        INDICATIVE = "1", _("Indicative")
        COMMITTED = "2", _("Committed")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="budgets")
    period_start = models.DateField()
    period_end = models.DateField()
    amount = models.DecimalField(max_digits=14, decimal_places=2)
    currency = models.CharField(max_length=3, help_text=CURRENCY_HELP)
    status = models.CharField(max_length=1, choices=Status.choices, default=Status.INDICATIVE)

    history = HistoricalRecords()

    public_records_condition = shown_with_programme()

    class Meta:
        ordering = ["period_start", "pk"]
        constraints = [
            non_negative_constraint("budget_amount_not_negative"),
            currency_constraint("budget_currency_iso"),
            models.CheckConstraint(condition=Q(period_end__gte=models.F("period_start")), name="budget_period_ordered"),
        ]

    def __str__(self) -> str:
        return f"{self.programme.title}: {self.period_start} – {self.period_end}"

    def clean(self) -> None:
        errors = clean_currency(self, "currency")
        if self.amount is not None and self.amount < 0:
            errors["amount"] = "The amount cannot be negative."
        if self.period_start and self.period_end:
            if self.period_end < self.period_start:
                errors["period_end"] = "The period cannot end before it starts."
            elif (self.period_end - self.period_start).days > 366:
                errors["period_end"] = "A budget period may be at most one year (IATI rule)."
        if errors:
            raise ValidationError(errors)


class PlannedDisbursement(models.Model):
    """Money a grant is scheduled to pay out in a coming period (IATI planned-disbursement)."""

    grant = models.ForeignKey(Grant, on_delete=models.CASCADE, related_name="planned_disbursements")
    period_start = models.DateField()
    period_end = models.DateField()
    amount = models.DecimalField(max_digits=14, decimal_places=2)
    currency = models.CharField(max_length=3, help_text=CURRENCY_HELP)

    history = HistoricalRecords()

    public_records_condition = shown_with_programme("grant__programme")

    class Meta:
        ordering = ["period_start", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="planned_disbursement_amount_positive"),
            currency_constraint("planned_disbursement_currency_iso"),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")), name="planned_disbursement_period_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.amount} {self.currency}: {self.period_start} – {self.period_end}"

    def clean(self) -> None:
        errors = clean_currency(self, "currency")
        if self.amount is not None and self.amount <= 0:
            errors["amount"] = "A planned disbursement must be greater than zero."
        if self.period_start and self.period_end and self.period_end < self.period_start:
            errors["period_end"] = "The period cannot end before it starts."
        if errors:
            raise ValidationError(errors)


class OrganisationBudget(TimeStamped):
    """IOM's own budget for a period of at most a year, in all or for one recipient country, as staff
    enter it: the IATI organisation file's total-budget and recipient-country-budget. The sources
    give none, so there is none until staff enter one."""

    period_start = models.DateField()
    period_end = models.DateField()
    status = models.CharField(max_length=1, choices=Budget.Status.choices, default=Budget.Status.INDICATIVE)
    amount = models.DecimalField(max_digits=16, decimal_places=2)
    currency = models.CharField(max_length=3, help_text=CURRENCY_HELP)
    recipient_country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisation_budgets",
        help_text="Empty for IOM's total budget; a country for its budget for that country.",
    )

    history = HistoricalRecords()

    # Every one is in the IATI organisation file, which is public.
    public_records_condition = ALWAYS_SHOWN

    class Meta:
        ordering = ["period_start", "recipient_country__name", "pk"]
        constraints = [
            non_negative_constraint("organisation_budget_amount_not_negative"),
            currency_constraint("organisation_budget_currency_iso"),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")), name="organisation_budget_period_ordered"
            ),
        ]

    def __str__(self) -> str:
        where = self.recipient_country.name if self.recipient_country_id else "total"
        return f"{where}: {self.period_start} – {self.period_end}"

    def clean(self) -> None:
        errors = clean_currency(self, "currency")
        if self.period_start and self.period_end:
            if self.period_end < self.period_start:
                errors["period_end"] = "The period cannot end before it starts."
            elif (self.period_end - self.period_start).days > 366:
                errors["period_end"] = "A budget period may be at most one year (IATI rule)."
        if errors:
            raise ValidationError(errors)


class DonorAccount(TimeStamped):
    """A sign-in for a donor, linked to the funder organisations whose grants it may see.

    A donor sees every grant of its funders and their departments, including those to programmes
    not yet published, and nothing of any other funder.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="donor_account")
    funders = models.ManyToManyField(Organisation, related_name="donor_accounts")
    is_active = models.BooleanField("active", default=True, help_text="Untick to close the dashboard to this donor.")
    receives_digest = models.BooleanField(
        "weekly digest",
        default=True,
        help_text="E-mailed what changed in the programmes its grants fund; the donor may opt out from the e-mail.",
    )
    language = models.CharField(
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text="The language of the e-mails the donor is sent.",
    )

    history = HistoricalRecords()

    public_records_condition = NEVER_SHOWN

    class Meta:
        ordering = ["user__username"]

    def __str__(self) -> str:
        return self.user.get_full_name() or self.user.get_username()

    def grants(self) -> GrantQuerySet:
        """The grants of its funders and of their departments (a government's donor sees its ministries')."""
        # The family's ids read first (one small query): a condition over the grant's funder and its
        # parents, or a subquery the planner cannot count, has every grant read (25 ms at 15,000).
        family = Organisation.objects.filter(in_family_of("", self.funders.all(), "in"))
        return Grant.objects.filter(funder__in=list(family.values_list("pk", flat=True)))

    def public_programmes(self) -> ProgrammeQuerySet:
        """The programmes its grants fund that the public may see: all a donor is told of beyond its own grants."""
        return self.grants().public_programmes()
