"""The interface in English, Spanish and French: addresses, switcher, translations and formats."""

from __future__ import annotations

import datetime
import html
import re
from decimal import Decimal
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import timezone, translation
from lxml import html as lxml_html

from funding.selectors import funding_organisations
from iomcaribbean.charts import compact_number
from programmes.models import format_partial_date
from tests.factories import DonorAccountFactory, GrantFactory, UserFactory

SEMINAR = "/programmes/international-migration-policy-seminar-caribbean/"
PO_FILES = sorted(Path(settings.BASE_DIR, "locale").glob("*/LC_MESSAGES/django.po"))
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")
NBSP = "\u00a0"


def text(response) -> str:
    return " ".join(html.unescape(response.content.decode()).split())


def document(response):
    return lxml_html.fromstring(response.content)


# The catalogues -----------------------------------------------------------------------------


def test_there_is_a_catalogue_for_each_language_but_english():
    assert [path.parent.parent.name for path in PO_FILES] == ["es", "fr"]
    assert [code for code, _ in settings.LANGUAGES] == ["en", "es", "fr"]


@pytest.mark.parametrize("path", PO_FILES, ids=lambda p: p.parent.parent.name)
def test_every_interface_string_is_translated_and_none_is_fuzzy(path):
    catalogue = polib.pofile(str(path))
    assert len(catalogue) > 300  # the whole interface, not a sample
    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []
    assert not catalogue.metadata_is_fuzzy
    assert catalogue.percent_translated() == 100


@pytest.mark.parametrize("path", PO_FILES, ids=lambda p: p.parent.parent.name)
def test_the_compiled_catalogue_is_there_and_up_to_date(path):
    compiled = path.with_suffix(".mo")
    assert compiled.exists(), "run `make messages` to compile the translations"
    assert compiled.stat().st_mtime >= path.stat().st_mtime, "run `make messages`: a .po file changed"
    assert len(polib.mofile(str(compiled))) == len(polib.pofile(str(path)).translated_entries())


@pytest.mark.parametrize("path", PO_FILES, ids=lambda p: p.parent.parent.name)
def test_translations_keep_every_placeholder(path):
    """A dropped or misspelt %(name)s would show a raw placeholder or raise while rendering."""
    for entry in polib.pofile(str(path)):
        wanted = set(PLACEHOLDER.findall(entry.msgid))
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for translated in translations:
            assert set(PLACEHOLDER.findall(translated)) == wanted, entry.msgid


# Addresses ----------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("prefix", "lang", "nav"),
    [("", "en", "Overview"), ("/es", "es", "Panorama general"), ("/fr", "fr", "Vue d'ensemble")],
)
def test_each_language_has_its_own_address_and_says_so_in_html_lang(client, prefix, lang, nav):
    response = client.get(f"{prefix}/")
    assert response.status_code == 200
    assert document(response).get("lang") == lang
    assert document(response).xpath("//nav[contains(@class, 'site-nav--main')]//a/text()")[0] == nav


@pytest.mark.django_db
@pytest.mark.parametrize("accept", ["es", "fr-FR,fr;q=0.9", "es-ES,es;q=0.9,en;q=0.5"])
def test_unprefixed_addresses_stay_english_whatever_the_browser_asks_for(client, accept):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    response = client.get(SEMINAR, HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 200  # no redirect to a prefixed address either
    assert document(response).get("lang") == "en"
    assert "Project details" in text(response)
    assert "USD 37,450.00" in text(response)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "address", ["/", SEMINAR, "/es/", "/fr/programmes/", "/api/programmes/", "/admin/login/", "/nowhere/"]
)
def test_no_answer_says_it_varies_with_the_browsers_language(client, address):
    # The address alone sets the language, so a shared cache needs one copy per address, not one
    # per Accept-Language a browser sends.
    response = client.get(address, HTTP_ACCEPT_LANGUAGE="es")
    assert "accept-language" not in response.get("Vary", "").lower()
    assert response["Content-Language"] == ("en" if not address.startswith(("/es/", "/fr/")) else address[1:3])


@pytest.mark.django_db
def test_every_public_page_answers_in_each_language(client):
    pages = [
        "/",
        "/programmes/",
        SEMINAR,
        "/countries/",
        "/countries/jamaica/",
        "/areas/",
        "/partners/",
        "/funders/",
        "/accounts/login/",
        "/accounts/password_reset/",
    ]
    for page in pages:
        for prefix, lang in (("", "en"), ("/es", "es"), ("/fr", "fr")):
            response = client.get(prefix + page)
            assert response.status_code == 200, prefix + page
            assert document(response).get("lang") == lang, prefix + page


