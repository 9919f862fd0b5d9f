"""Demo data at scale: thousands of made-up programmes, for benchmarks and for trying the portal.

``generate_demo_data`` fills the database with programmes, their phases, countries, thematic
areas, organisations taking part, grants with transactions and planned disbursements, and
budgets per year, in bulk (``bulk_create``), the same records for the same seed. It lives in
``funding`` because it writes records of all three apps (funding may import the others).

Demo records are told apart by their slug, which starts with ``demo-`` (programmes, countries'
links aside, organisations, thematic areas, project types); programmes' IOM codes start with
``DEMO-``. Anything else in the database, the content the migrations load included, is real:
the command refuses to add demo records next to it unless forced, so nobody mixes invented
programmes into the portal's real content by mistake.

The records keep the models' rules and IATI's where it matters: every programme has a start
date, benefiting countries' percentages add up to 100, a budget covers one year at most,
amounts are positive, and end dates never come before start dates; so most published demo
programmes go into the IATI file.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

from django.db import models, transaction
from django.utils import timezone
from django.utils.text import slugify
from tqdm import tqdm

from funding.models import Budget, Grant, PlannedDisbursement, Transaction
from iomcaribbean.content_version import bump_content_version
from partners.models import Organisation, Participation
from programmes.models import Country, Programme, ProgrammeCountry, ProjectType, ThematicArea

DEMO_SLUG_PREFIX = "demo-"
DEMO_CODE_PREFIX = "DEMO-"
BATCH_SIZE = 2000
# A share of programmes left unpublished, and a share of top-level programmes that have phases.
UNPUBLISHED_SHARE = 0.1
WITH_PHASES_SHARE = 0.15

# Caribbean states and territories with their ISO codes, added when the database lacks them.
COUNTRIES = [
    ("AG", "Antigua and Barbuda"),
    ("BS", "Bahamas"),
    ("BB", "Barbados"),
    ("BZ", "Belize"),
    ("CU", "Cuba"),
    ("DM", "Dominica"),
    ("DO", "Dominican Republic"),
    ("GD", "Grenada"),
    ("GY", "Guyana"),
    ("HT", "Haiti"),
    ("JM", "Jamaica"),
    ("KN", "Saint Kitts and Nevis"),
    ("LC", "Saint Lucia"),
    ("VC", "Saint Vincent and the Grenadines"),
    ("SR", "Suriname"),
    ("TT", "Trinidad and Tobago"),
    ("TC", "Turks and Caicos Islands"),
]
# (as an overview would word the area, its name)
AREAS = [
    ("Labour migration and skills mobility", "Labour migration"),
    ("Disaster displacement and climate mobility", "Climate mobility"),
    ("Border management and identity systems", "Border management"),
    ("Migrants' health and access to care", "Migrants' health"),
    ("Diaspora engagement for development", "Diaspora"),
    ("Protection of migrants in vulnerable situations", "Protection"),
]
PROJECT_TYPES = ["Capacity building", "Emergency response", "Research and data", "Return and reintegration"]
ACTIONS = [
    "Strengthening",
    "Supporting",
    "Building capacity for",
    "Improving",
    "Expanding",
    "Mapping",
    "Coordinating",
    "Assessing",
]
SUBJECTS = [
    "border management",
    "labour mobility schemes",
    "assistance to victims of trafficking",
    "data on migration flows",
    "reintegration of returning nationals",
    "disaster preparedness for displaced people",
    "health services for migrants",
    "diaspora investment",
    "migration policy dialogue",
    "identity management",
    "protection of unaccompanied children",
    "emergency shelter coordination",
]
ORGANISATION_KINDS = [
    (Organisation.Type.GOVERNMENT, "Ministry of {}"),
    (Organisation.Type.NATIONAL_NGO, "{} Migrant Support Network"),
    (Organisation.Type.ACADEMIC, "{} Institute of Migration Studies"),
    (Organisation.Type.FOUNDATION, "{} Development Foundation"),
    (Organisation.Type.MULTILATERAL, "{} Regional Fund"),
    (Organisation.Type.PRIVATE_SECTOR, "{} Chamber of Commerce"),
]
PLACES = [
    "Antilles",
    "Windward",
    "Leeward",
    "Coral Bay",
    "Blue Mountain",
    "Lucayan",
    "Essequibo",
    "Maroni",
    "Arawak",
    "Carib Sea",
    "Pitons",
    "Grenadine",
    "Kalinago",
    "Taino",
    "Hispaniola",
    "Gulf Stream",
]
MINISTRIES = ["Labour", "Home Affairs", "National Security", "Health", "Foreign Affairs", "Social Development"]
SENTENCES = [
    "The programme works with national authorities to {}.",
    "Activities include training for officials, technical advice and the exchange of good practice to {}.",
    "It builds on earlier work in the region and aims to {}.",
    "Partners from government and civil society take part in each stage to {}.",
    "A steering committee reviews progress every quarter, and the results are shared across the region to {}.",
]
AIMS = [
    "improve the management of migration",
    "protect the rights of migrants",
    "make regular pathways safer",
    "reduce the risks of irregular journeys",
    "strengthen regional cooperation",
    "support the reintegration of returnees",
    "prepare communities for displacement caused by storms",
]
CURRENCIES = ["USD"] * 6 + ["EUR", "CAD", "GBP"]

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


def is_demo_programme(programme: Programme) -> bool:
    return programme.slug.startswith(DEMO_SLUG_PREFIX)


def real_programme_count() -> int:
    """Programmes that are not demo records (the migrations' content among them)."""
    return Programme.objects.exclude(slug__startswith=DEMO_SLUG_PREFIX).count()


def _bulk(model: type[M], rows: list[M]) -> list[M]:
    """``bulk_create`` in batches; the primary keys come back on PostgreSQL and SQLite alike."""
    return model.objects.bulk_create(rows, batch_size=BATCH_SIZE)


def _paragraphs(rng: random.Random, count: int) -> str:
    paragraphs = []
    for _ in range(count):
        sentences = [rng.choice(SENTENCES).format(rng.choice(AIMS)) for _ in range(rng.randint(2, 4))]
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs)


