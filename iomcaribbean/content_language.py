"""The language of the texts an API answer or a download gives: the ``lang`` query parameter.

The API and the downloads have one address whatever the language of the page that links to them
(``iomcaribbean.i18n``), so the language of their content is a parameter: ``?lang=es`` gives each
text in Spanish where staff have translated it and in English where they have not; without the
parameter, English. Any other value answers 400 and names the languages there are.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.template.response import SimpleTemplateResponse
from django.utils import translation
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError

PARAMETER = "lang"


def content_languages() -> list[str]:
    return [code for code, _ in settings.LANGUAGES]


class UnknownLanguage(ValueError):
    """``?lang=`` names a language the portal does not have; the message says which it has."""


def requested_language(request: HttpRequest) -> str:
    """The language ``?lang=`` asks for; English (``LANGUAGE_CODE``) when it is absent or empty."""
    value = request.GET.get(PARAMETER, "").strip()
    if not value:
        return settings.LANGUAGE_CODE
    if value not in content_languages():
        raise UnknownLanguage(
            f"Unknown language {value[:20]!r}: {PARAMETER} must be one of {', '.join(content_languages())}."
        )
    return value


def in_requested_language(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Run a download view in the language ``?lang=`` asks for; 400 in plain text for an unknown one."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            language = requested_language(request)
        except UnknownLanguage as error:
            return HttpResponseBadRequest(f"{error}\n", content_type="text/plain; charset=utf-8")
        with translation.override(language):
            response = view(request, *args, **kwargs)
            if isinstance(response, SimpleTemplateResponse):
                response.render()  # while the language is active
        if response.status_code == 200:
            response["Content-Language"] = language
        return response

    return wrapper


LANGUAGE_PARAMETER = OpenApiParameter(
    PARAMETER,
    str,
    enum=content_languages(),
    default=settings.LANGUAGE_CODE,
    description=(
        "Language of the texts (titles, descriptions, names): each in this language where it has been "
        "translated, in English where it has not. Codes, amounts and dates are the same in every language."
    ),
)


class ContentLanguageMixin:
    """For API viewsets: answer in the language ``?lang=`` asks for (a 400 for an unknown one).

    The answer is rendered before the language is put back, so every text in it, translated
    content and labels alike, is in that language.
    """

    content_language: str | None = None

    def initial(self, request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        try:
            self.content_language = requested_language(request)
        except UnknownLanguage as error:
            raise ValidationError({PARAMETER: [str(error)]}) from error
        translation.activate(self.content_language)

    def dispatch(self, request, *args: Any, **kwargs: Any):
        with translation.override(translation.get_language()):
            response = super().dispatch(request, *args, **kwargs)
            if isinstance(response, SimpleTemplateResponse):
                response.render()
        if self.content_language and response.status_code == 200:
            response["Content-Language"] = self.content_language
        return response
