"""The language switcher, the hreflang alternates, links to language-neutral endpoints, and the
language of each record text a page shows.

Where a record has no translation into the page's language, the page shows its English text
(``programmes.translation``); the element holding that text says ``lang="en"``, so a screen
reader reads it with an English voice (WCAG 3.1.2). Three ways, by where the text goes:
``{{ programme|translated:"title" }}`` inside a sentence or element (a ``<span lang="en">`` when it
is English), ``{{ programme|translated_paragraphs:"description" }}`` for ``linebreaks`` text (each
``<p lang="en">``), and ``<h1{% lang_of programme "title" %}>`` on an element holding the text alone.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.db import models
from django.http import QueryDict
from django.template.defaultfilters import linebreaks_filter
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from iomcaribbean.i18n import LanguageLink, language_links, unprefixed_reverse
from programmes.translation import fallback_language

register = template.Library()


@register.simple_tag(takes_context=True)
def page_languages(context: template.Context) -> list[LanguageLink]:
    """This page in each language; none where there is no request (the 500 page renders without one)."""
    request = context.get("request")
    return language_links(request) if request is not None else []


@register.simple_tag
def neutral_url(viewname: str, *args: Any, **kwargs: Any) -> str:
    """``{% url %}`` for a download, feed or IATI file: its one, unprefixed address in every language."""
    return unprefixed_reverse(viewname, *args, **kwargs)


@register.simple_tag
def download_language() -> str:
    """The language a download linked from this page is in: the page's, or "" for English (no ``?lang=``)."""
    language = get_language()
    return language if language != settings.LANGUAGE_CODE else ""


@register.simple_tag
def download_query(query: QueryDict | None = None) -> str:
    """``?…`` for a download's one address: the page's query (its filters) and the page's language.

    The file keeps one address per language (``iomcaribbean.content_language``), so a download
    from ``/es/`` is ``?lang=es`` and its headers and texts are in Spanish.
    """
    params = query.copy() if query is not None else QueryDict(mutable=True)
    if download_language():
        params["lang"] = download_language()
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else ""


@register.simple_tag
def lang_of(obj: models.Model | None, field: str) -> SafeString:
    """`` lang="en"`` for the element that holds ``obj.<field>`` alone, when that text is a fallback."""
    language = fallback_language(obj, field)
    return format_html(' lang="{}"', language) if language else mark_safe("")


@register.filter
def translated(obj: models.Model | None, field: str) -> str:
    """``obj.<field>``, in a ``<span lang="en">`` when it is the English text in place of a translation."""
    if obj is None:
        return ""
    language = fallback_language(obj, field)
    text = getattr(obj, field)
    return format_html('<span lang="{}">{}</span>', language, text) if language else text


@register.filter
def translated_paragraphs(obj: models.Model | None, field: str) -> str:
    """``obj.<field>|linebreaks``, each paragraph with ``lang="en"`` when the text is a fallback."""
    if obj is None:
        return ""
    paragraphs = linebreaks_filter(getattr(obj, field) or "", autoescape=True)
    language = fallback_language(obj, field)
    if language:
        paragraphs = mark_safe(paragraphs.replace("<p>", format_html('<p lang="{}">', language)))
    return paragraphs
