from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("iomcaribbean", "0001_content_version")]

    operations = [
        migrations.AddField(
            model_name="contentversion",
            name="records_number",
            field=models.PositiveBigIntegerField(default=0),
        ),
    ]
