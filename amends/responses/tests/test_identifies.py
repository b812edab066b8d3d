"""The "This identifies me or someone I know" link on a published statement, followed
through HTTP as readers follow it: anonymous readers are asked to log in or get a codename
and come back; a member hides the statement at once, within a per-member limit; the
author learns why and not from whom; a moderator decides from the queue."""

from __future__ import annotations

import re
from typing import Any

from django.test import Client

from amends.library.models import Publication
from amends.responses.models import Report, ReportStatus
from amends.responses.tests.conftest import publish_statement
from amends.testing import personas
from amends.testing.personas import Persona


def identifies_url(publication: Publication) -> str:
    return f"/library/{publication.public_id}/identifies/"


def link_on_statement_page(client: Client, publication: Publication) -> str:
    page = client.get(f"/library/{publication.public_id}/").content.decode()
    found = re.search(
        r'<a href="([^"]+)" data-testid="identifies-link">'
        r"This identifies me or someone I know</a>",
        page,
    )
    assert found, "the statement page has no identifies link"
    return found.group(1)


def test_an_anonymous_reader_sees_the_link_and_is_asked_to_log_in_first(
    statement: Publication, reader: Client
) -> None:
    url = link_on_statement_page(reader, statement)
    assert url == identifies_url(statement)
    page = reader.get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert 'data-testid="identifies-log-in"' in text
    back = f"next=/library/{statement.public_id}/identifies/"
    assert f"/log-in/?{back}" in text and f"/sign-up/?{back}" in text
    # No form to send without an account, and a script that posts anyway hides nothing.
    assert "identifies-confirm" not in text
    attack = reader.post(url)
    assert attack.status_code == 403
    assert not Report.objects.exists()
    assert reader.get(f"/library/{statement.public_id}/").status_code == 200


def test_a_reader_who_gets_a_codename_comes_back_to_the_form_and_hides_the_statement(
    statement: Publication, reader: Client
) -> None:
    url = link_on_statement_page(reader, statement)
    sign_up = reader.get(f"/sign-up/?next={url}").content.decode()
    assert f'name="next" value="{url}"' in sign_up
    welcome = reader.post(
        "/sign-up/", {"way": "codename", "codename-understood": "on", "next": url}
    )
    assert welcome.status_code == 200
    assert f'href="{url}" data-testid="welcome-next"' in welcome.content.decode()
    form = reader.get(url).content.decode()
    assert 'data-testid="identifies-confirm"' in form
    done = reader.post(url)
    assert b'data-testid="identifies-hidden"' in done.content
    assert personas.new_client().get(f"/library/{statement.public_id}/").status_code == 404


def test_the_sign_up_page_never_sends_a_reader_to_another_site(reader: Client) -> None:
    welcome = reader.post(
        "/sign-up/",
        {"way": "codename", "codename-understood": "on", "next": "https://elsewhere.example/"},
    )
    assert "elsewhere.example" not in welcome.content.decode()


def test_a_member_may_hide_only_a_few_statements_a_day(
    harmed: Persona, reader: Client, settings: Any
) -> None:
    allowed = settings.AMENDS_IDENTIFIES_ALLOWED
    statements = [publish_statement(personas.outsider()) for _ in range(allowed + 1)]
    for publication in statements[:allowed]:
        done = harmed.client.post(identifies_url(publication))
        assert b'data-testid="identifies-hidden"' in done.content
    refused = harmed.client.post(identifies_url(statements[-1]))
    assert refused.status_code == 429
    assert b'data-testid="identifies-wait"' in refused.content
    assert reader.get(f"/library/{statements[-1].public_id}/").status_code == 200
    assert not Report.objects.filter(publication=statements[-1]).exists()
    # The limit is the member's, not the statement's: someone else can still ask.
    other = personas.outsider()
    done = other.client.post(identifies_url(statements[-1]))
    assert b'data-testid="identifies-hidden"' in done.content


def test_from_the_link_to_the_moderators_decision(
    statement: Publication, responsible: Persona, moderator: Persona, reader: Client
) -> None:
    neighbour = personas.outsider()
    url = link_on_statement_page(neighbour.client, statement)
    neighbour.client.post(url)
    assert reader.get(f"/library/{statement.public_id}/").status_code == 404

    # The author is told why, and nothing that points to the reporter.
    statement_id = responsible.member.statements.get().id
    notice = responsible.client.get(f"/statements/{statement_id}/").content.decode()
    assert "identifies them or someone they know" in notice
    report = Report.objects.get(publication=statement)
    assert report.reporter not in notice
    assert neighbour.secret not in notice

    # The moderator decides from the queue's identifies view, and the decision holds.
    queue = moderator.client.get("/moderation/?view=identifies").content.decode()
    assert f"/moderation/statements/{statement.public_id}/" in queue
    moderator.client.post(
        f"/moderation/statements/{statement.public_id}/", {"outcome": "take_down"}
    )
    report.refresh_from_db()
    assert report.status == ReportStatus.UPHELD
    assert reader.get(f"/library/{statement.public_id}/").status_code != 200
