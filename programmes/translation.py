"""The texts staff translate into Spanish and French, and how the translations are kept.

django-modeltranslation adds a column per language (``title_en``, ``title_es``, ``title_fr``) for
each field registered here, and makes ``programme.title`` read the active language's text, or
the English one where that is empty. Codes, slugs, amounts and dates are the same in every
language and are not registered.

Three rules keep the rest of the portal unaware of the languages:

- The original column (``title``) always holds the English text (``keep_english``), so the
  queries modeltranslation does not rewrite (those starting from an unregistered model, such as a
  grant's ``programme__title``, and ``F()`` expressions) read English, as before.
- The history of a translated model is registered here, after modeltranslation has added the
  language columns, rather than by ``HistoricalRecords()`` on the model: simple_history copies a
  model's fields when it builds the historical model, and would otherwise miss them
  (django-simple-history's documented way of working with modeltranslation).
- Outside English, sorting by a translated field sorts by the translation where there is one and
  by the English text where not, as the pages show them: the models' querysets inherit
  ``programmes.fallback_ordering.TranslatedQuerySet``.

``register_translated`` registers a model (translations, English column, history); partners uses
it for its own models.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Sequence
from typing import Any

from django.conf.locale import LANG_INFO
from django.db import models
from django.db.models import Q
from django.utils.module_loading import import_string
from modeltranslation import settings as mt_settings
from modeltranslation.fields import TranslationField
from modeltranslation.translator import TranslationOptions, translator
from modeltranslation.utils import build_localized_fieldname, get_language
from simple_history import register as register_history
from simple_history.models import HistoricalRecords

from programmes.models import (
    Component,
    Country,
    Indicator,
    KeyFigure,
    Location,
    Overview,
    OverviewEntry,
    Period,
    Programme,
    ProjectType,
    Publication,
    RelatedActivity,
    Result,
    ThematicArea,
)

DEFAULT_LANGUAGE: str = mt_settings.DEFAULT_LANGUAGE
LANGUAGES: list[str] = list(mt_settings.AVAILABLE_LANGUAGES)
# The languages a text may be missing in: English is the one every record is written in first.
OTHER_LANGUAGES: list[str] = [code for code in LANGUAGES if code != DEFAULT_LANGUAGE]


def active_language() -> str:
    """The active language if the content has it (it always has English), else English."""
    return get_language()


def shown_language(obj: models.Model, field: str) -> str:
    """The language of the text ``obj.<field>`` gives: the active one where the record has it translated,
    English where modeltranslation falls back to it."""
    language = active_language()
    if language != DEFAULT_LANGUAGE and not getattr(obj, localized(field, language), None):
        return DEFAULT_LANGUAGE
    return language


def fallback_language(obj: models.Model | None, field: str) -> str | None:
    """The language of the text ``obj.<field>`` gives where it is not the active one (English in place
    of a missing translation), so the page can say so (``lang="en"``); None where it is, or is empty."""
    if obj is None or not getattr(obj, field, None):
        return None
    language = shown_language(obj, field)
    return language if language != active_language() else None


def language_name(code: str) -> str:
    """The language's English name ("Spanish"), as the admin, which is in English, says it."""
    return LANG_INFO.get(code, {}).get("name", code)


def localized(field: str, language: str) -> str:
    """The column of ``field`` in ``language`` (``title_es``), named as modeltranslation names it."""
    return build_localized_fieldname(field, language)


def localized_values(field: str, texts: dict[str, str]) -> dict[str, str]:
    """``{language: text}`` as the values of ``field``'s columns (``{"title_es": ...}``), to save."""
    return {localized(field, language): text for language, text in texts.items()}


class TranslatedHistoricalRecords(HistoricalRecords):
    """History that stores each language column as a plain text column.

    modeltranslation's columns describe themselves from the original field, so a unique name
    (a country's) would come out unique in the history table too, where one record has many
    rows: rebuilt from their description, without the uniqueness and with an index instead, as
    simple_history treats unique fields.
    """

    def copy_fields(self, model: type[models.Model]) -> dict[str, models.Field]:
        fields = super().copy_fields(model)
        for name, field in fields.items():
            if isinstance(field, TranslationField):
                _, path, args, kwargs = field.deconstruct()
                if kwargs.pop("unique", False):
                    kwargs["db_index"] = True
                fields[name] = import_string(path)(*args, **kwargs)
        return fields


