"""The dashboard's weekly digest section: the funding app's page loads this library, as it never imports digests."""

from __future__ import annotations

from typing import Any

from django import template

from digests.forms import DigestPreferenceForm

register = template.Library()


@register.inclusion_tag("digests/includes/preference.html", takes_context=True)
def digest_preference(context: template.Context) -> dict[str, Any]:
    """``{% digest_preference %}``: the donor's own form; staff viewing as the donor only read the choice."""
    account = context["account"]
    form = None if context["viewing_as"] else DigestPreferenceForm(instance=account)
    return {"account": account, "form": form, "csrf_token": context.get("csrf_token")}
