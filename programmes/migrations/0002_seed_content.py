"""The content of the two source documents: the October 2002 overview "IOM in the Caribbean"
and the IOM Development Fund record of project T81-805 (2001).

Rows are keyed by slug (or code), so re-running the forward function updates them and never
adds a duplicate; the reverse function removes exactly these rows.
"""

import datetime

from django.db import migrations

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
            programme.results.create(order=order, title=title, achieved=True)
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


class Migration(migrations.Migration):
    dependencies = [("programmes", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
