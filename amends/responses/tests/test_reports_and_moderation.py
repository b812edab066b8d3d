"""Reports, the "identifies me" path, and moderators' decisions, through HTTP."""

from __future__ import annotations

import datetime

import pytest
import time_machine

from amends.core.audit import AuditEvent, AuditEventType
from amends.library.models import Publication
from amends.responses.models import ModerationDecision, Report, ReportStatus, Response, Status
from amends.responses.tests.conftest import ANGER, LINK, SUPPORT, respond, thread_url, trust
from amends.testing import personas
from amends.testing.personas import Persona

pytestmark = pytest.mark.django_db


def published_response(statement: Publication, persona: Persona, text: str = SUPPORT) -> Response:
    trust(persona)
    respond(persona.client, statement, text)
    return Response.objects.filter(publication=statement).latest("id")


def queue(moderator: Persona, view: str) -> str:
    return moderator.client.get(f"/moderation/?view={view}").content.decode()


# Reports ---------------------------------------------------------------------------


def test_i_disagree_is_counted_apart_and_never_reaches_the_queue(
    statement: Publication, outsider: Persona, moderator: Persona
) -> None:
    response = published_response(statement, outsider)
    for _ in range(3):
        reader = personas.outsider()
        reader.client.post(f"/responses/{response.pk}/report/", {"kind": "disagree"})
    assert Report.objects.filter(response=response, kind="disagree").count() == 3
    assert SUPPORT not in queue(moderator, "reported")


def test_a_report_reaches_the_queue_without_naming_the_reporter(
    statement: Publication, outsider: Persona, moderator: Persona, harmed: Persona
) -> None:
    response = published_response(statement, outsider)
    harmed.client.post(f"/responses/{response.pk}/report/", {"kind": "attack"})
    page = queue(moderator, "reported")
    assert SUPPORT in page and "attacks a person" in page
    assert str(harmed.member.pk)[:8] not in page


def test_a_reporters_weight_follows_how_their_reports_were_decided(
    statement: Publication, outsider: Persona, moderator: Persona, harmed: Persona
) -> None:
    first = published_response(statement, outsider, ANGER)
    harmed.client.post(f"/responses/{first.pk}/report/", {"kind": "attack"})
    moderator.client.post(
        f"/moderation/responses/{first.pk}/",
        {"status": "published", "reason": "approved", "view": "reported"},
    )
    assert Report.objects.get(response=first).status == ReportStatus.DISMISSED
    second = published_response(statement, personas.outsider(), SUPPORT)
    harmed.client.post(f"/responses/{second.pk}/report/", {"kind": "attack"})
    report = Report.objects.get(response=second)
    assert report.weight == 0.5
    # Half a report is not enough on its own to reach the queue.
    assert SUPPORT not in queue(moderator, "reported")


def test_nobody_but_moderators_reads_reports_or_the_queue(
    statement: Publication, responsible: Persona, outsider: Persona, operator: Persona, reader
) -> None:
    for client in (responsible.client, outsider.client, operator.client):
        for path in ("/moderation/", "/moderation/?view=reported", "/moderation/history/"):
            assert client.get(path).status_code == 404
    assert reader.get("/moderation/").status_code == 302  # to log in


def test_nobody_but_moderators_decides(
    statement: Publication, responsible: Persona, outsider: Persona, operator: Persona
) -> None:
    held = published_response(statement, personas.outsider())
    Response.objects.filter(pk=held.pk).update(status=Status.HELD)
    for persona in (responsible, outsider, operator):
        answer = persona.client.post(
            f"/moderation/responses/{held.pk}/", {"status": "published", "reason": "approved"}
        )
        assert answer.status_code == 404
    held.refresh_from_db()
    assert held.status == Status.HELD
    assert not AuditEvent.objects.filter(event_type=AuditEventType.RESPONSE_DECIDED).exists()


# Identifies me ---------------------------------------------------------------------


