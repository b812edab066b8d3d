"""Add the fictional demo institution, its facilitators and its cases (amends.cases.demo)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from amends.cases import demo
from amends.institutions.models import Institution
from amends.members.demo import refuse_unless_demo


class Command(BaseCommand):
    help = "Add a fictional institution with demo logins and cases at different stages."

    def handle(self, *args: Any, **options: Any) -> None:
        refuse_unless_demo()
        if Institution.objects.filter(name=demo.INSTITUTION).exists():
            self.stdout.write("The demo institution exists already; no demo cases added.")
            return
        for line in demo.seed():
            self.stdout.write(f"Added {line}.")
        self.stdout.write("Demo logins (for this demo only):")
        for login in demo.LOGINS:
            self.stdout.write(
                f"  {login.who}: handle {login.handle}, passphrase \u201c{login.passphrase}\u201d"
            )
