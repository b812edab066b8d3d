"""Fill an empty library with the fictional demo statements."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from amends.library.actions import do_publish
from amends.library.demo import DEMO_STATEMENTS
from amends.library.models import Publication


class Command(BaseCommand):
    help = "Publish the fictional demo statements, unless the library already has statements."

    def handle(self, *args: Any, **options: Any) -> None:
        if Publication.objects.exists():
            self.stdout.write("The library already has statements; no demo content added.")
            return
        for demo in DEMO_STATEMENTS:
            do_publish(
                {
                    "what_i_did": demo.what_i_did,
                    "known_impact": demo.known_impact,
                    "responsibility": demo.responsibility,
                    "repair": demo.repair,
                    "change": demo.change,
                },
                list(demo.tags),
            )
        self.stdout.write(f"Published {len(DEMO_STATEMENTS)} demo statements.")
