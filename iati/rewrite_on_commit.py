"""A change that makes a few kept activities stale writes them again as it commits.

``iati.activity_changes`` moves the generation of each activity a write reaches; the activity would
then be written again by the next request for it, or for the whole file, which would wait for it
(some 20 ms of reads and writing per activity). A staff member's save reaches one programme, its
parent, phases and relatives: those activities are written once the save commits, in the saving
request, so that every visitor after it reads them as kept. A transaction that reaches more than
``MAX_ACTIVITIES`` (an import, a bulk update, a change of everything) leaves them to the next
request, as does a write outside a transaction (a script's): neither should wait on thousands.

Each is written for the address it was last asked at (``KeptActivity.base_url``), in the default
language, as the public requests write it; only a published programme's, and only one kept before.
The write is the usual one (``iati.kept_activities.activities``): it stores an activity only under
the generation it read, so a later change is never hidden. If it fails, the save stands and the
error is logged (``robust``): the activity stays stale and is written at the next request.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.utils import timezone, translation

from iati.kept_activities import activities
from iati.models import KeptActivity
from programmes.models import Programme

MAX_ACTIVITIES = 8


class _RewriteOnCommit:
    """The programmes one transaction made stale (``None``: too many to write now)."""

    def __init__(self) -> None:
        self.pks: set[int] | None = set()

    def add(self, pks: Iterable[int] | None) -> None:
        if pks is None or self.pks is None:
            self.pks = None
            return
        self.pks |= set(pks)
        if len(self.pks) > MAX_ACTIVITIES:
            self.pks = None

    def write(self) -> None:
        if not self.pks:
            return
        published = Programme.objects.published().filter(pk__in=self.pks)
        kept = KeptActivity.objects.filter(programme__in=published, built_generation__isnull=False)
        by_address: dict[str, list[int]] = defaultdict(list)
        for pk, base_url in kept.values_list("programme_id", "base_url"):
            by_address[base_url].append(pk)
        today = timezone.localdate()
        with translation.override(settings.LANGUAGE_CODE):
            for base_url, pks in by_address.items():
                activities(sorted(pks), today, base_url)


def rewrite_on_commit(programme_pks: Iterable[int] | None, using: str = DEFAULT_DB_ALIAS) -> None:
    """Write these programmes' activities again when the current transaction commits (every one: None)."""
    connection = connections[using]
    if using != DEFAULT_DB_ALIAS or not connection.in_atomic_block:
        return
    registered = (getattr(callback, "__self__", None) for _, callback, _ in connection.run_on_commit)
    pending = next((owner for owner in registered if isinstance(owner, _RewriteOnCommit)), None)
    if pending is None:
        pending = _RewriteOnCommit()
        transaction.on_commit(pending.write, using=using, robust=True)
    pending.add(programme_pks)
