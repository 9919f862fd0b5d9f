"""``{% caribbean_map %}``: the map of the countries where the programme works, with its text list."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import template

from programmes.maps import countries_with_programmes, is_on_map, map_context
from programmes.models import Country, Location

register = template.Library()


@register.inclusion_tag("includes/caribbean_map.html")
def caribbean_map(
    countries: Iterable[Country] | None = None,
    current: Country | None = None,
    with_list: bool = True,
    locations: Iterable[Location] = (),
) -> dict[str, Any]:
    """Draw the map, highlighting ``countries`` (each with ``programme_count``).

    Without ``countries`` the tag looks them up itself, in one query. A page that already has them
    (the country list) passes them, and ``with_list=False`` if it lists them itself. On the page
    of a country the map does not show (one outside the region), nothing is drawn.
    """
    if current is not None and not is_on_map(current):
        return {"map": None}
    if countries is None:
        countries = countries_with_programmes()
    return {"map": map_context(countries, current, locations), "with_list": with_list}
