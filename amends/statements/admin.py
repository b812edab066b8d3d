"""Statements in the admin: counts and states, never text.

Drafts are private text in the vault. The admin lists when a statement was
started and whether it is published, so operators can answer support questions
without being able to read a word of it.
"""

from __future__ import annotations

from django.contrib import admin

from amends.statements.models import Statement


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin[Statement]):
    list_display = ("__str__", "created", "is_published", "version_count")
    fields = ("id", "created", "updated")
    readonly_fields = ("id", "created", "updated")

    @admin.display(boolean=True, description="published")
    def is_published(self, statement: Statement) -> bool:
        return statement.is_published

    @admin.display(description="versions")
    def version_count(self, statement: Statement) -> int:
        return statement.versions.count()

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False
