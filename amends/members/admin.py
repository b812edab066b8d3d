"""The operators' view of members: metadata only.

There is nothing else to show: handles and codenames are stored only as HMACs,
and everything a member writes is in the vault, which staff cannot open.
"""

from __future__ import annotations

from django.contrib import admin

from amends.members.models import Member


@admin.register(Member)
class MemberAdmin(admin.ModelAdmin[Member]):
    list_display = ("short_id", "kind", "joined_month", "is_active", "is_staff")
    list_filter = ("kind", "is_active", "is_staff")
    fields = ("id", "kind", "joined_month", "is_active", "is_staff", "is_superuser")
    readonly_fields = ("id", "kind", "joined_month")

    @admin.display(description="member")
    def short_id(self, member: Member) -> str:
        return str(member.id)[:8]

    def has_add_permission(self, request: object) -> bool:
        return False
