# Squashes 0001-0004 (as squashmigrations does, with the data migrations moved to the end): the
# same tables, indexes and content, in a few operations instead of 56. Each of 0004's 42 AddFields
# re-rendered every model related to the one it changed, most of the time a new database (a test
# database too) took to build. A database that applied 0001-0004 carries on with them; a new one
# runs this instead. The replaced migrations' data functions run here in their order, once the
# tables are in their final form: the seed writes the original text columns, then 0004's
# copy_to_english copies them into the English ones, as before. The replaced files are deleted;
# their data functions are here. `replaces` stays, so a database that applied 0001-0004 still
# counts this one as applied. One piece: a migration is read whole.

import datetime

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models
from django.db.models import F


# The seed (from 0002_seed_content): the organisations of the two source documents ----------------

ORGANISATIONS = [
    # slug, name, acronym, IATI OrganisationType, country code, IATI identifier, website
    ("iom", "International Organization for Migration", "IOM", "40", None, "XM-DAC-47066", "https://www.iom.int"),
    ("imp", "International Migration Policy Programme", "IMP", "40", None, "", ""),
    ("us-state-department", "U.S. State Department", "", "10", "US", "", ""),
    ("united-states-government", "United States Government", "", "10", "US", "", ""),
    ("government-of-canada", "Government of Canada", "", "10", "CA", "", ""),
    ("european-union", "European Union", "EU", "40", None, "", ""),
    ("government-of-the-dominican-republic", "Government of the Dominican Republic", "", "10", "DO", "", ""),
    ("dominican-ministry-of-foreign-affairs", "Dominican Ministry of Foreign Affairs", "", "10", "DO", "", ""),
    ("state-secretariat-for-women", "State Secretariat for Women", "SSW", "10", "DO", "", ""),
    ("flacso", "Latin American Faculty of Social Sciences", "FLACSO", "80", None, "", ""),
    ("trinity-college", "Trinity College", "", "80", "US", "", ""),
    ("government-of-jamaica", "Government of Jamaica", "", "10", "JM", "", ""),
    ("unhcr", "Office of the United Nations High Commissioner for Refugees", "UNHCR", "40", None, "XM-DAC-41121", ""),
    ("unfpa", "United Nations Population Fund", "UNFPA", "40", None, "XM-DAC-41119", ""),
    ("undp", "United Nations Development Programme", "UNDP", "40", None, "XM-DAC-41114", ""),
    ("ilo", "International Labour Organization", "ILO", "40", None, "XM-DAC-41302", ""),
    ("who-paho", "World Health Organization / Pan American Health Organization", "WHO/PAHO", "40", None, "", ""),
    ("unaids", "Joint United Nations Programme on HIV/AIDS", "UNAIDS", "40", None, "XM-DAC-41110", ""),
]

# programme slug, organisation slug, IATI OrganisationRole, what it did
PARTICIPATIONS = [
    ("international-migration-policy-seminar-caribbean", "iom", "2",
     "convened the seminar with IMP and held the two-day follow-up meeting with governments"),
    ("international-migration-policy-seminar-caribbean", "imp", "4",
     "convened the seminar with IOM; the seminar was held under its aegis"),
    ("counter-trafficking-dominican-republic", "iom", "2", "published the baseline study and co-organized the seminar"),
    ("counter-trafficking-dominican-republic", "state-secretariat-for-women", "4",
     "signed a partnership agreement with IOM by April 2001 and co-organized the seminar"),
    ("counter-trafficking-dominican-republic", "dominican-ministry-of-foreign-affairs", "4",
     "co-organized the seminar bringing together government and civil society"),
    ("counter-trafficking-dominican-republic-phase-one", "iom", "2", "ran the first phase"),
    ("counter-trafficking-dominican-republic-phase-two", "iom", "2", "runs the second phase"),
    ("hiv-aids-and-mobile-populations", "iom", "2", "implements the regional initiative"),
    ("managing-migration-and-promoting-migrants-rights", "iom", "2", "developed the program and runs the survey"),
    ("managing-migration-and-promoting-migrants-rights", "government-of-the-dominican-republic", "4",
     "develops the program in cooperation with IOM"),
    ("managing-migration-and-promoting-migrants-rights", "dominican-ministry-of-foreign-affairs", "4",
     "took part in the initial discussions on the project and its design in 2001"),
    ("managing-migration-and-promoting-migrants-rights", "flacso", "4",
     "took part in the initial discussions in 2001; designs and implements the survey with IOM"),
    ("managing-migration-and-promoting-migrants-rights", "trinity-college", "4",
     "a U.S. academic expert from Trinity College designs and implements the survey with IOM"),
    ("capacity-building-in-migration-management-jamaica", "iom", "2", "is developing the program"),
    ("capacity-building-in-migration-management-jamaica", "government-of-jamaica", "4",
     "partner government; discussions underway in late 2002"),
    # "discussions are underway with the Government of Jamaica and the U.S. Government": no role
    # agreed yet ("d", a role IATI lacks; 0006_seed_facts corrects databases seeded before).
    ("capacity-building-in-migration-management-jamaica", "united-states-government", "d",
     "in discussions with IOM and the Government of Jamaica in late 2002"),
    ("technical-cooperation-center-for-the-caribbean", "iom", "2", "proposes to establish the center"),
]

