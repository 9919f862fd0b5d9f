# Squashes 0001-0006 (as squashmigrations does, with the data migrations moved to the end): the
# same tables, indexes and content, in a few operations instead of 244. Each of 0006's 186 AddFields
# re-rendered every model related to the one it changed, most of the time a new database (a test
# database too) took to build. A database that applied 0001-0006 carries on with them; a new one
# runs this instead. The replaced migrations' data functions run here in their order, once the
# tables are in their final form: the seed writes the original text columns, then 0006's
# copy_to_english copies them into the English ones, as before. 0007 stays a migration of its own,
# so its SQL indexes are still made after every index made here: of two equal indexes, which one
# PostgreSQL's planner reads depends on that order (tests/test_indexes.py). The replaced files are
# deleted; their data functions are here (the seed below: the content of the two source
# documents, keyed by slug so that re-running adds no duplicate). `replaces` stays, so a database
# that applied 0001-0006 still counts this one as applied. One piece: a migration is read whole.

import datetime

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models
from django.db.models import F


# The seed (from 0002_seed_content): the content of the two source documents -------------------

COUNTRIES = [
    # code, name, slug, Caribbean state, also known as
    ("BS", "Bahamas", "bahamas", True, ""),
    ("BB", "Barbados", "barbados", True, ""),
    ("BZ", "Belize", "belize", True, ""),
    ("DO", "Dominican Republic", "dominican-republic", True, ""),
    ("HT", "Haiti", "haiti", True, ""),
    ("JM", "Jamaica", "jamaica", True, ""),
    ("TT", "Trinidad and Tobago", "trinidad-and-tobago", True, ""),
    ("TC", "Turks and Caicos Islands", "turks-and-caicos-islands", True, ""),
    ("AN", "Netherlands Antilles", "netherlands-antilles", True, "Dutch Antilles"),
    ("AR", "Argentina", "argentina", False, ""),
    ("CA", "Canada", "canada", False, ""),
    ("US", "United States", "united-states", False, ""),
]

THEMATIC_AREAS = [
    # list, order, slug, short name, name as the overview states it
    ("core", 1, "migration-management", "Migration management",
     "Technical cooperation to strengthen migration management systems"),
    ("core", 2, "dialogue-and-information", "Dialogue and information exchange",
     "Promotion of dialogue and information exchange about migration"),
    ("core", 3, "return-of-skilled-migrants", "Return of highly skilled migrants",
     "Return & reintegration of highly skilled migrants"),
    ("core", 4, "movement-assistance", "Movement assistance", "Movement assistance"),
    ("priority", 1, "labour-migration", "Labour migration",
     "Facilitating labor migration, especially in the area of health experts"),
    ("priority", 2, "irregular-flows", "Irregular flows, smuggling and trafficking",
     "Combating irregular flows including different forms of smuggling and trafficking of persons"),
    ("priority", 3, "migrant-rights-and-health", "Migrant rights and health",
     "Promotion of migrant rights, including migrants' access to adequate health care and the relation "
     "between mobile populations and the spread of infectious diseases, including HIV/AIDS"),
]

PROJECT_TYPES = [("migration-policy-activities", "Migration Policy Activities")]

D = datetime.date

SEMINAR_DESCRIPTION = """IOM and IMP convened a migration policy seminar for the Caribbean region in Jamaica from 28 May to 1 June 2001, as a follow-up to the regional meeting in Santo Domingo, Dominican Republic in November 2000. The major aims of this seminar were to find common solutions to the challenges posed by labour migration, migrant trafficking, HIV/AIDS and irregular migration in general.

While the seminar was held under the aegis of IMP, there was a follow-up two-day meeting with governments and other participants to find ways of translating the findings of the seminar into practical work plans of use to both the governments of the region and IOM. This was an important and ground-breaking adjunct to the IMP/IOM seminar inasmuch as it took the discussion to the next level of practical programme planning."""

HIV_DESCRIPTION = """Mobility is an inherent characteristic of Caribbean life. There is significant internal movement within the region and, to a lesser extent, migration out of the region as well. The flows are not uni-directional. Couple this fact with the knowledge that HIV/AIDS is the leading cause of death for Caribbean citizens between the ages of 15 and 44, and that the Caribbean has the second highest HIV prevalence in the world, and the need for both data and action around the nexus between HIV/AIDS and mobility is clear.

To address this need, IOM will implement, starting in November 2002, a regional initiative to examine HIV/AIDS and mobile populations in the Caribbean. The project will encompass two main areas of work.

The overall objective is to contribute to the reduction of sexually transmitted infections, HIV/AIDS and tuberculosis among mobile populations in the Caribbean and improve their access to prevention, care and support."""

HIV_BASELINE = """The first step will be to conduct a baseline assessment focusing on migrant populations in the Bahamas, Barbados, the Dominican Republic, Jamaica, and Trinidad and Tobago, that are at risk of acquiring HIV/AIDS. Both existing data and data obtained from a survey among mobile populations in each country will be compiled and analysed.

After completion of the baseline assessment, it is hoped a better understanding of the following issues will be obtained:
- The characteristics and dynamics of population movements within the region
- Factors that promote vulnerability and resilience to HIV in order to understand risk and health seeking behaviours.
- The level of knowledge and awareness with regard to sexually transmitted infections and HIV/AIDs among mobile populations, including tourists
- Migration policies and health policies in the areas of origin and destination.

This information will then be used to determine the detail of potential intervention strategies."""

HIV_INTERVENTION = """In the second phase of the project suitable intervention strategies, as determined by the research, will be delineated to prevent further spread of HIV/AIDS among mobile populations in the Caribbean. IOM will develop and test a replicable model of intervention for HIV prevention and access to health care specifically targeted at the migrant populations in one of the selected countries by means of a general education program and group counselling services, in addition to individual counselling."""

TRAFFICKING_DESCRIPTION = """IOM began working closely with governmental and nongovernmental actors to facilitate a comprehensive counter trafficking program for the Dominican Republic in 2000. By April 2001, an agreement between the Dominican Republic's State Secretariat for Women (SSW) and IOM was signed, cementing a close working partnership and commitment to progress on the issue.

Trafficking is not a new phenomenon to the Dominican Republic. IOM estimates that over the past fifteen years some 50,000 Dominican women have been trafficked to the Dutch Antilles, Europe and more recently Argentina and Central America through false employment offers or marriage promises. Many have ended up in debt bondage, abused and exploited in the commercial sex industry, domestic service, or working in bars and restaurants. The majority of these women are between 17 and 30 years of age. They are poor and have little education.

As providing baseline information is a first step in any strategy to effect change, IOM first published a study on the Trafficking of Women from the Dominican Republic for Sexual Exploitation Purposes and disseminated this information throughout the country. Following this dissemination phase, a seminar was then organized by the Dominican Ministry of Foreign Affairs, the State Secretariat for Women and IOM to bring together both government and civil society to discuss the roles they play, and encourage potential interactions. By focusing on the roles of State and civil society, the groundwork for more effective outreach and action had begun."""

PHASE_ONE_DESCRIPTION = """From October 2001 to August 2002, the program to Prevent and Combat Trafficking of Women in the Dominican Republic ran its first phase.

IOM allocated special funds to support the formal information campaign (TV, radio and press) which took place during this phase. These public information and education activities addressed trafficking both internally and abroad."""

PHASE_TWO_DESCRIPTION = """The second phase of the project will consolidate the results and groundwork in phase one and move forward to take concrete actions to address the problem. As such, phase two of the project has a four-pronged approach.

These four areas of activity aim to strengthen national capacities to prevent and combat trafficking of women in the Dominican Republic, both internal and international, and promote respect for migrant women's rights. These activities are supported primarily through a grant from the U.S. State Department."""

RIGHTS_DESCRIPTION = """In cooperation with the Government of the Dominican Republic, IOM has developed a program to promote migrants' rights within the framework of an overall approach to migration management in the Dominican Republic. The project is a first step in a wider comprehensive IOM strategy and program towards strengthening governmental and civil society structures dealing with migration in the country, to ensure both improved migration management and the respect of migrant and citizen rights. Information and education activities will target governmental institutions at the central and local levels, community leaders, decision makers and other civil society sectors at the local levels.

Initial discussions on the project and its design started in 2001, with the Dominican Ministry of Foreign Affairs, the Latin American Faculty of Social Sciences (FLACSO), NGOs and IOM."""