@pytest.mark.django_db
def test_the_admin_and_the_api_have_no_language_prefix_and_stay_english(client):
    assert client.get("/es/admin/").status_code == 404
    assert client.get("/fr/api/").status_code == 404
    login = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="es")
    assert "Log in" in text(login)
    assert client.get("/api/", HTTP_ACCEPT_LANGUAGE="fr").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("prefixed", "address"),
    [
        ("/es/programmes/export.csv?status=completed", "/programmes/export.csv?status=completed"),
        ("/fr/programmes/export.xlsx", "/programmes/export.xlsx"),
        ("/es/feeds/programmes.atom", "/feeds/programmes.atom"),
        ("/fr/iati/activities.xml", "/iati/activities.xml"),
        (f"/es{SEMINAR}iati.xml", f"{SEMINAR}iati.xml"),
    ],
)
def test_downloads_feeds_and_iati_files_have_one_unprefixed_address(client, prefixed, address):
    response = client.get(prefixed)
    assert response.status_code == 301
    assert response["Location"] == address
    assert client.get(address).status_code == 200


@pytest.mark.django_db
def test_a_spanish_page_links_its_downloads_at_their_unprefixed_address_in_spanish(client):
    page = document(client.get("/es/programmes/", {"status": "completed"}))
    downloads = page.xpath("//section[@aria-labelledby='download-heading']//a/@href")
    assert downloads == [
        "/programmes/export.csv?status=completed&lang=es",
        "/programmes/export.xlsx?status=completed&lang=es",
    ]
    assert page.xpath("//link[@type='application/atom+xml']/@href") == ["/feeds/programmes.atom"]
    # The pages themselves stay in Spanish from link to link.
    assert page.xpath("//a[@class='site-name']/@href") == ["/es/"]


@pytest.mark.django_db
def test_a_donor_signing_in_from_a_spanish_page_stays_in_spanish(client):
    response = client.get("/es/donor/")
    assert response.status_code == 302
    assert response["Location"] == "/es/accounts/login/?next=/es/donor/"
    user = UserFactory()
    DonorAccountFactory(user=user, funders=[GrantFactory().funder])
    client.force_login(user)
    dashboard = client.get("/es/donor/")
    assert "Sus subvenciones" in text(dashboard)
    links = document(dashboard).xpath("//section[@aria-labelledby='downloads']//a/@href")
    # The downloads follow the page's language: one address each, the language in the query.
    assert links == ["/donor/export.csv?lang=es", "/donor/export.xlsx?lang=es"]
    header = client.get(links[0]).content.decode("utf-8-sig").splitlines()[0]
    assert header.startswith("Programa,Estado,")


# The switcher and the alternates ------------------------------------------------------------


@pytest.mark.django_db
def test_the_switcher_links_this_page_in_each_language_and_marks_the_current_one(client):
    page = document(client.get("/fr/programmes/", {"page": "1"}))
    links = page.xpath("//nav[contains(@class, 'site-nav--languages')]//a")
    assert [(a.text, a.get("href"), a.get("lang"), a.get("hreflang")) for a in links] == [
        ("English", "/programmes/?page=1", "en", "en"),
        ("Español", "/es/programmes/?page=1", "es", "es"),
        ("Français", "/fr/programmes/?page=1", "fr", "fr"),
    ]
    assert [a.get("aria-current") for a in links] == [None, None, "true"]
    assert page.xpath("//nav[contains(@class, 'site-nav--languages')]/@aria-label") == ["Langue"]


@pytest.mark.django_db
def test_every_page_names_its_versions_in_the_other_languages_for_search_engines(client):
    page = document(client.get(f"/es{SEMINAR}"))
    alternates = {link.get("hreflang"): link.get("href") for link in page.xpath("//head/link[@hreflang]")}
    assert alternates == {
        "en": f"http://testserver{SEMINAR}",
        "es": f"http://testserver/es{SEMINAR}",
        "fr": f"http://testserver/fr{SEMINAR}",
        "x-default": f"http://testserver{SEMINAR}",
    }


@pytest.mark.django_db
def test_a_page_that_does_not_exist_offers_the_home_page_in_each_language_and_no_alternates(client):
    response = client.get("/es/no-such-page/")
    assert response.status_code == 404
    page = document(response)
    assert page.get("lang") == "es"
    assert "Página no encontrada" in text(response)
    links = page.xpath("//nav[contains(@class, 'site-nav--languages')]//a/@href")
    assert links == ["/", "/es/", "/fr/"]
    assert page.xpath("//head/link[@hreflang]") == []