def test_identifies_me_hides_the_statement_at_once_and_a_moderator_restores_it(
    statement: Publication, responsible: Persona, harmed: Persona, moderator: Persona, reader
) -> None:
    page = f"/library/{statement.public_id}/"
    word = "counselling"
    assert reader.get(page).status_code == 200
    assert statement.public_id in reader.get(f"/?q={word}").content.decode()

    confirm = harmed.client.get(f"/library/{statement.public_id}/identifies/")
    assert confirm.status_code == 200
    done = harmed.client.post(f"/library/{statement.public_id}/identifies/")
    assert b'data-testid="identifies-hidden"' in done.content

    # Gone at once: its page, the listing, search, its responses.
    assert reader.get(page).status_code == 404
    assert statement.public_id not in reader.get("/").content.decode()
    assert statement.public_id not in reader.get(f"/?q={word}").content.decode()
    assert reader.get(thread_url(statement)).status_code == 404

    # The author is told why, and not by whom.
    statement_id = responsible.member.statements.get().id
    notice = responsible.client.get(f"/statements/{statement_id}/").content.decode()
    assert "identifies them or someone they know" in notice
    assert str(harmed.member.pk)[:8] not in notice
    hidden = AuditEvent.objects.get(event_type=AuditEventType.PUBLICATION_HIDDEN)
    assert hidden.actor_id is None and hidden.reason == "identifies_someone"

    # A moderator sees it in the queue and restores it.
    assert "Hidden: the statement by" in queue(moderator, "identifies")
    moderator.client.post(f"/moderation/statements/{statement.public_id}/", {"outcome": "restore"})
    assert reader.get(page).status_code == 200
    assert statement.public_id in reader.get(f"/?q={word}").content.decode()
    assert Report.objects.get(publication=statement).status == ReportStatus.DISMISSED
    restored = AuditEvent.objects.get(event_type=AuditEventType.PUBLICATION_RESTORED)
    assert restored.actor_id == moderator.member.pk
    assert AuditEvent.objects.filter(
        event_type=AuditEventType.REPORT_DECIDED, reason="dismissed"
    ).exists()


def test_a_moderator_takes_down_a_statement_that_identifies_someone(
    statement: Publication, harmed: Persona, moderator: Persona, reader
) -> None:
    harmed.client.post(f"/library/{statement.public_id}/identifies/")
    moderator.client.post(
        f"/moderation/statements/{statement.public_id}/", {"outcome": "take_down"}
    )
    assert not Publication.including_hidden.filter(pk=statement.pk).exists()
    assert reader.get(f"/library/{statement.public_id}/").status_code == 410
    taken = AuditEvent.objects.get(event_type=AuditEventType.PUBLICATION_TAKEN_DOWN)
    assert taken.actor_id == moderator.member.pk
    # The report stays as the reporter's history, upheld, with no link to anything.
    assert Report.objects.get().status == ReportStatus.UPHELD


def test_only_moderators_decide_a_hidden_statement(
    statement: Publication, harmed: Persona, responsible: Persona, operator: Persona
) -> None:
    harmed.client.post(f"/library/{statement.public_id}/identifies/")
    for persona in (harmed, responsible, operator):
        answer = persona.client.post(
            f"/moderation/statements/{statement.public_id}/", {"outcome": "restore"}
        )
        assert answer.status_code == 404
    assert Publication.including_hidden.get(pk=statement.pk).hidden


def test_a_reporter_whose_reports_were_dismissed_does_not_hide_a_statement_alone(
    statement: Publication, harmed: Persona, moderator: Persona, reader, settings
) -> None:
    settings.AMENDS_IDENTIFIES_ALLOWED = 10  # the daily limit is tested on its own
    for _ in range(3):
        other = personas.outsider()
        from amends.responses.tests.conftest import publish_statement

        published = publish_statement(other)
        harmed.client.post(f"/library/{published.public_id}/identifies/")
        moderator.client.post(
            f"/moderation/statements/{published.public_id}/", {"outcome": "restore"}
        )
    done = harmed.client.post(f"/library/{statement.public_id}/identifies/")
    assert b'data-testid="identifies-queued"' in done.content
    assert reader.get(f"/library/{statement.public_id}/").status_code == 200


# Decisions -------------------------------------------------------------------------


def test_a_moderator_sees_the_reason_marked_and_approves_with_a_reason_code(
    statement: Publication, outsider: Persona, moderator: Persona, reader
) -> None:
    trust(outsider)
    respond(outsider.client, statement, LINK)
    held = Response.objects.get(publication=statement)
    assert "<mark>example.com/guide</mark>" in queue(moderator, "pending")
    moderator.client.post(
        f"/moderation/responses/{held.pk}/", {"status": "published", "reason": "approved"}
    )
    assert LINK in reader.get(thread_url(statement)).content.decode()
    event = AuditEvent.objects.get(event_type=AuditEventType.RESPONSE_DECIDED)
    assert (event.actor_id, event.reason) == (moderator.member.pk, "approved")
    assert LINK not in event.target_id + event.reason


def test_a_reason_code_outside_the_list_is_refused(
    statement: Publication, outsider: Persona, moderator: Persona
) -> None:
    respond(outsider.client, statement, ANGER)
    held = Response.objects.get(publication=statement)
    moderator.client.post(
        f"/moderation/responses/{held.pk}/", {"status": "rejected", "reason": "because I said so"}
    )
    held.refresh_from_db()
    assert held.status == Status.HELD


