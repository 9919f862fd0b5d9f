"""``manage.py send_digests``: e-mail each donor the week's changes in the programmes it funds (weekly, from cron)."""

from __future__ import annotations

import datetime
from collections import Counter

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from digests.services import Outcome, account_digest, digest_send, period_start, recipients


def midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class Command(BaseCommand):
    help = (
        "E-mail each donor who has not opted out the changes of the week up to --period-end (the start of "
        "today by default) in the programmes its grants fund. Running it again sends nothing twice."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--period-end",
            type=datetime.date.fromisoformat,
            help="The day the period ends, at its start (YYYY-MM-DD); default today.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Say what would be sent; send and record nothing.")

    def handle(self, *args, period_end: datetime.date | None, dry_run: bool, **options) -> None:
        if not settings.PUBLIC_BASE_URL:
            raise CommandError("Set PUBLIC_BASE_URL (the public site's address) for the e-mails' links.")
        end = midnight(period_end or timezone.localdate())
        outcomes: Counter[Outcome] = Counter()
        for account in recipients():
            if dry_run:
                start = period_start(account, end)
                count = account_digest(account, end).count if start < end else 0
                self.stdout.write(f"{account} <{account.user.email}>: {count} changes from {start:%Y-%m-%d %H:%M}")
                continue
            result = digest_send(account=account, end=end)
            outcomes[result.outcome] += 1
            count = f" ({result.digest.count} changes)" if result.outcome is Outcome.SENT else ""
            self.stdout.write(f"{account} <{account.user.email}>: {result.outcome.value}{count}")
        if not dry_run:
            summary = ", ".join(f"{outcomes[outcome]} {outcome.value}" for outcome in Outcome)
            self.stdout.write(f"Period ending {end:%Y-%m-%d %H:%M}: {summary}.")
