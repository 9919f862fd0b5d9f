"""``{% programme_cards programmes %}``: a list's cards, each kept on its own (``programmes.cards``)."""

from __future__ import annotations

from collections.abc import Iterable

from django import template
from django.utils.safestring import SafeString, mark_safe

from programmes.cards import cards_html
from programmes.kept_lists import CARDS_SLOT
from programmes.models import Programme

register = template.Library()


@register.simple_tag(takes_context=True)
def programme_cards(context: template.Context, programmes: Iterable[Programme]) -> SafeString:
    """The cards; or, while a list's page is drawn to be kept (``programmes.kept_lists``), the mark
    of where they go, filled in once the page is kept."""
    if context.get("cards_slot"):
        return mark_safe(CARDS_SLOT)
    return cards_html(programmes)