# A browser reads //host/..., ///host/... and /\\host/... as addresses on that host.
CRAFTED_PATHS = [
    "//other-host/programmes/",
    "//other-host/es/programmes/",
    "///other-host/programmes/",
    "/\\other-host/programmes/",
    "//other-host/donor/",
    "//other-host/accounts/login/",
    "//other-host/",
]


def links_off_this_site(page) -> list[str]:
    """Every link, alternate and form target of the page that leads away from this host."""
    targets = page.xpath("//a/@href | //link/@href | //form/@action")
    return [url for url in targets if not re.match(r"#|(http://testserver)?/(?![/\\])", url)]


@pytest.mark.django_db
@pytest.mark.parametrize("path", CRAFTED_PATHS)
def test_a_crafted_path_never_turns_into_a_link_to_another_host(client, path):
    # The test client would read //other-host as a host, so the path goes in as the server saw it.
    response = client.get("/", PATH_INFO=path)

    assert response.status_code == 404
    page = document(response)
    assert links_off_this_site(page) == []
    switcher = page.xpath("//nav[contains(@class, 'site-nav--languages')]//a/@href")
    assert switcher == ["/", "/es/", "/fr/"]


@pytest.mark.django_db
def test_the_switcher_and_alternates_of_a_real_page_are_built_from_its_own_address(client):
    response = client.get("/es/programmes/", {"q": "//other-host/"})

    page = document(response)
    assert links_off_this_site(page) == []
    alternates = page.xpath("//head/link[@hreflang='fr']/@href")
    assert alternates == ["http://testserver/fr/programmes/?q=%2F%2Fother-host%2F"]


# What the pages say --------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("prefix", "works", "venue", "named_in"),
    [
        ("/es", "Dónde trabaja", "Sede", "También se menciona en"),
        ("/fr", "Où il intervient", "Lieu", "Également mentionné dans"),
    ],
)
def test_where_a_programme_works_and_the_places_it_names_are_told_apart_in_each_language(
    client, prefix, works, venue, named_in
):
    seminar = text(client.get(prefix + SEMINAR))
    assert f"<dt>{works}</dt>" in seminar
    assert f"<dt>{venue}</dt>" in seminar
    jamaica = text(client.get(f"{prefix}/countries/jamaica/"))
    assert f">{named_in}</h2>" in jamaica
    assert f"{venue}</li>" in jamaica


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        ("/es", ["Detalles del proyecto", "Fecha de inicio", "Finalizado", "Regional", "Presupuesto total"]),
        ("/fr", ["Détails du projet", "Date de début", "Terminé", "Régional", "Budget total"]),
    ],
)
def test_the_programme_page_speaks_the_language_of_its_address(client, prefix, expected):
    page = text(client.get(prefix + SEMINAR))
    for phrase in expected:
        assert phrase in page
    assert "Project details" not in page


@pytest.mark.django_db
def test_the_programme_list_filters_and_sorting_are_translated(client):
    page = document(client.get("/es/programmes/"))
    labels = [label.text_content().strip(" :") for label in page.xpath("//form[@class='filter-form']//label")]
    assert "Buscar" in labels and "Área temática" in labels
    assert page.xpath("//form[@class='sort-form']/label/text()") == ["Ordenar por"]
    assert page.xpath("//select[@name='sort']/option/text()")[:3] == [
        "Actuales y recientes primero",
        "Más recientes primero",
        "Más antiguos primero",
    ]
    errors = client.get("/fr/programmes/", {"year_from": "2005", "year_to": "2001"})
    assert errors.status_code == 400
    assert "La dernière année ne peut pas précéder la première." in text(errors)


@pytest.mark.django_db
def test_counts_use_the_plural_of_the_language(client):
    french = text(client.get("/fr/countries/"))
    assert re.search(r"\b1 programme\b", french) and re.search(r"\b\d+ programmes\b", french)
    spanish = text(client.get("/es/countries/"))
    assert re.search(r"\b1 programa\b", spanish)


