"""The documents' texts staff translate into Spanish and French (see programmes.translation)."""

from __future__ import annotations

from documents.models import Document
from programmes.translation import register_translated

register_translated(Document, ["title", "description"])
