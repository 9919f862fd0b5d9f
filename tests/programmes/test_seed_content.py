"""Every fact of the two source documents is a record or field after `migrate` alone."""

from __future__ import annotations

import datetime
import importlib
from decimal import Decimal

import pytest
from django.apps import apps as global_apps
from django.contrib.auth.models import Group

from funding.models import Grant
from partners.models import Agreement, Organisation, OverviewPartner, Participation
from programmes.models import Country, Overview, Programme, ThematicArea
from tests.seed_steps import FACTS, SEEDS, load_seed_content, seed_module, unload_later_steps

pytestmark = [pytest.mark.django_db, pytest.mark.both_engines]

SEMINAR = "international-migration-policy-seminar-caribbean"


def test_the_seminar_record_carries_the_idf_field_sheet():
    seminar = Programme.objects.get(code="T81-805")
    assert seminar.slug == SEMINAR
    assert seminar.title == "International Migration Policy Seminar for the Caribbean Region"
    assert seminar.status == Programme.Status.COMPLETED
    assert seminar.project_type.name == "Migration Policy Activities"
    assert seminar.budget_amount == Decimal("37450.00")
    assert seminar.budget_currency == "USD"
    assert seminar.coverage == Programme.Coverage.REGIONAL
    assert seminar.years == "2001"
    assert seminar.get_idf_region_display() == "Latin America and the Caribbean"
    benefiting = seminar.country_links.filter(role="benefiting").values_list("country__name", flat=True)
    assert sorted(benefiting) == ["Belize", "Dominican Republic", "Haiti"]
    assert seminar.is_published


def test_the_seminar_dates_are_the_project_records_without_inventing_precision():
    seminar = Programme.objects.get(code="T81-805")
    # "Start Date 2001", "End Date 2001": the seminar ran 28 May to 1 June (the narrative says so),
    # but the project also held a follow-up meeting on days no source gives.
    assert (seminar.start_date, seminar.start_precision) == (datetime.date(2001, 1, 1), "year")
    assert (seminar.end_date, seminar.end_precision) == (datetime.date(2001, 1, 1), "year")
    assert seminar.start_display == seminar.end_display == "2001"
    assert "from 28 May to 1 June 2001" in seminar.description
    assert seminar.country_links.get(role="venue").country.name == "Jamaica"
    assert seminar.estimates() == {"thematic_areas": seminar.areas_estimate}


def test_the_seminar_narrative_partners_and_results_are_recorded():
    seminar = Programme.objects.get(code="T81-805")
    assert "Santo Domingo, Dominican Republic in November 2000" in seminar.description
    assert "follow-up two-day meeting with governments" in seminar.description
    imp = seminar.participations.get(organisation__acronym="IMP")
    assert imp.description == "convened the seminar with IOM; the seminar was held under its aegis"
    assert seminar.participations.filter(organisation__acronym="IOM").exists()
    results = " ".join(seminar.results.values_list("title", flat=True))
    assert "counter-trafficking meeting planned for the Caribbean later in 2001" in results
    assert "pilot project for better remittance management (Haiti, Dominican Republic and Jamaica)" in results


def test_the_countries_of_the_seeds_exist_with_iso_codes():
    caribbean = dict(Country.objects.filter(is_caribbean=True).values_list("code", "name"))
    assert caribbean == {
        "BS": "Bahamas",
        "BB": "Barbados",
        "BZ": "Belize",
        "DO": "Dominican Republic",
        "HT": "Haiti",
        "JM": "Jamaica",
        "TT": "Trinidad and Tobago",
        "TC": "Turks and Caicos Islands",
        "AN": "Netherlands Antilles",
    }
    assert Country.objects.get(code="AN").also_known_as == "Dutch Antilles"
    assert Country.objects.get(code="AR", is_caribbean=False).name == "Argentina"


def test_the_four_core_areas_and_three_priorities_are_ordered_lists():
    core = ThematicArea.objects.filter(list="core").order_by("order")
    assert list(core.values_list("overview_wording", flat=True)) == [
        "Technical cooperation to strengthen migration management systems",
        "Promotion of dialogue and information exchange about migration",
        "Return & reintegration of highly skilled migrants",
        "Movement assistance",
    ]
    assert list(core.values_list("name", flat=True)) == [
        "Migration management",
        "Dialogue and information exchange",
        "Return of highly skilled migrants",
        "Movement assistance",
    ]
    priorities = ThematicArea.objects.filter(list="priority").order_by("order")
    wording = list(priorities.values_list("overview_wording", flat=True))
    assert len(wording) == 3
    assert wording[0].startswith("Facilitating labor migration, especially in the area of health experts")
    assert "smuggling and trafficking of persons" in wording[1]
    assert "including HIV/AIDS" in wording[2]
    assert list(priorities.values_list("name", flat=True)) == [
        "Labour migration",
        "Irregular flows, smuggling and trafficking",
        "Migrant rights and health",
    ]


