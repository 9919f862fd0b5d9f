"""Template tags for the IATI facts the public pages show.

The programmes app's views never import iati (it sits above them), so a page that says whether a
programme is in the IATI file loads this library and asks here.
"""

from __future__ import annotations

from django import template

from iati.exclusions import Exclusion, result_exclusions
from iati.exclusions import iati_exclusions as exclusions_of
from programmes.models import Programme, Result

register = template.Library()


@register.simple_tag
def iati_exclusions(programme: Programme) -> list[Exclusion]:
    """``{% iati_exclusions programme as exclusions %}``: empty when the programme is in the IATI
    file, otherwise each reason it is not."""
    return exclusions_of(programme)


@register.simple_tag
def iati_result_exclusions(result: Result) -> list[str]:
    """``{% iati_result_exclusions result as left_out %}``: why the result is not in the IATI file, if it is not."""
    return result_exclusions(result)