RIGHTS_SURVEY = """Supported by contributions from the Governments of the Dominican Republic and the United States, IOM is distributing a national survey to assemble information on the Haitian population living in the Dominican Republic. Data gathered will serve as a sound base for a regularization program and other policy actions related to migration and labor markets. Additionally, it will strengthen civil society institutions and provide information and training to civil society leaders and Haitian migrants in order to enhance their commitment to the promotion of migrant rights and the fight against discrimination and racial prejudice.

The preparation and implementation of the survey will produce quantitative data and a qualitative analysis on Haitian illegal residents in the country, including demographic information, geographic distribution, sectors of economic activity, educational and labor background, time of residence, children born in the country, access to health and education services, etc. The survey will be designed and implemented in cooperation with FLACSO, several Haitian-focused NGOs and a U.S. academic expert from Trinity College. This joint effort will contribute to the development of a culturally appropriate questionnaire. It will also identify geographic distribution points, which will cover up to 4,000 Haitian households. Information obtained from the questionnaire will be compiled within a database and analyzed in a final report presenting the first comprehensive picture of the Haitian population living in the Dominican Republic."""

RIGHTS_SENSITISATION = """The Canadian Government has extended funds for a series of interconnected activities to pursue sensitisation, education and political support for migrants rights at different levels of society in the Dominican Republic. IOM will combine different approaches, including public information campaigns, educational events, lobbying and advocacy activities targeted at specific audiences. Using formal and informal tools, the program will focus efforts on government institutions at the central and local levels, community leaders, decision makers, media, and the population at large.

Education and sensitisation will be centered on the dissemination of international agreements on migrant rights and information pertaining to racial prejudices and discrimination. Special attention will be paid to gender sensitive situations and women's rights. The project will also link issues of migrants' rights and the combat against discrimination and racial prejudice with ongoing activities to promote citizens' participation in civil society."""

JAMAICA_DESCRIPTION = """Targeted at technical cooperation and capacity building at the national level, IOM is developing a program to partner the Government of Jamaica in dealing with its migratory challenges by enhancing migration management capabilities and reinforcing technical infrastructure through modernization. The two main components of the project are improved border management systems and institutional strengthening.

IOM's strategy for implementing the proposed changes is to utilize a comprehensive, holistic approach that deals with technological and knowledge-related gaps, and policy and legislative gaps that will enable the Government of Jamaica to effectively deal with their increasing migratory challenges."""

JAMAICA_INSTITUTIONAL = """Institutional strengthening through technical cooperation assistance in policy matters, legislation and regulations, coupled with specific training in various areas, including:
1) risk profiling for combating smuggling and trafficking,
2) documentation fraud prevention,
3) improving criminal intelligence capability related to migration management, and
4) improving responses to transnational organized crime."""

CENTER_DESCRIPTION = """Such a center will allow IOM to provide training in migration matters to national governments, within an integrated approach. IOM will thus be able to mobilize experts to respond to specific training needs, assist in legislation review, and facilitate modernization of relevant institutions."""

# Each programme: slug, then its fields; "countries" are (code, role); "areas" are slugs.
PROGRAMMES = [
    {
        "slug": "international-migration-policy-seminar-caribbean",
        "title": "International Migration Policy Seminar for the Caribbean Region",
        "code": "T81-805",
        "status": "completed",
        "project_type": "migration-policy-activities",
        "coverage": "regional",
        "start_date": D(2001, 5, 28), "start_precision": "day",
        "end_date": D(2001, 6, 1), "end_precision": "day",
        "budget_amount": "37450.00", "budget_currency": "USD",
        "summary": "IOM and IMP convened a migration policy seminar for the Caribbean region in Jamaica from "
                   "28 May to 1 June 2001, to find common solutions to the challenges posed by labour migration, "
                   "migrant trafficking, HIV/AIDS and irregular migration in general.",
        "description": SEMINAR_DESCRIPTION,
        "countries": [("BZ", "benefiting"), ("DO", "benefiting"), ("HT", "benefiting"), ("JM", "venue")],
        "areas": ["dialogue-and-information"],
        "results": [
            "Helped prepare the way for the counter-trafficking meeting planned for the Caribbean later in 2001.",
            "Helped prepare the way for concrete projects in key areas such as academic training for migration "
            "officials, counter-trafficking projects throughout the region and a pilot project for better "
            "remittance management (Haiti, Dominican Republic and Jamaica).",
        ],
    },
    {"slug": "haitian-technical-assistance-project", "title": "Haitian Technical Assistance Project",
     "acronym": "HTAP", "status": "completed", "countries": [("HT", "benefiting")],
     "areas": ["migration-management"]},
    {"slug": "haitian-migration-management-program", "title": "Haitian Migration Management Program",
     "acronym": "MMP", "status": "completed", "countries": [("HT", "benefiting")],
     "areas": ["migration-management"]},
    {"slug": "regularization-and-repatriation-turks-and-caicos",
     "title": "Regularization and Repatriation of Haitian Nationals from the Turks and Caicos Islands",
     "status": "completed", "countries": [("TC", "benefiting"), ("HT", "destination")],
     "areas": ["movement-assistance"]},
    {"slug": "third-country-return", "title": "Third Country Return", "status": "completed",
     "coverage": "regional", "areas": ["movement-assistance"]},
    {"slug": "return-and-reintegration-of-qualified-jamaican-nationals",
     "title": "Return and Reintegration of Qualified Jamaican Nationals", "status": "completed",
     "countries": [("JM", "benefiting")], "areas": ["return-of-skilled-migrants"]},
    {"slug": "regional-seminars-on-migration-policy-and-practice",
     "title": "Regional Seminars on Migration Policy and Practice", "status": "completed",
     "coverage": "regional", "areas": ["dialogue-and-information"]},
    {
        "slug": "counter-trafficking-dominican-republic",
        "title": "Counter-Trafficking Assistance in the Dominican Republic",
        "status": "ongoing",
        "start_date": D(2000, 1, 1), "start_precision": "year",
        "summary": "Since 2000 IOM has worked closely with governmental and nongovernmental actors on a "
                   "comprehensive counter-trafficking program for the Dominican Republic.",
        "description": TRAFFICKING_DESCRIPTION,
        "countries": [("DO", "benefiting"), ("AN", "destination"), ("AR", "destination")],
        "areas": ["irregular-flows"],
        "key_figures": [
            ("50000", None, "some", "Dominican women trafficked abroad over the past fifteen years (IOM estimate)"),
            ("17", "30", "", "age in years of the majority of the women trafficked"),
        ],
        "publications": [
            ("Trafficking of Women from the Dominican Republic for Sexual Exploitation Purposes",
             "A study published by IOM as baseline information and disseminated throughout the country."),
        ],
    },
    {
        "slug": "counter-trafficking-dominican-republic-phase-one",
        "title": "Program to Prevent and Combat Trafficking of Women in the Dominican Republic: phase one",
        "parent": "counter-trafficking-dominican-republic", "order": 1,
        "status": "completed",
        "start_date": D(2001, 10, 1), "start_precision": "month",
        "end_date": D(2002, 8, 1), "end_precision": "month",
        "summary": "The first phase of the program ran from October 2001 to August 2002.",
        "description": PHASE_ONE_DESCRIPTION,
        "countries": [("DO", "benefiting")],
        "areas": ["irregular-flows"],
        "results": [
            "increased public awareness",
            "enhanced interest and willingness from governmental institutions to face the issue of trafficking "
            "and the traffickers",
            "the strengthening of an inter-institutional structure that has identified trafficking as a "
            "primary focus",
        ],
        "components": [
            ("Formal information campaign (TV, radio and press)",
             "Public information and education activities that addressed trafficking both internally and abroad."),
        ],
    },
    {
        "slug": "counter-trafficking-dominican-republic-phase-two",
        "title": "Program to Prevent and Combat Trafficking of Women in the Dominican Republic: phase two",
        "parent": "counter-trafficking-dominican-republic", "order": 2,
        "status": "ongoing",
        "summary": "Phase two consolidates the results of phase one and takes concrete actions against "
                   "trafficking through a four-pronged approach.",
        "description": PHASE_TWO_DESCRIPTION,
        "countries": [("DO", "benefiting")],
        "areas": ["irregular-flows", "migrant-rights-and-health"],
        "components": [
            ("Legislation", ""),
            ("Reintegration of victims", ""),
            ("Education", ""),
            ("Information exchange", ""),
        ],
    },
    {
        "slug": "hiv-aids-and-mobile-populations",
        "title": "Regional initiative for the Caribbean on HIV/AIDS and mobile populations",
        "status": "pipeline",
        "coverage": "regional",
        "start_date": D(2002, 11, 1), "start_precision": "month",
        "summary": "Starting in November 2002, a regional initiative to examine HIV/AIDS and mobile populations "
                   "in the Caribbean.",
        "description": HIV_DESCRIPTION,
        "countries": [("BS", "benefiting"), ("BB", "benefiting"), ("DO", "benefiting"), ("JM", "benefiting"),
                      ("TT", "benefiting")],
        "areas": ["migrant-rights-and-health"],
        "components": [
            ("Baseline assessment", HIV_BASELINE),
            ("Intervention strategies for HIV prevention and access to health care",
             HIV_INTERVENTION),
        ],
        "key_figures": [
            ("15", "44", "", "age in years of the Caribbean citizens for whom HIV/AIDS is the leading cause of death"),
            ("2", None, "", "rank of the Caribbean among the world's regions by HIV prevalence (second highest)"),
        ],
    },
    {
        "slug": "managing-migration-and-promoting-migrants-rights",
        "title": "Managing Migration and Promoting Migrants Rights",
        "status": "ongoing",
        "summary": "A program to promote migrants' rights within an overall approach to migration management in "
                   "the Dominican Republic, developed with the Government of the Dominican Republic.",
        "description": RIGHTS_DESCRIPTION,
        "countries": [("DO", "benefiting")],
        "areas": ["migrant-rights-and-health", "migration-management"],
        "components": [
            ("National survey of the Haitian population living in the Dominican Republic",
             RIGHTS_SURVEY),
            ("Sensitisation, education and political support for migrants rights",
             RIGHTS_SENSITISATION),
        ],
        "key_figures": [("4000", None, "up to", "Haitian households the national survey covers")],
    },
    {
        "slug": "capacity-building-in-migration-management-jamaica",
        "title": "Capacity Building in Migration Management in Jamaica",
        "status": "pipeline",
        "summary": "A program IOM is developing to partner the Government of Jamaica in dealing with its "
                   "migratory challenges by enhancing migration management capabilities.",
        "description": JAMAICA_DESCRIPTION,
        "countries": [("JM", "benefiting")],
        "areas": ["migration-management", "irregular-flows"],
        "components": [
            ("Improvement of border management systems",
             "Improvement of border management systems through the provision of appropriate and necessary "
             "technical inputs in the main Jamaican air and seaports, as well as through a targeted training "
             "program for technical and end-user staff."),
            ("Institutional strengthening", JAMAICA_INSTITUTIONAL),
        ],
    },
    {
        "slug": "technical-cooperation-center-for-the-caribbean",
        "title": "Technical Cooperation Center for the Caribbean",
        "status": "pipeline",
        "coverage": "regional",
        "start_date": D(2003, 1, 1), "start_precision": "year",
        "summary": "IOM proposes to establish a Technical Cooperation Center for the Caribbean region in 2003.",
        "description": CENTER_DESCRIPTION,
        "areas": ["migration-management"],
    },
]

