"""The portal's two sources become documents of their records, their texts stored as the files.

The texts are the portal's own copies (documents/source_texts/), stored through the storage API.
No public address of either source is known, so neither document has a link. Re-running adds
nothing twice; reversing removes the two documents and their files.
"""

import datetime
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import migrations

SOURCE_TEXTS = Path(__file__).resolve().parents[1] / "source_texts"

SOURCES = [
    {
        "record": ("overview", "programmes", "Overview", {"slug": "iom-in-the-caribbean-2002"}),
        "file": "iom-in-the-caribbean-2002.txt",
        # B03 "Country strategy paper": the brochure sets out IOM's core areas and priorities for its
        # cooperation with the Caribbean States and what it plans next, a strategy for a region (not
        # for IOM as a whole, B02, and not a web page, B17).
        "category": "B03",
        "date": datetime.date(2002, 10, 1),
        "date_precision": "month",
        "title": {
            "en": "IOM in the Caribbean (brochure, October 2002): text",
            "es": "La OIM en el Caribe (folleto, octubre de 2002): texto",
            "fr": "L'OIM dans les Caraïbes (brochure, octobre 2002) : texte",
        },
        "description": {
            "en": "The text of the brochure as the portal received it, without its layout or pictures. "
            "No public address of the brochure is known.",
            "es": "El texto del folleto tal como lo recibió el portal, sin su diagramación ni sus imágenes. "
            "No se conoce ninguna dirección pública del folleto.",
            "fr": "Le texte de la brochure tel que le portail l'a reçu, sans sa mise en page ni ses images. "
            "Aucune adresse publique de la brochure n'est connue.",
        },
    },
    {
        "record": ("programme", "programmes", "Programme", {"code": "T81-805"}),
        "file": "t81-805-project-record.txt",
        # A12 "Activity web page": the text is IOM's web page of the project (its menus included).
        "category": "A12",
        "date": None,  # the page gives no date of its own
        "date_precision": "day",
        "title": {
            "en": "IOM project record T81-805: text",
            "es": "Ficha de proyecto de la OIM T81-805: texto",
            "fr": "Fiche de projet de l'OIM T81-805 : texte",
        },
        "description": {
            "en": "The text of IOM's web page on the project as the portal received it, its menus included. "
            "The page's public address is not known to the portal.",
            "es": "El texto de la página web de la OIM sobre el proyecto tal como lo recibió el portal, con sus "
            "menús. El portal no conoce la dirección pública de la página.",
            "fr": "Le texte de la page web de l'OIM sur le projet tel que le portail l'a reçu, menus compris. "
            "Le portail ne connaît pas l'adresse publique de la page.",
        },
    },
]


def translated(field, texts):
    return {field: texts["en"], **{f"{field}_{code}": text for code, text in texts.items()}}


def stored(name, content):
    """The name of the text in the store: the file already there if it holds the same text (another
    database migrated with the same media folder), else a new one (the storage picks a free name)."""
    if default_storage.exists(name):
        with default_storage.open(name, "rb") as existing:
            if existing.read() == content:
                return name
    return default_storage.save(name, ContentFile(content))


def add_sources(apps, schema_editor):
    Document = apps.get_model("documents", "Document")
    for source in SOURCES:
        field, app, model, lookup = source["record"]
        record = apps.get_model(app, model).objects.filter(**lookup).first()
        if record is None or Document.objects.filter(**{field: record}, title_en=source["title"]["en"]).exists():
            continue
        content = (SOURCE_TEXTS / source["file"]).read_bytes()
        name = stored(f"documents/sources/{source['file']}", content)
        Document.objects.create(
            **{field: record},
            **translated("title", source["title"]),
            **translated("description", source["description"]),
            category=source["category"],
            languages="en",
            date=source["date"],
            date_precision=source["date_precision"],
            file=name,
            file_format="text/plain",
        )


def remove_sources(apps, schema_editor):
    Document = apps.get_model("documents", "Document")
    for source in SOURCES:
        for document in Document.objects.filter(title_en=source["title"]["en"]):
            default_storage.delete(document.file.name)
            document.delete()


class Migration(migrations.Migration):
    dependencies = [("documents", "0002_permissions")]

    operations = [migrations.RunPython(add_sources, remove_sources)]
