"""Read-only admin views of the vault: metadata only.

Operators can see that an item exists, whose it is, where it is bound, how large it
is and under which server key; never its ciphertext, a wrapped key or a salt (they
are useless without the member's secret, but showing them invites copying them
around). Nothing can be added, changed or deleted here: deletion goes through
api.destroy_text and api.erase_member, which erase keys properly.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from amends.vault.models import MemberKey, PrivateText, ReaderKey


class _ReadOnlyAdmin(admin.ModelAdmin[Any]):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(PrivateText)
class PrivateTextAdmin(_ReadOnlyAdmin):
    list_display = ("short_id", "owner", "binding_label", "size", "key_id", "format_version")
    list_filter = ("bound_model", "key_id", "destroyed")
    fields = (
        "id",
        "owner",
        "bound_model",
        "bound_row",
        "bound_field",
        "size",
        "readers",
        "key_id",
        "format_version",
        "destroyed",
    )
    readonly_fields = fields

    @admin.display(description="id")
    def short_id(self, item: PrivateText) -> str:
        return str(item.id)[:8]

    @admin.display(description="binding")
    def binding_label(self, item: PrivateText) -> str:
        return str(item.binding)

    @admin.display(description="ciphertext bytes")
    def size(self, item: PrivateText) -> int:
        return len(item.ciphertext)

    @admin.display(description="readers")
    def readers(self, item: PrivateText) -> int:
        return item.reader_keys.count()


@admin.register(ReaderKey)
class ReaderKeyAdmin(_ReadOnlyAdmin):
    list_display = ("item", "reader", "key_id", "format_version")
    list_filter = ("key_id",)
    fields = ("item", "reader", "key_id", "format_version")
    readonly_fields = fields


@admin.register(MemberKey)
class MemberKeyAdmin(_ReadOnlyAdmin):
    list_display = (
        "member",
        "kdf_time_cost",
        "kdf_memory_cost",
        "kdf_parallelism",
        "key_id",
        "format_version",
    )
    list_filter = ("key_id", "kdf_memory_cost")
    fields = list_display
    readonly_fields = list_display
