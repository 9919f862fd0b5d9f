"""The updates' texts staff translate into Spanish and French (see programmes.translation)."""

from __future__ import annotations

from programmes.translation import register_translated
from updates.models import Update, UpdatePhoto

register_translated(Update, ["title", "text"])
register_translated(UpdatePhoto, ["caption", "alt_text"])
