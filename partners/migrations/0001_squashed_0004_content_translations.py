# Squashes 0001-0004 (as squashmigrations does, with the data migrations moved to the end): the
# same tables, indexes and content, in a few operations instead of 56. Each of 0004's 42 AddFields
# re-rendered every model related to the one it changed, most of the time a new database (a test
# database too) took to build. A database that applied 0001-0004 carries on with them; a new one
# runs this instead. The replaced migrations' data functions run here in their order, once the
# tables are in their final form: the seed writes the original text columns, then 0004's
# copy_to_english copies them into the English ones, as before. The functions stay
# in the replaced files (the tests load the seed from there): when those files are deleted
# (squashmigrations' "transition"), move them here.

from importlib import import_module

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


def _replaced(name):
    """The replaced migration NAME, whose data migration functions this one runs."""
    return import_module(f"partners.migrations.{name}")


class Migration(migrations.Migration):

    replaces = [('partners', '0001_initial'), ('partners', '0002_seed_content'), ('partners', '0003_readable_constraint_messages'), ('partners', '0004_content_translations')]

    initial = True

    dependencies = [
        ('programmes', '0001_initial'),
        ('programmes', '0002_seed_content'),
        ('programmes', '0003_readable_constraint_messages'),
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
        migrations.RunPython(_replaced("0002_seed_content").seed, _replaced("0002_seed_content").unseed),
        migrations.RunPython(_replaced("0004_content_translations").copy_to_english, _replaced("0004_content_translations").copy_from_english),
    ]
