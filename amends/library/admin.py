"""The library in the admin: public copies only, which operators may take down."""

from __future__ import annotations

from django.contrib import admin

from amends.library.models import Publication, Tag


@admin.register(Publication)
class PublicationAdmin(admin.ModelAdmin[Publication]):
    list_display = ("pseudonym", "published_month", "public_id")
    search_fields = ("pseudonym", "public_id")
    readonly_fields = ("public_id", "pseudonym", "published_month", "search_document")
    exclude = ("tags",)

    def has_add_permission(self, request: object) -> bool:
        return False

    # Take-downs go through the same action as an author's unpublishing, so the
    # search index never keeps text that is no longer in the library.
    def delete_model(self, request: object, obj: Publication) -> None:
        from amends.library.actions import do_withdraw

        do_withdraw(obj)

    def delete_queryset(self, request: object, queryset: object) -> None:
        from amends.library.actions import do_withdraw

        for publication in list(queryset):  # type: ignore[call-overload]
            do_withdraw(publication)


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin[Tag]):
    list_display = ("label", "slug", "group")
