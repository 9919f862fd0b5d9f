from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("iomcaribbean", "0003_contentversion_catalogue_number")]

    operations = [
        migrations.AddField(
            model_name="contentversion",
            name="reworded",
            field=models.TextField(blank=True, default=""),
        ),
    ]
