"""The `amends` command.

`amends coach …` and `amends moderate …` are plain text tools that must start fast and
never touch the database, so they are dispatched before Django is imported. Everything
else is handed to Django's management commands (`amends migrate`, `amends runserver`…).
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "coach":
        from amends.coach.cli import main as coach_main

        return coach_main(args[1:])
    if args and args[0] == "moderate":
        from amends.moderation.cli import main as moderate_main

        return moderate_main(args[1:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "amends.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["amends", *args])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
