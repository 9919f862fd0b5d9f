"""Formatting shared by the public pages: money, key figures, counts, partial dates and page numbers."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.paginator import Page
from django.utils.translation import pgettext

from programmes.models import format_partial_date, iso_partial_date

register = template.Library()

NO_BREAK_SPACE = "\u00a0"


@register.filter
def money(amount: Decimal | None, currency: str) -> str:
    """'USD 37,450.00' (English), '37 450,00 USD' (French): the active language's digit grouping and
    decimal mark, and its order of code and amount. Empty for an unknown amount, which the template
    words (never as 0)."""
    if amount is None:
        return ""
    pattern = pgettext("money: currency code and amount", "%(currency)s %(amount)s")
    # One unbreakable piece: a line never ends between the code and the amount, nor inside it.
    return (pattern % {"currency": currency, "amount": intcomma(amount)}).replace(" ", NO_BREAK_SPACE)


@register.filter
def figure(value: Decimal | None) -> str:
    """A key figure without meaningless decimals: 50,000 rather than 50,000.00; 2.5 stays 2.5 (2,5 in French)."""
    if value is None:
        return ""
    if value == value.to_integral_value():
        return intcomma(int(value))
    return intcomma(value.normalize())


@register.filter
def iso_partial(value: datetime.date | None, precision: str) -> str:
    """The machine-readable form of a partial date for <time datetime>: '2001', '2001-10' or '2001-10-28'."""
    return iso_partial_date(value, precision)


@register.filter
def partial_date(value: datetime.date | None, precision: str = "day") -> str:
    """A date as the active language writes it, to the precision known: '28 May 2001', 'mai 2001', '2001'."""
    return format_partial_date(value, precision)


@register.simple_tag
def page_numbers(page: Page) -> list[int | str]:
    """The pages a list links to: the first and the last, the current one with two either side,
    and an ellipsis (``Paginator.ELLIPSIS``) where numbers are left out: 1 … 5 6 7 8 9 … 90."""
    return list(page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
