"""The IATI ``related-activity`` elements a programme's related activities give (``RelatedActivity``):
writing them, reading them back and saving what was read.

A programme's parent and phases are written from ``Programme.parent`` by the writer itself. A
row is written only with an IATI type (sibling, co-funded, third party) and an identifier: that of
the portal programme it names (when that one is in the file), or the outside activity's, when
known. The portal's own kinds ("a follow-up to", "prepared the way for") and outside activities
without an identifier stay on the page (``iati.exclusions.LEFT_OUT`` tells the public).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from lxml import etree

from iati.activity import activity_identifier, programme_for_identifier, unwritable
from iati.codelists import RELATED_TYPES_OF_ROWS
from iati.records import RelatedData
from programmes.models import Programme, RelatedActivity, next_order

if TYPE_CHECKING:
    from iati.import_writes import ActivityWriter


def exported_links(programme: Programme) -> Iterator[tuple[str, str]]:
    """(identifier, RelatedActivityType) of each of the programme's rows the file carries."""
    for row in programme.related_activities.all():
        if row.relation not in RELATED_TYPES_OF_ROWS:
            continue
        other = row.related_programme
        if other is None:
            if row.iati_identifier:
                yield row.iati_identifier, row.relation
        elif other.is_public and not unwritable(other):  # only to activities in the file
            yield activity_identifier(other), row.relation


def write_related_activities(out: Any, programme: Programme) -> None:
    for ref, type_ in exported_links(programme):
        out.leaf("related-activity", ref=ref, type=type_)


def read_related_activities(activity: etree._Element, identifier: str, reasons: list[str]) -> list[RelatedData]:
    """The activity's related activities of types 3-5 (1 is the parent, read with the activity;
    2, a phase, is the phase's own parent)."""
    found = []
    for element in activity.findall("related-activity"):
        type_, ref = element.get("type", ""), (element.get("ref") or "").strip()
        if type_ not in RELATED_TYPES_OF_ROWS:
            continue
        if not ref or len(ref) > 150:
            reasons.append(f"a related-activity of type {type_} has no identifier, or one over 150 characters")
        elif ref == identifier:
            reasons.append(f"it names itself as a related activity of type {type_}")
        else:
            found.append(RelatedData(type_, ref))
    return found


def save_related_activities(writer: ActivityWriter, programme: Programme, links: list[RelatedData]) -> None:
    """Each link, to a programme of this file or of the portal when the identifier names one, else
    to an outside activity known by its identifier (its title, until staff give one, the identifier)."""
    for data in links:
        other = writer.imported.get(data.ref) or programme_for_identifier(data.ref)
        rows = programme.related_activities.filter(relation=data.type)
        if other is not None:
            row = rows.filter(related_programme=other).first()
            values: dict[str, Any] = {"related_programme": other}
        else:
            row = rows.filter(related_programme__isnull=True, iati_identifier=data.ref).first()
            values = {"iati_identifier": data.ref}
        if row is None:
            order = next_order(programme.related_activities)
            row = RelatedActivity(programme=programme, relation=data.type, order=order)
            if other is None:
                values["title"] = data.ref
        writer.save(row, "related activity", **values)
