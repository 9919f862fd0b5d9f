"""``?lang=``: the API and the downloads give each text in the language asked for, English where untranslated."""

from __future__ import annotations

import csv
import io

import pytest
import yaml
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import (
    DonorAccountFactory,
    GrantFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProgrammeFactory,
    RelatedActivityFactory,
    ThematicAreaFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme():
    """Title translated into Spanish only; summary in English only."""
    area = ThematicAreaFactory(name="Labour migration", name_es="Migración laboral", overview_wording="Labour")
    funder = OrganisationFactory(
        name="Ministry of Labour", name_es="Ministerio de Trabajo", name_fr="Ministère du Travail"
    )
    programme = ProgrammeFactory(
        title="Labour migration seminar",
        title_es="Seminario sobre migración laboral",
        summary="A seminar for officials.",
        slug="labour-seminar",
    )
    programme.thematic_areas.add(area)
    ParticipationFactory(programme=programme, organisation=funder, description="hosts", description_fr="accueille")
    RelatedActivityFactory(  # an outside activity, its title in Spanish, its description in English only
        programme=programme,
        related_programme=None,
        title="Regional labour survey",
        title_es="Encuesta laboral regional",
        description="Its findings shaped the seminar.",
    )
    GrantFactory(programme=programme, funder=funder, purpose="the seminar")
    return programme


def api(client: Client, path: str, **params) -> dict:
    response = client.get(path, params)
    assert response.status_code == 200, response.content
    return response.json()


def test_a_programme_in_spanish_has_its_spanish_title_and_its_english_summary(client, programme) -> None:
    response = client.get("/api/programmes/labour-seminar/", {"lang": "es"})

    assert response.status_code == 200
    assert response["Content-Language"] == "es"
    data = response.json()
    assert data["title"] == "Seminario sobre migración laboral"
    assert data["summary"] == "A seminar for officials."  # not translated: English
    assert data["thematic_areas"][0]["name"] == "Migración laboral"
    assert data["participations"][0]["organisation"]["name"] == "Ministerio de Trabajo"
    assert data["participations"][0]["description"] == "hosts"


def test_french_falls_back_to_english_where_there_is_no_french(client, programme) -> None:
    data = api(client, "/api/programmes/labour-seminar/", lang="fr")

    assert data["title"] == "Labour migration seminar"
    assert data["participations"][0]["organisation"]["name"] == "Ministère du Travail"
    assert data["participations"][0]["description"] == "accueille"


def test_each_record_names_its_fields_given_in_english_for_want_of_a_translation(client, programme) -> None:
    programme.status_estimate, programme.status_estimate_es = "Inferred from the dates.", ""
    programme.save()
    spanish = api(client, "/api/programmes/labour-seminar/", lang="es")
    french = api(client, "/api/programmes/labour-seminar/", lang="fr")

    assert spanish["fallback_fields"] == ["summary", "status.estimate", "description"]  # the title is in Spanish
    assert french["fallback_fields"] == ["title", "summary", "status.estimate", "description"]
    assert spanish["participations"][0]["fallback_fields"] == ["description"]
    assert spanish["participations"][0]["organisation"]["fallback_fields"] == []
    assert french["participations"][0]["fallback_fields"] == []
    assert spanish["grants"][0]["fallback_fields"] == ["purpose"]
    assert spanish["thematic_areas"][0]["fallback_fields"] == ["overview_wording"]
    assert spanish["related_activities"][0]["fallback_fields"] == ["description"]
    assert french["related_activities"][0]["fallback_fields"] == ["title", "description"]
    listed = api(client, "/api/programmes/", lang="fr", q="Labour")["results"][0]
    assert listed["fallback_fields"] == ["title", "summary", "status.estimate"]
    english = api(client, "/api/programmes/labour-seminar/")
    assert english["fallback_fields"] == english["grants"][0]["fallback_fields"] == []


def test_the_schema_documents_the_fallback_fields_on_every_record_with_texts(client) -> None:
    schemas = yaml.safe_load(client.get("/api/schema/").content)["components"]["schemas"]

    for name in (
        "Programme",
        "ProgrammeDetail",
        "Grant",
        "Component",
        "RelatedLink",
        "Organisation",
        "Funder",
        "Document",
    ):
        field = schemas[name]["properties"]["fallback_fields"]
        assert field["type"] == "array" and field["items"] == {"type": "string"}, name
        assert "no translation into the language `lang` asks for" in field["description"], name
    assert "fallback_fields" not in schemas["Status"]["properties"]  # named in its programme's


def test_without_lang_the_api_answers_in_english_whatever_the_browser_prefers(client, programme) -> None:
    response = client.get("/api/programmes/labour-seminar/", headers={"accept-language": "es"})

    assert response.json()["title"] == "Labour migration seminar"
    assert response["Content-Language"] == "en"


def test_every_list_and_record_takes_the_language(client, programme) -> None:
    titles = [p["title"] for p in api(client, "/api/programmes/", lang="es", q="Seminario")["results"]]
    assert "Seminario sobre migración laboral" in titles
    areas = api(client, "/api/areas/", lang="es")["results"]
    assert "Migración laboral" in [area["name"] for area in areas]
    organisation = api(client, f"/api/organisations/{programme.participations.get().organisation.slug}/", lang="fr")
    assert organisation["name"] == "Ministère du Travail"
    assert organisation["programmes"][0]["title"] == "Labour migration seminar"
    funders = api(client, "/api/funders/", lang="es")["results"]
    assert "Ministerio de Trabajo" in [funder["name"] for funder in funders]


@pytest.mark.parametrize(
    "path", ["/api/programmes/", "/api/programmes/labour-seminar/", "/api/countries/", "/api/funders/"]
)
def test_an_unknown_language_is_a_400_that_names_the_languages(client, programme, path) -> None:
    response = client.get(path, {"lang": "de"})

    assert response.status_code == 400
    assert response.json() == {"lang": ["Unknown language 'de': lang must be one of en, es, fr."]}


def test_the_schema_documents_lang_on_every_endpoint(client) -> None:
    schema = yaml.safe_load(client.get("/api/schema/").content)

    for path, operations in schema["paths"].items():
        parameters = {p["name"]: p for p in operations["get"]["parameters"]}
        assert parameters["lang"]["schema"]["enum"] == ["en", "es", "fr"], path
        assert parameters["lang"]["schema"]["default"] == "en", path
        assert "English where it has not" in parameters["lang"]["description"], path


# Downloads ---------------------------------------------------------------------------------------


def read_csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8").removeprefix("\ufeff"))))


def test_the_programme_list_csv_in_spanish(client, programme) -> None:
    response = client.get(reverse("programmes:list_csv"), {"lang": "es", "columns": "title,thematic_areas"})

    assert response.status_code == 200
    assert response["Content-Language"] == "es"
    # The area by its one name, as the pages and the API give it.
    assert ["Seminario sobre migración laboral", "Migración laboral"] in read_csv(response)[1:]


def test_the_programme_list_xlsx_in_french_falls_back_to_english(client, programme) -> None:
    response = client.get(reverse("programmes:list_xlsx"), {"lang": "fr", "columns": "title"})

    rows = list(load_workbook(io.BytesIO(response.content))["Programmes"].iter_rows(values_only=True))
    assert ("Labour migration seminar",) in rows


def test_the_downloads_refuse_an_unknown_language_in_plain_words(client, programme) -> None:
    response = client.get(reverse("programmes:list_csv"), {"lang": "klingon"})

    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    assert response.content.decode() == "Unknown language 'klingon': lang must be one of en, es, fr.\n"


def test_the_funder_csv_in_spanish(client, programme) -> None:
    funder = programme.grants.get().funder
    response = client.get(reverse("funding:detail_csv", kwargs={"slug": funder.slug}), {"lang": "es"})

    assert response.status_code == 200
    assert read_csv(response)[1][0] == "Seminario sobre migración laboral"
    assert client.get(reverse("funding:detail_csv", kwargs={"slug": funder.slug}), {"lang": "xx"}).status_code == 400


def test_the_donor_exports_in_spanish(client, programme) -> None:
    account = DonorAccountFactory(funders=[programme.grants.get().funder])
    client.force_login(account.user)

    csv_rows = read_csv(client.get(reverse("donor:export_csv"), {"lang": "es"}))
    assert csv_rows[1][0] == "Seminario sobre migración laboral"
    workbook = load_workbook(io.BytesIO(client.get(reverse("donor:export_xlsx"), {"lang": "es"}).content))
    # The sheets and their headers are in Spanish too.
    assert workbook.sheetnames == ["Subvenciones", "Transacciones", "Calendario previsto", "Totales"]
    first = workbook["Subvenciones"].iter_rows(max_row=2, values_only=True)
    assert [next(first)[0], next(first)[0]] == ["Programa", "Seminario sobre migración laboral"]
    english = read_csv(client.get(reverse("donor:export_csv")))
    assert english[1][0] == "Labour migration seminar"
