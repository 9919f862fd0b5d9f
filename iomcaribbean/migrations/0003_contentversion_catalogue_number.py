import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("iomcaribbean", "0002_contentversion_records_number")]

    operations = [
        migrations.AddField(
            model_name="contentversion",
            name="catalogue_number",
            field=models.PositiveBigIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="contentversion",
            name="catalogue_changed_at",
            field=models.DateTimeField(default=django.utils.timezone.now),
        ),
    ]
