"""Organisation pages: the partners of published programmes, and one page per organisation."""

from __future__ import annotations

import html

import pytest
from django.urls import reverse

from partners.models import Organisation
from programmes.models import Overview, Programme
from tests.factories import (
    AgreementFactory,
    GrantFactory,
    OrganisationFactory,
    OverviewFactory,
    ParticipationFactory,
    ProgrammeFactory,
)

pytestmark = pytest.mark.django_db

LIST_URL = reverse("partners:list")


def url(slug: str) -> str:
    return reverse("partners:detail", kwargs={"slug": slug})


def text(response) -> str:
    return " ".join(html.unescape(response.content.decode()).split())


def section(response, heading_id: str) -> str:
    page = text(response)
    start = page.index(f'id="{heading_id}"')
    return page[start : page.index("</section>", start)]


def group(page: str, heading: str) -> str:
    start = page.index(f">{heading}</h2>")
    return page[start : page.index("</section>", start)]


def test_the_partner_list_groups_organisations_with_published_roles_by_type(client):
    response = client.get(LIST_URL)
    page = text(response)
    assert response.status_code == 200
    government = group(page, "Government")
    for name in (
        "Government of the Dominican Republic",
        "Dominican Ministry of Foreign Affairs",
        "State Secretariat for Women (SSW)",
        "Government of Jamaica",
        "United States Government",
    ):
        assert f">{name}</a>" in government
    multilateral = group(page, "Multilateral")
    assert ">International Organization for Migration (IOM)</a>" in multilateral
    assert "8 programmes" in multilateral
    assert ">International Migration Policy Programme (IMP)</a>" in multilateral
    academic = group(page, "Academic, training and research")
    assert ">Latin American Faculty of Social Sciences (FLACSO)</a>" in academic
    assert ">Trinity College</a>" in academic
    # Named in the overview, but with no role in a programme.
    assert "UNHCR" not in page
    assert page.index(">Government</h2>") < page.index(">Multilateral</h2>") < page.index(">Academic")


def test_an_organisation_whose_only_role_is_in_an_unpublished_programme_is_not_a_partner(client):
    ParticipationFactory(organisation__name="Partner of a draft", programme=ProgrammeFactory(is_published=False))
    phase = ProgrammeFactory(parent=ProgrammeFactory(is_published=False))
    ParticipationFactory(organisation__name="Partner of a hidden phase", programme=phase)
    iom = Organisation.objects.get(slug="iom")
    ParticipationFactory(organisation=iom, programme=ProgrammeFactory(is_published=False))

    page = text(client.get(LIST_URL))

    assert "Partner of a draft" not in page
    assert "Partner of a hidden phase" not in page
    assert "8 programmes" in group(page, "Multilateral")


def test_an_organisation_page_shows_its_details(client):
    response = client.get(url("iom"))
    page = text(response)
    assert "<h1>International Organization for Migration</h1>" in page
    assert "<dt>Acronym</dt><dd>IOM</dd>" in page
    assert "<dt>Type</dt><dd>Multilateral</dd>" in page
    assert '<a href="https://www.iom.int" rel="external noopener">https://www.iom.int</a>' in page
    assert "<code>XM-DAC-47066</code>" in page


def test_an_organisation_page_lists_its_programmes_with_role_and_what_it_did(client):
    programmes = section(client.get(url("imp")), "programmes")
    link = reverse("programmes:detail", kwargs={"slug": "international-migration-policy-seminar-caribbean"})
    assert f'<a href="{link}">International Migration Policy Seminar for the Caribbean Region</a>' in programmes
    assert "Implementing" in programmes
    assert "convened the seminar with IOM; the seminar was held under its aegis" in programmes


def test_an_organisation_page_shows_its_country_and_its_agreements(client):
    response = client.get(url("state-secretariat-for-women"))
    assert '<dt>Country</dt><dd><a href="/countries/dominican-republic/">Dominican Republic</a></dd>' in text(response)
    agreements = section(response, "agreements")
    assert "SSW and IOM counter-trafficking partnership agreement" in agreements
    assert "signed April 2001" in agreements
    assert '<a href="/partners/iom/">International Organization for Migration (IOM)</a>' in agreements
    assert "Counter-Trafficking Assistance in the Dominican Republic</a>" in agreements


def test_an_organisation_page_shows_the_funding_it_gave_to_published_programmes(client):
    iom = Organisation.objects.get(slug="iom")
    GrantFactory(funder=iom, programme=ProgrammeFactory(title="A draft IOM funds", is_published=False))
    grants = section(client.get(url("iom")), "grants")
    assert "Program to Prevent and Combat Trafficking of Women in the Dominican Republic: phase one" in grants
    assert "Amount not published" in grants
    assert "A draft IOM funds" not in grants
    assert '<a href="/funders/iom/">' in grants


def test_an_organisation_named_in_the_overview_has_a_page_even_without_a_role(client):
    response = client.get(url("unhcr"))
    page = text(response)
    assert response.status_code == 200
    assert "<h1>Office of the United Nations High Commissioner for Refugees</h1>" in page
    assert "<code>XM-DAC-41121</code>" in page
    assert "No role in a published programme." in page
    assert 'id="grants"' not in page


