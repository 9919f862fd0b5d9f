"""Demo updates: two dated notes, without photos, for every second demo programme.

Labelled demo in their titles, as every demo record is. Updates sit in an app above this one, so
their model is reached through the programmes' reverse relation (``iomcaribbean.relations``).
"""

from __future__ import annotations

import datetime
import random

from django.db.models import Model

from iomcaribbean.relations import related_model
from programmes.models import Programme

EVERY = 2
NOTES = ("Field visit", "Training held", "Coordination meeting", "Returnees assisted")


def updates(rng: random.Random, programmes: list[Programme], now: datetime.datetime) -> list[Model]:
    update = related_model(Programme, "updates")
    rows = []
    for programme in programmes[::EVERY]:
        for _ in range(2):
            date = programme.start_date + datetime.timedelta(days=rng.randrange(365))
            rows.append(
                update(
                    programme=programme,
                    title=f"{rng.choice(NOTES)}: {programme.code} (demo)",
                    text="A made-up note from the field, for trying the portal.",
                    date=date,
                    # bulk_create calls no save(): the status's first publication is set here.
                    status="published",
                    published_at=now,
                )
            )
    return rows
