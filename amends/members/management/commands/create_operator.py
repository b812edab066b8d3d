"""Create a staff account for the people who run this server.

Operators log in to the admin with a handle and passphrase, like members. They can
manage accounts and take down publications; they cannot read anything private.
"""

from __future__ import annotations

import getpass
import sys
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from amends.members import identity
from amends.members.actions import create_member
from amends.members.models import Member
from amends.members.strength import check_passphrase


class Command(BaseCommand):
    help = "Create an operator (staff) account with a handle and passphrase."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("handle")
        parser.add_argument(
            "--passphrase-stdin",
            action="store_true",
            help="Read the passphrase from standard input instead of asking for it.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        handle = options["handle"]
        if options["passphrase_stdin"]:
            passphrase = sys.stdin.readline().rstrip("\n")
        else:
            passphrase = getpass.getpass("Passphrase: ")
            if getpass.getpass("Passphrase, again: ") != passphrase:
                raise CommandError("The two passphrases are not the same.")
        try:
            check_passphrase(passphrase, handle=handle)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        lookup = identity.handle_lookup(handle)
        if Member.objects.filter(lookup=lookup).exists():
            raise CommandError("This handle is taken.")
        _, recovery_key = create_member(
            lookup=lookup, kind=Member.Kind.HANDLE, secret=passphrase, staff=True
        )
        self.stdout.write("Operator created. Recovery key (shown once): " + recovery_key)