def _percentages(rng: random.Random, count: int) -> list[Decimal]:
    """``count`` whole percentages that add up to exactly 100."""
    if count == 1:
        return [Decimal(100)]
    cuts = sorted(rng.sample(range(1, 100), count - 1))
    edges = [0, *cuts, 100]
    return [Decimal(edges[i + 1] - edges[i]) for i in range(count)]


def _years(start: datetime.date, end: datetime.date) -> Iterator[tuple[datetime.date, datetime.date]]:
    """Calendar-year periods from start to end (IATI: a budget period is a year at most)."""
    year = start.year
    while year <= end.year:
        period_start = max(start, datetime.date(year, 1, 1))
        period_end = min(end, datetime.date(year, 12, 31))
        yield period_start, period_end
        year += 1


def _status(rng: random.Random, start: datetime.date, end: datetime.date, today: datetime.date) -> str:
    if start > today:
        return Programme.Status.PIPELINE
    if end < today:
        return Programme.Status.CANCELLED if rng.random() < 0.03 else Programme.Status.COMPLETED
    return Programme.Status.ONGOING


def _reference_records() -> tuple[list[Country], list[ThematicArea], list[ProjectType]]:
    """Countries, thematic areas and project types for the programmes (created when missing)."""
    for code, name in COUNTRIES:
        if not Country.objects.filter(code=code).exists() and not Country.objects.filter(name=name).exists():
            Country.objects.create(code=code, name=name, slug=slugify(name))
    countries = list(Country.objects.filter(code__in=[code for code, _ in COUNTRIES]))
    next_order = {
        value: (ThematicArea.objects.filter(list=value).aggregate(models.Max("order"))["order__max"] or 0) + 1
        for value in ThematicArea.List.values
    }
    for index, (overview_wording, name) in enumerate(AREAS):
        slug = DEMO_SLUG_PREFIX + slugify(name)
        if not ThematicArea.objects.filter(slug=slug).exists():
            area_list = ThematicArea.List.values[index % 2]
            ThematicArea.objects.create(
                list=area_list, order=next_order[area_list], name=name, overview_wording=overview_wording, slug=slug
            )
            next_order[area_list] += 1
    areas = list(ThematicArea.objects.all())
    for name in PROJECT_TYPES:
        ProjectType.objects.get_or_create(slug=DEMO_SLUG_PREFIX + slugify(name), defaults={"name": f"{name} (demo)"})
    types = list(ProjectType.objects.all())
    return countries, areas, types


