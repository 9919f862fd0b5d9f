"""Content in English, Spanish and French: the pages' fallback to English, the admin, the history."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import translation
from lxml import html as lxml_html
from modeltranslation.manager import MultilingualQuerySet
from modeltranslation.translator import translator
from pytest_django.asserts import assertContains, assertNotContains

from funding.models import Grant
from partners.models import Organisation
from programmes.admin.base import TranslationStatusMixin
from programmes.fallback_ordering import TranslatedQuerySet
from programmes.models import Country, Overview, Programme, TranslationSource
from tests.factories import (
    ComponentFactory,
    CountryFactory,
    GrantFactory,
    KeyFigureFactory,
    ParticipationFactory,
    ProgrammeFactory,
)
from tests.helpers.admin_forms import admin_url, form_data, form_errors

pytestmark = pytest.mark.django_db

SEMINAR_TITLE = "International Migration Policy Seminar for the Caribbean Region"


@pytest.fixture
def seminar() -> Programme:
    """The seminar as staff would find a record just written in English: without its seed translations."""
    programme = Programme.objects.get(code="T81-805")
    for field in ("title", "summary", "description"):
        setattr(programme, f"{field}_es", "")
        setattr(programme, f"{field}_fr", "")
    programme.save()
    return programme


# The seed and the public pages -------------------------------------------------------------------


def test_the_seed_content_is_the_english_text_with_its_spanish_and_french() -> None:
    for model, field in [(Programme, "title"), (Country, "name"), (Organisation, "name"), (Overview, "introduction")]:
        rows = list(model.objects.rewrite(False).values_list(field, f"{field}_en", f"{field}_es", f"{field}_fr"))
        assert rows, model
        assert all(text == english and es and fr for text, english, es, fr in rows), model


def test_a_spanish_page_without_a_spanish_title_shows_the_english_one(client: Client, seminar) -> None:
    response = client.get(f"/es/programmes/{seminar.slug}/")

    assert response.status_code == 200
    assertContains(response, SEMINAR_TITLE)


def test_a_translated_title_shows_in_its_language_and_english_stays_english(client: Client, seminar) -> None:
    seminar.title_es = "Seminario sobre políticas de migración internacional para la región del Caribe"
    seminar.save()

    assertContains(client.get(f"/es/programmes/{seminar.slug}/"), seminar.title_es)
    english = client.get(f"/programmes/{seminar.slug}/")
    assertContains(english, SEMINAR_TITLE)
    assertNotContains(english, seminar.title_es)
    assertContains(client.get(f"/fr/programmes/{seminar.slug}/"), SEMINAR_TITLE)  # no French: English


def test_the_fallback_also_holds_outside_a_request(seminar) -> None:
    seminar.title_fr = "Séminaire sur les politiques migratoires"
    seminar.save()
    with translation.override("fr"):
        assert Programme.objects.get(pk=seminar.pk).title == "Séminaire sur les politiques migratoires"
    with translation.override("es"):
        assert Programme.objects.get(pk=seminar.pk).title == SEMINAR_TITLE


def test_the_list_search_finds_a_programme_by_its_title_in_any_language(client: Client) -> None:
    ProgrammeFactory(title="Border data exchange", title_es="Intercambio de datos fronterizos")

    assertContains(client.get("/es/programmes/", {"q": "fronterizos"}), "Intercambio de datos fronterizos")
    assertContains(client.get("/es/programmes/", {"q": "Border data"}), "Intercambio de datos fronterizos")
    # Shown in the page's language (English where there is no French), found in any.
    assertContains(client.get("/programmes/", {"q": "fronterizos"}), "Border data exchange")
    assertContains(client.get("/fr/programmes/", {"q": "fronterizos"}), "Border data exchange")


def test_outside_english_lists_sort_by_the_translation_or_else_the_english_text() -> None:
    CountryFactory(code="QA", name="Alpha", name_es="Zeta", slug="alpha")
    CountryFactory(code="QB", name="Beta", slug="beta")
    with translation.override("es"):
        names = [country.name for country in Country.objects.filter(code__in=["QA", "QB"])]
        by_name = [country.name for country in Country.objects.filter(code__in=["QA", "QB"]).order_by("-name")]
    assert names == ["Beta", "Zeta"]
    assert by_name == ["Zeta", "Beta"]


def test_a_custom_queryset_sorts_with_the_fallback_and_without_it_when_rewriting_is_off() -> None:
    for english, spanish in (("Alpha programme", "Zeta programa"), ("Beta programme", ""), ("Gamma programme", "Alfa")):
        ProgrammeFactory(title=english, title_es=spanish, acronym="SORTED", is_published=True)
    published = Programme.objects.published().filter(acronym="SORTED")
    with translation.override("es"):
        by_title = [programme.title for programme in published.order_by("title")]
        by_english_column = [programme.title_en for programme in published.rewrite(False).order_by("-title")]
    assert by_title == ["Alfa", "Beta programme", "Zeta programa"]
    assert by_english_column == ["Gamma programme", "Beta programme", "Alpha programme"]


def test_every_translated_model_has_the_queryset_that_sorts_with_the_fallback() -> None:
    for model in translator.get_registered_models(abstract=False):
        assert isinstance(model._default_manager.all(), TranslatedQuerySet), model


def test_modeltranslation_s_queryset_is_left_as_it_ships() -> None:
    """The fallback is a subclass's: modeltranslation's own class is not patched."""
    for name in ("order_by", "_post_init"):
        assert MultilingualQuerySet.__dict__[name].__module__ == "modeltranslation.manager", name
        assert MultilingualQuerySet.__dict__[name].__qualname__ == f"MultilingualQuerySet.{name}", name


def test_the_english_column_stays_the_text_other_apps_query() -> None:
    """A grant's programme__title is not rewritten by modeltranslation: it reads the original column."""
    grant = GrantFactory(programme=ProgrammeFactory(title="Old title"))
    programme = grant.programme
    programme.title_en = "New title"
    programme.save()

    assert Grant.objects.filter(pk=grant.pk).values_list("programme__title", flat=True).get() == "New title"


