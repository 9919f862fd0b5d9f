"""The programme admin's locations: a row per place, and a preview of their points on the portal's
own map of the Caribbean, which moves as staff type (``static/js/location-preview.js``; no map
tiles from elsewhere, no inline script) and says when a point falls outside the map."""

from __future__ import annotations

from typing import Any

from programmes.admin.base import TranslatedCompactInline
from programmes.maps import load_map, projection
from programmes.models import Location


class LocationInline(TranslatedCompactInline):
    model = Location
    fields = [
        "name",
        "description",
        "latitude",
        "longitude",
        "country",
        "exactness",
        "reach",
        "feature_designation",
        "location_class",
        "admin_vocabulary",
        "admin_level",
        "admin_code",
        "order",
    ]
    autocomplete_fields = ["country"]
    template = "admin/programmes/location_inline.html"

    class Media:
        js = ["js/location-preview.js"]
        css = {"all": ["css/admin.css"]}

    def preview_map(self) -> dict[str, Any]:
        """The map the preview draws the typed points on: the countries' shapes and the box they cover."""
        geometry = load_map()
        return {
            "view_box": geometry["viewBox"],
            "shapes": [shape["d"] for shape in geometry["countries"].values()],
            "projection": projection(),
        }
