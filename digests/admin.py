"""The digests sent, read-only: the record is the command's. Only superusers may delete one (as they delete
the donor account it was sent to); its period could then be sent again."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from digests.models import DigestSent
from programmes.admin.base import HistoryAdmin


@admin.register(DigestSent)
class DigestSentAdmin(HistoryAdmin):
    list_display = ["account", "period_start", "period_end", "sent_at", "to", "items"]
    list_select_related = ["account__user"]
    list_filter = ["period_end"]
    search_fields = ["account__user__username", "account__user__first_name", "account__user__last_name", "to"]
    date_hierarchy = "sent_at"
    fields = ["account", ("period_start", "period_end"), "sent_at", "to", "items"]
    readonly_fields = ["account", "period_start", "period_end", "sent_at", "to", "items"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: DigestSent | None = None) -> bool:
        return False
