"""Shared fixtures: named personas who use Amends through its real web views.

Personas sign up through the sign-up page, as people do, so that their vault keys
are real and unlocked in their own client's cookies.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.test import Client

from amends.members.models import Member

# What a client's machine would give away. The privacy tests assert that neither
# value ever reaches a log line or a database row.
CLIENT_ADDRESS = "203.0.113.77"
CLIENT_AGENT = "MarkerBrowser/9.9 (persona-user-agent-marker)"


@dataclass
class Persona:
    client: Client
    member: Member
    secret: str
    recovery_key: str
    handle: str = ""


def new_client() -> Client:
    return Client(REMOTE_ADDR=CLIENT_ADDRESS, HTTP_USER_AGENT=CLIENT_AGENT)


def sign_up_with_codename(client: Client | None = None) -> Persona:
    client = client or new_client()
    response = client.post("/sign-up/", {"way": "codename", "codename-understood": "on"})
    assert response.status_code == 200, response.content[:500]
    created = response.context["created"]
    return Persona(client, created.member, created.codename, created.recovery_key)


def sign_up_with_handle(handle: str, passphrase: str, client: Client | None = None) -> Persona:
    client = client or new_client()
    response = client.post(
        "/sign-up/",
        {
            "way": "handle",
            "handle-handle": handle,
            "handle-passphrase": passphrase,
            "handle-passphrase_again": passphrase,
            "handle-understood": "on",
        },
    )
    assert response.status_code == 200, response.content[:2000]
    created = response.context["created"]
    return Persona(client, created.member, passphrase, created.recovery_key, handle=handle)


@pytest.fixture(autouse=True)
def _fresh_rate_limits(request: pytest.FixtureRequest) -> None:
    """Start every database test with no rate-limit counters.

    The counters live in the cache (a table of the test database, or Redis), which
    neither a rolled-back nor a flushed test database empties; without this, sign-ups
    with a persona's handle in one test would count against the next.
    """
    if request.node.get_closest_marker("django_db") is None and not (
        {"db", "transactional_db", "live_server"} & set(request.fixturenames)
    ):
        return
    request.getfixturevalue("django_db_setup")
    blocker = request.getfixturevalue("django_db_blocker")
    from django.core.cache import cache

    with blocker.unblock():
        cache.clear()


@pytest.fixture
def responsible(db: None) -> Persona:
    """The person who caused harm: writes a reflection and a statement. Signs up with a codename."""
    return sign_up_with_codename()


@pytest.fixture
def handle_member(db: None) -> Persona:
    """A person who caused harm and chose a handle and passphrase."""
    return sign_up_with_handle("steady-lantern", "rain falls softly on quiet harbours")


@pytest.fixture
def outsider(db: None) -> Persona:
    """Another member, who must never see the responsible person's private text."""
    return sign_up_with_codename()


@pytest.fixture
def reader(db: None) -> Client:
    """Someone reading the library without an account."""
    return new_client()


@pytest.fixture
def operator(db: None) -> Client:
    """Staff who run the server and use the admin: no access to private text."""
    staff = Member.objects.create_superuser(
        lookup="operator-lookup",
        password="operator passphrase long enough",
        kind="handle",
        joined_month="2026-01-01",
    )
    client = new_client()
    client.force_login(staff, backend="amends.members.backends.MemberBackend")
    return client


SECTIONS_EXAMPLE = {
    "what_i_did": "I kept pushing a woman I was dating to have sex after she said she wanted to wait.",
    "impact": "She told me later that she stopped trusting her own judgement for a long time.",
    "responsibility": "I am sorry. It was my choice to keep pushing, and nothing she did caused it.",
    "repair": "I offered, through a friend she trusts, to pay for counselling if she wants it.",
    "change": "I see a therapist every week, and a men's group checks in with me every month.",
}


def statement_form(**sections: str) -> dict[str, str]:
    data = dict(SECTIONS_EXAMPLE)
    data.update(sections)
    return data
