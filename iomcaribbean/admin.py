"""Staff accounts and groups in the admin, with the same edit-conflict check as every other record.

Django registers its own user and group admins; these replace them with the check mixed in
(iomcaribbean.admin_conflicts), so two superusers editing one account cannot undo each other's
changes unseen. Passwords change on their own page, which the check does not concern.
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group

from iomcaribbean.admin_conflicts import EditConflictAdmin


class StaffUserAdmin(EditConflictAdmin, UserAdmin):
    pass


class StaffGroupAdmin(EditConflictAdmin, GroupAdmin):
    pass


for model, model_admin in ((get_user_model(), StaffUserAdmin), (Group, StaffGroupAdmin)):
    admin.site.unregister(model)
    admin.site.register(model, model_admin)
