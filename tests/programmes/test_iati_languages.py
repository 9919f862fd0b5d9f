"""IATI narratives in every language a text is translated into, and back again through the import."""

from __future__ import annotations

import pytest
from django.urls import reverse
from lxml import etree

from iati.importer import iati_file_import
from partners.models import Organisation
from programmes.models import Country, Indicator, Programme, Result
from tests import iati as check
from tests.factories import (
    GrantFactory,
    OrganisationFactory,
    ParticipationFactory,
    PeriodFactory,
    ProgrammeCountryFactory,
    ProgrammeFactory,
    ProjectTypeFactory,
    ResultFactory,
)

pytestmark = pytest.mark.django_db

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def activity_file(client, programme: Programme) -> bytes:
    response = client.get(reverse("programmes:iati_activity", kwargs={"slug": programme.slug}))
    assert response.status_code == 200
    return response.content


def narratives(element: etree._Element) -> dict[str, str]:
    return {node.get(XML_LANG): node.text for node in element.findall("narrative")}


@pytest.fixture
def translated() -> Programme:
    """A programme whose texts are in English, Spanish and French, with a partner, a funder and a result."""
    programme = ProgrammeFactory(
        title="Labour migration seminar",
        title_es="Seminario sobre migración laboral",
        title_fr="Séminaire sur la migration de travail",
        summary="A seminar for officials.",
        summary_es="Un seminario para funcionarios.",
        summary_fr="Un séminaire pour les fonctionnaires.",
        description="Two days of talks.",
        description_es="Dos días de charlas.",
        description_fr="",  # not translated yet: the French narrative has the summary only
        project_type=ProjectTypeFactory(name="Seminar", name_es="Seminario", name_fr="Séminaire", slug="seminar"),
    )
    haiti = Country.objects.get(code="HT")  # a seed country
    haiti.name_es, haiti.name_fr = "Haití", "Haïti"
    haiti.save()
    ProgrammeCountryFactory(programme=programme, country=haiti)
    partner = OrganisationFactory(
        name="Ministry of Labour", name_es="Ministerio de Trabajo", name_fr="Ministère du Travail", type="10"
    )
    ParticipationFactory(programme=programme, organisation=partner, role="4")
    GrantFactory(programme=programme, funder=OrganisationFactory(name="Funder without translations", type="10"))
    result = ResultFactory(
        programme=programme, title="Officials trained", title_es="Funcionarios formados", type=Result.Type.OUTPUT
    )
    PeriodFactory(
        indicator__result=result,
        indicator__title="Officials trained",
        indicator__measure=Indicator.Measure.QUALITATIVE,
        actual_comment="Twelve officials trained",
        actual_comment_es="Doce funcionarios formados",
    )
    return programme


def test_each_text_has_a_narrative_per_language_it_is_translated_into(client, translated) -> None:
    activity = etree.fromstring(activity_file(client, translated)).find("iati-activity")

    assert activity.get(XML_LANG) == "en"
    assert narratives(activity.find("title")) == {
        "en": "Labour migration seminar",
        "es": "Seminario sobre migración laboral",
        "fr": "Séminaire sur la migration de travail",
    }
    # The description once, or the summary in a language without one (the summary repeats the
    # description's opening, so the two are never joined).
    assert narratives(activity.find("description")) == {
        "en": "Two days of talks.",
        "es": "Dos días de charlas.",
        "fr": "Un séminaire pour les fonctionnaires.",
    }
    orgs = {org.get("role"): narratives(org) for org in activity.findall("participating-org")}
    assert orgs["4"] == {"en": "Ministry of Labour", "es": "Ministerio de Trabajo", "fr": "Ministère du Travail"}
    assert orgs["1"] == {"en": "Funder without translations"}  # no empty narratives
    assert narratives(activity.find("recipient-country")) == {"en": "Haiti", "es": "Haití", "fr": "Haïti"}
    assert narratives(activity.find("sector[@vocabulary='99']")) == {
        "en": "Seminar",
        "es": "Seminario",
        "fr": "Séminaire",
    }
    assert narratives(activity.find("result/title")) == {"en": "Officials trained", "es": "Funcionarios formados"}
    assert narratives(activity.find("result/indicator/period/actual/comment")) == {
        "en": "Twelve officials trained",
        "es": "Doce funcionarios formados",
    }
    assert narratives(activity.find("reporting-org")) == {
        "en": "International Organization for Migration",
        "es": "Organización Internacional para las Migraciones",
        "fr": "Organisation internationale pour les migrations",
    }


