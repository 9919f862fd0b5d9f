"""No model change goes without its migration: `manage.py makemigrations --check --dry-run`, asked
inside the suite's own process rather than in an interpreter of its own (`make check-migrations`)."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command


@pytest.mark.django_db  # makemigrations compares the migration history with the database's
def test_every_model_change_has_its_migration() -> None:
    out = io.StringIO()
    try:
        call_command("makemigrations", check=True, dry_run=True, stdout=out, stderr=out)
    except SystemExit:
        pytest.fail("Models changed without a migration (run manage.py makemigrations):\n" + out.getvalue())
