"""manage.py expire_public_pages: make every kept public page and every ETag handed out stale."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from iomcaribbean.content_version import bump_content_version, content_version


class Command(BaseCommand):
    help = (
        "Move the content version on, as an edit would: every public page kept in the cache and every ETag "
        "handed out so far is stale. Run it once after deploying a version that changes how pages look "
        "(kept pages are keyed by the content version, which only edits move on)."
    )

    def handle(self, *args, **options) -> None:
        bump_content_version()
        number, changed_at, *_ = content_version()
        self.stdout.write(
            self.style.SUCCESS(f"Public pages expired: content version {number} from {changed_at:%Y-%m-%d %H:%M:%S}.")
        )