def _organisations(count: int, countries: list[Country]) -> list[Organisation]:
    existing = set(Organisation.objects.values_list("slug", flat=True))
    rows = []
    for n in range(count):
        kind, pattern = ORGANISATION_KINDS[n % len(ORGANISATION_KINDS)]
        country = countries[n % len(countries)]
        place = MINISTRIES[n % len(MINISTRIES)] if kind == Organisation.Type.GOVERNMENT else PLACES[n % len(PLACES)]
        name = f"{pattern.format(place)} ({country.name}, demo {n + 1})"
        slug = f"{DEMO_SLUG_PREFIX}org-{n + 1:05d}"
        if slug in existing:
            continue
        rows.append(Organisation(name=name, slug=slug, type=kind, country=country, description=""))
    _bulk(Organisation, rows)
    return list(Organisation.objects.filter(slug__startswith=DEMO_SLUG_PREFIX))


def _next_number() -> int:
    """The first programme number not taken by an earlier run (so runs add, never collide)."""
    codes = Programme.objects.filter(code__startswith=DEMO_CODE_PREFIX).values_list("code", flat=True)
    return max((int(code.removeprefix(DEMO_CODE_PREFIX)) for code in codes), default=0) + 1


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
    now = timezone.now()
    summary = DemoSummary()
    countries, areas, types = _reference_records()
    organisations = _organisations(max(12, programmes // 20), countries)
    summary.organisations = len(organisations)
    first = _next_number()
    # Counts the programmes as they are made; bulk_create then saves them BATCH_SIZE at a time.
    bar = tqdm(total=programmes, desc="programmes", unit="", disable=not progress, leave=False)

    # Programmes: top-level ones first, then their phases (which need the parents' keys).
    phases_wanted = int(programmes * WITH_PHASES_SHARE)
    top_level_count = programmes - phases_wanted
    phase_plan = [rng.randrange(top_level_count) for _ in range(phases_wanted)]  # each phase's parent

    def programme(number: int, parent: Programme | None, order: int) -> Programme:
        country = rng.choice(countries)
        subject = rng.choice(SUBJECTS)
        title = f"{rng.choice(ACTIONS)} {subject} in {country.name}"
        if parent is not None:
            title = f"{parent.title}, phase {order}"
            start = min(parent.start_date + datetime.timedelta(days=365 * (order - 1)), parent.end_date)
            end = min(start + datetime.timedelta(days=rng.randint(180, 720)), parent.end_date)
        else:
            start = datetime.date(rng.randint(1996, today.year + 2), rng.randint(1, 12), rng.randint(1, 28))
            end = start + datetime.timedelta(days=rng.randint(180, 365 * 5))
        code = f"{DEMO_CODE_PREFIX}{number:05d}"
        published = rng.random() >= UNPUBLISHED_SHARE
        return Programme(
            title=title[:255],
            acronym="",
            slug=f"{DEMO_SLUG_PREFIX}{number:05d}-{slugify(title)}"[:120].rstrip("-"),
            code=code,
            parent=parent,
            order=order,
            summary=f"{rng.choice(ACTIONS)} {subject} with national and regional partners.",
            description=_paragraphs(rng, rng.randint(2, 4)),
            status=_status(rng, start, end, today),
            project_type=rng.choice(types),
            dac_sector="15190",
            coverage=Programme.Coverage.REGIONAL if rng.random() < 0.25 else Programme.Coverage.NATIONAL,
            start_date=start,
            end_date=end,
            budget_amount=Decimal(rng.randrange(50, 5000) * 1000),
            budget_currency="USD",
            is_published=published,
            # As Programme.save() would set it (bulk_create does not call it): a phase of an
            # unpublished programme is not public, whatever its own box says.
            is_public=published and (parent is None or parent.is_public),
            published_at=now if published else None,
        )

    number = first
    top_level: list[Programme] = []
    for _ in range(top_level_count):
        top_level.append(programme(number, None, 0))
        number += 1
        bar.update()
    top_level = _bulk(Programme, top_level)
    phase_orders: dict[int, int] = {}
    phases: list[Programme] = []
    for parent_index in phase_plan:
        parent = top_level[parent_index]
        phase_orders[parent_index] = phase_orders.get(parent_index, 0) + 1
        phases.append(programme(number, parent, phase_orders[parent_index]))
        number += 1
        bar.update()
    phases = _bulk(Programme, phases)
    bar.close()
    everything = top_level + phases
    summary.programmes = len(everything)
    summary.published = sum(1 for p in everything if p.is_public)

    # Countries (benefiting, percentages adding up to 100; now and then a venue), thematic areas.
    links, area_links = [], []
    through = Programme.thematic_areas.through
    for p in everything:
        chosen = rng.sample(countries, 1 if p.coverage == Programme.Coverage.NATIONAL else rng.randint(2, 4))
        for country, share in zip(chosen, _percentages(rng, len(chosen)), strict=True):
            links.append(
                ProgrammeCountry(programme=p, country=country, role=ProgrammeCountry.Role.BENEFITING, percentage=share)
            )
        if rng.random() < 0.1:
            venue = rng.choice(countries)
            if venue not in chosen:
                links.append(ProgrammeCountry(programme=p, country=venue, role=ProgrammeCountry.Role.VENUE))
        for area in rng.sample(areas, rng.randint(1, 2)):
            area_links.append(through(programme_id=p.pk, thematicarea_id=area.pk))
    _bulk(ProgrammeCountry, links)
    _bulk(through, area_links)

    # Organisations taking part, each with one role per programme.
    participations = []
    for p in everything:
        for role, organisation in zip(
            (Participation.Role.IMPLEMENTING, Participation.Role.ACCOUNTABLE, Participation.Role.EXTENDING),
            rng.sample(organisations, rng.randint(1, 3)),
            strict=False,
        ):
            participations.append(Participation(programme=p, organisation=organisation, role=role))
    _bulk(Participation, participations)

    # Grants with their transactions and planned disbursements; budgets per calendar year.
    grants: list[Grant] = []
    for p in everything:
        for _ in range(rng.randint(1, 2)):
            amount = None if rng.random() < 0.05 else Decimal(rng.randrange(20, 2000) * 1000)
            grants.append(
                Grant(
                    funder=rng.choice(organisations),
                    programme=p,
                    amount=amount,
                    currency=rng.choice(CURRENCIES) if amount is not None else "",
                    start_date=p.start_date,
                    end_date=p.end_date,
                    is_primary=False,
                )
            )
    grants = _bulk(Grant, grants)
    transactions, planned = [], []
    for grant in grants:
        if grant.amount is None:
            continue
        whole = grant.amount
        transactions.append(
            Transaction(
                grant=grant,
                type=Transaction.Type.COMMITMENT,
                # Committed when the grant starts, or today for one still to start: never a future date.
                date=min(grant.start_date, today),
                amount=whole,
                currency=grant.currency,
            )
        )
        for period_start, period_end in _years(grant.start_date, grant.end_date):
            share = (whole / (grant.end_date.year - grant.start_date.year + 1)).quantize(Decimal("0.01"))
            if share <= 0:
                continue
            if period_start <= today:
                transactions.append(
                    Transaction(
                        grant=grant,
                        type=Transaction.Type.DISBURSEMENT,
                        date=period_start,
                        amount=share,
                        currency=grant.currency,
                    )
                )
            else:
                planned.append(
                    PlannedDisbursement(
                        grant=grant,
                        period_start=period_start,
                        period_end=period_end,
                        amount=share,
                        currency=grant.currency,
                    )
                )
    _bulk(Transaction, transactions)
    _bulk(PlannedDisbursement, planned)
    budgets = []
    for p in everything:
        yearly = (p.budget_amount / (p.end_date.year - p.start_date.year + 1)).quantize(Decimal("0.01"))
        for period_start, period_end in _years(p.start_date, p.end_date):
            budgets.append(
                Budget(
                    programme=p,
                    period_start=period_start,
                    period_end=period_end,
                    amount=yearly,
                    currency="USD",
                    status=Budget.Status.COMMITTED if period_start <= today else Budget.Status.INDICATIVE,
                )
            )
    _bulk(Budget, budgets)
    summary.grants, summary.transactions, summary.budgets = len(grants), len(transactions), len(budgets)
    summary.counts = {
        "country links": len(links),
        "thematic area links": len(area_links),
        "participations": len(participations),
        "planned disbursements": len(planned),
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