# slug-like key, title, organisation slugs, signed date, precision, subject, programme slug
AGREEMENTS = [
    ("SSW and IOM counter-trafficking partnership agreement", ["state-secretariat-for-women", "iom"],
     datetime.date(2001, 4, 1), "month", "counter-trafficking", "counter-trafficking-dominican-republic",
     "An agreement between the Dominican Republic's State Secretariat for Women (SSW) and IOM, cementing a close "
     "working partnership and commitment to progress on the issue."),
    ("IOM and WHO/PAHO cooperation agreement on migrants' health", ["iom", "who-paho"], None, "day",
     "migrants' health", None, "Translated into joint actions."),
    ("IOM and UNAIDS cooperation agreement on migrants' health", ["iom", "unaids"], None, "day",
     "migrants' health", None, "Translated into joint actions."),
]

OVERVIEW_SLUG = "iom-in-the-caribbean-2002"
OVERVIEW_PARTNERS = [
    ("un-system", ["unhcr", "unfpa", "undp", "ilo"]),
    ("health", ["who-paho", "unaids"]),
    ("supporter", ["government-of-canada", "united-states-government", "european-union"]),
]


def seed(apps, schema_editor):
    Country = apps.get_model("programmes", "Country")
    Programme = apps.get_model("programmes", "Programme")
    Overview = apps.get_model("programmes", "Overview")
    Organisation = apps.get_model("partners", "Organisation")
    Participation = apps.get_model("partners", "Participation")
    Agreement = apps.get_model("partners", "Agreement")
    OverviewPartner = apps.get_model("partners", "OverviewPartner")

    orgs = {}
    for slug, name, acronym, type_, country, iati_id, website in ORGANISATIONS:
        orgs[slug], _ = Organisation.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name, "acronym": acronym, "type": type_, "iati_identifier": iati_id, "website": website,
                "country": Country.objects.get(code=country) if country else None,
            },
        )
    programmes = {p.slug: p for p in Programme.objects.filter(slug__in={row[0] for row in PARTICIPATIONS})}
    for order, (programme, org, role, description) in enumerate(PARTICIPATIONS, start=1):
        Participation.objects.update_or_create(
            programme=programmes[programme], organisation=orgs[org], role=role,
            defaults={"description": description, "order": order},
        )
    for title, members, signed, precision, subject, programme, description in AGREEMENTS:
        agreement, _ = Agreement.objects.update_or_create(
            title=title,
            defaults={
                "signed_date": signed, "signed_precision": precision, "subject": subject, "description": description,
                "programme": Programme.objects.get(slug=programme) if programme else None,
            },
        )
        agreement.organisations.set([orgs[m] for m in members])
    overview = Overview.objects.get(slug=OVERVIEW_SLUG)
    for group, members in OVERVIEW_PARTNERS:
        for order, org in enumerate(members, start=1):
            OverviewPartner.objects.update_or_create(
                overview=overview, organisation=orgs[org], group=group, defaults={"order": order}
            )


