"""The counts the IATI quality checks need of a programme's related rows, in SQL.

``with_quality_facts()`` annotates them on a list (subqueries: the admin's changelist runs a fixed
number of queries however many programmes it shows); ``quality_facts()`` reads them from a
programme so annotated, or fetches them in one query.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, DecimalField, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from iati.codelists import CURRENCY_CODES
from programmes.models import Programme

FACTS = (
    "iati_participations",
    "iati_grants",
    "iati_budgets",
    "iati_long_budgets",
    "iati_odd_currency_budgets",
    "iati_future_transactions",
    "iati_odd_currency_transactions",
    "iati_budget_sum",
    "iati_results_left_out",
    "iati_unwritten_baselines",
    "iati_unwritten_values",
)
QUALITATIVE = "5"  # IndicatorMeasure: its baseline, targets and actuals are words


def _count(path: str, condition: Q | None = None) -> Coalesce:
    """How many rows at the end of a reverse relation ``path`` (``"grants__transactions"``) the programme has.

    A subquery on the related model itself, reached through the relation: programmes imports no other app.
    """
    model, back = Programme, []
    for name in path.split("__"):
        relation = model._meta.get_field(name)
        model = relation.related_model
        back.insert(0, relation.field.name)
    to_programme = "__".join(back)
    rows = model.objects.filter(**{to_programme: OuterRef("pk")})
    if condition is not None:
        rows = rows.filter(condition)
    rows = rows.order_by().values(to_programme).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


def _budget_sum() -> Subquery:
    """The sum of the programme's budgets per period in its total budget's currency (NULL without any)."""
    budget = Programme._meta.get_field("budgets").related_model
    rows = budget.objects.filter(programme=OuterRef("pk"), currency=OuterRef("budget_currency")).order_by()
    return Subquery(rows.values("programme").annotate(total=Sum("amount")).values("total"), output_field=DecimalField())


def with_quality_facts(queryset: QuerySet[Programme], today: datetime.date | None = None) -> QuerySet[Programme]:
    """Annotate the counts ``programme_problems()`` needs (subqueries: no extra query, no duplicate rows)."""
    today = today or timezone.localdate()
    year = datetime.timedelta(days=365)
    odd_currency = ~Q(currency__in=CURRENCY_CODES)
    return queryset.annotate(
        iati_participations=_count("participations"),
        iati_grants=_count("grants"),
        iati_budgets=_count("budgets"),
        iati_long_budgets=_count("budgets", Q(period_end__gt=F("period_start") + year)),
        iati_odd_currency_budgets=_count("budgets", odd_currency),
        iati_future_transactions=_count("grants__transactions", Q(date__gt=today)),
        iati_odd_currency_transactions=_count("grants__transactions", odd_currency),
        iati_budget_sum=_budget_sum(),
        # What iati.results leaves out: results without a type or an indicator, baselines without the
        # year (or a measured one's value), a measured target's or actual's words without its value.
        iati_results_left_out=_count("results", Q(type="") | ~Q(indicators__isnull=False)),
        iati_unwritten_baselines=_count(
            "results__indicators",
            Q(baseline_year__isnull=True, baseline_value__isnull=False)
            | (Q(baseline_year__isnull=True) & ~Q(baseline_comment=""))
            | (Q(baseline_year__isnull=False, baseline_value__isnull=True) & ~Q(measure=QUALITATIVE)),
        ),
        iati_unwritten_values=_count(
            "results__indicators__periods",
            ~Q(indicator__measure=QUALITATIVE)
            & (
                (Q(target_value__isnull=True) & ~Q(target_comment=""))
                | (Q(actual_value__isnull=True) & ~Q(actual_comment=""))
            ),
        ),
    )


@dataclass(frozen=True)
class Facts:
    participations: int = 0
    grants: int = 0
    budgets: int = 0
    long_budgets: int = 0
    odd_currency_budgets: int = 0
    future_transactions: int = 0
    odd_currency_transactions: int = 0
    budget_sum: Decimal | None = None  # of the budgets per period in the total budget's currency
    results_left_out: int = 0
    unwritten_baselines: int = 0
    unwritten_values: int = 0


def quality_facts(programme: Programme) -> Facts:
    """The counts ``with_quality_facts()`` annotated, or fetched now in one query."""
    if programme.pk is None:
        return Facts()
    if all(hasattr(programme, name) for name in FACTS):
        values = {name: getattr(programme, name) for name in FACTS}
    else:
        values = with_quality_facts(Programme.objects.filter(pk=programme.pk)).values(*FACTS).get()
    return Facts(**{name.removeprefix("iati_"): value for name, value in values.items()})
