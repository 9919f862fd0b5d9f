"""The grants' texts staff translate into Spanish and French (see programmes.translation)."""

from __future__ import annotations

from funding.models import Grant
from programmes.translation import register_translated

# What a grant funds: the programme and funder pages show it.
register_translated(Grant, ["purpose"])
