"""The organisations' texts staff translate into Spanish and French (see programmes.translation)."""

from __future__ import annotations

from partners.models import Agreement, Organisation, Participation
from programmes.translation import register_translated

# Acronyms too: IOM is OIM in Spanish and French, PAHO is OPS.
register_translated(Organisation, ["name", "acronym", "description"], unique=["name"])
register_translated(Participation, ["description"])
register_translated(Agreement, ["title", "subject", "description"])
