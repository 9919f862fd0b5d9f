"""Links from a programme to other activities, of the portal or outside it, and how they relate.

A programme's parent and phases are ``Programme.parent`` (IATI's related-activity types 1 and 2),
never rows here. The other IATI types (sibling, co-funded, third party) and the relations the
sources state that IATI has no type for ("a follow-up to", "prepared the way for") are rows here.
A link names either a programme of the portal or an outside activity by the source's words, with
its IATI identifier only when one is known: none is ever made up.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from programmes.models.parts import ProgrammeItem
from programmes.models.publication import published_condition

if TYPE_CHECKING:
    from programmes.models.programme import Programme


class Relation(models.TextChoices):
    # The IATI RelatedActivityType codes first, then the portal's own kinds, which IATI does not carry.
    SIBLING = "3", _("Sibling activity")
    CO_FUNDED = "4", _("Co-funded with")
    THIRD_PARTY = "5", _("Reported by a third party as")
    FOLLOWS_UP = "follows-up", _("Follow-up to")
    PREPARED_FOR = "prepared-for", _("Prepared the way for")


# How a link reads from the other side, on the page of the programme it names.
REVERSE_LABELS = {
    Relation.SIBLING: _("Sibling activity"),
    Relation.CO_FUNDED: _("Co-funded with"),
    Relation.THIRD_PARTY: _("Reports as a third party on"),
    Relation.FOLLOWS_UP: _("Followed up by"),
    Relation.PREPARED_FOR: _("Prepared by"),
}
IATI_TYPES = frozenset({Relation.SIBLING, Relation.CO_FUNDED, Relation.THIRD_PARTY})


class RelatedActivity(ProgrammeItem):
    """A programme's link to another programme of the portal, or to an activity outside it."""

    Relation = Relation

    programme = models.ForeignKey("Programme", on_delete=models.CASCADE, related_name="related_activities")
    relation = models.CharField(max_length=12, choices=Relation.choices)
    related_programme = models.ForeignKey(
        "Programme",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="related_from",
        help_text="A programme of the portal. Leave empty for an activity outside it, and name that one below.",
    )
    iati_identifier = models.CharField(
        "IATI identifier",
        max_length=150,
        blank=True,
        validators=[RegexValidator(r"^[^/&|?\s]*$", "An IATI identifier has no spaces and none of / & | ?")],
        help_text="The outside activity's IATI identifier, only when a source gives it. A link is published "
        "in the IATI file only with an IATI type (sibling, co-funded, third party) and an identifier.",
    )
    title = models.CharField(max_length=300, blank=True, help_text="The outside activity as the source names it.")
    description = models.TextField(blank=True, help_text="More of the source's words about it, if any.")

    # history: registered in translation.py, once the language columns exist.

    class Meta(ProgrammeItem.Meta):
        verbose_name = "related activity"
        verbose_name_plural = "related activities"
        constraints = [
            models.CheckConstraint(
                condition=Q(related_programme__isnull=False, iati_identifier="", title="")
                | (Q(related_programme__isnull=True) & ~Q(title="")),
                name="related_activity_portal_or_outside",
            ),
            models.CheckConstraint(
                condition=~Q(related_programme=models.F("programme")), name="related_activity_not_itself"
            ),
            models.UniqueConstraint(
                fields=["programme", "related_programme", "relation"],
                condition=Q(related_programme__isnull=False),
                name="related_activity_unique_link",
                violation_error_message="This programme already has this link to that programme.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_relation_display()}: {self.related_programme or self.title}"

    @classmethod
    def public_records_condition(cls) -> Q:
        # Shown on its programme's page, and from the other side on the page of the programme it names.
        return published_condition("programme") | published_condition("related_programme")

    @property
    def reverse_label(self) -> str:
        return REVERSE_LABELS[self.relation]

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.related_programme_id is not None:
            if self.related_programme_id == self.programme_id:
                errors["related_programme"] = "A programme cannot be related to itself."
            if self.title or self.iati_identifier:
                errors["title"] = (
                    "A link to a programme of the portal takes its title and identifier from that programme: "
                    "clear the outside activity's title and identifier, or the programme."
                )
        elif not self.title:
            errors["title"] = "Choose a programme of the portal, or name the outside activity as the source does."
        if errors:
            raise ValidationError(errors)


@dataclass(frozen=True)
class RelatedLink:
    """A link as a programme's page reads it: the relation from this programme's side, and the
    portal programme it names or the outside activity as the source names it."""

    relation: str
    label: str
    is_reverse: bool  # made by the other programme, naming this one
    programme: Programme | None
    # The records its texts are read from, so a page or the API can tell which are in English for
    # want of a translation: the portal programme named (its title) or else the link itself.
    title_record: Programme | RelatedActivity
    activity: RelatedActivity  # the link, with its description
    iati_identifier: str

    @property
    def title(self) -> str:
        return self.title_record.title

    @property
    def description(self) -> str:
        return self.activity.description


def related_links(programme: Programme, rows: Iterable[RelatedActivity], *, public_only: bool) -> list[RelatedLink]:
    """The programme's own links, then those other programmes make to it, from the rows read with
    it (``programmes.items``). With ``public_only`` a link naming a programme the public cannot see,
    either way, is left out: its title is not the public's to read."""
    own, reverse = [], []
    for row in rows:
        is_reverse = row.programme_id != programme.pk
        other = row.programme if is_reverse else row.related_programme
        if public_only and other is not None and not other.is_public:
            continue
        link = RelatedLink(
            relation=row.relation,
            label=row.reverse_label if is_reverse else row.get_relation_display(),
            is_reverse=is_reverse,
            programme=other,
            title_record=other if other is not None else row,
            activity=row,
            iati_identifier=row.iati_identifier,
        )
        (reverse if is_reverse else own).append(link)
    return own + reverse
