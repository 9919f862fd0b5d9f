"""The OpenAPI 3 schema at /api/schema/ and its documentation page, served without a CDN."""

from __future__ import annotations

import re

import pytest
import yaml
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db

ENDPOINTS = [
    "/api/programmes/",
    "/api/programmes/{slug}/",
    "/api/countries/",
    "/api/countries/{slug}/",
    "/api/areas/",
    "/api/areas/{slug}/",
    "/api/organisations/",
    "/api/organisations/{slug}/",
    "/api/funders/",
    "/api/funders/{slug}/",
    "/api/documents/",
    "/api/documents/{id}/",
]
PROGRAMME_FILTERS = {"q", "country", "area", "status", "coverage", "funder", "partner", "type", "year_from", "year_to"}


@pytest.fixture
def schema(client) -> dict:
    response = client.get("/api/schema/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.oai.openapi")
    return yaml.safe_load(response.content)


def test_the_schema_is_valid_openapi_3(schema):
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["title"] == "IOM in the Caribbean API"
    # Imported here: it takes every pytest process a second to load, and one test needs it.
    from openapi_spec_validator import validate

    validate(schema)


def test_the_schema_is_also_served_as_json(client, schema):
    response = client.get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    assert response.json() == schema


def test_the_schema_lists_every_endpoint_read_only(schema):
    assert sorted(schema["paths"]) == sorted(ENDPOINTS)
    for path, operations in schema["paths"].items():
        assert set(operations) - {"parameters"} == {"get"}, path


def test_the_programme_list_documents_the_public_lists_filters_sort_and_pagination(schema):
    parameters = {p["name"]: p for p in schema["paths"]["/api/programmes/"]["get"]["parameters"]}
    assert PROGRAMME_FILTERS | {"sort", "page", "page_size"} <= set(parameters)
    assert parameters["status"]["schema"]["enum"] == ["cancelled", "completed", "ongoing", "pipeline"]
    assert sorted(parameters["sort"]["schema"]["enum"]) == ["-start", "current", "start", "status", "title"]
    assert parameters["year_from"]["schema"]["type"] == "integer"


def test_the_schema_describes_what_a_programme_holds(schema):
    components = schema["components"]["schemas"]
    detail = components["ProgrammeDetail"]["properties"]
    for field in ("status", "countries", "start", "end", "budget", "participations", "grants", "phases", "iati"):
        assert field in detail
    # Each field a source may state or staff only estimate says which.
    assert set(components["Status"]["properties"]) == {"code", "label", "iati_code", "estimate"}
    assert {"precision", "iso", "estimate"} <= set(components["StartDate"]["properties"])
    assert set(components["IatiPresence"]["properties"]) == {"in_file", "left_out_because"}
    assert set(components["CurrencyTotal"]["properties"]) >= {"currency", "granted", "unpublished_amounts"}


def test_a_thematic_area_has_its_name_and_the_overviews_wording(schema):
    components = schema["components"]["schemas"]
    for name in ("ThematicArea", "ThematicAreaDetail", "ThematicAreaRef"):
        fields = set(components[name]["properties"])
        assert {"slug", "name", "overview_wording"} <= fields, name
        assert "short_name" not in fields, name
    role = components["ProgrammeCountry"]["properties"]["role"]
    assert "benefiting: where the programme works" in role["description"]


def test_the_docs_page_uses_local_assets_only(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "swagger-ui" in page
    assert not re.search(r"https?://", page), re.findall(r"https?://\S+", page)
    assets = re.findall(r'(?:src|href)="/static/([^"]+)"', page)
    assert len(assets) >= 3
    for asset in assets:
        assert finders.find(asset), asset
    # The page starts Swagger UI from a script file of its own (no inline script), which names the schema.
    (script,) = re.findall(r'<script src="(/api/docs/\?script=)"', page)
    assert "/api/schema/" in client.get(script).content.decode()


def test_reading_the_filters_for_the_schema_leaves_the_public_lists_choices_alone(client):
    # The public list offers only the statuses published programmes have (no cancelled one here).
    assert client.get("/api/schema/").status_code == 200
    page = client.get("/programmes/").content.decode()
    assert '<option value="ongoing">' in page
    assert '<option value="cancelled">' not in page
    assert client.get("/programmes/", {"status": "cancelled"}).status_code == 400
