"""How a member appears in responses: a key for counting, a pseudonym for reading.

`member_key` is one HMAC per member for all of their responses and reports, so that
the rules that count a member's acts can do so (two approved before the rest publish
at once, the rate limits, a moderator's decision on all of a member's held responses,
a reporter's history) without the database holding the member's id beside them.

The pseudonym is derived from the member and the statement together, so the same
reader keeps one name within a statement and a different one on every other: nobody
reading the library can tell that two responses on two statements came from one person.
"""

from __future__ import annotations

from amends.library.models import Publication
from amends.library.pseudonyms import pseudonym_from
from amends.members import identity
from amends.members.models import Member


def member_key(member: Member) -> str:
    return identity.member_key("responses", member.pk)


def pseudonym_for(member: Member, publication: Publication) -> str:
    return pseudonym_from(
        identity.member_key("response-pseudonym", member.pk, publication.public_id)
    )
