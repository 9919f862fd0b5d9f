"""What a programme's IATI activity says: the decisions the writer and the quality checks share.

Each function reads a programme (and the related rows ``writer.export_queryset`` prefetches) and
returns what its activity holds: the identifier, the dates, the recipient countries and their
shares, the participating organisations, the budgets and transactions IATI can take, the
description. ``unwritable()`` says which fields keep a programme out of the file, because its
activity would be invalid; ``iati.quality`` explains each to staff, ``iati.exclusions`` to the public.
One piece, so that the writer and the checks cannot read a programme two ways.

Texts staff translate (``programmes.translation``) come in every language they have (``texts()``),
English first.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings

from iati.codelists import (
    ACTUAL_END,
    ACTUAL_START,
    COUNTRY_CODES,
    CURRENCY_CODES,
    IATI_ROLES,
    IDENTIFIER_FORBIDDEN,
    PLANNED_END,
    PLANNED_START,
    REPORTING_ORG_NAME,
    REPORTING_ORG_NAMES,
    REPORTING_ORG_TYPE,
    ROLE_ACCOUNTABLE,
    ROLE_FUNDING,
    SECTOR_CODES,
)
from programmes.models import Country, DatePrecision, Programme, ProgrammeCountry, iso_partial_date
from programmes.translation import DEFAULT_LANGUAGE, LANGUAGES, localized

HUNDRED = Decimal("100")
CENT = Decimal("0.01")


# A text in every language -----------------------------------------------------------------------

# (language, text) pairs, English first: what one IATI element says, one narrative per language.
Texts = list[tuple[str, str]]


def texts(obj: object, field: str) -> Texts:
    """``obj.field`` in each language it is written in, English first; empty translations left out.

    A field ``programmes.translation`` does not translate is English only.
    """
    if not hasattr(obj, localized(field, DEFAULT_LANGUAGE)):
        value = getattr(obj, field) or ""
        return [(DEFAULT_LANGUAGE, value)] if value.strip() else []
    found = [(language, getattr(obj, localized(field, language)) or "") for language in LANGUAGES]
    return [(language, value) for language, value in found if value.strip()]


def reporting_org_texts() -> Texts:
    return [(language, REPORTING_ORG_NAMES[language]) for language in LANGUAGES if language in REPORTING_ORG_NAMES]


# What the activity says --------------------------------------------------------------------------


def activity_identifier(programme: Programme) -> str:
    """XM-DAC-47066-<IOM project code>, or -<slug> while the programme has no code."""
    return f"{settings.IATI_REPORTING_ORG_REF}-{programme.code or programme.slug}"


def programme_for_identifier(identifier: str) -> Programme | None:
    """The programme an IATI identifier of the portal's own names (XM-DAC-47066-<code> or -<slug>):
    ``activity_identifier`` read back."""
    suffix = identifier.removeprefix(f"{settings.IATI_REPORTING_ORG_REF}-")
    if suffix == identifier or not suffix:
        return None
    return Programme.objects.filter(code=suffix).first() or Programme.objects.filter(slug=suffix).first()


@dataclass(frozen=True)
class ActivityDate:
    type: str  # ActivityDateType
    date: datetime.date
    narrative: str  # what the day alone cannot say: the precision, an estimate; "" when it is exact


def period_bounds(programme: Programme) -> tuple[datetime.date | None, datetime.date | None]:
    """The first day the start can mean and the last day the end can mean, as far as they are known."""
    start = programme.start_date
    end = programme.end_date and last_day(programme.end_date, programme.end_precision)
    return start, end


def last_day(value: datetime.date, precision: str) -> datetime.date:
    """The last day of the year or month a date known only to it stands for; the day itself otherwise."""
    if precision == DatePrecision.YEAR:
        return value.replace(month=12, day=31)
    if precision == DatePrecision.MONTH:
        following = (value.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        return following - datetime.timedelta(days=1)
    return value


def date_narrative(value: datetime.date, precision: str, estimate: str) -> str:
    """IATI dates are days; the narrative says what the record knows (the schema's advice for
    dates known only to the month or year) and, for an estimate, what it rests on."""
    parts = []
    if precision != DatePrecision.DAY:
        parts.append(f"{iso_partial_date(value, precision)}: known only to the {precision}.")
    if estimate.strip():
        parts.append(f"Estimated: {estimate.strip()}")
    return " ".join(parts)


def activity_dates(programme: Programme, today: datetime.date) -> list[ActivityDate]:
    """The start and end the record gives, each planned or actual; only the dates that are known.

    A date is actual only when the status says the programme started (or ended) and the date has
    passed: IATI forbids actual dates in the future. A start known only to the month or year is
    written as its first day, an end as its last, with a narrative that says so.
    """
    Status = Programme.Status
    start, end = period_bounds(programme)
    dates = []
    if start:
        started = programme.status in (Status.ONGOING, Status.COMPLETED, Status.CANCELLED)
        actual = started and start <= today
        narrative = date_narrative(start, programme.start_precision, programme.start_estimate)
        dates.append(ActivityDate(ACTUAL_START if actual else PLANNED_START, start, narrative))
    if end:
        ended = programme.status in (Status.COMPLETED, Status.CANCELLED)
        actual = ended and end <= today
        narrative = date_narrative(programme.end_date, programme.end_precision, programme.end_estimate)
        dates.append(ActivityDate(ACTUAL_END if actual else PLANNED_END, end, narrative))
    return dates


@dataclass
class CountryShares:
    """The recipient countries the record gives, and what keeps the others out."""

    shares: list[tuple[Country, Decimal | None]] = field(default_factory=list)  # None: no share given
    withdrawn: list[Country] = field(default_factory=list)  # where it works, but the code is no longer in IATI
    error: str = ""  # why the percentages cannot be written

    @property
    def without_percentages(self) -> bool:
        return len(self.shares) > 1 and all(share is None for _, share in self.shares)


def country_shares(programme: Programme) -> CountryShares:
    """The countries where the programme works, with IATI's active codes, and their percentages.

    Percentages only as given: none at all are written as none (IATI allows it; splitting equally
    would state what no one said), and a single country without one has 100; some but not all, or
    a total other than 100, is an error.
    """
    result = CountryShares()
    links = []
    for link in programme.country_links.all():
        if link.role != ProgrammeCountry.Role.BENEFITING:
            continue
        if link.country.code in COUNTRY_CODES:
            links.append(link)
        else:
            result.withdrawn.append(link.country)
    if not links:
        return result
    given = [link.percentage for link in links if link.percentage is not None]
    if not given and len(links) == 1:
        result.shares = [(links[0].country, HUNDRED.quantize(CENT))]  # one country: all of it
    elif not given:
        result.shares = [(link.country, None) for link in links]
    elif len(given) < len(links):
        result.error = "some countries where it works have a percentage and others none"
    elif (total := sum(given)) != HUNDRED:
        shown = f"{total:.2f}".rstrip("0").rstrip(".")
        result.error = f"the percentages of the countries where it works add up to {shown}, not 100"
    else:
        result.shares = [(link.country, link.percentage) for link in links]
    return result


@dataclass
class Org:
    role: str
    name: str
    ref: str
    type: str
    names: Texts = field(default_factory=list)  # the name in each language it has, English first

    def __post_init__(self) -> None:
        self.names = self.names or [(DEFAULT_LANGUAGE, self.name)]


def participating_orgs(programme: Programme) -> list[Org]:
    """Funders from the grants (role 1), then the participations, by role; each organisation once per role.

    With none recorded, IOM as the accountable organisation.
    """
    orgs: dict[tuple[int, str], Org] = {}
    for grant in programme.grants.all():
        funder = grant.funder
        orgs.setdefault(
            (funder.pk, ROLE_FUNDING),
            Org(ROLE_FUNDING, funder.name, funder.iati_identifier, funder.type, texts(funder, "name")),
        )
    for participation in programme.participations.all():
        organisation, role = participation.organisation, participation.role
        if role not in IATI_ROLES:
            continue  # a role the standard has no code for, such as "in discussions"
        orgs.setdefault(
            (organisation.pk, role),
            Org(role, organisation.name, organisation.iati_identifier, organisation.type, texts(organisation, "name")),
        )
    if not orgs:
        # IATI needs at least one; IOM is accountable for every programme it publishes. Named in
        # every language, as IOM's own organisation record is: an import of the file reads
        # participating organisations' names into their records.
        accountable = Org(
            ROLE_ACCOUNTABLE,
            REPORTING_ORG_NAME,
            settings.IATI_REPORTING_ORG_REF,
            REPORTING_ORG_TYPE,
            reporting_org_texts(),
        )
        return [accountable]
    return sorted(orgs.values(), key=lambda org: org.role)  # stable: grants and participations keep their order


def budget_too_long(start: datetime.date, end: datetime.date) -> bool:
    """IATI budgets cover one year or less."""
    return (end - start).days > 365


@dataclass(frozen=True)
class IatiBudget:
    period_start: datetime.date
    period_end: datetime.date
    amount: Decimal
    currency: str
    status: str  # BudgetStatus; "" leaves it out (IATI then reads it as indicative)


def total_budget_period(programme: Programme) -> tuple[datetime.date, datetime.date] | None:
    """The period the total budget covers, the programme's life, when both ends are known; else None."""
    start, end = period_bounds(programme)
    if start is None or end is None or programme.start_estimate.strip() or programme.end_estimate.strip():
        return None
    return start, end