def test_the_file_with_translations_is_valid_against_the_schema_the_codelists_and_the_rules(client, translated) -> None:
    xml = activity_file(client, translated)

    assert check.validate_schema(xml) == []
    assert check.check_codelists(xml) == []
    assert check.check_rules(xml) == []


def test_an_untranslated_programme_has_english_narratives_only(client) -> None:
    # Written in English only (the seed is translated): no partner, so IOM is its accountable organisation.
    programme = ProgrammeFactory(title="International Migration Policy Seminar for the Caribbean Region")
    activity = etree.fromstring(activity_file(client, programme)).find("iati-activity")

    # IOM's own name is the one text the portal has in every language.
    iom_names = [n for n in activity.iter("narrative") if n.getparent().get("ref") == "XM-DAC-47066"]
    assert {n.get(XML_LANG) for n in iom_names} == {"en", "es", "fr"}
    # (Its document's texts are the document's own, translated: not the programme's.)
    own = [n for n in activity.iter("narrative") if n not in iom_names and not n.xpath("ancestor::document-link")]
    assert {n.get(XML_LANG) for n in own} == {"en"}
    assert narratives(activity.find("title")) == {
        "en": "International Migration Policy Seminar for the Caribbean Region"
    }


def test_importing_the_file_brings_each_translation_back(client, translated) -> None:
    xml = activity_file(client, translated)
    Programme.objects.filter(pk=translated.pk).update(
        title_es=None, title_fr=None, summary_es=None, description_es=None
    )
    Result.objects.filter(programme=translated).update(title_es=None)
    Organisation.objects.filter(name_en="Ministry of Labour").update(name_es=None, name_fr=None)

    report = iati_file_import(source=xml)

    assert report.ok, report.lines()
    programme = Programme.objects.get(pk=translated.pk)
    assert programme.title_es == "Seminario sobre migración laboral"
    assert programme.title_fr == "Séminaire sur la migration de travail"
    assert programme.summary_es is None  # IATI carries the description, not the portal's summary
    assert programme.description_es == "Dos días de charlas."
    assert programme.summary_fr == "Un séminaire pour les fonctionnaires."
    assert programme.results.get().title_es == "Funcionarios formados"
    ministry = Organisation.objects.get(name_en="Ministry of Labour")
    assert (ministry.name_es, ministry.name_fr) == ("Ministerio de Trabajo", "Ministère du Travail")
    # English stays as it was, and importing the same file again changes nothing.
    assert programme.title_en == "Labour migration seminar"
    again = iati_file_import(source=xml)
    assert again.ok and not again.updated, again.lines()


def test_a_new_programme_imported_with_spanish_narratives_has_them_as_its_spanish_texts(client, translated) -> None:
    xml = activity_file(client, translated)
    translated.results.all().delete()
    translated.participations.all().delete()
    translated.grants.all().delete()
    translated.country_links.all().delete()
    Programme.objects.filter(pk=translated.pk).delete()

    report = iati_file_import(source=xml)

    assert report.ok, report.lines()
    imported = Programme.objects.get(code=translated.code)
    assert not imported.is_published
    assert (imported.title_en, imported.title_es) == ("Labour migration seminar", "Seminario sobre migración laboral")
    assert imported.results.get().title_es == "Funcionarios formados"