def test_the_overview_record_holds_the_brochure():
    overview = Overview.objects.get(is_current=True)
    assert overview.title == "IOM in the Caribbean"
    assert overview.date_display == "October 2002"
    assert "Over the last 10 years" in overview.introduction
    assert overview.quote.startswith("Migration will be one of the major policy concerns of the 21st century.")
    assert (overview.quote_attribution, overview.quote_attribution_role) == ("Brunson McKinley", "IOM Director General")
    assert overview.priorities_heading == "Priority Strategies for 2003"
    assert "CARICOM agreements" in overview.priorities_conclusion
    assert overview.supporters_note == "other bilateral sources"


def test_the_overview_sections_list_the_brochures_programmes_in_order():
    overview = Overview.objects.get(is_current=True)

    def titles(section: str) -> list[str]:
        entries = overview.entries.filter(section=section).order_by("order")
        return [entry.heading or entry.programme.title for entry in entries]

    assert titles("to-date") == [
        "Haitian Technical Assistance Project",
        "Haitian Migration Management Program",
        "Regularization and Repatriation of Haitian Nationals from the Turks and Caicos Islands",
        "Third Country Return",
        "Return and Reintegration of Qualified Jamaican Nationals",
        "Counter-Trafficking Assistance in the Dominican Republic",
        "Regional Seminars on Migration Policy and Practice",
    ]
    assert titles("proposed") == ["Technical Cooperation Center for the Caribbean"]
    assert titles("current") == [
        "Regional initiative for the Caribbean on HIV/AIDS and mobile populations",
        "Counter-trafficking: A Strategy for the Dominican Republic",
        "Managing Migration and Promoting Migrants Rights",
    ]
    assert titles("ahead") == ["Capacity Building in Migration Management in Jamaica"]
    assert Programme.objects.get(slug="haitian-technical-assistance-project").acronym == "HTAP"
    assert Programme.objects.get(slug="haitian-migration-management-program").acronym == "MMP"


def test_the_counter_trafficking_phases_results_figures_and_study():
    programme = Programme.objects.get(slug="counter-trafficking-dominican-republic")
    assert programme.start_display == "2000"
    phase_one, phase_two = programme.phases.order_by("order")
    assert (phase_one.start_display, phase_one.end_display) == ("October 2001", "August 2002")
    assert phase_one.results.count() == 3
    assert phase_one.results.first().title == "increased public awareness"
    assert list(phase_two.components.values_list("title", flat=True)) == [
        "Legislation",
        "Reintegration of victims",
        "Education",
        "Information exchange",
    ]
    women = programme.key_figures.get(value=50000)
    assert women.qualifier == "some"
    assert "fifteen years" in women.label
    ages = programme.key_figures.get(value=17)
    assert ages.value_to == 30
    assert programme.publications.get().title == (
        "Trafficking of Women from the Dominican Republic for Sexual Exploitation Purposes"
    )
    destinations = programme.country_links.filter(role="destination").values_list("country__code", flat=True)
    assert set(destinations) == {"AN", "AR"}
    agreement = Agreement.objects.get(programme=programme)
    assert agreement.signed_display == "April 2001"
    assert set(agreement.organisations.values_list("acronym", flat=True)) == {"SSW", "IOM"}


def test_the_hiv_initiative_is_planned_for_november_2002_in_five_countries():
    programme = Programme.objects.get(slug="hiv-aids-and-mobile-populations")
    assert programme.status == Programme.Status.PIPELINE
    assert programme.start_display == "November 2002"
    assert set(programme.countries.values_list("code", flat=True)) == {"BS", "BB", "DO", "JM", "TT"}
    assert programme.key_figures.get(value=15).value_to == 44
    grant = programme.grants.get()
    assert grant.funder.name == "U.S. State Department"
    assert grant.component.title == "Baseline assessment"
    assert grant.amount is None


def test_the_migrants_rights_programme_names_its_funders_and_survey():
    programme = Programme.objects.get(slug="managing-migration-and-promoting-migrants-rights")
    funders = set(programme.grants.values_list("funder__name", flat=True))
    assert funders == {"Government of the Dominican Republic", "United States Government", "Government of Canada"}
    # "Initial discussions on the project and its design started in 2001": a start, marked as estimated.
    assert (programme.start_display, programme.start_precision) == ("2001", "year")
    assert "initial discussions" in programme.start_estimate
    assert programme.key_figures.get().value == 4000
    partners = set(programme.participations.values_list("organisation__acronym", flat=True))
    assert {"FLACSO"} <= partners
    assert programme.participations.filter(organisation__name="Trinity College").exists()


