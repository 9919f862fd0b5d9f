"""What every record of the programmes app shares: creation and change times, dates known to
the day, month or year, and currencies that go with their amounts."""

from __future__ import annotations

import datetime

from django.db import models
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext


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
