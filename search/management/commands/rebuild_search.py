"""manage.py rebuild_search: write every programme's search document again."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS, transaction

from search.documents import write_documents
from search.models import SearchWord


class Command(BaseCommand):
    help = (
        "Write every programme's search document again, and the lexicon of words typos are compared with. "
        "Saves keep them current; run it after writes that send no signal and move no content version "
        "(a queryset.update() of titles, say)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="The database to rebuild (default: default).")

    def handle(self, *args, **options) -> None:
        using = options["database"]
        started = time.monotonic()
        # One transaction: searches meanwhile read the old documents, never half of them.
        with transaction.atomic(using=using):
            # Words no document holds any more go with the old lexicon.
            SearchWord.objects.using(using).all().delete()
            written = write_documents(using=using)
        self.stdout.write(
            self.style.SUCCESS(f"Search documents written: {written} in {time.monotonic() - started:.1f} s.")
        )
