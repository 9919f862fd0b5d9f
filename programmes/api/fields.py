"""The API's shared pieces: its fields (a choice, links to a record's page and API record, the
texts given in English for want of a translation), the base of every record with texts, and the
"Ref" serializers that name a programme, an organisation, a country or an area in another record.

Partners' and funding's APIs build their records from these too.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from modeltranslation.translator import NotRegistered
from rest_framework import serializers

from programmes.translation import fallback_language, translated_fields


class CodeLabelSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()


@extend_schema_field(CodeLabelSerializer)
class ChoiceField(serializers.Field):
    """A choice as ``{"code": stored value, "label": what the site shows}``; ``source`` names the model field."""

    def __init__(self, **kwargs) -> None:
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return {"code": getattr(instance, self.source), "label": getattr(instance, f"get_{self.source}_display")()}

    def to_representation(self, value: dict) -> dict:
        return value


@extend_schema_field(OpenApiTypes.URI)
class PageLinkField(serializers.Field):
    """The absolute URL of the record's public page."""

    def __init__(self, **kwargs) -> None:
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance) -> str:
        return self.context["request"].build_absolute_uri(instance.get_absolute_url())


@extend_schema_field(OpenApiTypes.URI)
class ApiLinkField(serializers.Field):
    """The absolute URL of the record in the API, from its own ``get_api_url()`` (an organisation
    is the partners app's, whose API address programmes does not name)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance) -> str:
        return self.context["request"].build_absolute_uri(instance.get_api_url())


FALLBACK_HELP = (
    "The fields of this record (a nested one's as `status.estimate`) whose text is in English because it "
    "has no translation into the language `lang` asks for; empty in English, and where every text is translated."
)


@extend_schema_field({"type": "array", "items": {"type": "string"}, "description": FALLBACK_HELP})
class FallbackFieldsField(serializers.Field):
    """The names of the record's fields that give the English text for a missing translation, as the
    pages mark them ``lang="en"`` (``programmes.templatetags.languages``)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance: Any) -> list[str]:
        return fallback_names(self.parent, instance)


def fallback_names(serializer: serializers.Serializer, instance: Any, prefix: str = "") -> list[str]:
    """The fields of ``serializer`` whose text, read from ``instance``, is a fallback to English: those
    with a source on a translated record (``summary``, ``country.name``), and those of the nested
    serializers that read the same record (``source="*"``)."""
    names = []
    for name, field in serializer.fields.items():
        if isinstance(field, serializers.Serializer) and field.source == "*":
            names += fallback_names(field, instance, f"{prefix}{name}.")
            continue
        if field.source == "*" or not isinstance(field, serializers.CharField):
            continue
        *path, text = field.source_attrs
        record = instance
        for attribute in path:
            record = getattr(record, attribute, None)
        try:
            translated = record is not None and text in translated_fields(type(record))
        except NotRegistered:  # a record with no translations
            translated = False
        if translated and fallback_language(record, text):
            names.append(prefix + name)
    return names


class TranslatedRecordSerializer(serializers.Serializer):
    """A record with texts in the language asked for, saying which of them are in English instead."""

    fallback_fields = FallbackFieldsField()

    def get_fields(self) -> dict[str, serializers.Field]:
        fields = super().get_fields()
        fields["fallback_fields"] = fields.pop("fallback_fields")  # after the texts it names
        return fields


class ProgrammeRefSerializer(TranslatedRecordSerializer):
    """A programme named in another record: enough to show it and follow it."""

    slug = serializers.SlugField()
    title = serializers.CharField()
    code = serializers.CharField()
    url = PageLinkField()
    api_url = serializers.HyperlinkedIdentityField(view_name="programmes_api:programme-detail", lookup_field="slug")


class OrganisationRefSerializer(TranslatedRecordSerializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    acronym = serializers.CharField()
    type = ChoiceField()
    api_url = ApiLinkField()


class CountryRefSerializer(TranslatedRecordSerializer):
    code = serializers.CharField(help_text="ISO 3166-1 alpha-2.")
    name = serializers.CharField()
    slug = serializers.SlugField()


OVERVIEW_WORDING_HELP = "The area as the overview words it (the source's text); the name is what every page shows."


class ThematicAreaRefSerializer(TranslatedRecordSerializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    overview_wording = serializers.CharField(help_text=OVERVIEW_WORDING_HELP)
