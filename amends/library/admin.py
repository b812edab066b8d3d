"""The library in the admin: public copies only, which operators may take down."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from amends.library.actions import do_take_down
from amends.library.models import Publication, Tag
from amends.members.access import member_of


@admin.register(Publication)
class PublicationAdmin(admin.ModelAdmin[Publication]):
    list_display = ("pseudonym", "published_month", "public_id")
    search_fields = ("pseudonym", "public_id")
    readonly_fields = ("public_id", "pseudonym", "published_month", "search_document")
    exclude = ("tags",)

    def has_add_permission(self, request: object) -> bool:
        return False

    # Take-downs go through the same action as an author's unpublishing, so the
    # search index never keeps text that is no longer in the library, and each one is
    # recorded in the audit log under the operator who did it.
    def delete_model(self, request: HttpRequest, obj: Publication) -> None:
        do_take_down(member_of(request), obj, reason="operator_take_down")

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Publication]) -> None:
        for publication in list(queryset):
            do_take_down(member_of(request), publication, reason="operator_take_down")


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin[Tag]):
    list_display = ("label", "slug", "group")
