"""The audit log: written with the change it describes, never edited, never deleted."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction

from amends.core import audit
from amends.core.audit import AppendOnly, AuditEvent, AuditEventType, AuditRole
from amends.institutions.models import Institution
from amends.testing.personas import CLIENT_ADDRESS, CLIENT_AGENT, Persona

pytestmark = pytest.mark.django_db


def test_creating_an_institution_records_who_did_it_in_which_role(
    operator: Persona, institution: Institution
) -> None:
    event = AuditEvent.objects.get(event_type=AuditEventType.INSTITUTION_CREATED)
    assert event.actor_id == operator.member.id
    assert event.role == AuditRole.OPERATOR
    assert event.institution_id == institution.id
    assert (event.target_type, event.target_id) == ("institutions.Institution", str(institution.id))


def test_an_event_cannot_be_edited_or_deleted_through_the_orm(institution: Institution) -> None:
    event = AuditEvent.objects.first()
    assert event is not None
    event.reason = "rewritten"
    with pytest.raises(AppendOnly):
        event.save()
    with pytest.raises(AppendOnly):
        event.delete()
    with pytest.raises(AppendOnly):
        AuditEvent.objects.filter(pk=event.pk).update(reason="rewritten")
    with pytest.raises(AppendOnly):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.get(pk=event.pk).reason == ""


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL's")
def test_postgresql_refuses_update_and_delete_in_sql(institution: Institution) -> None:
    event = AuditEvent.objects.first()
    assert event is not None
    for sql in (
        "UPDATE core_auditevent SET reason = 'rewritten' WHERE id = %s",
        "DELETE FROM core_auditevent WHERE id = %s",
    ):
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql, [event.pk])
    assert AuditEvent.objects.get(pk=event.pk).reason == ""


@pytest.mark.django_db(transaction=True)
def test_an_event_outside_a_transaction_is_refused(operator: Persona) -> None:
    with pytest.raises(RuntimeError):
        audit.record(
            operator.member, AuditRole.OPERATOR, AuditEventType.ROLE_GRANTED, operator.member
        )


def test_a_reason_is_a_code_not_text(operator: Persona) -> None:
    with pytest.raises(ValueError), transaction.atomic():
        audit.record(
            operator.member,
            AuditRole.OPERATOR,
            AuditEventType.ROLE_GRANTED,
            operator.member,
            reason="She told me her name was Priya",
        )


def test_the_log_holds_no_address_and_no_browser(facilitator: Persona, moderator: Persona) -> None:
    rows = [str(values) for values in AuditEvent.objects.values_list()]
    assert rows
    assert not any(CLIENT_ADDRESS in row or CLIENT_AGENT in row for row in rows)


def test_deleting_an_account_keeps_what_it_did_as_staff(operator: Persona) -> None:
    from amends.members.models import Member

    with transaction.atomic():
        audit.record(
            operator.member, AuditRole.OPERATOR, AuditEventType.ROLE_GRANTED, operator.member
        )
    Member.objects.filter(pk=operator.member.pk).delete()
    assert AuditEvent.objects.filter(actor_id=operator.member.pk).exists()
