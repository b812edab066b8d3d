"""Everything a member wrote, decrypted with their own key, as one JSON document.

Deletion is real only if a member can first take their words with them.
"""

from __future__ import annotations

from typing import Any

from amends.coaching.access import keep_out_of
from amends.members.models import Member
from amends.reflections.access import read_answers
from amends.reflections.questions import QUESTIONS
from amends.statements.access import read_version, statements_of, versions_of
from amends.vault import api as vault


def export_for(holder: vault.Keyholder, member: Member) -> dict[str, Any]:
    answers = read_answers(holder, member)
    statements = []
    for statement in statements_of(member):
        statements.append(
            {
                "started": statement.created.date().isoformat(),
                "published": (
                    {
                        "pseudonym": statement.publication.pseudonym,
                        "month": statement.publication.published_month.strftime("%Y-%m"),
                    }
                    if statement.publication
                    else None
                ),
                "versions": [
                    {
                        "number": version.number,
                        "saved": version.saved.isoformat(timespec="seconds"),
                        "how": version.get_origin_display(),
                        "sections": read_version(holder, version),
                    }
                    for version in sorted(versions_of(statement), key=lambda v: v.number)
                ],
            }
        )
    return {
        "about": "Everything you wrote on Amends, as only you can read it.",
        "account": {"kind": member.kind, "joined": member.joined_month.strftime("%Y-%m")},
        "reflection": [
            {"question": question.text, "answer": answers[question.key]}
            for question in QUESTIONS
            if question.key in answers
        ],
        "statements": statements,
        "keep_out_list": keep_out_of(holder, member),
    }
