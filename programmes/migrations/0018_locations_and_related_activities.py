"""Locations and related activities, and the seminar's three links as its source words them.

The seminar's record (the IDF project sheet, T81-805) says it "was a follow-up to the regional meeting
in Santo Domingo, Dominican Republic in November 2000" and "helped prepare the way for" a meeting and
projects. None of them is a record of the portal, and the source gives no identifier: they are outside
activities named in the source's words, shown on the page and never written to the IATI file.
Keyed by the seminar's slug and the link's title; re-running adds nothing, and rows a site added stay.
"""

import django.core.validators
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

SEMINAR = "international-migration-policy-seminar-caribbean"
# relation, title (as the source words it), order
SEMINAR_LINKS = [
    ("follows-up", "The regional meeting in Santo Domingo, Dominican Republic in November 2000", 1),
    ("prepared-for", "The counter-trafficking meeting planned for the Caribbean later in 2001", 2),
    (
        "prepared-for",
        "Concrete projects in key areas such as academic training for migration officials, counter-trafficking "
        "projects throughout the region and a pilot project for better remittance management (Haiti, Dominican "
        "Republic and Jamaica)",
        3,
    ),
]


def add_seminar_links(apps, schema_editor):
    seminar = apps.get_model("programmes", "Programme").objects.filter(slug=SEMINAR).first()
    if seminar is None:
        return
    RelatedActivity = apps.get_model("programmes", "RelatedActivity")
    for relation, title, order in SEMINAR_LINKS:
        RelatedActivity.objects.get_or_create(
            programme=seminar, title=title, defaults={"relation": relation, "title_en": title, "order": order}
        )


def remove_seminar_links(apps, schema_editor):
    apps.get_model("programmes", "RelatedActivity").objects.filter(
        programme__slug=SEMINAR, title__in=[title for _, title, _ in SEMINAR_LINKS]
    ).delete()


