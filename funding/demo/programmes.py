"""Demo programmes and what they are filed under: countries, thematic areas and project types
(created when missing), organisations, the programmes and their phases, and the programmes' links
to countries, areas and the organisations taking part, their locations and related activities.
``funding.demo`` saves the rows built here.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal

from django.db import models
from django.utils.text import slugify

from funding.demo.words import (
    ACTIONS,
    AIMS,
    AREAS,
    CAPITALS,
    COUNTRIES,
    MINISTRIES,
    ORGANISATION_KINDS,
    PLACES,
    PROJECT_TYPES,
    SENTENCES,
    SUBJECTS,
)
from partners.models import Organisation, Participation
from programmes.models import (
    Country,
    Location,
    Programme,
    ProgrammeCountry,
    ProjectType,
    RelatedActivity,
    ThematicArea,
    next_order,
)

DEMO_SLUG_PREFIX = "demo-"
DEMO_CODE_PREFIX = "DEMO-"
# A share of programmes left unpublished.
UNPUBLISHED_SHARE = 0.1


def reference_records() -> tuple[list[Country], list[ThematicArea], list[ProjectType]]:
    """Countries, thematic areas and project types for the programmes (created when missing)."""
    for code, name in COUNTRIES:
        if not Country.objects.filter(code=code).exists() and not Country.objects.filter(name=name).exists():
            Country.objects.create(code=code, name=name, slug=slugify(name))
    countries = list(Country.objects.filter(code__in=[code for code, _ in COUNTRIES]))
    positions = {value: next_order(ThematicArea.objects.filter(list=value)) for value in ThematicArea.List.values}
    for index, (overview_wording, name) in enumerate(AREAS):
        slug = DEMO_SLUG_PREFIX + slugify(name)
        if not ThematicArea.objects.filter(slug=slug).exists():
            area_list = ThematicArea.List.values[index % 2]
            ThematicArea.objects.create(
                list=area_list, order=positions[area_list], name=name, overview_wording=overview_wording, slug=slug
            )
            positions[area_list] += 1
    areas = list(ThematicArea.objects.all())
    for name in PROJECT_TYPES:
        ProjectType.objects.get_or_create(slug=DEMO_SLUG_PREFIX + slugify(name), defaults={"name": f"{name} (demo)"})
    types = list(ProjectType.objects.all())
    return countries, areas, types


def new_organisations(count: int, countries: list[Country]) -> list[Organisation]:
    """The first ``count`` demo organisations, less those an earlier run made."""
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
    return rows


def next_number() -> int:
    """The first programme number not taken by an earlier run (so runs add, never collide)."""
    codes = Programme.objects.filter(code__startswith=DEMO_CODE_PREFIX).values_list("code", flat=True)
    return max((int(code.removeprefix(DEMO_CODE_PREFIX)) for code in codes), default=0) + 1


def _paragraphs(rng: random.Random, count: int) -> str:
    paragraphs = []
    for _ in range(count):
        sentences = [rng.choice(SENTENCES).format(rng.choice(AIMS)) for _ in range(rng.randint(2, 4))]
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs)


def _status(rng: random.Random, start: datetime.date, end: datetime.date, today: datetime.date) -> str:
    if start > today:
        return Programme.Status.PIPELINE
    if end < today:
        return Programme.Status.CANCELLED if rng.random() < 0.03 else Programme.Status.COMPLETED
    return Programme.Status.ONGOING


@dataclass
class ProgrammeMaker:
    """Makes demo programmes, numbered on from ``number``, in the countries and of the types given."""

    rng: random.Random
    countries: list[Country]
    types: list[ProjectType]
    today: datetime.date
    now: datetime.datetime
    number: int

    def __call__(self, parent: Programme | None, order: int) -> Programme:
        rng, today = self.rng, self.today
        country = rng.choice(self.countries)
        subject = rng.choice(SUBJECTS)
        title = f"{rng.choice(ACTIONS)} {subject} in {country.name}"
        if parent is not None:
            title = f"{parent.title}, phase {order}"
            start = min(parent.start_date + datetime.timedelta(days=365 * (order - 1)), parent.end_date)
            end = min(start + datetime.timedelta(days=rng.randint(180, 720)), parent.end_date)
        else:
            start = datetime.date(rng.randint(1996, today.year + 2), rng.randint(1, 12), rng.randint(1, 28))
            end = start + datetime.timedelta(days=rng.randint(180, 365 * 5))
        number, self.number = self.number, self.number + 1
        published = rng.random() >= UNPUBLISHED_SHARE
        return Programme(
            title=title[:255],
            acronym="",
            slug=f"{DEMO_SLUG_PREFIX}{number:05d}-{slugify(title)}"[:120].rstrip("-"),
            code=f"{DEMO_CODE_PREFIX}{number:05d}",
            parent=parent,
            order=order,
            summary=f"{rng.choice(ACTIONS)} {subject} with national and regional partners.",
            description=_paragraphs(rng, rng.randint(2, 4)),
            status=_status(rng, start, end, today),
            project_type=rng.choice(self.types),
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
            published_at=self.now if published else None,
        )


def _percentages(rng: random.Random, count: int) -> list[Decimal]:
    """``count`` whole percentages that add up to exactly 100."""
    if count == 1:
        return [Decimal(100)]
    cuts = sorted(rng.sample(range(1, 100), count - 1))
    edges = [0, *cuts, 100]
    return [Decimal(edges[i + 1] - edges[i]) for i in range(count)]


def country_and_area_links(
    rng: random.Random, programmes: list[Programme], countries: list[Country], areas: list[ThematicArea]
) -> tuple[list[ProgrammeCountry], list[models.Model]]:
    """Benefiting countries (percentages adding up to 100; now and then a venue), and thematic areas."""
    links, area_links = [], []
    through = Programme.thematic_areas.through
    for p in programmes:
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
    return links, area_links


def participations(
    rng: random.Random, programmes: list[Programme], organisations: list[Organisation]
) -> list[Participation]:
    """Organisations taking part, each with one role per programme."""
    rows = []
    for p in programmes:
        for role, organisation in zip(
            (Participation.Role.IMPLEMENTING, Participation.Role.ACCOUNTABLE, Participation.Role.EXTENDING),
            rng.sample(organisations, rng.randint(1, 3)),
            strict=False,
        ):
            rows.append(Participation(programme=p, organisation=organisation, role=role))
    return rows


def locations(rng: random.Random, links: list[ProgrammeCountry]) -> list[Location]:
    """Now and then a programme's location at the capital of a country where it works (on the map)."""
    rows = []
    for link in links:
        if link.role != ProgrammeCountry.Role.BENEFITING or link.country.code not in CAPITALS or rng.random() < 0.4:
            continue
        name, latitude, longitude = CAPITALS[link.country.code]
        rows.append(
            Location(
                programme=link.programme,
                name=f"{name} (demo)",
                latitude=Decimal(latitude),
                longitude=Decimal(longitude),
                country=link.country,
                feature_designation=Location.Feature.CAPITAL,
                location_class=Location.Class.POPULATED_PLACE,
                reach=Location.Reach.ACTIVITY,
                exactness=Location.Exactness.APPROXIMATE,
            )
        )
    return rows


def related_activities(rng: random.Random, programmes: list[Programme]) -> list[RelatedActivity]:
    """Some programmes' sibling among the demo programmes, and a few follow-ups to outside meetings."""
    rows = []
    for p in programmes:
        if rng.random() < 0.2:
            sibling = rng.choice(programmes)
            if sibling.pk != p.pk:
                rows.append(
                    RelatedActivity(programme=p, relation=RelatedActivity.Relation.SIBLING, related_programme=sibling)
                )
        if rng.random() < 0.1:
            rows.append(
                RelatedActivity(
                    programme=p,
                    relation=RelatedActivity.Relation.FOLLOWS_UP,
                    title=f"Regional consultation on {rng.choice(SUBJECTS)} (demo)",
                    order=1,
                )
            )
    return rows
