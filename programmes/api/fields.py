"""The API's shared pieces: its fields (a choice, links to a record's page and API record) and the
"Ref" serializers that name a programme, an organisation, a country or an area in another record.

Partners' and funding's APIs build their records from these too.
"""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


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


class ProgrammeRefSerializer(serializers.Serializer):
    """A programme named in another record: enough to show it and follow it."""

    slug = serializers.SlugField()
    title = serializers.CharField()
    code = serializers.CharField()
    url = PageLinkField()
    api_url = serializers.HyperlinkedIdentityField(view_name="programmes_api:programme-detail", lookup_field="slug")


class OrganisationRefSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    acronym = serializers.CharField()
    type = ChoiceField()
    api_url = ApiLinkField()


class CountryRefSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="ISO 3166-1 alpha-2.")
    name = serializers.CharField()
    slug = serializers.SlugField()


OVERVIEW_WORDING_HELP = "The area as the overview words it (the source's text); the name is what every page shows."


class ThematicAreaRefSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    overview_wording = serializers.CharField(help_text=OVERVIEW_WORDING_HELP)