def writable_budgets(programme: Programme) -> list[IatiBudget]:
    """The budgets per period of a year or less; without any, the total budget when its period,
    the programme's life, is a year or less (a longer one needs the split: ``iati.quality``)."""
    budgets = [
        IatiBudget(budget.period_start, budget.period_end, budget.amount, budget.currency, budget.status)
        for budget in programme.budgets.all()
        if not budget_too_long(budget.period_start, budget.period_end) and budget.currency in CURRENCY_CODES
    ]
    if budgets or programme.budget_amount is None or programme.budget_currency not in CURRENCY_CODES:
        return budgets
    period = total_budget_period(programme)
    if period is None or budget_too_long(*period):
        return []
    return [IatiBudget(*period, programme.budget_amount, programme.budget_currency, "")]


def writable_transactions(programme: Programme, today: datetime.date) -> list:
    """Each grant's transactions, but none dated in the future (IATI forbids it) or in a currency IATI lacks."""
    return [
        (grant, transaction)
        for grant in programme.grants.all()
        for transaction in grant.transactions.all()
        if transaction.date <= today and transaction.currency in CURRENCY_CODES
    ]


def description_text(programme: Programme) -> str:
    """The full description, or the summary where there is none, once (the summary repeats the
    description's opening); the title when there is neither (IATI requires a description)."""
    return programme.description.strip() or programme.summary.strip() or programme.title


def description_texts(programme: Programme) -> Texts:
    """``description_text`` in each language that has a description or a summary."""
    descriptions = dict(texts(programme, "description"))
    summaries = dict(texts(programme, "summary"))
    found = [
        (language, (descriptions.get(language) or summaries[language]).strip())
        for language in LANGUAGES
        if language in descriptions or language in summaries
    ]
    return found or texts(programme, "title")


def unwritable(programme: Programme) -> list[str]:
    """The fields that keep the programme out of the IATI file: the activity would be invalid.

    Empty when the programme can be written; it reads the programme's fields and country links
    only. ``iati.quality`` explains each in plain words.
    """
    fields = []
    if IDENTIFIER_FORBIDDEN.search(programme.code):
        fields.append("code")
    if programme.status_estimate.strip():
        fields.append("status")  # IATI requires a status and has no way to mark it as estimated
    if not programme.start_date:
        fields.append("start_date")
    if programme.dac_sector not in SECTOR_CODES:
        fields.append("dac_sector")
    if programme.budget_amount is not None and programme.budget_currency not in CURRENCY_CODES:
        fields.append("budget_currency")
    if country_shares(programme).error:
        fields.append("countries")
    return fields
