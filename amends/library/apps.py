from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _after_migrate(sender: AppConfig, **kwargs: Any) -> None:
    from amends.library.actions import do_sync_tags
    from amends.library.search import prune_index

    using = kwargs.get("using", "default")
    do_sync_tags(using=using)
    prune_index(using=using)


class LibraryConfig(AppConfig):
    name = "amends.library"
    label = "library"

    def ready(self) -> None:
        # Like Django's own content types, the tag vocabulary lives in code and is
        # brought into the database after every migrate (and after every flush, which
        # sends the same signal), so it can never be missing or stale.
        post_migrate.connect(_after_migrate, sender=self)
