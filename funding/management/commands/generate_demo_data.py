"""manage.py generate_demo_data --programmes N: fill a database of its own with demo programmes."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from funding.demo import RealContentError, describe, generate_demo_data


class Command(BaseCommand):
    help = (
        "Add N made-up programmes (with phases, countries, thematic areas, organisations, grants, transactions, "
        "planned disbursements and budgets) for benchmarks and demonstrations; a tenth are left unpublished. "
        "The same --seed gives the same records. Refused on a database holding programmes that are not demo "
        "records (the content the migrations load counts as real) unless --force."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--programmes", type=int, required=True, help="How many programmes to add (phases included)."
        )
        parser.add_argument("--seed", type=int, default=1, help="Seed of the random choices (default 1).")
        parser.add_argument(
            "--force", action="store_true", help="Add demo records even next to real ones (never on a live portal)."
        )
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args, programmes: int, seed: int, force: bool, no_progress: bool, **options) -> None:
        if programmes < 1:
            raise CommandError("--programmes must be at least 1.")
        started = time.monotonic()
        try:
            summary = generate_demo_data(programmes=programmes, seed=seed, force=force, progress=not no_progress)
        except RealContentError as error:
            raise CommandError(str(error)) from error
        if connection.vendor == "postgresql":
            # Fresh statistics for the planner: autovacuum would gather them only after a while,
            # and until then queries on the new rows are planned as for an empty database.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        counts = ", ".join(f"{value} {name}" for name, value in describe(summary).items())
        self.stdout.write(self.style.SUCCESS(f"Added {counts} in {time.monotonic() - started:.1f} s."))