def unseed(apps, schema_editor):
    Organisation = apps.get_model("partners", "Organisation")
    slugs = [row[0] for row in ORGANISATIONS]
    apps.get_model("partners", "OverviewPartner").objects.filter(organisation__slug__in=slugs).delete()
    apps.get_model("partners", "Agreement").objects.filter(title__in=[a[0] for a in AGREEMENTS]).delete()
    apps.get_model("partners", "Participation").objects.filter(organisation__slug__in=slugs).delete()
    Organisation.objects.filter(slug__in=slugs).delete()


# The texts so far become the English ones (from 0004_content_translations) ----------------------

# The fields translated when this migration was written (see partners/translation.py), per model.
TRANSLATED = {'organisation': ['name', 'acronym', 'description'], 'participation': ['description'], 'agreement': ['title', 'subject', 'description']}


def copy_to_english(apps, schema_editor):
    """The texts so far are English: they become the English translation, in the history too."""
    for model_name, fields in TRANSLATED.items():
        for name in (model_name, f"historical{model_name}"):
            apps.get_model("partners", name).objects.update(**{f"{field}_en": F(field) for field in fields})


def copy_from_english(apps, schema_editor):
    """Going back, the English translation is the text (the other languages are dropped)."""
    for model_name, fields in TRANSLATED.items():
        for name in (model_name, f"historical{model_name}"):
            model = apps.get_model("partners", name)
            for field in fields:
                model.objects.filter(**{f"{field}_en__isnull": False}).update(**{field: F(f"{field}_en")})


