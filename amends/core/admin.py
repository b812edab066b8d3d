"""The audit log in the admin: readable by operators, never editable."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from amends.core.audit import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin[AuditEvent]):
    list_display = ("acted_at", "event_type", "role", "target_type", "reason")
    list_filter = ("event_type", "role")
    readonly_fields = (
        "acted_at",
        "actor",
        "role",
        "institution_id",
        "event_type",
        "target_type",
        "target_id",
        "reason",
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
