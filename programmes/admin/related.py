"""The programme admin's related activities: links to another programme of the portal (found by
autocomplete) or to an activity outside it, named as the source names it."""

from __future__ import annotations

from programmes.admin.base import TranslatedCompactInline
from programmes.models import RelatedActivity


class RelatedActivityInline(TranslatedCompactInline):
    model = RelatedActivity
    fk_name = "programme"
    fields = ["relation", "related_programme", "title", "iati_identifier", "description", "order"]
    autocomplete_fields = ["related_programme"]