class Migration(migrations.Migration):

    dependencies = [
        ('programmes', '0017_results_framework'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='HistoricalLocation',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('order', models.PositiveSmallIntegerField(default=0)),
                ('name', models.CharField(help_text='The place as the source names it, e.g. Kingston.', max_length=200)),
                ('description', models.TextField(blank=True, help_text='What qualifies the place (not the programme).')),
                ('latitude', models.DecimalField(blank=True, decimal_places=6, help_text='WGS 84 decimal degrees, -90 to 90 (north positive). Only with a longitude; empty when not known.', max_digits=8, null=True, validators=[django.core.validators.MinValueValidator(-90), django.core.validators.MaxValueValidator(90)])),
                ('longitude', models.DecimalField(blank=True, decimal_places=6, help_text='WGS 84 decimal degrees, -180 to 180 (east positive; the Caribbean is west, so negative).', max_digits=9, null=True, validators=[django.core.validators.MinValueValidator(-180), django.core.validators.MaxValueValidator(180)])),
                ('feature_designation', models.CharField(blank=True, choices=[('PPLC', 'PPLC: capital of a political entity'), ('PPLA', 'PPLA: seat of a first-order administrative division'), ('PPL', 'PPL: populated place'), ('PCLI', 'PCLI: independent political entity'), ('ADM1', 'ADM1: first-order administrative division'), ('ADM2', 'ADM2: second-order administrative division'), ('ISL', 'ISL: island'), ('PRT', 'PRT: port'), ('AIRP', 'AIRP: airport'), ('BLDG', 'BLDG: building'), ('HTL', 'HTL: hotel')], max_length=4)),
                ('location_class', models.CharField(blank=True, choices=[('1', 'Administrative region'), ('2', 'Populated place'), ('3', 'Structure'), ('4', 'Other topographical feature')], max_length=1, verbose_name='class')),
                ('reach', models.CharField(blank=True, choices=[('1', 'Where the activity takes place'), ('2', 'Where the beneficiaries live')], max_length=1)),
                ('exactness', models.CharField(blank=True, choices=[('1', 'Exact'), ('2', 'Approximate')], help_text='How exact the point is.', max_length=1)),
                ('admin_vocabulary', models.CharField(blank=True, choices=[('A1', 'A1: Global Administrative Unit Layers'), ('A2', 'A2: UN Second Administrative Level Boundary Project'), ('A3', 'A3: Global Administrative Areas'), ('G1', 'G1: GeoNames'), ('G2', 'G2: OpenStreetMap')], max_length=2, verbose_name='administrative area: vocabulary')),
                ('admin_level', models.PositiveSmallIntegerField(blank=True, help_text='0 for a country, 1 for its first division...', null=True, verbose_name='administrative area: level')),
                ('admin_code', models.CharField(blank=True, max_length=50, verbose_name='administrative area: code')),
                ('name_en', models.CharField(help_text='The place as the source names it, e.g. Kingston.', max_length=200, null=True)),
                ('name_es', models.CharField(help_text='The place as the source names it, e.g. Kingston.', max_length=200, null=True)),
                ('name_fr', models.CharField(help_text='The place as the source names it, e.g. Kingston.', max_length=200, null=True)),
                ('description_en', models.TextField(blank=True, help_text='What qualifies the place (not the programme).', null=True)),
                ('description_es', models.TextField(blank=True, help_text='What qualifies the place (not the programme).', null=True)),
                ('description_fr', models.TextField(blank=True, help_text='What qualifies the place (not the programme).', null=True)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('country', models.ForeignKey(blank=True, db_constraint=False, help_text='The country the place lies in, if known.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='programmes.country')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('programme', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='programmes.programme')),
            ],
            options={
                'verbose_name': 'historical location',
                'verbose_name_plural': 'historical locations',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalRelatedActivity',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('order', models.PositiveSmallIntegerField(default=0)),
                ('relation', models.CharField(choices=[('3', 'Sibling activity'), ('4', 'Co-funded with'), ('5', 'Reported by a third party as'), ('follows-up', 'Follow-up to'), ('prepared-for', 'Prepared the way for')], max_length=12)),
                ('iati_identifier', models.CharField(blank=True, help_text="The outside activity's IATI identifier, only when a source gives it. A link is published in the IATI file only with an IATI type (sibling, co-funded, third party) and an identifier.", max_length=150, validators=[django.core.validators.RegexValidator('^[^/&|?\\s]*$', 'An IATI identifier has no spaces and none of / & | ?')], verbose_name='IATI identifier')),
                ('title', models.CharField(blank=True, help_text='The outside activity as the source names it.', max_length=300)),
                ('description', models.TextField(blank=True, help_text="More of the source's words about it, if any.")),
                ('title_en', models.CharField(blank=True, help_text='The outside activity as the source names it.', max_length=300, null=True)),
                ('title_es', models.CharField(blank=True, help_text='The outside activity as the source names it.', max_length=300, null=True)),
                ('title_fr', models.CharField(blank=True, help_text='The outside activity as the source names it.', max_length=300, null=True)),
                ('description_en', models.TextField(blank=True, help_text="More of the source's words about it, if any.", null=True)),
                ('description_es', models.TextField(blank=True, help_text="More of the source's words about it, if any.", null=True)),
                ('description_fr', models.TextField(blank=True, help_text="More of the source's words about it, if any.", null=True)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('programme', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='programmes.programme')),
                ('related_programme', models.ForeignKey(blank=True, db_constraint=False, help_text='A programme of the portal. Leave empty for an activity outside it, and name that one below.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='programmes.programme')),
            ],
            options={
                'verbose_name': 'historical related activity',
                'verbose_name_plural': 'historical related activities',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='Location',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('order', models.PositiveSmallIntegerField(default=0)),
                ('name', models.CharField(help_text='The place as the source names it, e.g. Kingston.', max_length=200)),
                ('name_en', models.CharField(help_text='The place as the source names it, e.g. Kingston.', max_length=200, null=True)),
                ('name_es', models.CharField(help_text='The place as the source names it, e.g. Kingston.', max_length=200, null=True)),
                ('name_fr', models.CharField(help_text='The place as the source names it, e.g. Kingston.', max_length=200, null=True)),
                ('description', models.TextField(blank=True, help_text='What qualifies the place (not the programme).')),
                ('description_en', models.TextField(blank=True, help_text='What qualifies the place (not the programme).', null=True)),
                ('description_es', models.TextField(blank=True, help_text='What qualifies the place (not the programme).', null=True)),
                ('description_fr', models.TextField(blank=True, help_text='What qualifies the place (not the programme).', null=True)),
                ('latitude', models.DecimalField(blank=True, decimal_places=6, help_text='WGS 84 decimal degrees, -90 to 90 (north positive). Only with a longitude; empty when not known.', max_digits=8, null=True, validators=[django.core.validators.MinValueValidator(-90), django.core.validators.MaxValueValidator(90)])),
                ('longitude', models.DecimalField(blank=True, decimal_places=6, help_text='WGS 84 decimal degrees, -180 to 180 (east positive; the Caribbean is west, so negative).', max_digits=9, null=True, validators=[django.core.validators.MinValueValidator(-180), django.core.validators.MaxValueValidator(180)])),
                ('feature_designation', models.CharField(blank=True, choices=[('PPLC', 'PPLC: capital of a political entity'), ('PPLA', 'PPLA: seat of a first-order administrative division'), ('PPL', 'PPL: populated place'), ('PCLI', 'PCLI: independent political entity'), ('ADM1', 'ADM1: first-order administrative division'), ('ADM2', 'ADM2: second-order administrative division'), ('ISL', 'ISL: island'), ('PRT', 'PRT: port'), ('AIRP', 'AIRP: airport'), ('BLDG', 'BLDG: building'), ('HTL', 'HTL: hotel')], max_length=4)),
                ('location_class', models.CharField(blank=True, choices=[('1', 'Administrative region'), ('2', 'Populated place'), ('3', 'Structure'), ('4', 'Other topographical feature')], max_length=1, verbose_name='class')),
                ('reach', models.CharField(blank=True, choices=[('1', 'Where the activity takes place'), ('2', 'Where the beneficiaries live')], max_length=1)),
                ('exactness', models.CharField(blank=True, choices=[('1', 'Exact'), ('2', 'Approximate')], help_text='How exact the point is.', max_length=1)),
                ('admin_vocabulary', models.CharField(blank=True, choices=[('A1', 'A1: Global Administrative Unit Layers'), ('A2', 'A2: UN Second Administrative Level Boundary Project'), ('A3', 'A3: Global Administrative Areas'), ('G1', 'G1: GeoNames'), ('G2', 'G2: OpenStreetMap')], max_length=2, verbose_name='administrative area: vocabulary')),
                ('admin_level', models.PositiveSmallIntegerField(blank=True, help_text='0 for a country, 1 for its first division...', null=True, verbose_name='administrative area: level')),
                ('admin_code', models.CharField(blank=True, max_length=50, verbose_name='administrative area: code')),
                ('country', models.ForeignKey(blank=True, help_text='The country the place lies in, if known.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='locations', to='programmes.country')),
                ('programme', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='locations', to='programmes.programme')),
            ],
            options={
                'ordering': ['order', 'pk'],
                'abstract': False,
                'constraints': [models.CheckConstraint(condition=models.Q(models.Q(('latitude__isnull', True), ('longitude__isnull', True)), models.Q(('latitude__gte', -90), ('latitude__lte', 90), ('longitude__gte', -180), ('longitude__lte', 180), ('latitude__isnull', False), ('longitude__isnull', False)), _connector='OR'), name='location_point_whole_and_on_earth'), models.CheckConstraint(condition=models.Q(models.Q(('admin_code', ''), ('admin_level__isnull', True), ('admin_vocabulary', '')), models.Q(models.Q(('admin_vocabulary', ''), _negated=True), models.Q(('admin_code', ''), _negated=True)), _connector='OR'), name='location_admin_area_code_with_vocabulary')],
            },
        ),
        migrations.CreateModel(
            name='RelatedActivity',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('order', models.PositiveSmallIntegerField(default=0)),
                ('relation', models.CharField(choices=[('3', 'Sibling activity'), ('4', 'Co-funded with'), ('5', 'Reported by a third party as'), ('follows-up', 'Follow-up to'), ('prepared-for', 'Prepared the way for')], max_length=12)),
                ('iati_identifier', models.CharField(blank=True, help_text="The outside activity's IATI identifier, only when a source gives it. A link is published in the IATI file only with an IATI type (sibling, co-funded, third party) and an identifier.", max_length=150, validators=[django.core.validators.RegexValidator('^[^/&|?\\s]*$', 'An IATI identifier has no spaces and none of / & | ?')], verbose_name='IATI identifier')),
                ('title', models.CharField(blank=True, help_text='The outside activity as the source names it.', max_length=300)),
                ('title_en', models.CharField(blank=True, help_text='The outside activity as the source names it.', max_length=300, null=True)),
                ('title_es', models.CharField(blank=True, help_text='The outside activity as the source names it.', max_length=300, null=True)),
                ('title_fr', models.CharField(blank=True, help_text='The outside activity as the source names it.', max_length=300, null=True)),
                ('description', models.TextField(blank=True, help_text="More of the source's words about it, if any.")),
                ('description_en', models.TextField(blank=True, help_text="More of the source's words about it, if any.", null=True)),
                ('description_es', models.TextField(blank=True, help_text="More of the source's words about it, if any.", null=True)),
                ('description_fr', models.TextField(blank=True, help_text="More of the source's words about it, if any.", null=True)),
                ('programme', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='related_activities', to='programmes.programme')),
                ('related_programme', models.ForeignKey(blank=True, help_text='A programme of the portal. Leave empty for an activity outside it, and name that one below.', null=True, on_delete=django.db.models.deletion.CASCADE, related_name='related_from', to='programmes.programme')),
            ],
            options={
                'verbose_name': 'related activity',
                'verbose_name_plural': 'related activities',
                'ordering': ['order', 'pk'],
                'abstract': False,
                'constraints': [models.CheckConstraint(condition=models.Q(models.Q(('iati_identifier', ''), ('related_programme__isnull', False), ('title', '')), models.Q(('related_programme__isnull', True), models.Q(('title', ''), _negated=True)), _connector='OR'), name='related_activity_portal_or_outside'), models.CheckConstraint(condition=models.Q(('related_programme', models.F('programme')), _negated=True), name='related_activity_not_itself'), models.UniqueConstraint(condition=models.Q(('related_programme__isnull', False)), fields=('programme', 'related_programme', 'relation'), name='related_activity_unique_link', violation_error_message='This programme already has this link to that programme.')],
            },
        ),
        migrations.RunPython(add_seminar_links, remove_seminar_links),
    ]