# The admin ---------------------------------------------------------------------------------------


def test_the_change_page_has_a_box_per_language_and_says_what_is_missing(admin_client: Client, seminar) -> None:
    response = admin_client.get(admin_url(Programme, "change", seminar.pk))

    for language in ("en", "es", "fr"):
        assertContains(response, f'name="title_{language}"')
        assertContains(response, f"Title [{language}]")
    assertContains(response, "Missing translations")
    assertContains(response, "<strong>Spanish</strong>: title, summary, description", html=False)
    # The plain layout: no asset from a CDN.
    assertNotContains(response, "googleapis")
    assertNotContains(response, 'src="//')


def test_saving_a_spanish_title_in_the_admin_records_it_in_the_history(admin_client: Client, seminar) -> None:
    data = form_data(admin_client.get(admin_url(Programme, "change", seminar.pk)))
    data["title_es"] = "Seminario de políticas migratorias"
    records_before = seminar.history.count()

    response = admin_client.post(admin_url(Programme, "change", seminar.pk), data, follow=True)

    assert "was changed successfully" in response.content.decode(), form_errors(response)
    seminar.refresh_from_db()
    assert seminar.title_es == "Seminario de políticas migratorias"
    assert seminar.title_en == SEMINAR_TITLE
    record = seminar.history.latest()
    assert (record.title_en, record.title_es, record.title_fr) == (
        SEMINAR_TITLE,
        "Seminario de políticas migratorias",
        None,
    )
    assert record.history_type == "~" and seminar.history.count() == records_before + 1


def test_the_changelist_shows_and_filters_missing_translations(admin_client: Client) -> None:
    done = ProgrammeFactory(
        title="Fully translated", title_es="Traducido", title_fr="Traduit", summary="", description=""
    )
    half = ProgrammeFactory(title="Half translated", title_fr="À moitié traduit", summary="", description="")

    page = admin_client.get(admin_url(Programme, "changelist"), {"q": "translated"})
    assertContains(page, "Missing translations")  # the column's heading
    assertContains(page, '<td class="field-translation_status">None</td>', count=1, html=True)
    assertContains(page, '<td class="field-translation_status">es</td>', count=1, html=True)
    assert {p.pk for p in page.context["cl"].result_list} == {done.pk, half.pk}

    spanish = admin_client.get(admin_url(Programme, "changelist"), {"q": "translated", "missing_translation": "es"})
    assert [p.title for p in spanish.context["cl"].result_list] == ["Half translated"]
    assertContains(spanish, "Missing Spanish translation")
    french = admin_client.get(admin_url(Programme, "changelist"), {"q": "translated", "missing_translation": "fr"})
    assert list(french.context["cl"].result_list) == []