def keep_english(model: type[models.Model], name: str) -> None:
    """Make the original column of a translated field save the English text.

    Django saves a column with ``field.pre_save()``, which reads the attribute: for a translated
    field, modeltranslation's descriptor gives the active language's text, so a record saved
    while Spanish is active would store Spanish there. The English translation instead, when
    there is one.
    """
    field = model._meta.get_field(name)
    english = localized(name, DEFAULT_LANGUAGE)
    default = field.pre_save

    def pre_save(model_instance: models.Model, add: bool) -> Any:
        value = getattr(model_instance, english, None)
        return value if value is not None else default(model_instance, add)

    field.pre_save = pre_save


def register_translated(
    model: type[models.Model],
    fields: Sequence[str],
    *,
    unique: Iterable[str] = (),
    **history_options: Any,
) -> None:
    """Translate ``fields`` of ``model``, keep its English column current, and give it a history.

    A field in ``unique`` stores an empty translation as NULL rather than "", so that two
    records without a Spanish name do not share one.
    """
    unique = set(unique)
    options = type(
        f"{model.__name__}TranslationOptions",
        (TranslationOptions,),
        {"fields": tuple(fields), "empty_values": {name: None for name in unique}},
    )
    with warnings.catch_warnings():
        # modeltranslation copies each index on a translated field per language, names the copy
        # "<index>-es" and, that being too long, names it afresh, warning so at every start.
        warnings.filterwarnings("ignore", message=r"Index name .* exceeds 30 characters", category=UserWarning)
        translator.register(model, options)
    register_history(model, records_class=TranslatedHistoricalRecords, **history_options)
    for name in fields:
        keep_english(model, name)


def translated_fields(model: type[models.Model]) -> list[str]:
    """The model's translated fields, in the model's order (raises NotRegistered for another model)."""
    names = set(translator.get_options_for_model(model).get_field_names())
    return [field.name for field in model._meta.fields if field.name in names]


def missing_translations(obj: models.Model) -> dict[str, list[str]]:
    """For each language other than English, the fields the record has in English but not in it.

    Only languages with something missing are keys; an empty dict means fully translated.
    """
    missing: dict[str, list[str]] = {}
    for field in translated_fields(type(obj)):
        if not getattr(obj, localized(field, DEFAULT_LANGUAGE)):
            continue  # nothing to translate
        for language in OTHER_LANGUAGES:
            if not getattr(obj, localized(field, language)):
                missing.setdefault(language, []).append(field)
    return missing


def missing_in(model: type[models.Model], language: str) -> Q:
    """Records with some text in English but not in ``language`` (a condition for ``filter()``)."""
    condition = Q()
    for field in translated_fields(model):
        english, other = localized(field, DEFAULT_LANGUAGE), localized(field, language)
        has_english = Q(**{f"{english}__isnull": False}) & ~Q(**{english: ""})
        lacks_other = Q(**{f"{other}__isnull": True}) | Q(**{other: ""})
        condition |= has_english & lacks_other
    return condition


# What is registered ------------------------------------------------------------------------------

register_translated(Country, ["name", "also_known_as"], unique=["name"])
register_translated(ThematicArea, ["name", "overview_wording", "description"])
register_translated(ProjectType, ["name"], unique=["name"])
register_translated(
    Programme,
    ["title", "summary", "description", *Programme.ESTIMATES.values()],
    excluded_fields=["published_at"],
)
register_translated(Component, ["title", "description"])
register_translated(Result, ["title", "description"])
register_translated(Indicator, ["title", "description", "unit_label", "baseline_comment"])
register_translated(Period, ["target_comment", "actual_comment"])
register_translated(KeyFigure, ["label", "qualifier"])
register_translated(Publication, ["title", "description"])
register_translated(Location, ["name", "description"])
register_translated(RelatedActivity, ["title", "description"])
register_translated(
    Overview,
    [
        "title",
        "introduction",
        "core_areas_intro",
        "quote",
        "quote_attribution",
        "quote_attribution_role",
        "programmes_intro",
        "priorities_heading",
        "priorities_intro",
        "priorities_conclusion",
        "current_heading",
        "looking_ahead_intro",
        "partners_intro",
        "supporters_note",
    ],
)
register_translated(OverviewEntry, ["heading"])