def test_no_grant_invents_an_amount_or_a_currency():
    assert Grant.objects.count() == 7
    assert not Grant.objects.filter(amount__isnull=False).exists()
    assert not Grant.objects.exclude(currency="").exists()
    fund = Grant.objects.get(programme__code="T81-805").funder
    assert (fund.name, fund.parent.acronym) == ("IOM Development Fund", "IOM")
    assert Grant.objects.get(programme__slug="counter-trafficking-dominican-republic-phase-two").is_primary


def test_jamaica_project_and_technical_cooperation_center_are_in_the_pipeline():
    jamaica = Programme.objects.get(slug="capacity-building-in-migration-management-jamaica")
    assert jamaica.status == Programme.Status.PIPELINE
    assert jamaica.components.count() == 2
    assert "documentation fraud prevention" in jamaica.components.get(title="Institutional strengthening").description
    center = Programme.objects.get(slug="technical-cooperation-center-for-the-caribbean")
    assert (center.status, center.start_display) == (Programme.Status.PIPELINE, "2003")


def test_the_partners_paragraph_organisations_are_records():
    overview = Overview.objects.get(is_current=True)
    mentions = OverviewPartner.objects.filter(overview=overview)
    groups = {
        group: set(mentions.filter(group=group).values_list("organisation__acronym", flat=True))
        for group in ("un-system", "health")
    }
    assert groups == {"un-system": {"UNHCR", "UNFPA", "UNDP", "ILO"}, "health": {"WHO/PAHO", "UNAIDS"}}
    supporters = set(mentions.filter(group="supporter").values_list("organisation__name", flat=True))
    assert supporters == {"Government of Canada", "United States Government", "European Union"}
    assert Agreement.objects.filter(organisations__acronym="WHO/PAHO").exists()
    assert Agreement.objects.filter(organisations__acronym="UNAIDS").exists()
    assert Organisation.objects.get(acronym="IOM").iati_identifier == "XM-DAC-47066"


def test_every_seed_programme_is_published_and_has_an_accountable_or_listed_role():
    assert Programme.objects.count() == 14
    assert Programme.objects.published().count() == 14
    assert Participation.objects.filter(role="2", organisation__acronym="IOM").count() >= 8


def test_the_staff_groups_exist_with_their_permissions():
    editors = Group.objects.get(name="Programme editors")
    finance = Group.objects.get(name="Finance officers")
    assert editors.permissions.filter(codename="change_programme").exists()
    assert not editors.permissions.filter(codename="change_grant").exists()
    assert finance.permissions.filter(codename="change_grant").exists()
    assert finance.permissions.filter(codename="view_programme").exists()
    assert not finance.permissions.filter(codename="change_programme").exists()


@pytest.mark.parametrize("app", ["programmes", "partners", "funding"])
def test_re_running_a_seed_migration_adds_no_duplicate(app):
    migration = seed_module(app)
    # Using the live models writes history rows; only the records themselves must not grow.
    models = [m for m in global_apps.get_app_config(app).get_models() if not m.__name__.startswith("Historical")]
    counts = {model: model.objects.count() for model in models}
    migration.seed(global_apps, None)
    for name in FACTS:  # the corrections, and the results moved into the framework, as the migrations do
        if name.startswith(f"{app}."):
            importlib.import_module(name).forwards(global_apps, None)
    assert {model: model.objects.count() for model in counts} == counts


def content_counts() -> dict[str, int]:
    """How many records of each model of the content (the history and what is derived from it aside)."""
    return {
        model._meta.label: model._default_manager.count()
        for app in ("programmes", "partners", "funding", "documents")
        for model in global_apps.get_app_config(app).get_models()
        if not model.__name__.startswith("Historical")
    }


def test_the_seed_migrations_reverse_cleanly():
    """And loading the seed again (as the browser tests do after each flush, ``load_seed_content``)
    gives the records a migrated database holds, the later migrations' places, translations and
    documents too."""
    migrated = content_counts()
    unload_later_steps(global_apps)
    seeds = [importlib.import_module(name) for name in SEEDS]
    # The corrections of the seed that can be told apart (the fund, the departments' parents) reverse first.
    for name in ("funding.migrations.0008_seed_facts", "partners.migrations.0006_seed_facts"):
        importlib.import_module(name).backwards(global_apps, None)
    for migration in reversed(seeds):
        migration.unseed(global_apps, None)
    assert not Programme.objects.exists()
    assert not Organisation.objects.exists()
    assert not Country.objects.exists()
    load_seed_content(global_apps)
    assert Programme.objects.count() == 14
    assert Grant.objects.count() == 7
    assert content_counts() == migrated
