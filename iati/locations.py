"""The IATI ``location`` elements of an activity: writing a programme's locations, reading them
back from a file, and saving what was read.

A location's country is written as its administrative area of vocabulary A4 (ISO country) and
level 0, beside the area staff gave; a point as GML's ``pos``, "latitude longitude" in WGS 84.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from lxml import etree

from iati.activity import texts
from iati.codelists import COUNTRY_LEVEL, ISO_COUNTRY_VOCABULARY, WGS84
from iati.elements import child_attr, narrative, translations
from iati.records import ActivityRejected, LocationData
from programmes.models import Country, Location, Programme, next_order
from programmes.translation import localized_values

if TYPE_CHECKING:
    from iati.import_writes import ActivityWriter

SIX_PLACES = Decimal("0.000001")


def write_locations(out: Any, programme: Programme) -> None:
    """The programme's ``location`` elements, in the schema's order of their children."""
    for location in programme.locations.all():
        out.start("location")
        if location.reach:
            out.leaf("location-reach", code=location.reach)
        out.text_element("name", texts(location, "name"))
        if location.description:
            out.text_element("description", texts(location, "description"))
        if location.country is not None:
            out.leaf(
                "administrative", vocabulary=ISO_COUNTRY_VOCABULARY, level=COUNTRY_LEVEL, code=location.country.code
            )
        if location.admin_code:
            level = None if location.admin_level is None else str(location.admin_level)
            out.leaf("administrative", vocabulary=location.admin_vocabulary, level=level, code=location.admin_code)
        if location.has_point:
            out.start("point", srsName=WGS84)
            out.leaf("pos", f"{location.latitude:f} {location.longitude:f}")
            out.end("point")
        if location.exactness:
            out.leaf("exactness", code=location.exactness)
        if location.location_class:
            out.leaf("location-class", code=location.location_class)
        if location.feature_designation:
            out.leaf("feature-designation", code=location.feature_designation)
        out.end("location")


def _code(element: etree._Element, child: str, allowed: list[str], what: str, reasons: list[str]) -> str:
    code = (child_attr(element, child, "code") or "").strip()
    if code and code not in allowed:
        reasons.append(f"{what} has the {child} '{code}', which the portal does not record")
    return code


def parse_point(element: etree._Element, what: str, reasons: list[str]) -> tuple[Decimal | None, Decimal | None]:
    pos = element.findtext("point/pos")
    if pos is None:
        return None, None
    try:
        latitude, longitude = (Decimal(part).quantize(SIX_PLACES) for part in pos.split())
    except (ValueError, InvalidOperation):
        reasons.append(f"{what} has the point '{pos.strip()[:40]}', not 'latitude longitude' in decimal degrees")
        return None, None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        reasons.append(f"{what} has the point '{pos.strip()[:40]}', off the earth's latitudes or longitudes")
        return None, None
    return latitude, longitude


def read_locations(activity: etree._Element, lang: str, reasons: list[str]) -> list[LocationData]:
    """The activity's locations, checked; a problem is a reason to reject the activity."""
    found = []
    for element in activity.findall("location"):
        name = narrative(element.find("name"), lang)
        what = f"the location '{name}'" if name else f"the location at line {element.sourceline}"
        if not name or len(name) > 200:
            reasons.append(f"{what} needs a name of at most 200 characters")
            continue
        latitude, longitude = parse_point(element, what, reasons)
        data = LocationData(
            name=name,
            name_translations=translations(element.find("name"), lang, max_length=200),
            description=narrative(element.find("description"), lang, keep_lines=True),
            description_translations=translations(element.find("description"), lang, keep_lines=True),
            latitude=latitude,
            longitude=longitude,
            reach=_code(element, "location-reach", Location.Reach.values, what, reasons),
            exactness=_code(element, "exactness", Location.Exactness.values, what, reasons),
            location_class=_code(element, "location-class", Location.Class.values, what, reasons),
            feature_designation=_code(element, "feature-designation", Location.Feature.values, what, reasons),
        )
        for area in element.findall("administrative"):
            vocabulary, code, level = area.get("vocabulary", ""), (area.get("code") or "").strip(), area.get("level")
            if vocabulary == ISO_COUNTRY_VOCABULARY and level in (None, COUNTRY_LEVEL) and not data.country_code:
                data.country_code = code.upper()
            elif vocabulary in Location.Vocabulary.values and code and not data.admin_code:
                data.admin_vocabulary, data.admin_code = vocabulary, code
                data.admin_level = int(level) if level and level.isdigit() else None
            else:
                reasons.append(
                    f"{what} has an administrative area (vocabulary '{vocabulary}') the portal does not record"
                )
        found.append(data)
    return found


def save_locations(writer: ActivityWriter, programme: Programme, locations: list[LocationData]) -> None:
    """Each location read, matched by its name among the programme's: a re-import updates it."""
    for data in locations:
        country = None
        if data.country_code:
            country = Country.objects.filter(code=data.country_code).first()
            if country is None:
                raise ActivityRejected(
                    f"the location '{data.name}' lies in '{data.country_code}', a country the portal does not know"
                )
        location = programme.locations.filter(name=data.name).first()
        if location is None:
            location = Location(programme=programme, name=data.name, order=next_order(programme.locations))
        values = {
            "description": data.description,
            "latitude": data.latitude,
            "longitude": data.longitude,
            "country": country,
            "reach": data.reach,
            "exactness": data.exactness,
            "location_class": data.location_class,
            "feature_designation": data.feature_designation,
            "admin_vocabulary": data.admin_vocabulary,
            "admin_level": data.admin_level,
            "admin_code": data.admin_code,
        }
        values |= localized_values("name", data.name_translations)
        values |= localized_values("description", data.description_translations)
        writer.save(location, "location", **values)