OVERVIEW = {
    "slug": "iom-in-the-caribbean-2002",
    "title": "IOM in the Caribbean",
    "date": D(2002, 10, 1),
    "date_precision": "month",
    "introduction": "As the leading inter-governmental organization dealing with migration issues, IOM provides "
    "expertise in migration health, migrants rights, migration management, and knowledge on migration dynamics "
    "throughout the world. Over the last 10 years, IOM has focused its cooperation in the Caribbean on activities "
    "to support the diverse migration and development efforts of States.",
    "core_areas_intro": "This support was focused on four core areas:",
    "quote": "Migration will be one of the major policy concerns of the 21st century. In our shrinking world, more "
    "and more people will look to migration—temporary or permanent—as a path to employment, education, freedom or "
    "other opportunities.",
    "quote_attribution": "Brunson McKinley",
    "quote_attribution_role": "IOM Director General",
    "programmes_intro": "In keeping with these core service areas, the following are examples of programs carried "
    "out by IOM in the Caribbean up to 2002:",
    "priorities_heading": "Priority Strategies for 2003",
    "priorities_intro": "Taking into account recent exchanges with Governments and partners in the Caribbean, IOM "
    "will concentrate its activities in three priority areas throughout 2002 and 2003:",
    "priorities_conclusion": "A key tool for achieving sustainable results in these areas is technical cooperation "
    "and capacity building at the national level, so that governments can enhance their migration management "
    "capabilities, reinforce their own structures or create new ones as needed, and modernize existing legislation. "
    "In this way, relevant institutions and skilled personnel can play a role in facilitating the free and orderly "
    "movement of Caribbean nationals, as highlighted in CARICOM agreements.",
    "current_heading": "Examples of Current IOM Projects in the Caribbean Region",
    "looking_ahead_intro": "Building on the outcomes of policy and program discussions in late 2002, IOM will "
    "continue its efforts to meet the migration challenges of governments and migrants in the Caribbean region. As "
    "example, discussions are underway with the Government of Jamaica and the U.S. Government to strengthen "
    "policies and practices in migration management through targeted program activities:",
    "partners_intro": "As an intergovernmental institution, IOM works closely with the Caribbean governments, at "
    "their request for cooperation. IOM also works with agencies of the United Nations System, particularly with "
    "those closely related to IOM's mandate such as UNHCR, UNFPA, UNDP and ILO. In matters regarding migrants' "
    "health, IOM has signed cooperation agreements with WHO/PAHO and UNAIDS which are translated into joint "
    "actions. IOM's activities in the Caribbean receive support from the Canadian Government, the United States "
    "Government, the European Union, and other bilateral sources.",
    "supporters_note": "other bilateral sources",
    "is_published": True,
    "is_current": True,
}

# section, programme slug, the overview's own heading (if any)
OVERVIEW_ENTRIES = [
    ("to-date", "haitian-technical-assistance-project", ""),
    ("to-date", "haitian-migration-management-program", ""),
    ("to-date", "regularization-and-repatriation-turks-and-caicos", ""),
    ("to-date", "third-country-return", ""),
    ("to-date", "return-and-reintegration-of-qualified-jamaican-nationals", ""),
    ("to-date", "counter-trafficking-dominican-republic", ""),
    ("to-date", "regional-seminars-on-migration-policy-and-practice", ""),
    ("proposed", "technical-cooperation-center-for-the-caribbean", ""),
    ("current", "hiv-aids-and-mobile-populations", ""),
    ("current", "counter-trafficking-dominican-republic", "Counter-trafficking: A Strategy for the Dominican Republic"),
    ("current", "managing-migration-and-promoting-migrants-rights", ""),
    ("ahead", "capacity-building-in-migration-management-jamaica", ""),
]

LIST_FIELDS = ("countries", "areas", "results", "components", "key_figures", "publications", "parent", "project_type")


def seed(apps, schema_editor):
    Country = apps.get_model("programmes", "Country")
    ThematicArea = apps.get_model("programmes", "ThematicArea")
    ProjectType = apps.get_model("programmes", "ProjectType")
    Programme = apps.get_model("programmes", "Programme")
    Overview = apps.get_model("programmes", "Overview")

    countries = {}
    for code, name, slug, caribbean, aka in COUNTRIES:
        countries[code], _ = Country.objects.update_or_create(
            code=code, defaults={"name": name, "slug": slug, "is_caribbean": caribbean, "also_known_as": aka}
        )
    areas = {}
    # The area's names as the model of the time holds them (0011 made the short name the one name).
    one_name = any(f.name == "overview_wording" for f in ThematicArea._meta.get_fields())
    for list_, order, slug, short_name, name in THEMATIC_AREAS:
        names = {"name": short_name, "overview_wording": name} if one_name else {"short_name": short_name, "name": name}
        areas[slug], _ = ThematicArea.objects.update_or_create(
            slug=slug, defaults={"list": list_, "order": order, **names}
        )
    types = {}
    for slug, name in PROJECT_TYPES:
        types[slug], _ = ProjectType.objects.update_or_create(slug=slug, defaults={"name": name})

    now = datetime.datetime.now(datetime.timezone.utc)
    programmes = {}
    for spec in PROGRAMMES:
        fields = {k: v for k, v in spec.items() if k not in LIST_FIELDS and k != "slug"}
        fields["is_published"] = True
        fields["published_at"] = now
        if "parent" in spec:
            fields["parent"] = programmes[spec["parent"]]
        if "project_type" in spec:
            fields["project_type"] = types[spec["project_type"]]
        programme, _ = Programme.objects.update_or_create(slug=spec["slug"], defaults=fields)
        programmes[spec["slug"]] = programme

        programme.country_links.all().delete()
        for code, role in spec.get("countries", []):
            programme.country_links.create(country=countries[code], role=role)
        programme.thematic_areas.set([areas[slug] for slug in spec.get("areas", [])])
        programme.results.all().delete()
        for order, title in enumerate(spec.get("results", []), start=1):
            programme.results.create(order=order, title=title)  # achieved: the field's default then
        for order, (title, description) in enumerate(spec.get("components", []), start=1):
            programme.components.update_or_create(title=title, defaults={"order": order, "description": description})
        programme.key_figures.all().delete()
        for order, (value, value_to, qualifier, label) in enumerate(spec.get("key_figures", []), start=1):
            programme.key_figures.create(order=order, value=value, value_to=value_to, qualifier=qualifier, label=label)
        for order, (title, description) in enumerate(spec.get("publications", []), start=1):
            programme.publications.update_or_create(title=title, defaults={"order": order, "description": description})

    overview, _ = Overview.objects.update_or_create(
        slug=OVERVIEW["slug"], defaults={k: v for k, v in OVERVIEW.items() if k != "slug"}
    )
    overview.entries.all().delete()
    for order, (section, slug, heading) in enumerate(OVERVIEW_ENTRIES, start=1):
        overview.entries.create(programme=programmes[slug], section=section, heading=heading, order=order)


