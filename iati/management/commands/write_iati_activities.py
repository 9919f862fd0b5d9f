"""manage.py write_iati_activities: write every stale IATI activity ahead of the file's next request."""

from __future__ import annotations

import time
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from iati.kept_activities import write_ahead


class Command(BaseCommand):
    help = (
        "Write the IATI activity of every published programme whose kept activity is stale (after a "
        "deployment that changed the writer, an import, a bulk change), so that the first request of "
        "the whole file reads them kept. Run it after `migrate` at each deployment; `make serve` does "
        "when PUBLIC_BASE_URL is set."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--base-url",
            default=None,
            help="The portal's public address, as visitors reach it (https://host). Default: PUBLIC_BASE_URL.",
        )

    def handle(self, *args, base_url: str | None, **options) -> None:
        base_url = (base_url or settings.PUBLIC_BASE_URL or "").rstrip("/")
        if not base_url:
            raise CommandError("Give --base-url, or set PUBLIC_BASE_URL: activities link to the portal's address.")
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname or parts.path or parts.query:
            raise CommandError(f"{base_url!r} is not a site's address, such as https://portal.example.org.")
        started = time.monotonic()
        looked_at = written = 0
        # The file is written in the default language, as its public requests write it.
        with translation.override(settings.LANGUAGE_CODE):
            for batch, stale in write_ahead(base_url):
                looked_at += batch
                written += stale
        self.stdout.write(
            f"IATI activities for {base_url}: {written:,} written, {looked_at - written:,} current already "
            f"({time.monotonic() - started:.1f} s)."
        )
