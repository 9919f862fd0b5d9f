"""Why the public does not find a programme, or one of its results, in the IATI file, in the
public pages' language.

The same fields as ``activity.unwritable()`` and ``results.result_gaps()``, worded for the public:
the programme page, the "About this data" page and the programme API say each reason and what
would bring it in.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from iati.activity import unwritable
from iati.results import result_gaps
from programmes.models import Programme, Result


@dataclass(frozen=True)
class Exclusion:
    """Why the public does not find a programme in the IATI file, and what would bring it in."""

    field: str
    why: str
    to_add: str


# The reason, then what would bring the programme in.
EXCLUSIONS = {
    "code": (
        _("its IOM project code holds a character an IATI identifier cannot"),
        _("the project code without spaces or any of / & | ?"),
    ),
    "status": (
        _("its status is an estimate, and IATI requires a status it cannot mark as estimated"),
        _("the status as a source states it"),
    ),
    "start_date": (
        _("no start date is known, not even its year, and IATI requires one"),
        _("the start date, even if only its year, or an estimate with what it rests on"),
    ),
    "dac_sector": (
        _("it has no sector code IATI accepts, and IATI requires one"),
        _("an active OECD DAC purpose code"),
    ),
    "budget_currency": (
        _("its budget's currency is not one IATI accepts"),
        _("the budget's ISO 4217 currency code"),
    ),
    "countries": (
        _("the shares of the countries where it works do not add up to 100"),
        _("each country's share as a source gives it, or none at all"),
    ),
}


# What the file leaves out of the programmes it holds, for want of a place in the standard.
LEFT_OUT = [
    _(
        "A related activity is in the file only as a sibling, co-funded or third-party activity with a known "
        "IATI identifier: relations the standard has no type for, such as a follow-up to an earlier meeting, "
        "and outside activities the sources name without an identifier, are shown on the programme's page only."
    ),
]


def iati_exclusions(programme: Programme) -> list[Exclusion]:
    """Empty when the programme is in the IATI file; otherwise each reason it is not."""
    return [Exclusion(field, *EXCLUSIONS[field]) for field in unwritable(programme)]


# Why a result of a programme in the file is not in it.
RESULT_EXCLUSIONS = {
    "type": _("no source says whether it is an output, an outcome or an impact, and IATI requires one"),
    "indicators": _("it has no indicator, and IATI requires one"),
}


def result_exclusions(result: Result) -> list[str]:
    """Empty when the result is in the IATI file (with its programme); otherwise each reason it is not."""
    return [str(RESULT_EXCLUSIONS[gap]) for gap in result_gaps(result)]
