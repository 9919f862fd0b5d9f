"""How good each programme's IATI record is: the problems, in plain words, with the field to fix.

A blocking problem keeps the programme out of the IATI file, because its activity would be
invalid (``activity.unwritable``); the others make the record weaker: an element left out, or a
fallback used in its place.

``programme_problems()`` reads the programme's own fields, its country links (prefetch them with
their countries) and a few counts of its organisations, budgets and transactions. Annotate those
with ``with_quality_facts()`` for a list, so the admin's changelist runs a fixed number of queries;
a programme without them costs one query more.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.text import capfirst

from iati.activity import budget_too_long, country_shares, total_budget_period, unwritable
from iati.quality_facts import Facts, quality_facts
from programmes.models import Programme

# Labels of what is not a field of the programme form: its inlines.
LABELS = {
    "summary": "Summary and description",
    "countries": "Countries",
    "participations": "Participations",
    "budgets": "Budgets",
    "grants": "Grants (their transactions)",
    "results": "Results (their indicators)",
}


@dataclass(frozen=True)
class Problem:
    field: str  # the programme field or inline to fix
    message: str  # what is wrong and what to do, in plain words
    blocking: bool = False  # True: the programme stays out of the IATI file until it is fixed

    @property
    def label(self) -> str:
        if self.field in LABELS:
            return LABELS[self.field]
        return capfirst(Programme._meta.get_field(self.field).verbose_name)


def _plural(count: int, singular: str, plural: str) -> str:
    return f"{count} {singular if count == 1 else plural}"


def blocking_problems(programme: Programme) -> list[Problem]:
    """What keeps the programme out of the IATI file; the same fields as ``unwritable()``."""
    messages = {
        "status": "The status is marked as an estimate, and IATI requires a status it has no way to mark as "
        "estimated: confirm the status from a source and clear the estimate note.",
        "code": "The IOM project code contains a space or one of / & | ?, which an IATI identifier cannot: "
        "correct the code.",
        "start_date": "There is no start date, and IATI needs one (a planned one if the programme has not "
        "started): give the start date, even if only its year is known, or an estimate with what it rests on.",
        "dac_sector": (
            f"“{programme.dac_sector}” is not a DAC purpose code IATI accepts"
            if programme.dac_sector
            else "There is no DAC sector, and IATI needs a sector"
        )
        + ": give an active 5-digit code, such as 15190 for migration.",
        "budget_currency": f"“{programme.budget_currency}” is not a currency IATI accepts: give its ISO 4217 "
        "code, such as USD.",
        "countries": "The percentages of the countries where it works cannot be published: "
        f"{country_shares(programme).error}. Give each a percentage so that they add up to 100, or clear "
        "them all if no source gives them.",
    }
    return [Problem(field, messages[field], blocking=True) for field in unwritable(programme)]


def date_problems(programme: Programme, today: datetime.date) -> list[Problem]:
    Status = Programme.Status
    problems = []
    started = programme.status in (Status.ONGOING, Status.COMPLETED)
    if programme.start_date and programme.start_date > today and started:
        problems.append(
            Problem(
                "start_date",
                f"The status is “{programme.get_status_display()}” but the start date is in the future, so IATI "
                "gets it as a planned start: correct the status or the date.",
            )
        )
    if programme.start_date and programme.start_date <= today and programme.status == Status.PIPELINE:
        problems.append(
            Problem(
                "status",
                "The start date has passed but the status is still pipeline, so IATI gets it as a planned start: "
                "update the status if the programme has started.",
            )
        )
    if not programme.end_date:
        if programme.status in (Status.COMPLETED, Status.CANCELLED):
            message = "The programme has ended but has no end date: give the date it ended, even if only its year."
        else:
            message = "There is no end date: give the planned end date if there is one."
        problems.append(Problem("end_date", message))
    elif programme.end_date > today and programme.status == Status.COMPLETED:
        problems.append(
            Problem(
                "end_date",
                "The status is completed but the end date is in the future, so IATI gets it as a planned end: "
                "correct the status or the date.",
            )
        )
    return problems


def country_problems(programme: Programme) -> list[Problem]:
    shares = country_shares(programme)
    problems = [
        Problem(
            "countries",
            f"{country.name} ({country.code}) is no longer an IATI country code, so it is left out of the "
            "recipient countries: add the country or countries it has become.",
        )
        for country in shares.withdrawn
    ]
    if shares.without_percentages:
        problems.append(
            Problem(
                "countries",
                "The countries where it works have no percentages, so IATI gets them without shares: give each "
                "its percentage if a source states them.",
            )
        )
    if not shares.shares and not shares.error and programme.coverage == Programme.Coverage.NATIONAL:
        problems.append(
            Problem(
                "countries",
                "A national programme with no country where it works: IATI gets the Caribbean region instead. "
                "Add the country where it works.",
            )
        )
    return problems


def total_budget_problems(programme: Programme, facts: Facts) -> list[Problem]:
    """The total and the budgets per period are one budget: the file needs periods of a year or less."""
    if programme.budget_amount is None:
        if facts.budgets:
            return []
        return [
            Problem(
                "budgets",
                "There is no budget, so the IATI record has none: give the total budget if a source states it, "
                "or the budget of each year (or shorter period) under Budgets.",
            )
        ]
    if facts.budgets:
        if facts.budget_sum is not None and facts.budget_sum != programme.budget_amount:
            return [
                Problem(
                    "budget_amount",
                    f"The budgets per period in {programme.budget_currency} add up to {facts.budget_sum:,.2f}, "
                    f"not the total budget of {programme.budget_amount:,.2f}: correct one or the other.",
                )
            ]
        return []
    period = total_budget_period(programme)
    if period is None:
        return [
            Problem(
                "budget_amount",
                "The total budget's period, the programme's life, is not known (no start or end date, or an "
                "estimated one), so IATI does not get it: give the dates, or split the total into budgets per "
                "period under Budgets.",
            )
        ]
    if budget_too_long(*period):
        return [
            Problem(
                "budget_amount",
                "The programme runs for more than a year, and an IATI budget covers a year or less, so IATI "
                "does not get the total: split it into the budget of each year under Budgets.",
            )
        ]
    return []


def money_problems(facts: Facts) -> list[Problem]:
    problems = []
    if facts.long_budgets:
        problems.append(
            Problem(
                "budgets",
                f"{_plural(facts.long_budgets, 'budget covers', 'budgets cover')} more than a year, which IATI does "
                "not allow, so the record leaves them out: split them into periods of a year or less.",
            )
        )
    if facts.odd_currency_budgets:
        problems.append(
            Problem(
                "budgets",
                f"{_plural(facts.odd_currency_budgets, 'budget is', 'budgets are')} in a currency IATI does not "
                "accept, so the record leaves them out: correct the currency.",
            )
        )
    if facts.future_transactions:
        problems.append(
            Problem(
                "grants",
                f"{_plural(facts.future_transactions, 'transaction is', 'transactions are')} dated in the future, "
                "which IATI does not allow, so the record leaves them out until then: record payments to come "
                "as planned disbursements.",
            )
        )
    if facts.odd_currency_transactions:
        problems.append(
            Problem(
                "grants",
                f"{_plural(facts.odd_currency_transactions, 'transaction is', 'transactions are')} in a currency "
                "IATI does not accept, so the record leaves them out: correct the currency.",
            )
        )
    return problems


def programme_problems(programme: Programme, *, today: datetime.date | None = None) -> list[Problem]:
    """Everything that makes the programme's IATI record invalid (blocking) or weak, blocking first."""
    today = today or timezone.localdate()
    facts = quality_facts(programme)
    problems = blocking_problems(programme)
    if not (facts.participations or facts.grants):
        problems.append(
            Problem(
                "participations",
                "No organisation is recorded, so IATI gets IOM alone, as the accountable organisation: add IOM's "
                "role and the partners under Participations, and the funders' grants under Grants.",
            )
        )
    if not programme.code:
        problems.append(
            Problem(
                "code",
                "There is no IOM project code, so the IATI identifier ends with the slug instead and will change "
                "once a code is given: add the project code.",
            )
        )
    if not (programme.summary.strip() or programme.description.strip()):
        problems.append(
            Problem("summary", "There is neither a summary nor a description, so IATI gets the title again: write one.")
        )
    problems += date_problems(programme, today)
    problems += country_problems(programme)
    if not programme.project_type_id:
        problems.append(
            Problem("project_type", "There is no project type, so IATI gets only the DAC sector: choose one.")
        )
    problems += total_budget_problems(programme, facts)
    problems += money_problems(facts)
    problems += result_problems(facts)
    return problems


def result_problems(facts: Facts) -> list[Problem]:
    """What of the results framework the IATI file leaves out (iati.results), and what would bring it in."""
    problems = []
    if facts.results_left_out:
        problems.append(
            Problem(
                "results",
                f"{_plural(facts.results_left_out, 'result is', 'results are')} left out of IATI, which needs a "
                "result's type (output, outcome or impact) and at least one indicator: give them where a source "
                "states them.",
            )
        )
    if facts.unwritten_baselines:
        problems.append(
            Problem(
                "results",
                f"{_plural(facts.unwritten_baselines, 'indicator has a baseline', 'indicators have baselines')} "
                "IATI cannot take, which needs the baseline's year (and a measured indicator's value): give them.",
            )
        )
    if facts.unwritten_values:
        problems.append(
            Problem(
                "results",
                f"{_plural(facts.unwritten_values, 'period has', 'periods have')} a comment on a measured target "
                "or actual without its value, which IATI leaves out: give the value.",
            )
        )
    return problems