class Migration(migrations.Migration):

    replaces = [('partners', '0001_initial'), ('partners', '0002_seed_content'), ('partners', '0003_readable_constraint_messages'), ('partners', '0004_content_translations')]

    initial = True

    dependencies = [
        ('programmes', '0001_squashed_0006_content_translations'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='HistoricalAgreement',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('created_at', models.DateTimeField(blank=True, editable=False)),
                ('updated_at', models.DateTimeField(blank=True, editable=False)),
                ('title', models.CharField(max_length=300)),
                ('signed_date', models.DateField(blank=True, null=True)),
                ('signed_precision', models.CharField(choices=[('day', 'Day'), ('month', 'Month'), ('year', 'Year')], default='day', max_length=5)),
                ('subject', models.CharField(blank=True, help_text="For example 'migrants' health'.", max_length=200)),
                ('description', models.TextField(blank=True)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('description_en', models.TextField(blank=True, null=True)),
                ('description_es', models.TextField(blank=True, null=True)),
                ('description_fr', models.TextField(blank=True, null=True)),
                ('subject_en', models.CharField(blank=True, help_text="For example 'migrants' health'.", max_length=200, null=True)),
                ('subject_es', models.CharField(blank=True, help_text="For example 'migrants' health'.", max_length=200, null=True)),
                ('subject_fr', models.CharField(blank=True, help_text="For example 'migrants' health'.", max_length=200, null=True)),
                ('title_en', models.CharField(max_length=300, null=True)),
                ('title_es', models.CharField(max_length=300, null=True)),
                ('title_fr', models.CharField(max_length=300, null=True)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('programme', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='programmes.programme')),
            ],
            options={
                'verbose_name': 'historical agreement',
                'verbose_name_plural': 'historical agreements',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalOrganisation',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('created_at', models.DateTimeField(blank=True, editable=False)),
                ('updated_at', models.DateTimeField(blank=True, editable=False)),
                ('name', models.CharField(db_index=True, max_length=200)),
                ('acronym', models.CharField(blank=True, max_length=30)),
                ('slug', models.SlugField(max_length=120)),
                ('type', models.CharField(choices=[('10', 'Government'), ('11', 'Local government'), ('15', 'Other public sector'), ('21', 'International NGO'), ('22', 'National NGO'), ('23', 'Regional NGO'), ('24', 'Partner country based NGO'), ('30', 'Public private partnership'), ('40', 'Multilateral'), ('60', 'Foundation'), ('70', 'Private sector'), ('80', 'Academic, training and research'), ('90', 'Other')], max_length=2)),
                ('website', models.URLField(blank=True)),
                ('iati_identifier', models.CharField(blank=True, help_text='For example XM-DAC-47066 for IOM.', max_length=100, verbose_name='IATI organisation identifier')),
                ('description', models.TextField(blank=True)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('acronym_en', models.CharField(blank=True, max_length=30, null=True)),
                ('acronym_es', models.CharField(blank=True, max_length=30, null=True)),
                ('acronym_fr', models.CharField(blank=True, max_length=30, null=True)),
                ('description_en', models.TextField(blank=True, null=True)),
                ('description_es', models.TextField(blank=True, null=True)),
                ('description_fr', models.TextField(blank=True, null=True)),
                ('name_en', models.CharField(db_index=True, max_length=200, null=True)),
                ('name_es', models.CharField(db_index=True, max_length=200, null=True)),
                ('name_fr', models.CharField(db_index=True, max_length=200, null=True)),
                ('country', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='programmes.country')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical organisation',
                'verbose_name_plural': 'historical organisations',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='Organisation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('name', models.CharField(max_length=200, unique=True)),
                ('acronym', models.CharField(blank=True, max_length=30)),
                ('slug', models.SlugField(max_length=120, unique=True)),
                ('type', models.CharField(choices=[('10', 'Government'), ('11', 'Local government'), ('15', 'Other public sector'), ('21', 'International NGO'), ('22', 'National NGO'), ('23', 'Regional NGO'), ('24', 'Partner country based NGO'), ('30', 'Public private partnership'), ('40', 'Multilateral'), ('60', 'Foundation'), ('70', 'Private sector'), ('80', 'Academic, training and research'), ('90', 'Other')], max_length=2)),
                ('website', models.URLField(blank=True)),
                ('iati_identifier', models.CharField(blank=True, help_text='For example XM-DAC-47066 for IOM.', max_length=100, verbose_name='IATI organisation identifier')),
                ('description', models.TextField(blank=True)),
                ('acronym_en', models.CharField(blank=True, max_length=30, null=True)),
                ('acronym_es', models.CharField(blank=True, max_length=30, null=True)),
                ('acronym_fr', models.CharField(blank=True, max_length=30, null=True)),
                ('description_en', models.TextField(blank=True, null=True)),
                ('description_es', models.TextField(blank=True, null=True)),
                ('description_fr', models.TextField(blank=True, null=True)),
                ('name_en', models.CharField(max_length=200, null=True, unique=True)),
                ('name_es', models.CharField(max_length=200, null=True, unique=True)),
                ('name_fr', models.CharField(max_length=200, null=True, unique=True)),
                ('country', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='organisations', to='programmes.country')),
            ],
            options={
                'ordering': ['name'],
                'constraints': [models.UniqueConstraint(condition=models.Q(('iati_identifier', ''), _negated=True), fields=('iati_identifier',), name='organisation_iati_id_unique', violation_error_message='Another organisation already has this IATI identifier.')],
            },
        ),
        migrations.CreateModel(
            name='HistoricalParticipation',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('role', models.CharField(choices=[('1', 'Funding'), ('2', 'Accountable'), ('3', 'Extending'), ('4', 'Implementing')], default='4', max_length=1)),
                ('description', models.CharField(blank=True, help_text="What it did, e.g. 'convened the seminar with IOM'.", max_length=300)),
                ('order', models.PositiveSmallIntegerField(default=0)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('description_en', models.CharField(blank=True, help_text="What it did, e.g. 'convened the seminar with IOM'.", max_length=300, null=True)),
                ('description_es', models.CharField(blank=True, help_text="What it did, e.g. 'convened the seminar with IOM'.", max_length=300, null=True)),
                ('description_fr', models.CharField(blank=True, help_text="What it did, e.g. 'convened the seminar with IOM'.", max_length=300, null=True)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('programme', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='programmes.programme')),
                ('organisation', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='partners.organisation')),
            ],
            options={
                'verbose_name': 'historical participation',
                'verbose_name_plural': 'historical participations',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalOverviewPartner',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('group', models.CharField(choices=[('un-system', 'United Nations agencies IOM works with'), ('health', "Cooperation agreements on migrants' health"), ('supporter', "Supporters of IOM's activities in the Caribbean")], max_length=10)),
                ('order', models.PositiveSmallIntegerField(default=0)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('overview', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='programmes.overview')),
                ('organisation', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='partners.organisation')),
            ],
            options={
                'verbose_name': 'historical overview partner',
                'verbose_name_plural': 'historical overview partners',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='Agreement',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('title', models.CharField(max_length=300)),
                ('signed_date', models.DateField(blank=True, null=True)),
                ('signed_precision', models.CharField(choices=[('day', 'Day'), ('month', 'Month'), ('year', 'Year')], default='day', max_length=5)),
                ('subject', models.CharField(blank=True, help_text="For example 'migrants' health'.", max_length=200)),
                ('description', models.TextField(blank=True)),
                ('description_en', models.TextField(blank=True, null=True)),
                ('description_es', models.TextField(blank=True, null=True)),
                ('description_fr', models.TextField(blank=True, null=True)),
                ('subject_en', models.CharField(blank=True, help_text="For example 'migrants' health'.", max_length=200, null=True)),
                ('subject_es', models.CharField(blank=True, help_text="For example 'migrants' health'.", max_length=200, null=True)),
                ('subject_fr', models.CharField(blank=True, help_text="For example 'migrants' health'.", max_length=200, null=True)),
                ('title_en', models.CharField(max_length=300, null=True)),
                ('title_es', models.CharField(max_length=300, null=True)),
                ('title_fr', models.CharField(max_length=300, null=True)),
                ('programme', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='agreements', to='programmes.programme')),
                ('organisations', models.ManyToManyField(related_name='agreements', to='partners.organisation')),
            ],
            options={
                'ordering': ['title'],
            },
        ),
        migrations.CreateModel(
            name='OverviewPartner',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('group', models.CharField(choices=[('un-system', 'United Nations agencies IOM works with'), ('health', "Cooperation agreements on migrants' health"), ('supporter', "Supporters of IOM's activities in the Caribbean")], max_length=10)),
                ('order', models.PositiveSmallIntegerField(default=0)),
                ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='overview_mentions', to='partners.organisation')),
                ('overview', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='partner_mentions', to='programmes.overview')),
            ],
            options={
                'ordering': ['group', 'order', 'pk'],
                'constraints': [models.UniqueConstraint(fields=('overview', 'organisation', 'group'), name='overview_partner_unique')],
            },
        ),
        migrations.CreateModel(
            name='Participation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('role', models.CharField(choices=[('1', 'Funding'), ('2', 'Accountable'), ('3', 'Extending'), ('4', 'Implementing')], default='4', max_length=1)),
                ('description', models.CharField(blank=True, help_text="What it did, e.g. 'convened the seminar with IOM'.", max_length=300)),
                ('order', models.PositiveSmallIntegerField(default=0)),
                ('description_en', models.CharField(blank=True, help_text="What it did, e.g. 'convened the seminar with IOM'.", max_length=300, null=True)),
                ('description_es', models.CharField(blank=True, help_text="What it did, e.g. 'convened the seminar with IOM'.", max_length=300, null=True)),
                ('description_fr', models.CharField(blank=True, help_text="What it did, e.g. 'convened the seminar with IOM'.", max_length=300, null=True)),
                ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='participations', to='partners.organisation')),
                ('programme', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='participations', to='programmes.programme')),
            ],
            options={
                'ordering': ['order', 'role', 'pk'],
                'constraints': [models.UniqueConstraint(fields=('organisation', 'programme', 'role'), name='participation_unique')],
            },
        ),
        migrations.RunPython(seed, unseed),
        migrations.RunPython(copy_to_english, copy_from_english),
    ]
