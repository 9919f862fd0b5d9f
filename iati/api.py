"""The programmes API with what only this app knows: whether each programme is in the IATI file.

The programmes app's viewset and serializer give the rest of the record; these subclasses add
the ``iati`` field, and ``iati.api_urls`` routes ``/api/programmes/`` to them. They keep their
parents' names and descriptions, so the OpenAPI schema is the same as before the split.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from iati.exclusions import iati_exclusions
from programmes.api import programmes as programmes_api
from programmes.models import Programme


class IatiExclusionSerializer(serializers.Serializer):
    field = serializers.CharField(help_text="The field to complete or correct.")
    why = serializers.CharField()
    to_add = serializers.CharField(help_text="What would bring the programme into the file.")


class IatiPresenceSerializer(serializers.Serializer):
    in_file = serializers.BooleanField()
    left_out_because = IatiExclusionSerializer(many=True)


# No docstring: the schema describes the record by its parent's (it has none), as before the split.
class ProgrammeDetailSerializer(programmes_api.ProgrammeDetailSerializer):
    iati = serializers.SerializerMethodField(
        help_text="Whether the programme is in the IATI file, and if not, each reason and what would bring it in."
    )

    @extend_schema_field(IatiPresenceSerializer)
    def get_iati(self, programme: Programme) -> dict:
        exclusions = iati_exclusions(programme)
        return {
            "in_file": not exclusions,
            "left_out_because": IatiExclusionSerializer(exclusions, many=True).data,
        }


# No docstring: the schema describes the operations by the parent's.
class ProgrammeViewSet(programmes_api.ProgrammeViewSet):
    detail_serializer_class = ProgrammeDetailSerializer
