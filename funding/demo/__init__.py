"""Demo data at scale: thousands of made-up programmes, for benchmarks and for trying the portal.

``generate_demo_data`` fills the database with programmes, their phases, countries, thematic
areas, locations, related activities, organisations taking part, grants with transactions and
planned disbursements, budgets per year, results frameworks (``results``), links to documents and
updates, in bulk (``bulk_create``), the same records for the same seed. It lives in ``funding`` because it
writes records of all three apps (funding may import the others).

Demo records are told apart by their slug, which starts with ``demo-`` (programmes, countries'
links aside, organisations, thematic areas, project types); programmes' IOM codes start with
``DEMO-``. Anything else in the database, the content the migrations load included, is real:
the command refuses to add demo records next to it unless forced, so nobody mixes invented
programmes into the portal's real content by mistake.

The records keep the models' rules and IATI's where it matters: every programme has a start
date, benefiting countries' percentages add up to 100, a budget covers one year at most,
amounts are positive, and end dates never come before start dates; so most published demo
programmes go into the IATI file.

This module runs the whole and saves what ``programmes`` (the programmes, what they are filed
under, who takes part) and ``money`` (grants, transactions, budgets) build, from the made-up
``words``; ``documents`` the links to documents, ``updates`` the programmes' updates.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.db import models, transaction
from django.utils import timezone
from tqdm import tqdm

from funding.demo import money, results
from funding.demo.documents import documents as demo_documents
from funding.demo.programmes import (
    DEMO_SLUG_PREFIX,
    ProgrammeMaker,
    country_and_area_links,
    locations,
    new_organisations,
    next_number,
    participations,
    reference_records,
    related_activities,
)
from funding.demo.updates import updates as demo_updates
from funding.models import Budget, Grant, PlannedDisbursement, Transaction
from iomcaribbean.content_version import bump_content_version
from iomcaribbean.relations import related_model
from partners.models import Organisation, Participation
from programmes.models import (
    Dimension,
    Indicator,
    Location,
    Period,
    Programme,
    ProgrammeCountry,
    RelatedActivity,
    Result,
)

BATCH_SIZE = 2000
# A share of top-level programmes that have phases.
WITH_PHASES_SHARE = 0.15

M = TypeVar("M", bound=models.Model)


class RealContentError(Exception):
    """The database holds records that are not demo records."""


@dataclass
class DemoSummary:
    programmes: int = 0
    published: int = 0
    organisations: int = 0
    grants: int = 0
    transactions: int = 0
    budgets: int = 0
    counts: dict[str, int] = field(default_factory=dict)


def real_programme_count() -> int:
    """Programmes that are not demo records (the migrations' content among them)."""
    return Programme.objects.exclude(slug__startswith=DEMO_SLUG_PREFIX).count()


def _bulk(model: type[M], rows: list[M]) -> list[M]:
    """``bulk_create`` in batches; the primary keys come back on PostgreSQL and SQLite alike."""
    return model.objects.bulk_create(rows, batch_size=BATCH_SIZE)


@transaction.atomic
def generate_demo_data(
    *, programmes: int, seed: int = 1, force: bool = False, progress: bool = False, today: datetime.date | None = None
) -> DemoSummary:
    """Add ``programmes`` demo programmes (phases included) with everything around them.

    Refuses (``RealContentError``) when the database holds programmes that are not demo
    records, unless ``force``. The same seed on the same database gives the same records.
    """
    if programmes < 1:
        raise ValueError("Ask for at least one programme.")
    if not force and (real := real_programme_count()):
        raise RealContentError(
            f"The database holds {real} programme(s) that are not demo records; "
            "demo data goes into a database of its own (or pass force=True / --force)."
        )
    rng = random.Random(seed)
    today = today or timezone.localdate()
    summary = DemoSummary()
    countries, areas, types = reference_records()
    _bulk(Organisation, new_organisations(max(12, programmes // 20), countries))
    organisations = list(Organisation.objects.filter(slug__startswith=DEMO_SLUG_PREFIX))
    summary.organisations = len(organisations)
    make = ProgrammeMaker(rng, countries, types, today, timezone.now(), number=next_number())
    # Counts the programmes as they are made; bulk_create then saves them BATCH_SIZE at a time.
    bar = tqdm(total=programmes, desc="programmes", unit="", disable=not progress, leave=False)

    # Programmes: top-level ones first, then their phases (which need the parents' keys).
    phases_wanted = int(programmes * WITH_PHASES_SHARE)
    top_level_count = programmes - phases_wanted
    phase_plan = [rng.randrange(top_level_count) for _ in range(phases_wanted)]  # each phase's parent
    top_level: list[Programme] = []
    for _ in range(top_level_count):
        top_level.append(make(None, 0))
        bar.update()
    top_level = _bulk(Programme, top_level)
    phase_orders: dict[int, int] = {}
    phases: list[Programme] = []
    for parent_index in phase_plan:
        phase_orders[parent_index] = phase_orders.get(parent_index, 0) + 1
        phases.append(make(top_level[parent_index], phase_orders[parent_index]))
        bar.update()
    phases = _bulk(Programme, phases)
    bar.close()
    everything = top_level + phases
    summary.programmes = len(everything)
    summary.published = sum(1 for p in everything if p.is_public)

    links, area_links = country_and_area_links(rng, everything, countries, areas)
    _bulk(ProgrammeCountry, links)
    _bulk(Programme.thematic_areas.through, area_links)
    places = _bulk(Location, locations(rng, links))
    related = _bulk(RelatedActivity, related_activities(rng, everything))
    roles = _bulk(Participation, participations(rng, everything, organisations))
    grants = _bulk(Grant, money.grants(rng, everything, organisations))
    transactions, planned = money.transactions_and_plans(grants, today)
    _bulk(Transaction, transactions)
    _bulk(PlannedDisbursement, planned)
    budgets = _bulk(Budget, money.budgets(everything, today))
    linked = _bulk(related_model(Programme, "documents"), demo_documents(everything))
    summary.grants, summary.transactions, summary.budgets = len(grants), len(transactions), len(budgets)
    result_rows = _bulk(Result, results.results(rng, everything))
    indicators = _bulk(Indicator, results.indicators(rng, result_rows))
    periods = _bulk(Period, results.periods(rng, indicators))
    dimensions = _bulk(Dimension, results.dimensions(rng, periods))
    # Last: the random draws before it, and so the records they make, stay as they were.
    notes = _bulk(related_model(Programme, "updates"), demo_updates(rng, everything, timezone.now()))
    summary.counts = {
        "country links": len(links),
        "thematic area links": len(area_links),
        "participations": len(roles),
        "locations": len(places),
        "related activities": len(related),
        "planned disbursements": len(planned),
        "results": len(result_rows),
        "indicators": len(indicators),
        "periods": len(periods),
        "breakdowns": len(dimensions),
        "documents": len(linked),
        "updates": len(notes),
    }
    # bulk_create sends no signals: say once that the content changed (cached pages are stale).
    bump_content_version()
    return summary


def describe(summary: DemoSummary) -> dict[str, Any]:
    return {
        "programmes": summary.programmes,
        "published": summary.published,
        "organisations": summary.organisations,
        "grants": summary.grants,
        "transactions": summary.transactions,
        "budgets": summary.budgets,
        **summary.counts,
    }
