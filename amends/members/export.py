"""Everything a member wrote, decrypted with their own key, as one JSON document.

Deletion is real only if a member can first take their words with them. Each app
contributes its part through the personal-data registry (members.personal_data).
"""

from __future__ import annotations

from typing import Any

from amends.members.models import Member
from amends.members.personal_data import registered
from amends.vault import api as vault


def export_for(holder: vault.Keyholder, member: Member) -> dict[str, Any]:
    document: dict[str, Any] = {
        "about": "Everything you wrote on Amends, as only you can read it.",
        "account": {"kind": member.kind, "joined": member.joined_month.strftime("%Y-%m")},
    }
    for entry in registered():
        document[entry.key] = entry.export(holder, member)
    return document


def readable_export(document: dict[str, Any]) -> str:
    """The same export as one Markdown document: opens in any text editor, prints well."""
    account = document["account"]
    parts = [
        "# Everything you wrote on Amends",
        "Only you could read this on Amends. This copy is not encrypted: keep it somewhere "
        "safe, or delete it when you no longer need it.",
        f"Account: {account['kind']}, since {account['joined']}.",
    ]
    for entry in registered():
        if entry.readable is not None:
            parts.append(entry.readable(document[entry.key]).strip())
    return "\n\n".join(parts) + "\n"
