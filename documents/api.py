"""The read-only API of documents: those of public records, as the library lists them."""

from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers
from rest_framework.viewsets import ReadOnlyModelViewSet

from documents.filters import DocumentFilter
from documents.models import Document
from iomcaribbean.content_language import LANGUAGE_PARAMETER, ContentLanguageMixin
from iomcaribbean.public_routes import PublicViewSet
from programmes.api.fields import (
    ChoiceField,
    OrganisationRefSerializer,
    ProgrammeRefSerializer,
    TranslatedRecordSerializer,
)
from programmes.models import iso_partial_date


@extend_schema_field(OpenApiTypes.URI)
class DocumentLinkField(serializers.Field):
    """The absolute address of the portal's copy of the file, or the external link."""

    def __init__(self, **kwargs) -> None:
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, document: Document) -> str:
        return self.context["request"].build_absolute_uri(document.get_absolute_url())


class DocumentSerializer(TranslatedRecordSerializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    description = serializers.CharField()
    category = ChoiceField(help_text="IATI DocumentCategory code and label.")
    languages = serializers.ListField(source="language_codes", child=serializers.CharField(), help_text="ISO 639-1.")
    date = serializers.SerializerMethodField(help_text="ISO 8601 at the precision known ('2002-10'), or null.")
    date_precision = serializers.CharField()
    format = serializers.CharField(source="file_format", help_text="IANA media type (IATI FileFormat).")
    is_portal_copy = serializers.SerializerMethodField(help_text="Whether the link is the portal's own copy.")
    link = DocumentLinkField()
    programme = ProgrammeRefSerializer(allow_null=True)
    organisation = OrganisationRefSerializer(allow_null=True)
    overview = serializers.SerializerMethodField(help_text="Whether it is the overview's.")

    def get_date(self, document: Document) -> str | None:
        return iso_partial_date(document.date, document.date_precision) or None

    def get_is_portal_copy(self, document: Document) -> bool:
        return bool(document.file)

    def get_overview(self, document: Document) -> bool:
        return document.overview_id is not None


@extend_schema_view(
    list=extend_schema(
        summary="Documents of published programmes, organisations and the overview", parameters=[LANGUAGE_PARAMETER]
    ),
    retrieve=extend_schema(summary="A document", parameters=[LANGUAGE_PARAMETER]),
)
class DocumentViewSet(PublicViewSet, ContentLanguageMixin, ReadOnlyModelViewSet):
    serializer_class = DocumentSerializer
    filterset_class = DocumentFilter

    def get_queryset(self) -> QuerySet[Document]:
        return Document.objects.public().for_listing()

    def filter_queryset(self, queryset: QuerySet[Document]) -> QuerySet[Document]:
        # A document's record is found by its id alone.
        return super().filter_queryset(queryset) if self.action == "list" else queryset