def unseed(apps, schema_editor):
    Programme = apps.get_model("programmes", "Programme")
    apps.get_model("programmes", "Overview").objects.filter(slug=OVERVIEW["slug"]).delete()
    slugs = [spec["slug"] for spec in PROGRAMMES]
    # Phases first: a parent is protected while it has any.
    Programme.objects.filter(slug__in=slugs, parent__isnull=False).delete()
    Programme.objects.filter(slug__in=slugs).delete()
    apps.get_model("programmes", "ProjectType").objects.filter(slug__in=[s for s, _ in PROJECT_TYPES]).delete()
    apps.get_model("programmes", "ThematicArea").objects.filter(slug__in=[a[2] for a in THEMATIC_AREAS]).delete()
    apps.get_model("programmes", "Country").objects.filter(code__in=[c[0] for c in COUNTRIES]).delete()


# The content version's one row (from 0005_indexes_for_list_filters) ------------------------------



def create_content_version(apps, schema_editor):
    apps.get_model("programmes", "ContentVersion").objects.get_or_create(pk=1)


# The texts so far become the English ones (from 0006_content_translations) ----------------------



# The fields translated when this migration was written (see programmes/translation.py), per model.
TRANSLATED = {'country': ['name', 'also_known_as'], 'thematicarea': ['name', 'short_name', 'description'], 'projecttype': ['name'], 'programme': ['title', 'summary', 'description'], 'component': ['title', 'description'], 'result': ['title'], 'keyfigure': ['label', 'qualifier'], 'publication': ['title', 'description'], 'overview': ['title', 'introduction', 'core_areas_intro', 'quote', 'quote_attribution', 'quote_attribution_role', 'programmes_intro', 'priorities_heading', 'priorities_intro', 'priorities_conclusion', 'current_heading', 'looking_ahead_intro', 'partners_intro', 'supporters_note'], 'overviewentry': ['heading']}


def copy_to_english(apps, schema_editor):
    """The texts so far are English: they become the English translation, in the history too."""
    for model_name, fields in TRANSLATED.items():
        for name in (model_name, f"historical{model_name}"):
            apps.get_model("programmes", name).objects.update(**{f"{field}_en": F(field) for field in fields})


def copy_from_english(apps, schema_editor):
    """Going back, the English translation is the text (the other languages are dropped)."""
    for model_name, fields in TRANSLATED.items():
        for name in (model_name, f"historical{model_name}"):
            model = apps.get_model("programmes", name)
            for field in fields:
                model.objects.filter(**{f"{field}_en__isnull": False}).update(**{field: F(f"{field}_en")})


