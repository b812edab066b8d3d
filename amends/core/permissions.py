"""Who may do what to which object, as one table.

Every access helper (`access_*` and the `*_for_*` readers in each app's access.py)
works out how the person asking relates to the object (its owner, a facilitator of
its institution, a moderator…) and asks `allows()` whether that relation permits
the action. The table is the single place where those decisions are written, and
tests/test_permissions.py walks every row of it (object × action × relation)
through the real access helpers, so that adding an object or an action without
deciding who may do it fails a test.

A relation is not a role. A facilitator is a facilitator *of an institution*; what
they may do to a case depends on whether the case belongs to that institution. And
no role opens anyone's private text by itself: private text is encrypted for its
entitled readers (amends.vault), so even a row here that allows reading only
works where the vault has wrapped a key for the reader.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from enum import StrEnum
from typing import Any

from django.http import Http404


class Relation(StrEnum):
    """How the person asking relates to the object in question."""

    OWNER = "owner"  # wrote it, or it is their own account
    MEMBER = "member"  # any other logged-in member
    FACILITATOR = "facilitator"  # a facilitator of the object's institution
    OTHER_FACILITATOR = "other_facilitator"  # a facilitator of another institution
    MODERATOR = "moderator"  # a site moderator
    INSTITUTION_ADMIN = "institution_admin"  # an admin of the object's institution
    OPERATOR = "operator"  # runs this Amends (staff)
    ANONYMOUS = "anonymous"  # a reader who is not logged in
    # Parties to a restorative case (amends.cases). A party relation holds only for
    # their own case; to everyone else's they are members like any other.
    HARMED_PARTY = "harmed_party"
    RESPONSIBLE_PARTY = "responsible_party"
    # The party a relayed letter was passed on to by the facilitator (and only once
    # it was passed on): the writer is the letter's owner.
    RECIPIENT = "recipient"


class Obj(StrEnum):
    """The kinds of object the table decides about."""

    ACCOUNT = "account"
    REFLECTION = "reflection"
    STATEMENT_DRAFT = "statement_draft"  # a statement and its versions, published or not
    COACH_NOTES = "coach_notes"  # a member's keep-out list and dismissed findings
    PUBLICATION = "publication"  # a statement as the library shows it
    INSTITUTION = "institution"
    ROLE = "role"
    INVITATION = "invitation"
    AUDIT_LOG = "audit_log"
    IMPACT_STATEMENT = "impact_statement"  # a harmed member's impact statement and its versions
    SHARED_IMPACT_STATEMENT = "shared_impact_statement"  # one version, shared with facilitators
    CASE = "case"  # a restorative case, its stage and its parties' choices
    LETTER = "letter"  # a letter relayed through the facilitator
    CASE_NOTE = "case_note"  # a facilitator's private note on a case
    CASE_AUDIT = "case_audit"  # the audit events of one case
    RESPONSE = "response"  # a reader's reply to a published statement
    RESPONSE_SETTINGS = "response_settings"  # the author's choices for one statement
    REPORT = "report"  # a reader's report of a response or a statement
    MODERATION_QUEUE = "moderation_queue"  # the queue, the decision history, its audit log


class Action(StrEnum):
    READ = "read"
    EDIT = "edit"
    DELETE = "delete"
    EXPORT = "export"
    PUBLISH = "publish"
    WITHDRAW = "withdraw"  # the author takes their own statement out of the library
    TAKE_DOWN = "take_down"  # staff take a statement out of the library
    CREATE = "create"
    APPOINT_ADMIN = "appoint_admin"
    APPOINT_MODERATOR = "appoint_moderator"
    APPOINT_FACILITATOR = "appoint_facilitator"
    REVOKE = "revoke"
    SHARE = "share"  # let named others read one's own private text
    RECEIPT = "receipt"  # ask Amends for a signed, dated receipt of one's own text
    ASK = "ask"  # ask an institution for a restorative process or accountability work
    REFER = "refer"  # open a case at an institution by referral
    MOVE = "move"  # move a case to another stage, record screening and decisions
    INVITE_PARTY = "invite_party"  # hand a party a code to join a case
    CHOOSE = "choose"  # the harmed party's choices: opt in, decline, mode, pace…
    ACKNOWLEDGE = "acknowledge"  # a party acknowledges the confidentiality notice
    TAKE_RESPONSIBILITY = "take_responsibility"  # the responsible party's acknowledgement
    WRITE = "write"  # write a letter on a case, or a note
    RELAY = "relay"  # pass a letter on, ask for changes, or hold it
    REPLY = "reply"  # the author answers a response to their statement
    MODERATE = "moderate"  # publish, hold or reject a response; undo that
    DECIDE = "decide"  # uphold or dismiss a report


R = Relation
EVERYONE = frozenset(Relation)
LOGGED_IN = EVERYONE - {R.ANONYMOUS}
NOBODY: frozenset[Relation] = frozenset()

# (object, action) → the relations that may do it. Every relation not listed is
# refused. A pair that is not in the table is not an action on that object at all.
PERMISSIONS: dict[tuple[Obj, Action], frozenset[Relation]] = {
    # A member's own account and private writing: only the member. Staff included:
    # operators run the service, they do not read or change what members wrote.
    (Obj.ACCOUNT, Action.READ): frozenset({R.OWNER}),
    (Obj.ACCOUNT, Action.EXPORT): frozenset({R.OWNER}),
    (Obj.ACCOUNT, Action.DELETE): frozenset({R.OWNER}),
    (Obj.REFLECTION, Action.READ): frozenset({R.OWNER}),
    (Obj.REFLECTION, Action.EDIT): frozenset({R.OWNER}),
    (Obj.STATEMENT_DRAFT, Action.READ): frozenset({R.OWNER}),
    (Obj.STATEMENT_DRAFT, Action.EDIT): frozenset({R.OWNER}),
    (Obj.STATEMENT_DRAFT, Action.PUBLISH): frozenset({R.OWNER}),
    (Obj.STATEMENT_DRAFT, Action.WITHDRAW): frozenset({R.OWNER}),
    (Obj.STATEMENT_DRAFT, Action.DELETE): frozenset({R.OWNER}),
    (Obj.COACH_NOTES, Action.READ): frozenset({R.OWNER}),
    (Obj.COACH_NOTES, Action.EDIT): frozenset({R.OWNER}),
    # The library is public. Taking a statement down (it identifies someone, it
    # breaks the rules) is for moderators and operators, and is audited.
    (Obj.PUBLICATION, Action.READ): EVERYONE,
    (Obj.PUBLICATION, Action.TAKE_DOWN): frozenset({R.MODERATOR, R.OPERATOR}),
    # Institutions: public profiles; kept by their admins; created by operators.
    (Obj.INSTITUTION, Action.READ): EVERYONE,
    (Obj.INSTITUTION, Action.CREATE): frozenset({R.OPERATOR}),
    (Obj.INSTITUTION, Action.EDIT): frozenset({R.INSTITUTION_ADMIN}),
    (Obj.INSTITUTION, Action.APPOINT_ADMIN): frozenset({R.OPERATOR}),
    (Obj.INSTITUTION, Action.APPOINT_MODERATOR): frozenset({R.OPERATOR}),
    (Obj.INSTITUTION, Action.APPOINT_FACILITATOR): frozenset({R.INSTITUTION_ADMIN}),
    # Who holds a role at an institution is known to that institution's admins and to
    # operators, and to the holder, and to its facilitators (who add each other to
    # cases as co-facilitators); revoking follows who appointed.
    (Obj.ROLE, Action.READ): frozenset({R.OWNER, R.FACILITATOR, R.INSTITUTION_ADMIN, R.OPERATOR}),
    (Obj.ROLE, Action.REVOKE): frozenset({R.INSTITUTION_ADMIN, R.OPERATOR}),
    # An invitation code is redeemed by whoever holds it; issuing follows APPOINT_*.
    (Obj.INVITATION, Action.READ): frozenset({R.INSTITUTION_ADMIN, R.OPERATOR}),
    (Obj.INVITATION, Action.REVOKE): frozenset({R.INSTITUTION_ADMIN, R.OPERATOR}),
    # The audit log: each institution's admins read its slice; operators read it all.
    (Obj.AUDIT_LOG, Action.READ): frozenset({R.INSTITUTION_ADMIN, R.OPERATOR}),
    # An impact statement is the harmed member's own, like a draft: nobody else reads,
    # changes, shares or asks a receipt for it, whatever their role.
    (Obj.IMPACT_STATEMENT, Action.READ): frozenset({R.OWNER}),
    (Obj.IMPACT_STATEMENT, Action.EDIT): frozenset({R.OWNER}),
    (Obj.IMPACT_STATEMENT, Action.DELETE): frozenset({R.OWNER}),
    (Obj.IMPACT_STATEMENT, Action.SHARE): frozenset({R.OWNER}),
    (Obj.IMPACT_STATEMENT, Action.RECEIPT): frozenset({R.OWNER}),
    # A shared version is read by the facilitators of the institution it was shared
    # with, and only by those it was shared with (the access helper checks that the
    # vault wrapped a key for them: a facilitator appointed later is refused). Its
    # author sees what they shared and alone takes it back. The institution's admins
    # are not readers: they see in the audit log that it was shared, not what.
    (Obj.SHARED_IMPACT_STATEMENT, Action.READ): frozenset({R.OWNER, R.FACILITATOR}),
    (Obj.SHARED_IMPACT_STATEMENT, Action.REVOKE): frozenset({R.OWNER}),
    # Asking an institution for a process is open to any member with a login (never
    # anonymously: the asker must be able to come back to their case); referring is
    # for its facilitators.
    (Obj.INSTITUTION, Action.ASK): LOGGED_IN,
    (Obj.INSTITUTION, Action.REFER): frozenset({R.FACILITATOR}),
    # A case is known to its parties and to its institution's facilitators: not to
    # its admins (they read its audit events), not to operators or moderators.
    (Obj.CASE, Action.READ): frozenset({R.FACILITATOR, R.HARMED_PARTY, R.RESPONSIBLE_PARTY}),
    (Obj.CASE, Action.MOVE): frozenset({R.FACILITATOR}),
    (Obj.CASE, Action.INVITE_PARTY): frozenset({R.FACILITATOR}),
    # G6: either party withdraws in one step. Facilitators close instead (MOVE).
    (Obj.CASE, Action.WITHDRAW): frozenset({R.HARMED_PARTY, R.RESPONSIBLE_PARTY}),
    # G2, G7: contact, mode, pace and repair are the harmed party's choices alone.
    (Obj.CASE, Action.CHOOSE): frozenset({R.HARMED_PARTY}),
    (Obj.CASE, Action.ACKNOWLEDGE): frozenset({R.HARMED_PARTY, R.RESPONSIBLE_PARTY}),
    (Obj.CASE, Action.TAKE_RESPONSIBILITY): frozenset({R.RESPONSIBLE_PARTY}),
    # The harmed party alone shares their own impact statement with the facilitators on
    # their case (and takes it back); the responsible party never sees it (G1).
    (Obj.CASE, Action.SHARE): frozenset({R.HARMED_PARTY}),
    (Obj.CASE, Action.WRITE): frozenset({R.HARMED_PARTY, R.RESPONSIBLE_PARTY}),
    # G1, G2: a letter is read by its writer, the case's facilitators, and the other
    # party only once a facilitator passed it on. The vault holds keys for exactly them.
    (Obj.LETTER, Action.READ): frozenset({R.OWNER, R.FACILITATOR, R.RECIPIENT}),
    (Obj.LETTER, Action.EDIT): frozenset({R.OWNER}),
    (Obj.LETTER, Action.RELAY): frozenset({R.FACILITATOR}),
    # Facilitators' notes are theirs: encrypted for the facilitators on the case.
    (Obj.CASE_NOTE, Action.READ): frozenset({R.FACILITATOR}),
    (Obj.CASE_NOTE, Action.WRITE): frozenset({R.FACILITATOR}),
    (Obj.CASE_AUDIT, Action.READ): frozenset({R.FACILITATOR, R.INSTITUTION_ADMIN, R.OPERATOR}),
    # Responses. "Owner" here is the author of the statement responded to, whom Amends
    # recognises only through their statement (library.authorship). Published responses
    # are public text; members write them (anonymity needs an account: rate limits and
    # the first-responses rule key on it); the author does not respond under a reader's
    # pseudonym but replies, once, to each response, as the author.
    (Obj.RESPONSE, Action.READ): EVERYONE,
    (Obj.RESPONSE, Action.CREATE): LOGGED_IN - {R.OWNER},
    (Obj.RESPONSE, Action.REPLY): frozenset({R.OWNER}),
    (Obj.RESPONSE, Action.MODERATE): frozenset({R.MODERATOR}),
    (Obj.RESPONSE_SETTINGS, Action.EDIT): frozenset({R.OWNER}),
    # Reports are never shown to anyone but moderators: not to the author reported on,
    # not to the responder, not to operators (who appoint moderators, not replace them).
    (Obj.REPORT, Action.CREATE): LOGGED_IN,
    (Obj.REPORT, Action.READ): frozenset({R.MODERATOR}),
    (Obj.REPORT, Action.DECIDE): frozenset({R.MODERATOR}),
    (Obj.MODERATION_QUEUE, Action.READ): frozenset({R.MODERATOR}),
}


def allows(relations: Iterable[Relation], action: Action, obj: Obj) -> bool:
    allowed = PERMISSIONS.get((obj, action))
    if allowed is None:
        raise KeyError(f"{action} on {obj} is not in the permissions table")
    return any(relation in allowed for relation in relations)


def require(relations: Iterable[Relation], action: Action, obj: Obj) -> None:
    """Refuse with 404: a refused member learns nothing, not even that the object exists."""
    if not allows(relations, action, obj):
        raise Http404


def base_relations(person: Any, owner_id: uuid.UUID | None = None) -> set[Relation]:
    """The relations a login gives before any role: anonymous, owner or member, operator.

    Roles held at institutions add to these (amends.institutions.access.relations_to).
    """
    if person is None or not getattr(person, "is_authenticated", False):
        return {Relation.ANONYMOUS}
    if not person.is_active:
        return {Relation.ANONYMOUS}
    relations = {
        Relation.OWNER if owner_id is not None and owner_id == person.pk else Relation.MEMBER
    }
    if person.is_staff:
        relations.add(Relation.OPERATOR)
    return relations
