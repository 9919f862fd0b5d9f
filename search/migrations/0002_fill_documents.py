# A search document for every programme there is, the seed content's included (search/documents.py,
# through this state's models). Going back, the table goes with 0001: nothing to undo.

from django.db import migrations

from search.documents import write_documents


def fill(apps, schema_editor):
    write_documents(using=schema_editor.connection.alias, apps=apps)


class Migration(migrations.Migration):

    dependencies = [
        ('search', '0001_initial'),
        ('programmes', '0013_seed_facts'),
        ('partners', '0006_seed_facts'),
        ('funding', '0008_seed_facts'),
    ]

    operations = [
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