def test_the_admin_finds_a_record_by_its_name_in_any_language(admin_client: Client) -> None:
    CountryFactory(code="QC", name="Testland", name_fr="Terre d'essai", slug="testland")

    response = admin_client.get(admin_url(Country, "changelist"), {"q": "essai"})

    assert [country.code for country in response.context["cl"].result_list] == ["QC"]


def test_two_organisations_without_a_spanish_name_do_not_clash(admin_client: Client) -> None:
    """Names are unique in each language; an empty translation is stored as NULL, which may repeat."""
    for name in ("First body", "Second body"):
        data = form_data(admin_client.get(admin_url(Organisation, "add")))
        data |= {"name_en": name, "slug": name.lower().replace(" ", "-"), "type": "10"}
        response = admin_client.post(admin_url(Organisation, "add"), data, follow=True)
        assertContains(response, "was added successfully")
    assert list(Organisation.objects.filter(name_en__endswith="body").values_list("name_es", flat=True)) == [None, None]


def test_the_history_tables_have_the_language_columns_without_uniqueness() -> None:
    history = Organisation.history.model
    names = {field.name for field in history._meta.fields}
    assert {"name_en", "name_es", "name_fr"} <= names
    assert not history._meta.get_field("name_es").unique


# Which language each text is in ------------------------------------------------------------------

NOT_READ = {"title", "script", "style", "meta"}


def texts_in_the_wrong_voice(response, english_texts: set[str]) -> list[str]:
    """The English texts the page shows whose closest element with a ``lang`` does not say "en"."""
    wrong = []
    for element in document(response).iter():
        if not isinstance(element.tag, str) or element.tag in NOT_READ:
            continue
        # The text an element holds itself, and the text after each of its children (also its own).
        own = [element.text or "", *(child.tail or "" for child in element)]
        for text in english_texts:
            if any(text in part for part in own):
                language = element.xpath("ancestor-or-self::*[@lang][1]/@lang")
                if language != ["en"]:
                    wrong.append(f"{text!r} in <{element.tag}> (lang {language})")
    return wrong


def document(response):
    return lxml_html.fromstring(response.content)


@pytest.mark.parametrize("language", ["es", "fr"])
def test_english_shown_for_a_missing_translation_says_lang_en(client: Client, language: str) -> None:
    programme = ProgrammeFactory(title="Untranslated programme", summary="Only in English.", description="")
    ComponentFactory(programme=programme, title="Untranslated component", description="Its words in English.")
    KeyFigureFactory(programme=programme, label="people reached in English")
    organisation = ParticipationFactory(
        programme=programme, description="implements it in English", organisation__name="Untranslated body"
    ).organisation
    GrantFactory(programme=programme, funder=organisation, purpose="the pilot in English")
    english = {
        "Untranslated programme",
        "Only in English.",
        "Untranslated component",
        "Its words in English.",
        "people reached in English",
        "implements it in English",
        "Untranslated body",
        "the pilot in English",
        "The pilot in English",
    }
    pages = [
        f"/{language}/programmes/",
        f"/{language}/programmes/{programme.slug}/",
        f"/{language}{organisation.get_absolute_url()}",
        f"/{language}/funders/{organisation.slug}/",
        f"/{language}/",
    ]
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        assert texts_in_the_wrong_voice(response, english) == [], path
    # Translated, the same texts are in the page's language, with no lang of their own.
    programme.title_es = programme.title_fr = "Programa traducido"
    programme.save()
    page = client.get(f"/{language}/programmes/{programme.slug}/")
    assert document(page).xpath("//h1")[0].xpath("ancestor-or-self::*[@lang][1]/@lang") == [language]


# The seed's translations and where they come from ------------------------------------------------


