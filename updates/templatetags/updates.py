"""The Updates section of the programme page: its newest updates, and the card other sites may embed.

The programme page belongs to an app below this one, which never imports it: its template loads
this library and asks here, in one query (the updates, with their photos).
"""

from __future__ import annotations

from django import template
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html

from programmes.models import Programme
from updates.models import Update

register = template.Library()

SHOWN_ON_PROGRAMME_PAGE = 3


@register.inclusion_tag("updates/updates_section.html", takes_context=True)
def updates_section(context: template.Context, programme: Programme) -> dict[str, object]:
    """``{% updates_section programme %}``: its newest public updates and the card's snippet.

    The programme's page is shown only while it is public (or to staff previewing it); its updates
    are those the public sees, so a preview shows what publishing would show.
    """
    updates = Update.objects.public().filter(programme=programme)
    return {
        "programme": programme,
        "updates": updates.with_photos(SHOWN_ON_PROGRAMME_PAGE),
        "embed_snippet": embed_snippet(context["request"], programme),
    }


def embed_snippet(request: HttpRequest, programme: Programme) -> str:
    """The HTML another site pastes to frame the programme's card, as text (escaped once, for the page)."""
    return str(
        format_html(
            '<iframe src="{}" title="{}" width="360" height="520" loading="lazy"></iframe>',
            request.build_absolute_uri(reverse("updates:embed", kwargs={"slug": programme.slug})),
            programme.title,
        )
    )
