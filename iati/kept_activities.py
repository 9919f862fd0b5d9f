"""The IATI file assembled from each programme's activity as last written, rewriting only the stale ones.

Writing an activity takes a dozen reads and a few milliseconds; the file of 10,000 programmes
took 45 s. Each activity is kept (``iati.models.KeptActivity``) with the generation it was
written at, and is current while nothing it reads has changed since (``iati.activity_changes``
moves the generation on), the writer's code and settings and the portal's address are the same,
and no date it holds has come to pass since the day it was written (a planned start becomes
actual, a transaction enters the file). The file is the writer's own frame around the pieces
(``iati.writer.around_activities``), the same bytes as written from scratch.

A build stores its piece only under the generation it read before reading the programme: a
change committed meanwhile has moved the generation on, so that piece stays stale and is
written again at the next request. A programme without a row gets one, before anything is read.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from django.conf import settings
from django.db.models import BinaryField, Case, DateField, F, Q, Value, When
from django.db.models.functions import Cast
from django.utils import timezone

from iati.activity import period_bounds, unwritable
from iati.models import KeptActivity
from iati.writer import (
    BATCH_SIZE,
    activity_in_file,
    around_activities,
    export_queryset,
    programmes_by_pk,
    release,
)
from programmes.models import Programme

READ_BATCH = 500  # kept activities read at a time (about 4 MB)
COLUMNS = ("programme_id", "generation", "built_generation", "writer", "base_url", "built_on", "changes_on", "xml")


@cache
def writer_version() -> str:
    """What else the XML depends on: the iati app's code (the writer and what it calls) and its settings."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.read_bytes())
    digest.update(repr((settings.IATI_REPORTING_ORG_REF, settings.LANGUAGES)).encode())
    return digest.hexdigest()


def iter_kept_activities_xml(*, now: datetime.datetime | None = None, base_url: str = "") -> Iterator[bytes]:
    """The file ``iati.writer.iter_activities_xml`` writes of every published programme, from the kept pieces."""
    now = now or timezone.now()
    return around_activities(_activities(timezone.localdate(now), base_url), now)


def _activities(today: datetime.date, base_url: str) -> Iterator[bytes]:
    pks = list(Programme.objects.published().order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(pks), READ_BATCH):
        yield from filter(None, activities(pks[start : start + READ_BATCH], today, base_url))


def activities(pks: list[int], today: datetime.date, base_url: str) -> list[bytes]:
    """Each programme's activity as the file holds it, in order (b"" for one it leaves out)."""
    rows = _rows(pks)
    if missing := [pk for pk in pks if pk not in rows]:
        KeptActivity.objects.bulk_create([KeptActivity(programme_id=pk) for pk in missing], ignore_conflicts=True)
        rows |= _rows(missing)
    fresh = {pk: bytes(row[-1]) for pk, row in rows.items() if _is_current(row, today, base_url)}
    stale = {pk: row[1] for pk, row in rows.items() if pk not in fresh}
    if stale:
        fresh |= _write(stale, today, base_url)
    return [fresh.get(pk, b"") for pk in pks]


def _rows(pks: list[int]) -> dict[int, tuple]:
    return {row[0]: row for row in KeptActivity.objects.filter(programme__in=pks).values_list(*COLUMNS)}


def write_ahead(base_url: str, *, today: datetime.date | None = None) -> Iterator[tuple[int, int]]:
    """Write every published programme's stale activity for ``base_url``, as the file's next request
    would, before anyone asks: (activities looked at, activities written) after each batch read.

    The first request of the whole file after a deployment that changed the writer, or after an
    import, would otherwise write thousands of activities while the visitor waits (some 60 s for
    10,000 programmes), which can outlast the app server's worker timeout. Only the stale are read
    whole; the current ones are told apart without their XML.
    """
    today = today or timezone.localdate()
    pks = list(Programme.objects.published().order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(pks), READ_BATCH):
        batch = pks[start : start + READ_BATCH]
        rows = KeptActivity.objects.filter(programme__in=batch).values_list(*COLUMNS[:-1])
        current = {row[0] for row in rows if _is_current(row, today, base_url)}
        stale = [pk for pk in batch if pk not in current]
        if stale:
            activities(stale, today, base_url)
        yield len(batch), len(stale)


def _is_current(row: tuple, today: datetime.date, base_url: str) -> bool:
    _, generation, built_generation, writer, built_for, built_on, changes_on, *_xml = row
    return (
        built_generation == generation
        and writer == writer_version()
        and built_for == base_url
        and built_on is not None
        and built_on <= today
        and (changes_on is None or today < changes_on)
    )


def _write(generations: dict[int, int], today: datetime.date, base_url: str) -> dict[int, bytes]:
    """Write these programmes' activities, ``BATCH_SIZE`` at a time, and keep each under the generation read before."""
    written: dict[int, bytes] = {}
    pks = sorted(generations)
    for start in range(0, len(pks), BATCH_SIZE):
        programmes = export_queryset(programmes_by_pk(pks[start : start + BATCH_SIZE]))
        batch = [(p, b"" if unwritable(p) else activity_in_file(p, today, base_url)) for p in programmes]
        written |= {programme.pk: xml for programme, xml in batch}
        _keep(batch, generations, today, base_url)
        release(programme for programme, _ in batch)
    return written


def _keep(
    batch: list[tuple[Programme, bytes]], generations: dict[int, int], today: datetime.date, base_url: str
) -> None:
    """One UPDATE for the batch, of the rows whose generation is still the one read before writing."""
    still_current = Q()
    for programme, _ in batch:
        still_current |= Q(programme=programme.pk, generation=generations[programme.pk])
    KeptActivity.objects.filter(still_current).update(
        built_generation=F("generation"),
        writer=writer_version(),
        base_url=base_url,
        built_on=today,
        # Cast: a batch whose days are all None would be a CASE of untyped NULLs, text to PostgreSQL.
        changes_on=Case(
            *(When(programme=p.pk, then=Cast(Value(changes_on(p, today)), DateField())) for p, _ in batch),
            output_field=DateField(),
        ),
        xml=Case(*(When(programme=p.pk, then=Value(xml)) for p, xml in batch), output_field=BinaryField()),
    )


def changes_on(programme: Programme, today: datetime.date) -> datetime.date | None:
    """The next day on which the activity written today says something else, with no edit: the day its
    start or end comes (planned turns actual) or a transaction's date (it enters the file)."""
    days = [*period_bounds(programme), *(t.date for grant in programme.grants.all() for t in grant.transactions.all())]
    return min((day for day in days if day is not None and day > today), default=None)
