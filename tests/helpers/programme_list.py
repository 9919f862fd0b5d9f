"""The public programme list as tests read it: its address, the seed programmes' titles, the cards shown."""

from __future__ import annotations

import html
import re

from django.urls import reverse

URL = reverse("programmes:list")

SEMINAR = "International Migration Policy Seminar for the Caribbean Region"
TRAFFICKING = "Counter-Trafficking Assistance in the Dominican Republic"
PHASE_ONE = "Program to Prevent and Combat Trafficking of Women in the Dominican Republic: phase one"
PHASE_TWO = "Program to Prevent and Combat Trafficking of Women in the Dominican Republic: phase two"
HIV = "Regional initiative for the Caribbean on HIV/AIDS and mobile populations"
RIGHTS = "Managing Migration and Promoting Migrants Rights"
JAMAICA = "Capacity Building in Migration Management in Jamaica"
CENTRE = "Technical Cooperation Center for the Caribbean"
HTAP = "Haitian Technical Assistance Project"
MMP = "Haitian Migration Management Program"
TURKS = "Regularization and Repatriation of Haitian Nationals from the Turks and Caicos Islands"
THIRD = "Third Country Return"
JAMAICAN_RETURN = "Return and Reintegration of Qualified Jamaican Nationals"
SEMINARS = "Regional Seminars on Migration Policy and Practice"


def text(response) -> str:
    return " ".join(html.unescape(response.content.decode()).split())


def titles(response) -> list[str]:
    """The programme titles of the result cards, in the order shown."""
    return re.findall(r'<h3 class="card__title"> <a href="[^"]+">([^<]+)</a>', text(response))


def record_filters(programme) -> dict[str, str]:
    """A value for each of the list's filters by record (country, area, funder, partner, project type)
    that ``programme`` matches: its first country where it works, area, funder, partner and its type."""
    return {
        "country": programme.country_links.filter(role="benefiting").first().country.slug,
        "area": programme.thematic_areas.first().slug,
        "funder": programme.grants.first().funder.slug,
        "partner": programme.participations.first().organisation.slug,
        "type": programme.project_type.slug,
    }
