"""Programmes and projects, the places and themes they serve, and the 2002 overview, one module per
concept (Django finds an app's models here, so each is named below):

- ``base``: what every record shares (times of change, dates known to the day, month or year, currencies);
- ``reference``: countries, thematic areas and project types, the lists programmes are filed under;
- ``publication``: who may see a programme (published, and every programme above it too);
- ``programme``: the programme record, its queryset and the orderings of the public list;
- ``parts``: what a programme page lists (countries by role, components, key figures, publications);
- ``results``: the results framework (results, indicators and their baselines, periods, breakdowns);
- ``locations``: the places a programme works in, with their points and IATI's codes for them;
- ``related``: a programme's links to other activities, of the portal or outside it;
- ``overview``: the programme overview and its entries;
- ``translation_sources``: where a translation not yet reviewed comes from (any app's records).
"""

from programmes.models.base import (
    DatePrecision,
    TimeStamped,
    clean_currency,
    clean_optional_currency,
    format_partial_date,
    iso_partial_date,
    validate_partial_date,
    validate_partial_dates,
)
from programmes.models.locations import Location
from programmes.models.overview import Overview, OverviewEntry, OverviewQuerySet, on_home_page_condition
from programmes.models.parts import Component, KeyFigure, ProgrammeCountry, ProgrammeItem, Publication, next_order
from programmes.models.programme import (
    ESTIMATE_HELP,
    STATUS_ORDER,
    Programme,
    ProgrammeQuerySet,
    ProgrammeStatus,
    by_status,
    current_first,
    estimate_field,
    newest_first,
    oldest_first,
)
from programmes.models.publication import PUBLICATION_FIELDS, published_condition, settle_public, shown_with_programme
from programmes.models.reference import Country, ProjectType, ThematicArea
from programmes.models.related import RelatedActivity, RelatedLink, related_links
from programmes.models.results import Dimension, Indicator, Period, Result
from programmes.models.translation_sources import PORTAL_TEAM, TranslationSource

__all__ = [
    "ESTIMATE_HELP",
    "PORTAL_TEAM",
    "PUBLICATION_FIELDS",
    "STATUS_ORDER",
    "Component",
    "Country",
    "DatePrecision",
    "Dimension",
    "Indicator",
    "KeyFigure",
    "Location",
    "Overview",
    "OverviewEntry",
    "OverviewQuerySet",
    "Period",
    "Programme",
    "ProgrammeCountry",
    "ProgrammeItem",
    "ProgrammeQuerySet",
    "ProgrammeStatus",
    "ProjectType",
    "Publication",
    "RelatedActivity",
    "RelatedLink",
    "Result",
    "ThematicArea",
    "TimeStamped",
    "TranslationSource",
    "by_status",
    "clean_currency",
    "clean_optional_currency",
    "current_first",
    "estimate_field",
    "format_partial_date",
    "iso_partial_date",
    "newest_first",
    "next_order",
    "oldest_first",
    "on_home_page_condition",
    "published_condition",
    "related_links",
    "settle_public",
    "shown_with_programme",
    "validate_partial_date",
    "validate_partial_dates",
]