def test_the_seed_has_no_missing_translation_and_each_is_noted_for_review(admin_client: Client) -> None:
    status = TranslationStatusMixin()
    for model in translator.get_registered_models():
        for record in model.objects.all():
            assert status.translation_status(record) == "None", (model, record.pk)
    seminar = Programme.objects.get(code="T81-805")
    assert seminar.title_es == "Seminario Internacional sobre Políticas Migratorias para la Región del Caribe"
    assert Organisation.objects.get(slug="iom").name_fr == "Organisation internationale pour les migrations"

    page = admin_client.get(admin_url(Programme, "change", seminar.pk))
    assertContains(page, "<strong>Spanish</strong>: Translated by the portal team, to be reviewed.", html=False)
    to_review = admin_client.get(admin_url(Programme, "changelist"), {"translation_to_review": "yes"})
    assert seminar in to_review.context["cl"].result_list

    admin_client.post(
        admin_url(Programme, "changelist"),
        {"action": "mark_translations_reviewed", "_selected_action": [seminar.pk]},
    )
    assertNotContains(admin_client.get(admin_url(Programme, "change", seminar.pk)), "to be reviewed")
    assert TranslationSource.history.filter(object_id=seminar.pk, history_type="-").count() == 2


def test_what_the_seed_s_grants_fund_is_in_the_page_s_language_in_pages_api_and_downloads(client: Client) -> None:
    seminar = Programme.objects.get(code="T81-805")
    spanish = "el proyecto T81-805 del Fondo de la OIM para el Desarrollo"

    assertContains(client.get(f"/es/programmes/{seminar.slug}/"), f"para {spanish}")
    api = client.get(f"/api/programmes/{seminar.slug}/", {"lang": "fr"}).json()
    french = "le projet T81-805 du Fonds de l'OIM pour le développement"
    assert [grant["purpose"] for grant in api["grants"]] == [french]
    csv = client.get("/funders/iom-development-fund/funding.csv", {"lang": "es"}).content.decode("utf-8-sig")
    assert "El proyecto T81-805 del Fondo de la OIM para el Desarrollo" in csv


# Countries' names --------------------------------------------------------------------------------


def test_country_names_come_from_cldr_in_spanish_and_french_and_sort_by_them(client: Client) -> None:
    spanish = client.get("/es/countries/")
    assertContains(spanish, "República Dominicana")
    assertContains(spanish, "Haití")
    french = client.get("/fr/countries/")
    assertContains(french, "Îles Turques-et-Caïques")
    assertContains(french, "Antilles néerlandaises")  # a withdrawn code: ISO 3166-3's own translation
    with translation.override("fr"):
        names = list(Country.objects.filter(is_caribbean=True).order_by("name").values_list("name", flat=True))
    assert names.index("Barbade") < names.index("Belize") < names.index("Haïti") < names.index("Jamaïque")
    api = client.get("/api/countries/haiti/", {"lang": "es"}).json()
    assert api["name"] == "Haití"


def test_a_new_country_is_named_from_cldr_unless_staff_named_it() -> None:
    country = CountryFactory(code="GP", name="Guadeloupe", slug="guadeloupe", name_es="")
    assert (country.name_es, country.name_fr) == ("Guadalupe", "Guadeloupe")
    named = CountryFactory(code="MQ", name="Martinique", slug="martinique", name_es="Martinica (FR)")
    assert named.name_es == "Martinica (FR)"


# Downloads in the page's language ----------------------------------------------------------------


@pytest.mark.parametrize(("language", "title", "status"), [("es", "Título", "Estado"), ("fr", "Titre", "Statut")])
def test_the_list_s_downloads_carry_the_page_s_language_and_their_headers_are_in_it(
    client: Client, language: str, title: str, status: str
) -> None:
    page = client.get(f"/{language}/programmes/", {"status": "completed"})
    links = document(page).xpath("//a[@download]/@href")
    assert f"/programmes/export.csv?status=completed&lang={language}" in links
    assert f"/programmes/export.xlsx?status=completed&lang={language}" in links
    assert document(page).xpath("//form[@class='download-form']//input[@name='lang']/@value") == [language]

    header = client.get("/programmes/export.csv", {"lang": language}).content.decode("utf-8-sig").splitlines()[0]
    assert header.split(",")[:3] == [title, str(_translated("IOM project code", language)), status]


def _translated(text: str, language: str) -> str:
    with translation.override(language):
        return translation.gettext(text)
