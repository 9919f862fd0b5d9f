"""The Documents section of the programme, organisation and overview pages.

Those pages belong to apps below this one, which never import it: their templates load this
library and ask here, one query per page (the documents with nothing joined: the record is the page's).
"""

from __future__ import annotations

from django import template
from django.db.models import Model

from documents.models import Document

register = template.Library()


@register.inclusion_tag("documents/documents_section.html")
def documents_section(record: Model) -> dict[str, object]:
    """``{% documents_section programme %}``: the record's public documents, if any, under a heading.

    The record's page is shown only while the record is public (or to staff previewing it), so its
    documents are read by the record alone: they follow its visibility.
    """
    field = record._meta.model_name
    return {"documents": list(Document.objects.filter(**{field: record}))}
