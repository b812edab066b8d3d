"""The people of PRODUCT.md, for every test: one Persona type, one way to make each role.

Members sign up through the real sign-up page, as people do, so their vault keys
are real and unlocked in their own client's cookies. Roles are given the way
Amends gives them: an operator creates the institution and issues a code, an
institution admin issues facilitators' codes, and each person redeems their own
code on their own login.

`make_member()` makes a member directly, with a real vault key but no login, for
tests of the layers below the web views (the vault).
"""

from __future__ import annotations

import datetime
import secrets
from dataclasses import dataclass, field

from django.test import Client

from amends.institutions import actions as institution_actions
from amends.institutions.models import Institution, RoleKind
from amends.members.models import Member
from amends.vault import api as vault

# What a client's machine would give away. The privacy tests assert that neither
# value ever reaches a log line or a database row.
CLIENT_ADDRESS = "203.0.113.77"
CLIENT_AGENT = "MarkerBrowser/9.9 (persona-user-agent-marker)"


def new_client() -> Client:
    return Client(REMOTE_ADDR=CLIENT_ADDRESS, HTTP_USER_AGENT=CLIENT_AGENT)


@dataclass
class Persona:
    member: Member
    secret: str
    recovery_key: str
    handle: str = ""
    client: Client = field(default_factory=new_client)

    @property
    def vault_secret(self) -> bytes:
        """The secret as members hands it to the vault: normalised, as bytes."""
        return self.member.vault_secret(self.secret)

    def holder(self) -> vault.Keyholder:
        """The member's vault key, opened with their secret (as a login does)."""
        return vault.open_keyholder(self.member, self.vault_secret)

    def refresh(self) -> Persona:
        self.member.refresh_from_db()
        return self


def logged_in_with_handle(handle: str, passphrase: str) -> Client:
    """A fresh browser session logged in with a handle, as the log-in page does it."""
    client = new_client()
    response = client.post(
        "/log-in/", {"way": "handle", "handle-handle": handle, "handle-passphrase": passphrase}
    )
    assert response.status_code == 302, response.content[:1000]
    return client


def sign_up_with_codename(client: Client | None = None) -> Persona:
    client = client or new_client()
    response = client.post("/sign-up/", {"way": "codename", "codename-understood": "on"})
    assert response.status_code == 200, response.content[:500]
    created = response.context["created"]
    return Persona(created.member, created.codename, created.recovery_key, client=client)


def handle_sign_up_form(handle: str, passphrase: str) -> dict[str, str]:
    """The sign-up page's handle form, filled in as a person would."""
    return {
        "way": "handle",
        "handle-handle": handle,
        "handle-passphrase": passphrase,
        "handle-passphrase_again": passphrase,
        "handle-understood": "on",
    }


def sign_up_with_handle(handle: str, passphrase: str, client: Client | None = None) -> Persona:
    client = client or new_client()
    response = client.post("/sign-up/", handle_sign_up_form(handle, passphrase))
    assert response.status_code == 200, response.content[:2000]
    created = response.context["created"]
    return Persona(created.member, passphrase, created.recovery_key, handle=handle, client=client)


def make_member(kind: str = Member.Kind.HANDLE, secret: str | None = None) -> Persona:
    """A member with a real vault key, made without the web views. Not logged in."""
    member = Member.objects.create_user(
        lookup=secrets.token_hex(32), kind=kind, joined_month=datetime.date(2026, 11, 1)
    )
    secret = secret or f"passphrase {secrets.token_hex(8)}"
    recovery_key = vault.provision_member(member, member.vault_secret(secret))
    return Persona(member, secret, recovery_key)


# The roles ------------------------------------------------------------------------


def responsible_party() -> Persona:
    """The person who caused harm: reflects, writes a statement. Signs up with a codename."""
    return sign_up_with_codename()


def harmed_party() -> Persona:
    """The person who was harmed: keeps an impact statement. Signs up with a codename."""
    return sign_up_with_codename()


def outsider() -> Persona:
    """Another member, with no role and no part in anyone else's story."""
    return sign_up_with_codename()


def operator() -> Persona:
    """Runs this Amends. Staff, but with no right to anything a member wrote."""
    persona = sign_up_with_handle(
        f"operator-{secrets.token_hex(3)}", "operators keep the lights on quietly"
    )
    Member.objects.filter(pk=persona.member.pk).update(is_staff=True, is_superuser=True)
    return persona.refresh()


def institution(by: Persona, name: str = "Northgate College") -> Institution:
    return institution_actions.do_create_institution(
        by.member,
        name=name,
        kind=Institution.Kind.SCHOOL,
        jurisdiction="England and Wales",
        accepts_requests=True,
    )


# A profile of fiction, plain and complete: what an institution says before anyone
# discloses anything to it (G5).
NOTICE = (
    "What you tell a facilitator stays between you, the facilitators on your case and, "
    "if you choose, the other party. Its limits: we must act if someone is in danger."
)
DUTIES = "Staff must report to the designated safeguarding lead any risk to a child."
ESCALATION = "Designated safeguarding lead: Room 12, 01632 960 000, weekdays 9-5."
CRISIS = "Fictional Crisis Line: 0808 000 0000, day and night."
SUPPORT = "Free counselling through Student Services. A weekly accountability group."


def publish_profile(admin: Persona, institution: Institution) -> Institution:
    """The institution's admin writes its profile, notice included, and takes requests."""
    published = institution_actions.do_update_profile(
        admin.member,
        institution,
        accepted_kinds=["harassment", "assault", "pressure"],
        confidentiality_notice=NOTICE,
        reporting_duties=DUTIES,
        escalation_contacts=ESCALATION,
        crisis_resources=CRISIS,
        support_offered=SUPPORT,
        accepts_requests=True,
    )
    institution.refresh_from_db()
    return published


def _with_role(issuer: Persona, kind: RoleKind, at: Institution | None) -> Persona:
    persona = sign_up_with_codename()
    _, code = institution_actions.do_issue_invitation(issuer.member, kind, at)
    institution_actions.do_redeem_invitation(persona.member, code)
    return persona


def institution_admin(operator: Persona, at: Institution) -> Persona:
    return _with_role(operator, RoleKind.INSTITUTION_ADMIN, at)


def facilitator(admin: Persona, at: Institution) -> Persona:
    return _with_role(admin, RoleKind.FACILITATOR, at)


def moderator(operator: Persona) -> Persona:
    return _with_role(operator, RoleKind.MODERATOR, None)
