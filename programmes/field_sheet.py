"""The terms of a programme's field sheet, each with a plain explanation, and which of them no
source gives for a programme: the page shows the facts known and folds the rest into one line.

An explanation says only what is certain: IOM's project record names the fields ("IDF Region",
"Benefiting Member States") without expanding them, so neither does the page.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from programmes.models import Country, Programme, ProgrammeCountry


@dataclass(frozen=True)
class Term:
    label: str | Promise
    hint: str | Promise


TERMS = {
    "start_date": Term(_("Start date"), _("When it began, as precisely as a source gives it.")),
    "end_date": Term(_("End date"), _("When it ended, or is planned to end.")),
    "status": Term(_("Project status"), _("Whether it is proposed, ongoing, completed or cancelled.")),
    "project_type": Term(_("Project type"), _("The kind of project, as IOM's project record classes it.")),
    "budget": Term(_("Total budget"), _("The budget of the whole project, as published.")),
    "coverage": Term(_("Coverage"), _("National: it works in one country. Regional: in several.")),
    "years": Term(_("Year"), _("The year or years it ran, as IOM's project record gives them.")),
    "idf_region": Term(_("IDF region"), _("The region IOM's project record files the project under.")),
    "code": Term(_("Project ID"), _("The project's identifier in IOM's project record.")),
    "countries": Term(
        _("Where it works"), _("The countries it serves: the “Benefiting Member States” of IOM's project record.")
    ),
}

# The other places a programme names, by ProgrammeCountry.Role: none of them is where it works.
ROLE_HINTS = {
    ProgrammeCountry.Role.VENUE: _("Where it was held."),
    ProgrammeCountry.Role.ORIGIN: _("A country its description names as a place of origin."),
    ProgrammeCountry.Role.DESTINATION: _("A country its description names as a destination."),
}


def unknown_terms(programme: Programme, working_countries: list[Country]) -> list[Term]:
    """The terms of the sheet no source gives for the programme, in the sheet's order. The IDF
    region is not among them: only the Fund's own projects have one."""
    missing = {
        "start_date": programme.start_date is None,
        "end_date": programme.end_date is None,
        "project_type": programme.project_type_id is None,
        "budget": programme.budget_amount is None,
        "coverage": not programme.coverage,
        "years": not programme.years,
        "code": not programme.code,
        "countries": not working_countries,
    }
    return [term for name, term in TERMS.items() if missing.get(name)]
