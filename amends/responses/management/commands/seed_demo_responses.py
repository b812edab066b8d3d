"""Add the demo moderator, readers and responses (amends.responses.demo)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from amends.members.demo import exists, refuse_unless_demo
from amends.responses import demo


class Command(BaseCommand):
    help = "Add a demo moderator, readers who respond, and responses in each state."

    def handle(self, *args: Any, **options: Any) -> None:
        refuse_unless_demo()
        if exists(demo.MODERATOR):
            self.stdout.write("The demo moderator exists already; no demo responses added.")
            return
        if not exists(demo.OPERATOR_HANDLE):
            raise CommandError("Run `amends seed_demo` and `amends seed_demo_cases` first.")
        lines = demo.seed()
        if not lines:
            raise CommandError("The demo library has no statements: run `amends seed_demo` first.")
        for line in lines:
            self.stdout.write(f"Added {line}.")
        self.stdout.write("Demo logins (for this demo only):")
        for login in demo.LOGINS:
            self.stdout.write(
                f"  {login.who}: handle {login.handle}, passphrase \u201c{login.passphrase}\u201d"
            )
