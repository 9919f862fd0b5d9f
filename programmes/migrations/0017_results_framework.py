"""The results framework: results gain a type, a description and an aggregation status, and have
indicators (with a baseline), periods (a target and an actual each) and breakdowns.

Each result recorded so far becomes a qualitative result: one qualitative indicator worded as the
result (IATI requires an indicator), its type left unknown (no source states it). "Achieved" becomes
what the source says: the phase one results of the Dominican Republic counter-trafficking program
were achieved during phase one, October 2001 to August 2002 (a period with those months); the
seminar's outcomes say "helped prepare the way" in their own words, with no date. A result staff
ticked as achieved says so in its indicator's description. Reversible: the tick comes back from those.
"""

import datetime

import django.core.validators
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


PHASE_ONE = "counter-trafficking-dominican-republic-phase-one"
SEMINAR = "international-migration-policy-seminar-caribbean"
# "From October 2001 to August 2002, the program ... ran its first phase. During phase one the
# project achieved three key results" (the October 2002 overview).
PHASE_ONE_PERIOD = (datetime.date(2001, 10, 1), datetime.date(2002, 8, 31))
PHASE_ONE_ACTUAL = "Achieved during phase one."
ACHIEVED_NOTE = "Recorded as achieved before the results framework, without dates."
LANGUAGES = ("en", "es", "fr")


def forwards(apps, schema_editor):
    Result = apps.get_model("programmes", "Result")
    Indicator = apps.get_model("programmes", "Indicator")
    Period = apps.get_model("programmes", "Period")
    for result in Result.objects.select_related("programme").filter(indicators__isnull=True):
        slug = result.programme.slug
        titles = {f"title_{code}": getattr(result, f"title_{code}") for code in LANGUAGES}
        # The seed's own results first: tests/seed_steps.py runs this with the live models, which lack the tick.
        noted = slug not in (PHASE_ONE, SEMINAR) and result.achieved
        note = {"description": ACHIEVED_NOTE, "description_en": ACHIEVED_NOTE} if noted else {}
        indicator = Indicator.objects.create(
            result=result, title=result.title, measure="5", order=1, **titles, **note
        )
        if slug == PHASE_ONE:
            start, end = PHASE_ONE_PERIOD
            Period.objects.create(
                indicator=indicator,
                start=start,
                end=end,
                actual_comment=PHASE_ONE_ACTUAL,
                actual_comment_en=PHASE_ONE_ACTUAL,
            )


def backwards(apps, schema_editor):
    Result = apps.get_model("programmes", "Result")
    Period = apps.get_model("programmes", "Period")
    for result in Result.objects.select_related("programme"):
        actuals = Period.objects.filter(indicator__result=result).exclude(actual_comment="", actual_value=None)
        result.achieved = (
            result.programme.slug in (PHASE_ONE, SEMINAR)
            or result.indicators.filter(description=ACHIEVED_NOTE).exists()
            or actuals.exists()
        )
        result.save(update_fields=["achieved"])