def test_bulk_decisions_cover_every_held_response_of_one_member_only(
    statement: Publication, moderator: Persona, responsible: Persona
) -> None:
    first, second = personas.outsider(), personas.outsider()
    respond(first.client, statement, ANGER)
    respond(first.client, statement, SUPPORT)
    respond(second.client, statement, "Another reader's first response, about what was done.")
    key = Response.objects.filter(publication=statement).first().responder  # type: ignore[union-attr]
    moderator.client.post(
        f"/moderation/responders/{key}/", {"status": "rejected", "reason": "off_topic"}
    )
    statuses = dict(Response.objects.filter(publication=statement).values_list("text", "status"))
    assert statuses[ANGER] == statuses[SUPPORT] == Status.REJECTED
    assert statuses["Another reader's first response, about what was done."] == Status.HELD
    # The author never sees rejected responses.
    assert ANGER not in responsible.client.get(thread_url(statement)).content.decode()


def test_a_decision_can_be_undone_within_the_window_and_not_after(
    statement: Publication, outsider: Persona, moderator: Persona, reader, settings
) -> None:
    respond(outsider.client, statement, ANGER)
    held = Response.objects.get(publication=statement)
    start = datetime.datetime.now(tz=datetime.UTC)
    with time_machine.travel(start, tick=False) as clock:
        moderator.client.post(
            f"/moderation/responses/{held.pk}/", {"status": "published", "reason": "approved"}
        )
        decision = ModerationDecision.objects.get()
        assert 'data-testid="undo"' in queue(moderator, "pending")
        moderator.client.post(f"/moderation/decisions/{decision.pk}/undo/")
        held.refresh_from_db()
        assert (held.status, held.reason) == (Status.HELD, "first_responses")
        assert ANGER not in reader.get(thread_url(statement)).content.decode()
        assert (
            AuditEvent.objects.filter(event_type=AuditEventType.RESPONSE_DECISION_UNDONE).count()
            == 1
        )

        moderator.client.post(
            f"/moderation/responses/{held.pk}/", {"status": "published", "reason": "approved"}
        )
        later = ModerationDecision.objects.filter(undone=False).get()
        clock.shift(datetime.timedelta(seconds=settings.AMENDS_MODERATION_UNDO_SECONDS + 1))
        moderator.client.post(f"/moderation/decisions/{later.pk}/undo/")
        held.refresh_from_db()
        assert held.status == Status.PUBLISHED


def test_the_history_shows_decisions_and_the_moderation_audit_log(
    statement: Publication, outsider: Persona, moderator: Persona
) -> None:
    respond(outsider.client, statement, ANGER)
    held = Response.objects.get(publication=statement)
    moderator.client.post(
        f"/moderation/responses/{held.pk}/", {"status": "rejected", "reason": "off_topic"}
    )
    page = moderator.client.get("/moderation/history/").content.decode()
    assert 'data-testid="decision"' in page and "off_topic" in page
    assert "moderation decision" in page
    assert ANGER not in page


def test_the_about_page_publishes_the_shares_from_live_data(
    statement: Publication, outsider: Persona, reader
) -> None:
    respond(outsider.client, statement, ANGER)
    page = reader.get("/about/").content.decode()
    assert 'data-testid="transparency"' in page
    assert "Of 1 response: 0% published, 100% held for a moderator, 0% not published." in page
    assert "A member&#x27;s first responses" in page or "A member's first responses" in page


def test_a_members_responses_are_exported_and_erased_with_their_account(
    statement: Publication, outsider: Persona
) -> None:
    from amends.members.models import Member
    from amends.members.personal_data import registered

    respond(outsider.client, statement, ANGER)
    entry = next(e for e in registered() if e.key == "responses")
    exported = entry.export(outsider.holder(), outsider.member)
    assert exported[0]["text"] == ANGER and exported[0]["statement"] == statement.public_id
    entry.erase(Member.objects.get(pk=outsider.member.pk))
    assert not Response.objects.exists()


def test_the_about_page_shows_the_measured_share_of_anger_and_pain_held(
    reader, tmp_path, monkeypatch
) -> None:
    import datetime

    from amends.moderation import classifier, measured

    path = tmp_path / "measured.json"
    monkeypatch.setattr(measured, "MEASURED", path)
    page = reader.get("/about/").content.decode()
    assert "has not been measured on an evaluation set yet" in page

    measured.record(
        "unseen",
        "corpora/moderation/test/unseen-b.jsonl",
        {
            "anger": {"publish": 17, "hold": 3},
            "pain": {"publish": 19, "reject": 1},
            "threat": {"reject": 10},
        },
        today=datetime.date(2026, 12, 7),
    )
    page = reader.get("/about/").content.decode()
    version = classifier.get_model().version
    assert (
        f"On our unseen evaluation set (corpora/moderation/test/unseen-b.jsonl), measured "
        f"2026-12-07 with classifier version {version}: of 40 responses of anger and pain, "
        "the pipeline held 8% and did not publish 2%."
    ) in page
