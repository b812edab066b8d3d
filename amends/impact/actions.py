"""Writes for impact statements: versions, sharing with facilitators, receipts, deletion.

Public functions (the cases app calls the sharing ones with its institution, its
facilitators and its id):

- `do_start_impact_statement(member)`
- `do_save_impact_statement(holder, statement, text, origin=...)`: keep a version;
  autosaves refine the newest one for a few minutes (vault.versions).
- `do_restore_version(holder, statement, version)`
- `do_share_impact_statement(holder, statement, institution, notice_acknowledged=...,
  readers=None, case_id=None, version=None)`: let facilitators read one version,
  read-only, once the member has read the institution's confidentiality notice (G5:
  an institution without one is never shared with). By
  default all of the institution's facilitators now; a case passes its own (each must
  be a facilitator of the institution). Sharing again with the same institution (or
  case) moves the share to the newest version and to the facilitators named now:
  a facilitator appointed since gains a key, one no longer named loses theirs.
- `do_revoke_share(member, share)`: every key the share wrapped is taken away.
- `revoke_case_shares(case_id, reason)`: a case ended; what was shared for it is taken
  back (recorded as Amends's doing).
- `do_give_receipt(holder, statement, version)`: a signed, dated receipt, not stored.
- `do_delete_impact_statement(statement)`, `erase_impact_statements(member)`.

Sharing wraps the version's key for each reader (vault.grant) and revoking deletes
the wraps (vault.revoke). Each grant and each revocation records an audit event in
the same transaction, pointing at the reader's ImpactShareReader row, with the
institution: its log shows that a member shared something with a facilitator, and
when it stopped, and never a word of it. The member acts on their own data as a party
who approached the institution (AuditRole.PARTY).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone

from amends.core import audit
from amends.core.audit import AuditEventType, AuditRole
from amends.core.permissions import Action, Obj, require
from amends.impact import receipts
from amends.impact.access import facilitators_of, latest_version, read_version
from amends.impact.models import ImpactShare, ImpactShareReader, ImpactStatement, ImpactVersion
from amends.institutions.access import relations_to
from amends.institutions.models import Institution, Role, RoleKind
from amends.members.models import Member
from amends.vault import api as vault
from amends.vault import versions

# The longest impact statement: about 30 pages. Long enough for anything a person
# needs to say; short enough that an autosave stays quick.
MAX_LENGTH = 100_000


class ShareRefused(Exception):
    """The statement cannot be shared this way. The message says why, in plain words."""


class ReceiptRefused(Exception):
    """There is nothing to sign. The message says why."""


def _normalised(text: str) -> str:
    return text.replace("\r\n", "\n")


def _author(who: vault.Keyholder | Member, statement: ImpactStatement, action: Action) -> Member:
    """The member acting, if they may do `action` to the statement (only its author may).

    Checked here as well as in the views: the cases app calls these actions too.
    """
    member = who if isinstance(who, Member) else Member.objects.get(pk=who.member_id)
    require(relations_to(member, owner_id=statement.author_id), action, Obj.IMPACT_STATEMENT)
    return member


def do_start_impact_statement(member: Member) -> ImpactStatement:
    return ImpactStatement.objects.create(author=member)


def do_save_impact_statement(
    holder: vault.Keyholder,
    statement: ImpactStatement,
    text: str,
    *,
    origin: str = ImpactVersion.Origin.SAVE,
) -> ImpactVersion:
    """Keep the text as a version; returns the version that now holds it."""
    _author(holder, statement, Action.EDIT)
    return versions.keep_text(
        holder,
        statement,
        lambda: latest_version(statement),
        lambda number: ImpactVersion(id=uuid.uuid4(), statement=statement, number=number),
        _normalised(text),
        origin,
    )


def do_restore_version(
    holder: vault.Keyholder, statement: ImpactStatement, version: ImpactVersion
) -> ImpactVersion:
    return do_save_impact_statement(
        holder, statement, read_version(holder, version), origin=ImpactVersion.Origin.RESTORE
    )


def _fix(version: ImpactVersion) -> None:
    """From now on autosaves keep a new version instead of changing this one."""
    if not version.fixed:
        version.fixed = True
        version.save(update_fields=["fixed"])


def _record(
    author_id: uuid.UUID,
    event_type: AuditEventType,
    grant: ImpactShareReader,
    institution_id: uuid.UUID,
    reason: str,
    *,
    by_author: bool = True,
) -> None:
    audit.record(
        Member(pk=author_id) if by_author else None,
        AuditRole.PARTY if by_author else AuditRole.SYSTEM,
        event_type,
        grant,
        institution_id=institution_id,
        reason=reason,
    )


def _take_back(grants: Iterable[ImpactShareReader], reason: str, *, by_author: bool = True) -> None:
    """Revoke these readers' keys, unless another active share of the same version
    still entitles the same reader (shared with an institution and with a case there)."""
    now = timezone.now()
    for grant in grants:
        share = grant.share
        # update(), not save(): when an account is deleted the row may already be gone.
        ImpactShareReader.objects.filter(pk=grant.pk).update(revoked=now)
        still_entitled = ImpactShareReader.objects.filter(
            share__version_id=share.version_id,
            share__revoked__isnull=True,
            reader_id=grant.reader_id,
            revoked__isnull=True,
        ).exists()
        if not still_entitled:
            vault.revoke(share.version.content, grant.reader)
        _record(
            share.statement.author_id,
            AuditEventType.SHARE_REVOKED,
            grant,
            share.institution_id,
            reason,
            by_author=by_author,
        )


def _readers_for(
    institution: Institution, readers: Iterable[Member] | None, author: Member
) -> list[Member]:
    facilitators = {member.pk: member for member in facilitators_of(institution)}
    if readers is None:
        chosen = list(facilitators.values())
    else:
        chosen = list({member.pk: member for member in readers}.values())
        if any(member.pk not in facilitators for member in chosen):
            raise ShareRefused(
                f"Only facilitators of {institution.name} can be given your impact statement."
            )
    chosen = [member for member in chosen if member.pk != author.pk]
    if not chosen:
        raise ShareRefused(
            f"{institution.name} has no facilitators yet, so there is nobody to share it "
            "with. Nothing was shared."
        )
    return chosen


def do_share_impact_statement(
    holder: vault.Keyholder,
    impact_statement: ImpactStatement,
    institution: Institution,
    *,
    notice_acknowledged: bool,
    readers: Iterable[Member] | None = None,
    case_id: uuid.UUID | None = None,
    version: ImpactVersion | None = None,
) -> ImpactShare:
    """Share one version (the newest by default) read-only with facilitators.

    G5: nothing is disclosed to an institution before the member has read what it keeps
    confidential and what it must report, so an institution without a notice is never
    shared with, and the member's acknowledgement of it is required.

    Returns the active share. Raises ShareRefused with a message for the member.
    """
    author = _author(holder, impact_statement, Action.SHARE)
    if not institution.confidentiality_notice.strip():
        raise ShareRefused(
            f"{institution.name} has not published a confidentiality notice, so you cannot "
            "know what it would do with your statement. Nothing was shared."
        )
    if not notice_acknowledged:
        raise ShareRefused(
            f"Read what {institution.name} keeps confidential and what it must report, and "
            "tick the box to say you have read it, before you share. Nothing was shared."
        )
    version = version or latest_version(impact_statement)
    if version is not None and version.statement_id != impact_statement.pk:
        raise ShareRefused("That version belongs to another statement.")
    if version is None or not read_version(holder, version).strip():
        raise ShareRefused("There is nothing to share yet: write something and save it first.")
    chosen = _readers_for(institution, readers, author)
    reason = "shared_for_case" if case_id else "shared_with_institution"
    now = timezone.now()
    with transaction.atomic():
        ImpactStatement.objects.select_for_update().filter(pk=impact_statement.pk).first()
        _fix(version)
        share = ImpactShare.objects.filter(
            statement=impact_statement, institution=institution, case_id=case_id, revoked=None
        ).first()
        if share is None:
            share = ImpactShare.objects.create(
                statement=impact_statement,
                version=version,
                institution=institution,
                case_id=case_id,
                shared=now,
            )
            current: list[ImpactShareReader] = []
        else:
            current = list(share.readers.filter(revoked=None).select_related("reader"))
            moved = share.version_id != version.pk
            chosen_ids = {member.pk for member in chosen}
            # Keys to the old version, and keys of facilitators no longer named, go.
            _take_back(
                [g for g in current if moved or g.reader_id not in chosen_ids],
                "shared_again",
            )
            share.version, share.shared = version, now
            share.save(update_fields=["version", "shared"])
            current = [g for g in current if not moved and g.reader_id in chosen_ids]
        holding = {grant.reader_id for grant in current}
        for member in chosen:
            if member.pk in holding:
                continue
            vault.grant(holder, version.content, member)
            grant = ImpactShareReader.objects.create(share=share, reader=member, granted=now)
            _record(author.pk, AuditEventType.SHARE_GRANTED, grant, institution.id, reason)
    return share


def do_revoke_share(member: Member, share: ImpactShare) -> None:
    """Take the share back: every key it wrapped for a facilitator is deleted.

    Needs no unlocked key: taking access away must work even when reading does not.
    """
    _author(member, share.statement, Action.SHARE)
    with transaction.atomic():
        _revoke(share, "withdrawn_by_author")


def revoke_case_shares(case_id: uuid.UUID, reason: str) -> None:
    """A case ended: every share made for it is taken back, in the caller's transaction.

    Its facilitators no longer need to read the statement, and its author need not
    remember to stop sharing it. Recorded as Amends's doing, with the reason.
    """
    for share in ImpactShare.objects.filter(case_id=case_id, revoked=None).select_related(
        "statement"
    ):
        _revoke(share, reason, by_author=False)


def _revoke(share: ImpactShare, reason: str, *, by_author: bool = True) -> None:
    grants = share.readers.filter(revoked=None).select_related(
        "reader", "share__version__content", "share__statement"
    )
    share.revoked = timezone.now()
    share.save(update_fields=["revoked"])
    _take_back(list(grants), reason, by_author=by_author)


def do_give_receipt(
    holder: vault.Keyholder, statement: ImpactStatement, version: ImpactVersion
) -> receipts.Receipt:
    """Sign the digest of the version's text and the time it was saved. Nothing is stored
    but the version's `fixed` flag, so that its text can no longer change under the receipt."""
    _author(holder, statement, Action.RECEIPT)
    with transaction.atomic():
        # Locked as an autosave locks it, so that no autosave refines the version
        # between reading its text and fixing it: the receipt covers what stays.
        ImpactStatement.objects.select_for_update().filter(pk=statement.pk).first()
        version.refresh_from_db()
        text = read_version(holder, version)
        if not receipts.canonical_text(text):
            raise ReceiptRefused("This version is empty, so there is nothing to sign.")
        _fix(version)
    return receipts.sign(receipts.signing_keys()[0], text, version.saved)


def do_delete_impact_statement(statement: ImpactStatement) -> None:
    """Delete the statement, take back every share, and destroy every version's keys."""
    with transaction.atomic():
        for share in statement.shares.filter(revoked=None):
            _revoke(share, "statement_deleted")
        items = [version.content for version in statement.versions.select_related("content")]
        statement.delete()
        for item in items:
            vault.destroy_text(item)


def erase_impact_statements(member: Member) -> None:
    for statement in ImpactStatement.objects.filter(author=member):
        do_delete_impact_statement(statement)


def role_ended(sender: type[Role], instance: Role, **kwargs: Any) -> None:
    """A facilitator's role ended: every key shared with them at that institution goes.

    Connected to Role's post_delete (apps.py), so it runs inside the transaction that
    revokes the role. Recorded as Amends's doing, not the author's.
    """
    if instance.kind != RoleKind.FACILITATOR or instance.institution_id is None:
        return
    grants = ImpactShareReader.objects.filter(
        reader_id=instance.member_id,
        revoked=None,
        share__institution_id=instance.institution_id,
        share__revoked=None,
    ).select_related("reader", "share__version__content", "share__statement")
    if grants:
        with transaction.atomic():
            _take_back(list(grants), "facilitator_role_ended", by_author=False)