class Migration(migrations.Migration):

    replaces = [('programmes', '0001_initial'), ('programmes', '0002_seed_content'), ('programmes', '0003_readable_constraint_messages'), ('programmes', '0004_dac_sector'), ('programmes', '0005_indexes_for_list_filters'), ('programmes', '0006_content_translations')]

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='ContentVersion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('number', models.PositiveBigIntegerField(default=0)),
                ('changed_at', models.DateTimeField(default=django.utils.timezone.now)),
            ],
        ),
        migrations.CreateModel(
            name='Overview',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('title', models.CharField(max_length=200)),
                ('slug', models.SlugField(max_length=100, unique=True)),
                ('date', models.DateField()),
                ('date_precision', models.CharField(choices=[('day', 'Day'), ('month', 'Month'), ('year', 'Year')], default='month', max_length=5)),
                ('introduction', models.TextField(blank=True)),
                ('core_areas_intro', models.TextField(blank=True, verbose_name='core areas introduction')),
                ('quote', models.TextField(blank=True)),
                ('quote_attribution', models.CharField(blank=True, max_length=200)),
                ('quote_attribution_role', models.CharField(blank=True, max_length=200)),
                ('programmes_intro', models.TextField(blank=True, verbose_name='introduction to the programmes to date')),
                ('priorities_heading', models.CharField(blank=True, max_length=200)),
                ('priorities_intro', models.TextField(blank=True, verbose_name='introduction to the priority areas')),
                ('priorities_conclusion', models.TextField(blank=True, verbose_name='after the priority areas')),
                ('current_heading', models.CharField(blank=True, max_length=200, verbose_name='heading of current projects')),
                ('looking_ahead_intro', models.TextField(blank=True, verbose_name='looking ahead')),
                ('partners_intro', models.TextField(blank=True, verbose_name='partners paragraph')),
                ('supporters_note', models.CharField(blank=True, help_text="Supporters not named as organisations, e.g. 'other bilateral sources'.", max_length=200)),
                ('is_published', models.BooleanField(default=False, verbose_name='published')),
                ('is_current', models.BooleanField(default=False, help_text='The overview shown on the home page.', verbose_name='home page')),
                ('core_areas_intro_en', models.TextField(blank=True, null=True, verbose_name='core areas introduction')),
                ('core_areas_intro_es', models.TextField(blank=True, null=True, verbose_name='core areas introduction')),
                ('core_areas_intro_fr', models.TextField(blank=True, null=True, verbose_name='core areas introduction')),
                ('current_heading_en', models.CharField(blank=True, max_length=200, null=True, verbose_name='heading of current projects')),
                ('current_heading_es', models.CharField(blank=True, max_length=200, null=True, verbose_name='heading of current projects')),
                ('current_heading_fr', models.CharField(blank=True, max_length=200, null=True, verbose_name='heading of current projects')),
                ('introduction_en', models.TextField(blank=True, null=True)),
                ('introduction_es', models.TextField(blank=True, null=True)),
                ('introduction_fr', models.TextField(blank=True, null=True)),
                ('looking_ahead_intro_en', models.TextField(blank=True, null=True, verbose_name='looking ahead')),
                ('looking_ahead_intro_es', models.TextField(blank=True, null=True, verbose_name='looking ahead')),
                ('looking_ahead_intro_fr', models.TextField(blank=True, null=True, verbose_name='looking ahead')),
                ('partners_intro_en', models.TextField(blank=True, null=True, verbose_name='partners paragraph')),
                ('partners_intro_es', models.TextField(blank=True, null=True, verbose_name='partners paragraph')),
                ('partners_intro_fr', models.TextField(blank=True, null=True, verbose_name='partners paragraph')),
                ('priorities_conclusion_en', models.TextField(blank=True, null=True, verbose_name='after the priority areas')),
                ('priorities_conclusion_es', models.TextField(blank=True, null=True, verbose_name='after the priority areas')),
                ('priorities_conclusion_fr', models.TextField(blank=True, null=True, verbose_name='after the priority areas')),
                ('priorities_heading_en', models.CharField(blank=True, max_length=200, null=True)),
                ('priorities_heading_es', models.CharField(blank=True, max_length=200, null=True)),
                ('priorities_heading_fr', models.CharField(blank=True, max_length=200, null=True)),
                ('priorities_intro_en', models.TextField(blank=True, null=True, verbose_name='introduction to the priority areas')),
                ('priorities_intro_es', models.TextField(blank=True, null=True, verbose_name='introduction to the priority areas')),
                ('priorities_intro_fr', models.TextField(blank=True, null=True, verbose_name='introduction to the priority areas')),
                ('programmes_intro_en', models.TextField(blank=True, null=True, verbose_name='introduction to the programmes to date')),
                ('programmes_intro_es', models.TextField(blank=True, null=True, verbose_name='introduction to the programmes to date')),
                ('programmes_intro_fr', models.TextField(blank=True, null=True, verbose_name='introduction to the programmes to date')),
                ('quote_attribution_en', models.CharField(blank=True, max_length=200, null=True)),
                ('quote_attribution_es', models.CharField(blank=True, max_length=200, null=True)),
                ('quote_attribution_fr', models.CharField(blank=True, max_length=200, null=True)),
                ('quote_attribution_role_en', models.CharField(blank=True, max_length=200, null=True)),
                ('quote_attribution_role_es', models.CharField(blank=True, max_length=200, null=True)),
                ('quote_attribution_role_fr', models.CharField(blank=True, max_length=200, null=True)),
                ('quote_en', models.TextField(blank=True, null=True)),
                ('quote_es', models.TextField(blank=True, null=True)),
                ('quote_fr', models.TextField(blank=True, null=True)),
                ('supporters_note_en', models.CharField(blank=True, help_text="Supporters not named as organisations, e.g. 'other bilateral sources'.", max_length=200, null=True)),
                ('supporters_note_es', models.CharField(blank=True, help_text="Supporters not named as organisations, e.g. 'other bilateral sources'.", max_length=200, null=True)),
                ('supporters_note_fr', models.CharField(blank=True, help_text="Supporters not named as organisations, e.g. 'other bilateral sources'.", max_length=200, null=True)),
                ('title_en', models.CharField(max_length=200, null=True)),
                ('title_es', models.CharField(max_length=200, null=True)),
                ('title_fr', models.CharField(max_length=200, null=True)),
            ],
            options={
                'ordering': ['-date'],
                'constraints': [models.UniqueConstraint(condition=models.Q(('is_current', True)), fields=('is_current',), name='one_current_overview', violation_error_message='Another overview is on the home page already.')],
            },
        ),
        migrations.CreateModel(
            name='ProjectType',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('name', models.CharField(max_length=100, unique=True)),
                ('slug', models.SlugField(max_length=100, unique=True)),
                ('name_en', models.CharField(max_length=100, null=True, unique=True)),
                ('name_es', models.CharField(max_length=100, null=True, unique=True)),
                ('name_fr', models.CharField(max_length=100, null=True, unique=True)),
            ],
            options={
                'ordering': ['name'],
            },
        ),
        migrations.CreateModel(
            name='Country',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('code', models.CharField(help_text='ISO 3166-1 alpha-2 code (AN for the former Netherlands Antilles, as in IATI).', max_length=2, unique=True, verbose_name='ISO code')),
                ('name', models.CharField(max_length=100, unique=True)),
                ('also_known_as', models.CharField(blank=True, help_text='Another name the sources use.', max_length=100)),
                ('slug', models.SlugField(max_length=100, unique=True)),
                ('is_caribbean', models.BooleanField(default=True, help_text='Unticked for destinations outside the region.', verbose_name='Caribbean state')),
                ('also_known_as_en', models.CharField(blank=True, help_text='Another name the sources use.', max_length=100, null=True)),
                ('also_known_as_es', models.CharField(blank=True, help_text='Another name the sources use.', max_length=100, null=True)),
                ('also_known_as_fr', models.CharField(blank=True, help_text='Another name the sources use.', max_length=100, null=True)),
                ('name_en', models.CharField(max_length=100, null=True, unique=True)),
                ('name_es', models.CharField(max_length=100, null=True, unique=True)),
                ('name_fr', models.CharField(max_length=100, null=True, unique=True)),
            ],
            options={
                'verbose_name_plural': 'countries',
                'ordering': ['name'],
                'constraints': [models.CheckConstraint(condition=models.Q(('code__regex', '^[A-Z]{2}$')), name='country_code_two_capitals')],
            },
        ),
        migrations.CreateModel(
            name='HistoricalCountry',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('created_at', models.DateTimeField(blank=True, editable=False)),
                ('updated_at', models.DateTimeField(blank=True, editable=False)),
                ('code', models.CharField(db_index=True, help_text='ISO 3166-1 alpha-2 code (AN for the former Netherlands Antilles, as in IATI).', max_length=2, verbose_name='ISO code')),
                ('name', models.CharField(db_index=True, max_length=100)),
                ('also_known_as', models.CharField(blank=True, help_text='Another name the sources use.', max_length=100)),
                ('slug', models.SlugField(max_length=100)),
                ('is_caribbean', models.BooleanField(default=True, help_text='Unticked for destinations outside the region.', verbose_name='Caribbean state')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('also_known_as_en', models.CharField(blank=True, help_text='Another name the sources use.', max_length=100, null=True)),
                ('also_known_as_es', models.CharField(blank=True, help_text='Another name the sources use.', max_length=100, null=True)),
                ('also_known_as_fr', models.CharField(blank=True, help_text='Another name the sources use.', max_length=100, null=True)),
                ('name_en', models.CharField(db_index=True, max_length=100, null=True)),
                ('name_es', models.CharField(db_index=True, max_length=100, null=True)),
                ('name_fr', models.CharField(db_index=True, max_length=100, null=True)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical country',
                'verbose_name_plural': 'historical countries',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalOverview',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('created_at', models.DateTimeField(blank=True, editable=False)),
                ('updated_at', models.DateTimeField(blank=True, editable=False)),
                ('title', models.CharField(max_length=200)),
                ('slug', models.SlugField(max_length=100)),
                ('date', models.DateField()),
                ('date_precision', models.CharField(choices=[('day', 'Day'), ('month', 'Month'), ('year', 'Year')], default='month', max_length=5)),
                ('introduction', models.TextField(blank=True)),
                ('core_areas_intro', models.TextField(blank=True, verbose_name='core areas introduction')),
                ('quote', models.TextField(blank=True)),
                ('quote_attribution', models.CharField(blank=True, max_length=200)),
                ('quote_attribution_role', models.CharField(blank=True, max_length=200)),
                ('programmes_intro', models.TextField(blank=True, verbose_name='introduction to the programmes to date')),
                ('priorities_heading', models.CharField(blank=True, max_length=200)),
                ('priorities_intro', models.TextField(blank=True, verbose_name='introduction to the priority areas')),
                ('priorities_conclusion', models.TextField(blank=True, verbose_name='after the priority areas')),
                ('current_heading', models.CharField(blank=True, max_length=200, verbose_name='heading of current projects')),
                ('looking_ahead_intro', models.TextField(blank=True, verbose_name='looking ahead')),
                ('partners_intro', models.TextField(blank=True, verbose_name='partners paragraph')),
                ('supporters_note', models.CharField(blank=True, help_text="Supporters not named as organisations, e.g. 'other bilateral sources'.", max_length=200)),
                ('is_published', models.BooleanField(default=False, verbose_name='published')),
                ('is_current', models.BooleanField(default=False, help_text='The overview shown on the home page.', verbose_name='home page')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('core_areas_intro_en', models.TextField(blank=True, null=True, verbose_name='core areas introduction')),
                ('core_areas_intro_es', models.TextField(blank=True, null=True, verbose_name='core areas introduction')),
                ('core_areas_intro_fr', models.TextField(blank=True, null=True, verbose_name='core areas introduction')),
                ('current_heading_en', models.CharField(blank=True, max_length=200, null=True, verbose_name='heading of current projects')),
                ('current_heading_es', models.CharField(blank=True, max_length=200, null=True, verbose_name='heading of current projects')),
                ('current_heading_fr', models.CharField(blank=True, max_length=200, null=True, verbose_name='heading of current projects')),
                ('introduction_en', models.TextField(blank=True, null=True)),
                ('introduction_es', models.TextField(blank=True, null=True)),
                ('introduction_fr', models.TextField(blank=True, null=True)),
                ('looking_ahead_intro_en', models.TextField(blank=True, null=True, verbose_name='looking ahead')),
                ('looking_ahead_intro_es', models.TextField(blank=True, null=True, verbose_name='looking ahead')),
                ('looking_ahead_intro_fr', models.TextField(blank=True, null=True, verbose_name='looking ahead')),
                ('partners_intro_en', models.TextField(blank=True, null=True, verbose_name='partners paragraph')),
                ('partners_intro_es', models.TextField(blank=True, null=True, verbose_name='partners paragraph')),
                ('partners_intro_fr', models.TextField(blank=True, null=True, verbose_name='partners paragraph')),
                ('priorities_conclusion_en', models.TextField(blank=True, null=True, verbose_name='after the priority areas')),
                ('priorities_conclusion_es', models.TextField(blank=True, null=True, verbose_name='after the priority areas')),
                ('priorities_conclusion_fr', models.TextField(blank=True, null=True, verbose_name='after the priority areas')),
                ('priorities_heading_en', models.CharField(blank=True, max_length=200, null=True)),
                ('priorities_heading_es', models.CharField(blank=True, max_length=200, null=True)),
                ('priorities_heading_fr', models.CharField(blank=True, max_length=200, null=True)),
                ('priorities_intro_en', models.TextField(blank=True, null=True, verbose_name='introduction to the priority areas')),
                ('priorities_intro_es', models.TextField(blank=True, null=True, verbose_name='introduction to the priority areas')),
                ('priorities_intro_fr', models.TextField(blank=True, null=True, verbose_name='introduction to the priority areas')),
                ('programmes_intro_en', models.TextField(blank=True, null=True, verbose_name='introduction to the programmes to date')),
                ('programmes_intro_es', models.TextField(blank=True, null=True, verbose_name='introduction to the programmes to date')),
                ('programmes_intro_fr', models.TextField(blank=True, null=True, verbose_name='introduction to the programmes to date')),
                ('quote_attribution_en', models.CharField(blank=True, max_length=200, null=True)),
                ('quote_attribution_es', models.CharField(blank=True, max_length=200, null=True)),
                ('quote_attribution_fr', models.CharField(blank=True, max_length=200, null=True)),
                ('quote_attribution_role_en', models.CharField(blank=True, max_length=200, null=True)),
                ('quote_attribution_role_es', models.CharField(blank=True, max_length=200, null=True)),
                ('quote_attribution_role_fr', models.CharField(blank=True, max_length=200, null=True)),
                ('quote_en', models.TextField(blank=True, null=True)),
                ('quote_es', models.TextField(blank=True, null=True)),
                ('quote_fr', models.TextField(blank=True, null=True)),
                ('supporters_note_en', models.CharField(blank=True, help_text="Supporters not named as organisations, e.g. 'other bilateral sources'.", max_length=200, null=True)),
                ('supporters_note_es', models.CharField(blank=True, help_text="Supporters not named as organisations, e.g. 'other bilateral sources'.", max_length=200, null=True)),
                ('supporters_note_fr', models.CharField(blank=True, help_text="Supporters not named as organisations, e.g. 'other bilateral sources'.", max_length=200, null=True)),
                ('title_en', models.CharField(max_length=200, null=True)),
                ('title_es', models.CharField(max_length=200, null=True)),
                ('title_fr', models.CharField(max_length=200, null=True)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical overview',
                'verbose_name_plural': 'historical overviews',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalProjectType',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('created_at', models.DateTimeField(blank=True, editable=False)),
                ('updated_at', models.DateTimeField(blank=True, editable=False)),
                ('name', models.CharField(db_index=True, max_length=100)),
                ('slug', models.SlugField(max_length=100)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('name_en', models.CharField(db_index=True, max_length=100, null=True)),
                ('name_es', models.CharField(db_index=True, max_length=100, null=True)),
                ('name_fr', models.CharField(db_index=True, max_length=100, null=True)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical project type',
                'verbose_name_plural': 'historical project types',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalThematicArea',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('created_at', models.DateTimeField(blank=True, editable=False)),
                ('updated_at', models.DateTimeField(blank=True, editable=False)),
                ('list', models.CharField(choices=[('core', 'Core service area'), ('priority', 'Priority area 2002-2003')], max_length=10)),
                ('order', models.PositiveSmallIntegerField(default=0)),
                ('name', models.CharField(help_text='The area as the overview states it.', max_length=300)),
                ('short_name', models.CharField(help_text='For filters, charts and menus.', max_length=60)),
                ('slug', models.SlugField(max_length=100)),
                ('description', models.TextField(blank=True)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('description_en', models.TextField(blank=True, null=True)),
                ('description_es', models.TextField(blank=True, null=True)),
                ('description_fr', models.TextField(blank=True, null=True)),
                ('name_en', models.CharField(help_text='The area as the overview states it.', max_length=300, null=True)),
                ('name_es', models.CharField(help_text='The area as the overview states it.', max_length=300, null=True)),
                ('name_fr', models.CharField(help_text='The area as the overview states it.', max_length=300, null=True)),
                ('short_name_en', models.CharField(help_text='For filters, charts and menus.', max_length=60, null=True)),
                ('short_name_es', models.CharField(help_text='For filters, charts and menus.', max_length=60, null=True)),
                ('short_name_fr', models.CharField(help_text='For filters, charts and menus.', max_length=60, null=True)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical thematic area',
                'verbose_name_plural': 'historical thematic areas',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='Programme',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('title', models.CharField(max_length=255)),
                ('acronym', models.CharField(blank=True, max_length=20)),
                ('slug', models.SlugField(max_length=120, unique=True)),
                ('code', models.CharField(blank=True, help_text='For example T81-805. Unique when given.', max_length=20, verbose_name='IOM project code')),
                ('order', models.PositiveSmallIntegerField(default=0, help_text="Position among the parent's phases.")),
                ('summary', models.TextField(blank=True, help_text='One or two sentences for lists and the overview.')),
                ('description', models.TextField(blank=True, help_text='The full narrative. Blank lines separate paragraphs.')),
                ('status', models.CharField(choices=[('pipeline', 'Pipeline / proposed'), ('ongoing', 'Ongoing'), ('completed', 'Completed'), ('cancelled', 'Cancelled')], default='pipeline', max_length=10)),
                ('coverage', models.CharField(choices=[('national', 'National'), ('regional', 'Regional')], default='national', max_length=10)),
                ('idf_region', models.CharField(choices=[('africa', 'Africa'), ('asia-pacific', 'Asia and the Pacific'), ('europe', 'Europe'), ('latin-america-caribbean', 'Latin America and the Caribbean'), ('middle-east', 'Middle East and North Africa')], default='latin-america-caribbean', max_length=30, verbose_name='IDF region')),
                ('start_date', models.DateField(blank=True, null=True)),
                ('start_precision', models.CharField(choices=[('day', 'Day'), ('month', 'Month'), ('year', 'Year')], default='day', max_length=5)),
                ('end_date', models.DateField(blank=True, null=True)),
                ('end_precision', models.CharField(choices=[('day', 'Day'), ('month', 'Month'), ('year', 'Year')], default='day', max_length=5)),
                ('budget_amount', models.DecimalField(blank=True, decimal_places=2, help_text='Leave empty when not published.', max_digits=14, null=True)),
                ('budget_currency', models.CharField(default='USD', help_text='ISO 4217 code, e.g. USD.', max_length=3)),
                ('is_published', models.BooleanField(db_index=True, default=False, verbose_name='published')),
                ('published_at', models.DateTimeField(blank=True, editable=False, null=True)),
                ('dac_sector', models.CharField(default='15190', help_text='OECD DAC 5-digit purpose code; 15190 is facilitation of orderly, safe, regular and responsible migration and mobility.', max_length=5, verbose_name='DAC sector')),
                ('description_en', models.TextField(blank=True, help_text='The full narrative. Blank lines separate paragraphs.', null=True)),
                ('description_es', models.TextField(blank=True, help_text='The full narrative. Blank lines separate paragraphs.', null=True)),
                ('description_fr', models.TextField(blank=True, help_text='The full narrative. Blank lines separate paragraphs.', null=True)),
                ('summary_en', models.TextField(blank=True, help_text='One or two sentences for lists and the overview.', null=True)),
                ('summary_es', models.TextField(blank=True, help_text='One or two sentences for lists and the overview.', null=True)),
                ('summary_fr', models.TextField(blank=True, help_text='One or two sentences for lists and the overview.', null=True)),
                ('title_en', models.CharField(max_length=255, null=True)),
                ('title_es', models.CharField(max_length=255, null=True)),
                ('title_fr', models.CharField(max_length=255, null=True)),
                ('parent', models.ForeignKey(blank=True, help_text='The programme this is a phase or component of.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='phases', to='programmes.programme')),
            ],
            options={
                'ordering': ['-start_date', 'title'],
                'indexes': [models.Index(fields=['status'], name='programmes__status_9a5440_idx'), models.Index(fields=['start_date'], name='programmes__start_d_dff3cc_idx'), models.Index(fields=['title'], name='programmes__title_a38adb_idx'), models.Index(fields=['end_date'], name='programme_end_date_idx'), models.Index(fields=['coverage'], name='programme_coverage_idx'), models.Index(models.OrderBy(models.ExpressionWrapper(models.Q(('start_date__isnull', True)), output_field=models.BooleanField())), models.OrderBy(models.F('start_date'), descending=True), models.OrderBy(models.F('title')), name='programme_newest_first_idx'), models.Index(models.OrderBy(models.ExpressionWrapper(models.Q(('start_date__isnull', True)), output_field=models.BooleanField())), models.OrderBy(models.F('start_date')), models.OrderBy(models.F('title')), name='programme_oldest_first_idx'), models.Index(models.OrderBy(models.Case(models.When(status='pipeline', then=models.Value(0)), models.When(status='ongoing', then=models.Value(1)), models.When(status='completed', then=models.Value(2)), models.When(status='cancelled', then=models.Value(3)), output_field=models.IntegerField())), models.OrderBy(models.F('title')), name='programme_by_status_idx'), models.Index(fields=['title_en'], name='programmes__title_e_4ced0f_idx'), models.Index(fields=['title_es'], name='programmes__title_e_fc8175_idx'), models.Index(fields=['title_fr'], name='programmes__title_f_aff842_idx')],
                'constraints': [models.UniqueConstraint(condition=models.Q(('code', ''), _negated=True), fields=('code',), name='programme_code_unique_when_given', violation_error_message='Another programme already has this IOM project code.'), models.CheckConstraint(condition=models.Q(('end_date__isnull', True), ('start_date__isnull', True), ('end_date__gte', models.F('start_date')), _connector='OR'), name='programme_end_not_before_start'), models.CheckConstraint(condition=models.Q(('budget_amount__isnull', True), ('budget_amount__gte', 0), _connector='OR'), name='programme_budget_not_negative'), models.CheckConstraint(condition=models.Q(('budget_currency__regex', '^[A-Z]{3}$')), name='programme_currency_iso'), models.CheckConstraint(condition=models.Q(('parent', models.F('id')), _negated=True), name='programme_not_own_parent'), models.CheckConstraint(condition=models.Q(('dac_sector__regex', '^[0-9]{5}$')), name='programme_dac_sector_5_digits')],
            },
        ),
        migrations.CreateModel(
            name='OverviewEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('section', models.CharField(choices=[('to-date', 'Programmes carried out to date'), ('proposed', 'Proposed'), ('current', 'Current projects'), ('ahead', 'Looking ahead')], max_length=10)),
                ('heading', models.CharField(blank=True, help_text="The overview's own heading for it, if not the programme's title.", max_length=255)),
                ('order', models.PositiveSmallIntegerField(default=0)),
                ('heading_en', models.CharField(blank=True, help_text="The overview's own heading for it, if not the programme's title.", max_length=255, null=True)),
                ('heading_es', models.CharField(blank=True, help_text="The overview's own heading for it, if not the programme's title.", max_length=255, null=True)),
                ('heading_fr', models.CharField(blank=True, help_text="The overview's own heading for it, if not the programme's title.", max_length=255, null=True)),
                ('overview', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='entries', to='programmes.overview')),
                ('programme', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='overview_entries', to='programmes.programme')),
            ],
            options={
                'verbose_name_plural': 'overview entries',
                'ordering': ['section', 'order', 'pk'],
                'constraints': [models.UniqueConstraint(fields=('overview', 'programme', 'section'), name='overview_entry_unique')],
            },
        ),
        migrations.AddField(
            model_name='overview',
            name='programmes',
            field=models.ManyToManyField(blank=True, related_name='overviews', through='programmes.OverviewEntry', to='programmes.programme'),
        ),
        migrations.CreateModel(
            name='KeyFigure',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('order', models.PositiveSmallIntegerField(default=0)),
                ('value', models.DecimalField(decimal_places=2, max_digits=14)),
                ('value_to', models.DecimalField(blank=True, decimal_places=2, help_text='Upper bound, for a range such as 17-30.', max_digits=14, null=True)),
                ('label', models.CharField(help_text='What the number counts, as the source says it.', max_length=300)),
                ('qualifier', models.CharField(blank=True, help_text="For example 'up to' or 'some'.", max_length=50)),
                ('label_en', models.CharField(help_text='What the number counts, as the source says it.', max_length=300, null=True)),
                ('label_es', models.CharField(help_text='What the number counts, as the source says it.', max_length=300, null=True)),
                ('label_fr', models.CharField(help_text='What the number counts, as the source says it.', max_length=300, null=True)),
                ('qualifier_en', models.CharField(blank=True, help_text="For example 'up to' or 'some'.", max_length=50, null=True)),
                ('qualifier_es', models.CharField(blank=True, help_text="For example 'up to' or 'some'.", max_length=50, null=True)),
                ('qualifier_fr', models.CharField(blank=True, help_text="For example 'up to' or 'some'.", max_length=50, null=True)),
                ('programme', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='key_figures', to='programmes.programme')),
            ],
            options={
                'ordering': ['order', 'pk'],
                'abstract': False,
                'constraints': [models.CheckConstraint(condition=models.Q(('value_to__isnull', True), ('value_to__gte', models.F('value')), _connector='OR'), name='key_figure_range_ordered')],
            },
        ),
        migrations.CreateModel(
            name='HistoricalResult',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('order', models.PositiveSmallIntegerField(default=0)),
                ('title', models.CharField(max_length=500)),
                ('achieved', models.BooleanField(default=True, help_text='Unticked for expected results.')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('title_en', models.CharField(max_length=500, null=True)),
                ('title_es', models.CharField(max_length=500, null=True)),
                ('title_fr', models.CharField(max_length=500, null=True)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('programme', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='programmes.programme')),
            ],
            options={
                'verbose_name': 'historical result',
                'verbose_name_plural': 'historical results',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalPublication',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('order', models.PositiveSmallIntegerField(default=0)),
                ('title', models.CharField(max_length=300)),
                ('year', models.PositiveSmallIntegerField(blank=True, null=True)),
                ('url', models.URLField(blank=True, verbose_name='link')),
                ('description', models.TextField(blank=True)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('description_en', models.TextField(blank=True, null=True)),
                ('description_es', models.TextField(blank=True, null=True)),
                ('description_fr', models.TextField(blank=True, null=True)),
                ('title_en', models.CharField(max_length=300, null=True)),
                ('title_es', models.CharField(max_length=300, null=True)),
                ('title_fr', models.CharField(max_length=300, null=True)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('programme', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='programmes.programme')),
            ],
            options={
                'verbose_name': 'historical publication',
                'verbose_name_plural': 'historical publications',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalProgrammeCountry',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('role', models.CharField(choices=[('benefiting', 'Benefiting country'), ('venue', 'Venue'), ('destination', 'Destination of migrants')], default='benefiting', max_length=12)),
                ('percentage', models.DecimalField(blank=True, decimal_places=2, help_text='Share of the programme for this benefiting country (IATI recipient-country).', max_digits=5, null=True, validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(100)])),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('country', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='programmes.country')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('programme', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='programmes.programme')),
            ],
            options={
                'verbose_name': 'historical country',
                'verbose_name_plural': 'historical countries',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalOverviewEntry',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('section', models.CharField(choices=[('to-date', 'Programmes carried out to date'), ('proposed', 'Proposed'), ('current', 'Current projects'), ('ahead', 'Looking ahead')], max_length=10)),
                ('heading', models.CharField(blank=True, help_text="The overview's own heading for it, if not the programme's title.", max_length=255)),
                ('order', models.PositiveSmallIntegerField(default=0)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('heading_en', models.CharField(blank=True, help_text="The overview's own heading for it, if not the programme's title.", max_length=255, null=True)),
                ('heading_es', models.CharField(blank=True, help_text="The overview's own heading for it, if not the programme's title.", max_length=255, null=True)),
                ('heading_fr', models.CharField(blank=True, help_text="The overview's own heading for it, if not the programme's title.", max_length=255, null=True)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('overview', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='programmes.overview')),
                ('programme', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='programmes.programme')),
            ],
            options={
                'verbose_name': 'historical overview entry',
                'verbose_name_plural': 'historical overview entries',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalKeyFigure',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('order', models.PositiveSmallIntegerField(default=0)),
                ('value', models.DecimalField(decimal_places=2, max_digits=14)),
                ('value_to', models.DecimalField(blank=True, decimal_places=2, help_text='Upper bound, for a range such as 17-30.', max_digits=14, null=True)),
                ('label', models.CharField(help_text='What the number counts, as the source says it.', max_length=300)),
                ('qualifier', models.CharField(blank=True, help_text="For example 'up to' or 'some'.", max_length=50)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('label_en', models.CharField(help_text='What the number counts, as the source says it.', max_length=300, null=True)),
                ('label_es', models.CharField(help_text='What the number counts, as the source says it.', max_length=300, null=True)),
                ('label_fr', models.CharField(help_text='What the number counts, as the source says it.', max_length=300, null=True)),
                ('qualifier_en', models.CharField(blank=True, help_text="For example 'up to' or 'some'.", max_length=50, null=True)),
                ('qualifier_es', models.CharField(blank=True, help_text="For example 'up to' or 'some'.", max_length=50, null=True)),
                ('qualifier_fr', models.CharField(blank=True, help_text="For example 'up to' or 'some'.", max_length=50, null=True)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('programme', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='programmes.programme')),
            ],
            options={
                'verbose_name': 'historical key figure',
                'verbose_name_plural': 'historical key figures',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalComponent',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('order', models.PositiveSmallIntegerField(default=0)),
                ('title', models.CharField(max_length=255)),
                ('description', models.TextField(blank=True)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('description_en', models.TextField(blank=True, null=True)),
                ('description_es', models.TextField(blank=True, null=True)),
                ('description_fr', models.TextField(blank=True, null=True)),
                ('title_en', models.CharField(max_length=255, null=True)),
                ('title_es', models.CharField(max_length=255, null=True)),
                ('title_fr', models.CharField(max_length=255, null=True)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('programme', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='programmes.programme')),
            ],
            options={
                'verbose_name': 'historical component',
                'verbose_name_plural': 'historical components',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='Component',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('order', models.PositiveSmallIntegerField(default=0)),
                ('title', models.CharField(max_length=255)),
                ('description', models.TextField(blank=True)),
                ('description_en', models.TextField(blank=True, null=True)),
                ('description_es', models.TextField(blank=True, null=True)),
                ('description_fr', models.TextField(blank=True, null=True)),
                ('title_en', models.CharField(max_length=255, null=True)),
                ('title_es', models.CharField(max_length=255, null=True)),
                ('title_fr', models.CharField(max_length=255, null=True)),
                ('programme', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='components', to='programmes.programme')),
            ],
            options={
                'ordering': ['order', 'pk'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='ProgrammeCountry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('role', models.CharField(choices=[('benefiting', 'Benefiting country'), ('venue', 'Venue'), ('destination', 'Destination of migrants')], default='benefiting', max_length=12)),
                ('percentage', models.DecimalField(blank=True, decimal_places=2, help_text='Share of the programme for this benefiting country (IATI recipient-country).', max_digits=5, null=True, validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(100)])),
                ('country', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='programme_links', to='programmes.country')),
                ('programme', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='country_links', to='programmes.programme')),
            ],
            options={
                'verbose_name': 'country',
                'ordering': ['role', 'country__name'],
                'verbose_name_plural': 'countries',
                'constraints': [models.UniqueConstraint(fields=('programme', 'country', 'role'), name='programme_country_unique'), models.CheckConstraint(condition=models.Q(('percentage__isnull', True), models.Q(('percentage__gte', 0), ('percentage__lte', 100)), _connector='OR'), name='programme_country_percentage_0_100')],
            },
        ),
        migrations.AddField(
            model_name='programme',
            name='countries',
            field=models.ManyToManyField(blank=True, related_name='programmes', through='programmes.ProgrammeCountry', to='programmes.country'),
        ),
        migrations.AddField(
            model_name='programme',
            name='project_type',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, to='programmes.projecttype'),
        ),
        migrations.CreateModel(
            name='HistoricalProgramme',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('created_at', models.DateTimeField(blank=True, editable=False)),
                ('updated_at', models.DateTimeField(blank=True, editable=False)),
                ('title', models.CharField(max_length=255)),
                ('acronym', models.CharField(blank=True, max_length=20)),
                ('slug', models.SlugField(max_length=120)),
                ('code', models.CharField(blank=True, help_text='For example T81-805. Unique when given.', max_length=20, verbose_name='IOM project code')),
                ('order', models.PositiveSmallIntegerField(default=0, help_text="Position among the parent's phases.")),
                ('summary', models.TextField(blank=True, help_text='One or two sentences for lists and the overview.')),
                ('description', models.TextField(blank=True, help_text='The full narrative. Blank lines separate paragraphs.')),
                ('status', models.CharField(choices=[('pipeline', 'Pipeline / proposed'), ('ongoing', 'Ongoing'), ('completed', 'Completed'), ('cancelled', 'Cancelled')], default='pipeline', max_length=10)),
                ('coverage', models.CharField(choices=[('national', 'National'), ('regional', 'Regional')], default='national', max_length=10)),
                ('idf_region', models.CharField(choices=[('africa', 'Africa'), ('asia-pacific', 'Asia and the Pacific'), ('europe', 'Europe'), ('latin-america-caribbean', 'Latin America and the Caribbean'), ('middle-east', 'Middle East and North Africa')], default='latin-america-caribbean', max_length=30, verbose_name='IDF region')),
                ('start_date', models.DateField(blank=True, null=True)),
                ('start_precision', models.CharField(choices=[('day', 'Day'), ('month', 'Month'), ('year', 'Year')], default='day', max_length=5)),
                ('end_date', models.DateField(blank=True, null=True)),
                ('end_precision', models.CharField(choices=[('day', 'Day'), ('month', 'Month'), ('year', 'Year')], default='day', max_length=5)),
                ('budget_amount', models.DecimalField(blank=True, decimal_places=2, help_text='Leave empty when not published.', max_digits=14, null=True)),
                ('budget_currency', models.CharField(default='USD', help_text='ISO 4217 code, e.g. USD.', max_length=3)),
                ('is_published', models.BooleanField(db_index=True, default=False, verbose_name='published')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('dac_sector', models.CharField(default='15190', help_text='OECD DAC 5-digit purpose code; 15190 is facilitation of orderly, safe, regular and responsible migration and mobility.', max_length=5, verbose_name='DAC sector')),
                ('description_en', models.TextField(blank=True, help_text='The full narrative. Blank lines separate paragraphs.', null=True)),
                ('description_es', models.TextField(blank=True, help_text='The full narrative. Blank lines separate paragraphs.', null=True)),
                ('description_fr', models.TextField(blank=True, help_text='The full narrative. Blank lines separate paragraphs.', null=True)),
                ('summary_en', models.TextField(blank=True, help_text='One or two sentences for lists and the overview.', null=True)),
                ('summary_es', models.TextField(blank=True, help_text='One or two sentences for lists and the overview.', null=True)),
                ('summary_fr', models.TextField(blank=True, help_text='One or two sentences for lists and the overview.', null=True)),
                ('title_en', models.CharField(max_length=255, null=True)),
                ('title_es', models.CharField(max_length=255, null=True)),
                ('title_fr', models.CharField(max_length=255, null=True)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('parent', models.ForeignKey(blank=True, db_constraint=False, help_text='The programme this is a phase or component of.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='programmes.programme')),
                ('project_type', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='programmes.projecttype')),
            ],
            options={
                'verbose_name': 'historical programme',
                'verbose_name_plural': 'historical programmes',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='Publication',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('order', models.PositiveSmallIntegerField(default=0)),
                ('title', models.CharField(max_length=300)),
                ('year', models.PositiveSmallIntegerField(blank=True, null=True)),
                ('url', models.URLField(blank=True, verbose_name='link')),
                ('description', models.TextField(blank=True)),
                ('description_en', models.TextField(blank=True, null=True)),
                ('description_es', models.TextField(blank=True, null=True)),
                ('description_fr', models.TextField(blank=True, null=True)),
                ('title_en', models.CharField(max_length=300, null=True)),
                ('title_es', models.CharField(max_length=300, null=True)),
                ('title_fr', models.CharField(max_length=300, null=True)),
                ('programme', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='publications', to='programmes.programme')),
            ],
            options={
                'ordering': ['order', 'pk'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='Result',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('order', models.PositiveSmallIntegerField(default=0)),
                ('title', models.CharField(max_length=500)),
                ('achieved', models.BooleanField(default=True, help_text='Unticked for expected results.')),
                ('title_en', models.CharField(max_length=500, null=True)),
                ('title_es', models.CharField(max_length=500, null=True)),
                ('title_fr', models.CharField(max_length=500, null=True)),
                ('programme', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='results', to='programmes.programme')),
            ],
            options={
                'ordering': ['order', 'pk'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='ThematicArea',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('list', models.CharField(choices=[('core', 'Core service area'), ('priority', 'Priority area 2002-2003')], max_length=10)),
                ('order', models.PositiveSmallIntegerField(default=0)),
                ('name', models.CharField(help_text='The area as the overview states it.', max_length=300)),
                ('short_name', models.CharField(help_text='For filters, charts and menus.', max_length=60)),
                ('slug', models.SlugField(max_length=100, unique=True)),
                ('description', models.TextField(blank=True)),
                ('description_en', models.TextField(blank=True, null=True)),
                ('description_es', models.TextField(blank=True, null=True)),
                ('description_fr', models.TextField(blank=True, null=True)),
                ('name_en', models.CharField(help_text='The area as the overview states it.', max_length=300, null=True)),
                ('name_es', models.CharField(help_text='The area as the overview states it.', max_length=300, null=True)),
                ('name_fr', models.CharField(help_text='The area as the overview states it.', max_length=300, null=True)),
                ('short_name_en', models.CharField(help_text='For filters, charts and menus.', max_length=60, null=True)),
                ('short_name_es', models.CharField(help_text='For filters, charts and menus.', max_length=60, null=True)),
                ('short_name_fr', models.CharField(help_text='For filters, charts and menus.', max_length=60, null=True)),
            ],
            options={
                'ordering': ['list', 'order', 'name'],
                'constraints': [models.UniqueConstraint(fields=('list', 'order'), name='thematic_area_unique_order_per_list')],
            },
        ),
        migrations.AddField(
            model_name='programme',
            name='thematic_areas',
            field=models.ManyToManyField(blank=True, related_name='programmes', to='programmes.thematicarea'),
        ),
        migrations.RunPython(seed, unseed),
        migrations.RunPython(create_content_version, migrations.RunPython.noop),
        migrations.RunPython(copy_to_english, copy_from_english),
    ]