class Migration(migrations.Migration):

    dependencies = [
        ('programmes', '0016_content_version_moved'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='historicalresult',
            name='aggregation_status',
            field=models.BooleanField(blank=True, help_text="Whether its figures may be added up with other activities' (IATI).", null=True),
        ),
        migrations.AddField(
            model_name='historicalresult',
            name='description',
            field=models.TextField(blank=True),
        ),
        migrations.AddField(
            model_name='historicalresult',
            name='description_en',
            field=models.TextField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='historicalresult',
            name='description_es',
            field=models.TextField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='historicalresult',
            name='description_fr',
            field=models.TextField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='historicalresult',
            name='type',
            field=models.CharField(blank=True, choices=[('1', 'Output'), ('2', 'Outcome'), ('3', 'Impact')], help_text='Empty when no source says: the result is then left out of IATI, which requires a type.', max_length=1),
        ),
        migrations.AddField(
            model_name='result',
            name='aggregation_status',
            field=models.BooleanField(blank=True, help_text="Whether its figures may be added up with other activities' (IATI).", null=True),
        ),
        migrations.AddField(
            model_name='result',
            name='description',
            field=models.TextField(blank=True),
        ),
        migrations.AddField(
            model_name='result',
            name='description_en',
            field=models.TextField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='result',
            name='description_es',
            field=models.TextField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='result',
            name='description_fr',
            field=models.TextField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='result',
            name='type',
            field=models.CharField(blank=True, choices=[('1', 'Output'), ('2', 'Outcome'), ('3', 'Impact')], help_text='Empty when no source says: the result is then left out of IATI, which requires a type.', max_length=1),
        ),
        migrations.CreateModel(
            name='HistoricalIndicator',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('title', models.CharField(max_length=500)),
                ('description', models.TextField(blank=True)),
                ('measure', models.CharField(choices=[('1', 'Unit'), ('2', 'Percentage'), ('5', 'Qualitative')], max_length=1)),
                ('unit_label', models.CharField(blank=True, help_text="What a unit counts, such as 'officials trained' (unit measure only).", max_length=100)),
                ('ascending', models.BooleanField(default=True, verbose_name='higher is better')),
                ('baseline_year', models.PositiveSmallIntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(1000), django.core.validators.MaxValueValidator(9999)])),
                ('baseline_value', models.DecimalField(blank=True, decimal_places=2, max_digits=14, null=True, verbose_name='baseline value')),
                ('baseline_comment', models.TextField(blank=True, help_text='For a qualitative indicator, the baseline itself.')),
                ('order', models.PositiveSmallIntegerField(default=0)),
                ('title_en', models.CharField(max_length=500, null=True)),
                ('title_es', models.CharField(max_length=500, null=True)),
                ('title_fr', models.CharField(max_length=500, null=True)),
                ('description_en', models.TextField(blank=True, null=True)),
                ('description_es', models.TextField(blank=True, null=True)),
                ('description_fr', models.TextField(blank=True, null=True)),
                ('unit_label_en', models.CharField(blank=True, help_text="What a unit counts, such as 'officials trained' (unit measure only).", max_length=100, null=True)),
                ('unit_label_es', models.CharField(blank=True, help_text="What a unit counts, such as 'officials trained' (unit measure only).", max_length=100, null=True)),
                ('unit_label_fr', models.CharField(blank=True, help_text="What a unit counts, such as 'officials trained' (unit measure only).", max_length=100, null=True)),
                ('baseline_comment_en', models.TextField(blank=True, help_text='For a qualitative indicator, the baseline itself.', null=True)),
                ('baseline_comment_es', models.TextField(blank=True, help_text='For a qualitative indicator, the baseline itself.', null=True)),
                ('baseline_comment_fr', models.TextField(blank=True, help_text='For a qualitative indicator, the baseline itself.', null=True)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('result', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='programmes.result')),
            ],
            options={
                'verbose_name': 'historical indicator',
                'verbose_name_plural': 'historical indicators',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='Indicator',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(max_length=500)),
                ('title_en', models.CharField(max_length=500, null=True)),
                ('title_es', models.CharField(max_length=500, null=True)),
                ('title_fr', models.CharField(max_length=500, null=True)),
                ('description', models.TextField(blank=True)),
                ('description_en', models.TextField(blank=True, null=True)),
                ('description_es', models.TextField(blank=True, null=True)),
                ('description_fr', models.TextField(blank=True, null=True)),
                ('measure', models.CharField(choices=[('1', 'Unit'), ('2', 'Percentage'), ('5', 'Qualitative')], max_length=1)),
                ('unit_label', models.CharField(blank=True, help_text="What a unit counts, such as 'officials trained' (unit measure only).", max_length=100)),
                ('unit_label_en', models.CharField(blank=True, help_text="What a unit counts, such as 'officials trained' (unit measure only).", max_length=100, null=True)),
                ('unit_label_es', models.CharField(blank=True, help_text="What a unit counts, such as 'officials trained' (unit measure only).", max_length=100, null=True)),
                ('unit_label_fr', models.CharField(blank=True, help_text="What a unit counts, such as 'officials trained' (unit measure only).", max_length=100, null=True)),
                ('ascending', models.BooleanField(default=True, verbose_name='higher is better')),
                ('baseline_year', models.PositiveSmallIntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(1000), django.core.validators.MaxValueValidator(9999)])),
                ('baseline_value', models.DecimalField(blank=True, decimal_places=2, max_digits=14, null=True, verbose_name='baseline value')),
                ('baseline_comment', models.TextField(blank=True, help_text='For a qualitative indicator, the baseline itself.')),
                ('baseline_comment_en', models.TextField(blank=True, help_text='For a qualitative indicator, the baseline itself.', null=True)),
                ('baseline_comment_es', models.TextField(blank=True, help_text='For a qualitative indicator, the baseline itself.', null=True)),
                ('baseline_comment_fr', models.TextField(blank=True, help_text='For a qualitative indicator, the baseline itself.', null=True)),
                ('order', models.PositiveSmallIntegerField(default=0)),
                ('result', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='indicators', to='programmes.result')),
            ],
            options={
                'ordering': ['order', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='HistoricalPeriod',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('start', models.DateField()),
                ('end', models.DateField()),
                ('target_value', models.DecimalField(blank=True, decimal_places=2, max_digits=14, null=True, verbose_name='target')),
                ('target_comment', models.TextField(blank=True)),
                ('actual_value', models.DecimalField(blank=True, decimal_places=2, max_digits=14, null=True, verbose_name='actual')),
                ('actual_comment', models.TextField(blank=True)),
                ('target_comment_en', models.TextField(blank=True, null=True)),
                ('target_comment_es', models.TextField(blank=True, null=True)),
                ('target_comment_fr', models.TextField(blank=True, null=True)),
                ('actual_comment_en', models.TextField(blank=True, null=True)),
                ('actual_comment_es', models.TextField(blank=True, null=True)),
                ('actual_comment_fr', models.TextField(blank=True, null=True)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('indicator', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='programmes.indicator')),
            ],
            options={
                'verbose_name': 'historical period',
                'verbose_name_plural': 'historical periods',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='Period',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('start', models.DateField()),
                ('end', models.DateField()),
                ('target_value', models.DecimalField(blank=True, decimal_places=2, max_digits=14, null=True, verbose_name='target')),
                ('target_comment', models.TextField(blank=True)),
                ('target_comment_en', models.TextField(blank=True, null=True)),
                ('target_comment_es', models.TextField(blank=True, null=True)),
                ('target_comment_fr', models.TextField(blank=True, null=True)),
                ('actual_value', models.DecimalField(blank=True, decimal_places=2, max_digits=14, null=True, verbose_name='actual')),
                ('actual_comment', models.TextField(blank=True)),
                ('actual_comment_en', models.TextField(blank=True, null=True)),
                ('actual_comment_es', models.TextField(blank=True, null=True)),
                ('actual_comment_fr', models.TextField(blank=True, null=True)),
                ('indicator', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='periods', to='programmes.indicator')),
            ],
            options={
                'ordering': ['start', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='HistoricalDimension',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('of', models.CharField(choices=[('target', 'Target'), ('actual', 'Actual')], max_length=6, verbose_name='breakdown of')),
                ('name', models.CharField(help_text="What it breaks down by, such as 'sex' or 'country'.", max_length=100)),
                ('value', models.CharField(help_text="The group, such as 'female' or 'JM'.", max_length=100)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('period', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='programmes.period')),
            ],
            options={
                'verbose_name': 'historical breakdown',
                'verbose_name_plural': 'historical breakdowns',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='Dimension',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('of', models.CharField(choices=[('target', 'Target'), ('actual', 'Actual')], max_length=6, verbose_name='breakdown of')),
                ('name', models.CharField(help_text="What it breaks down by, such as 'sex' or 'country'.", max_length=100)),
                ('value', models.CharField(help_text="The group, such as 'female' or 'JM'.", max_length=100)),
                ('period', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='dimensions', to='programmes.period')),
            ],
            options={
                'verbose_name': 'breakdown',
                'ordering': ['pk'],
            },
        ),
        migrations.AddConstraint(
            model_name='indicator',
            constraint=models.CheckConstraint(condition=models.Q(('baseline_year__isnull', True), models.Q(('baseline_year__gte', 1000), ('baseline_year__lte', 9999)), _connector='OR'), name='indicator_baseline_year_4_digits'),
        ),
        migrations.AddConstraint(
            model_name='indicator',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('measure', '5'), _negated=True), ('baseline_value__isnull', True), _connector='OR'), name='indicator_qualitative_no_value'),
        ),
        migrations.AddConstraint(
            model_name='indicator',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('measure', '2'), _negated=True), ('baseline_value__isnull', True), models.Q(('baseline_value__gte', 0), ('baseline_value__lte', 100)), _connector='OR'), name='indicator_percentage_0_100'),
        ),
        migrations.AddConstraint(
            model_name='period',
            constraint=models.CheckConstraint(condition=models.Q(('end__gte', models.F('start'))), name='period_end_not_before_start'),
        ),
        migrations.AddConstraint(
            model_name='dimension',
            constraint=models.UniqueConstraint(fields=('period', 'of', 'name'), name='dimension_one_value_per_name'),
        ),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(
            model_name='historicalresult',
            name='achieved',
        ),
        migrations.RemoveField(
            model_name='result',
            name='achieved',
        ),
    ]