# Dates, numbers and money -------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("prefix", "start", "budget"),
    [
        ("", "October 2001", f"USD{NBSP}37,450.00"),  # one piece: never broken across two lines
        ("/es", "octubre de 2001", f"37{NBSP}450,00{NBSP}USD"),
        ("/fr", "octobre 2001", f"37{NBSP}450,00{NBSP}USD"),
    ],
)
def test_dates_and_money_on_the_programme_page_follow_the_language(client, prefix, start, budget):
    phase_one = "/programmes/counter-trafficking-dominican-republic-phase-one/"
    page = html.unescape(client.get(prefix + phase_one).content.decode())
    assert f'<time datetime="2001-10">{start}</time>' in page
    assert budget in html.unescape(client.get(prefix + SEMINAR).content.decode())


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("prefix", "dateline"), [("", "October 2002"), ("/es", "octubre de 2002"), ("/fr", "octobre 2002")]
)
def test_a_date_known_to_the_month_is_written_as_the_language_writes_it(client, prefix, dateline):
    assert f'<time datetime="2002-10">{dateline}</time>' in client.get(f"{prefix}/").content.decode()


@pytest.mark.parametrize(
    ("language", "day", "month", "year"),
    [
        ("en", "28 May 2001", "May 2001", "2001"),
        ("es", "28 de mayo de 2001", "mayo de 2001", "2001"),
        ("fr", "28 mai 2001", "mai 2001", "2001"),
    ],
)
def test_partial_dates_in_each_language(language, day, month, year):
    with translation.override(language):
        assert format_partial_date(datetime.date(2001, 5, 28), "day") == day
        assert format_partial_date(datetime.date(2001, 5, 1), "month") == month
        assert format_partial_date(datetime.date(2001, 1, 1), "year") == year


@pytest.mark.parametrize(
    ("language", "money", "figure", "decimal"),
    [
        ("en", f"USD{NBSP}1,234,567.50", "50,000", "2.5"),
        ("es", f"1{NBSP}234{NBSP}567,50{NBSP}USD", f"50{NBSP}000", "2,5"),
        ("fr", f"1{NBSP}234{NBSP}567,50{NBSP}USD", f"50{NBSP}000", "2,5"),
    ],
)
def test_money_and_key_figures_in_each_language(language, money, figure, decimal):
    template = Template(
        "{% load programmes_extras %}"
        "{{ amount|money:'USD' }}|{{ people|figure }}|{{ share|figure }}|{{ none|money:'USD' }}"
    )
    context = Context(
        {"amount": Decimal("1234567.50"), "people": Decimal("50000.00"), "share": Decimal("2.50"), "none": None}
    )
    with translation.override(language):
        assert template.render(context) == f"{money}|{figure}|{decimal}|"


@pytest.mark.django_db
def test_the_donor_dashboard_dates_follow_the_language(client):
    user = UserFactory()
    DonorAccountFactory(user=user, funders=[GrantFactory().funder])
    client.force_login(user)
    with translation.override("es"):
        expected = format_partial_date(timezone.localdate(), "day")
    assert f"Cifras al {expected};" in text(client.get("/es/donor/"))


@pytest.mark.django_db
def test_robots_txt_keeps_crawlers_out_of_the_private_areas_in_every_language(client):
    lines = client.get("/robots.txt").content.decode().splitlines()
    for path in ("/donor/", "/accounts/", "/es/donor/", "/es/accounts/", "/fr/donor/", "/fr/accounts/"):
        assert f"Disallow: {path}" in lines


@pytest.mark.parametrize(
    ("language", "labels"),
    [
        ("en", ["950", "12.5k", "2M", "3.1bn"]),
        ("es", ["950", f"12,5{NBSP}mil", f"2{NBSP}M", f"3,1{NBSP}mil{NBSP}M"]),
        ("fr", ["950", f"12,5{NBSP}k", f"2{NBSP}M", f"3,1{NBSP}Md"]),
    ],
)
def test_chart_labels_use_the_decimal_mark_and_units_of_the_language(language, labels):
    with translation.override(language):
        assert [compact_number(value) for value in (950, 12_500, 2_000_000, 3_100_000_000)] == labels


@pytest.mark.django_db
def test_a_funder_page_names_its_columns_in_the_language_and_its_csv_too(client):
    funder = funding_organisations().first()
    page = document(client.get(f"/fr/funders/{funder.slug}/"))
    columns = page.xpath("//section[@aria-labelledby='grants']//thead//th/text()")
    assert columns == ["Programme", "Phase de", "Objet du financement", "Volet", "Période", "Devise", "Montant"]
    csv_link = page.xpath("//section[@aria-labelledby='grants']//a[@download]/@href")[0]
    assert not csv_link.startswith("/fr/") and csv_link.endswith("?lang=fr")
    header = client.get(csv_link).content.decode("utf-8-sig").splitlines()[0]
    assert header == "Programme,Phase de,Objet du financement,Volet,Période,Devise,Montant"
