"""Demo documents: a link to an evaluation report for every third demo programme.

The addresses are on example.org, a domain that leads nowhere: acceptable in demo data only, which
is labelled demo throughout. Documents sit in an app above this one, so their model is reached
through the programmes' reverse relation (``iomcaribbean.relations``), never by its name.
"""

from __future__ import annotations

from django.db.models import Model

from iomcaribbean.relations import related_model
from programmes.models import Programme

EVERY = 3
EVALUATION = "A07"  # IATI DocumentCategory: review of project performance and evaluation
PDF = "application/pdf"


def documents(programmes: list[Programme]) -> list[Model]:
    document = related_model(Programme, "documents")
    return [
        document(
            programme=programme,
            title=f"Evaluation of {programme.code} (demo)",
            category=EVALUATION,
            languages="en",
            url=f"https://example.org/demo/{programme.slug}/evaluation.pdf",
            file_format=PDF,
            date=programme.start_date,
        )
        for programme in programmes[::EVERY]
    ]