def test_roles_agreements_and_grants_in_unpublished_programmes_stay_hidden(client):
    root = ProgrammeFactory(title="Secret draft programme", is_published=False)
    # Published, under a published phase of the draft: hidden with it, however deep.
    phase = ProgrammeFactory(title="Secret phase", parent=root)
    grandchild = ProgrammeFactory(title="Secret phase of a phase", parent=phase)
    organisation = OrganisationFactory(slug="quiet-partner")
    ParticipationFactory(organisation=organisation, programme=ProgrammeFactory(title="Its public programme"))
    for draft in (root, phase, grandchild):
        ParticipationFactory(organisation=organisation, programme=draft)
        GrantFactory(funder=organisation, programme=draft)
        AgreementFactory(title=f"An agreement on {draft.title}", programme=draft).organisations.add(organisation)

    page = text(client.get(url("quiet-partner")))

    assert "Its public programme" in page
    assert "Secret" not in page
    assert 'id="agreements"' not in page
    for draft in (root, phase, grandchild):
        assert reverse("programmes:detail", kwargs={"slug": draft.slug}) not in page


def test_an_organisation_whose_only_part_is_in_unpublished_programmes_has_no_page(client):
    draft = ProgrammeFactory(is_published=False)
    hidden_phase = ProgrammeFactory(parent=ProgrammeFactory(parent=draft))
    for slug, programme in (("draft-partner", draft), ("deep-partner", hidden_phase)):
        organisation = OrganisationFactory(slug=slug)
        ParticipationFactory(organisation=organisation, programme=programme)
        GrantFactory(funder=organisation, programme=programme)
        AgreementFactory(programme=programme).organisations.add(organisation)

        assert client.get(url(slug)).status_code == 404


def public_ties() -> dict[str, tuple[str, bool]]:
    """Organisations with one tie each, and whether that tie makes them public."""
    draft, published = ProgrammeFactory(is_published=False), ProgrammeFactory()
    deep = ProgrammeFactory(parent=ProgrammeFactory(parent=draft))
    ties = {
        "role-in-published": (lambda o: ParticipationFactory(organisation=o, programme=published), True),
        "grant-to-published": (lambda o: GrantFactory(funder=o, programme=published), True),
        "agreement-alone": (lambda o: AgreementFactory().organisations.add(o), True),
        "agreement-on-published": (lambda o: AgreementFactory(programme=published).organisations.add(o), True),
        "named-in-the-overview": (
            lambda o: o.overview_mentions.create(overview=Overview.objects.get(is_current=True), group="supporter"),
            True,
        ),
        "named-in-a-draft-overview": (
            lambda o: o.overview_mentions.create(overview=OverviewFactory(is_published=False), group="supporter"),
            False,
        ),
        "role-in-draft": (lambda o: ParticipationFactory(organisation=o, programme=draft), False),
        "role-deep-under-draft": (lambda o: ParticipationFactory(organisation=o, programme=deep), False),
        "grant-deep-under-draft": (lambda o: GrantFactory(funder=o, programme=deep), False),
        "agreement-on-draft": (lambda o: AgreementFactory(programme=deep).organisations.add(o), False),
        "no-tie": (lambda o: None, False),
    }
    for slug, (tie, _) in ties.items():
        tie(OrganisationFactory(slug=slug))
    return {slug: is_public for slug, (_, is_public) in ties.items()}


def test_the_page_the_api_and_the_sitemap_agree_on_which_organisations_are_public(client):
    expected = public_ties()
    sitemap = client.get("/sitemap.xml").content.decode()

    for slug, is_public in expected.items():
        page, record = client.get(url(slug)), client.get(f"/api/organisations/{slug}/")
        assert (page.status_code, record.status_code) == ((200, 200) if is_public else (404, 404)), slug
        assert (url(slug) in sitemap) == is_public, slug
    assert set(Organisation.objects.public().filter(slug__in=expected).values_list("slug", flat=True)) == {
        slug for slug, is_public in expected.items() if is_public
    }


def test_an_unknown_organisation_is_not_found(client):
    assert client.get(url("no-such-organisation")).status_code == 404


# The content version (iomcaribbean.caching; read-only pages run no transaction), then: the
# organisations, their countries and their counts of published programmes.
LIST_QUERIES = 1 + 1
# The organisation and its country; its participations; its agreements and their organisations;
# its grants; its documents.
DETAIL_QUERIES = 1 + 6


def test_partner_pages_run_the_same_queries_however_many_rows(client, django_assert_num_queries):
    with django_assert_num_queries(LIST_QUERIES):
        client.get(LIST_URL)
    with django_assert_num_queries(DETAIL_QUERIES):
        client.get(url("iom"))

    iom = Organisation.objects.get(slug="iom")
    for _ in range(8):
        programme = ProgrammeFactory(parent=Programme.objects.get(slug="counter-trafficking-dominican-republic"))
        ParticipationFactory(organisation=iom, programme=programme)
        ParticipationFactory(programme=programme)
        GrantFactory(funder=iom, programme=programme)
        AgreementFactory(programme=programme).organisations.add(iom, OrganisationFactory())

    with django_assert_num_queries(LIST_QUERIES):
        listing = client.get(LIST_URL)
    assert "16 programmes" in group(text(listing), "Multilateral")
    with django_assert_num_queries(DETAIL_QUERIES):
        response = client.get(url("iom"))
    assert section(response, "programmes").count("<li>") == 8 + 8
