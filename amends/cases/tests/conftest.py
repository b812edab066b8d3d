"""A case walked through HTTP, step by step, by the personas of PRODUCT.md.

Every step is a request from the persona's own client (their login, their vault
key in their cookie), as a person would make it; the gate tests walk a case to the
point they want to attack and then try the forbidden step.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pytest
from django.test.client import Client

from amends.cases.models import Case
from amends.institutions.models import Institution
from amends.testing import personas
from amends.testing.personas import Persona

NOTICE, DUTIES, ESCALATION, CRISIS, SUPPORT = (
    personas.NOTICE,
    personas.DUTIES,
    personas.ESCALATION,
    personas.CRISIS,
    personas.SUPPORT,
)

CLEAN_LETTER = (
    "I am sorry for what I did. The choice to keep pushing was mine, and I take "
    "responsibility for it. I see a counsellor every week so that it never happens again."
)
NAMED_LETTER = "Dear Rebecca Holloway, I am sorry for what happened at Northgate College in 2019."


def open_profile(admin: Persona, institution: Institution) -> Institution:
    return personas.publish_profile(admin, institution)


@pytest.fixture
def open_institution(institution_admin: Persona, institution: Institution) -> Institution:
    return open_profile(institution_admin, institution)


def post(
    client: Client, url: str, data: Mapping[str, object] | None = None, status: int = 302
) -> Any:
    response = client.post(url, data or {})
    assert response.status_code == status, (url, response.status_code, response.content[:3000])
    return response


@dataclass
class Walk:
    """One case and its people; each method is one step through HTTP."""

    facilitator: Persona
    responsible: Persona
    harmed: Persona
    case: Case

    @property
    def url(self) -> str:
        return f"/cases/{self.case.id}/"

    def refresh(self) -> Case:
        self.case.refresh_from_db()
        return self.case

    def move(self, target: str, reason: str = "", status: int = 302, by: Persona | None = None):
        data = {"target": target, "reason": reason}
        return post((by or self.facilitator).client, self.url + "move/", data, status)

    def code(self, party: str, status: int = 200) -> str:
        response = post(self.facilitator.client, self.url + "codes/", {"party": party}, status)
        return str(response.context["code"]) if status == 200 else ""

    def join(self, persona: Persona, party: str) -> None:
        post(persona.client, "/cases/join/", {"code": self.code(party)})

    def acknowledge(self, persona: Persona) -> None:
        post(persona.client, self.url + "notice/")

    def screen(self, *found: str) -> None:
        post(self.facilitator.client, self.url + "screening/", {"contraindications": list(found)})

    def take_responsibility(self) -> None:
        text = "I kept pushing her to have sex after she said no. That was my doing and my responsibility."
        post(self.responsible.client, self.url + "responsibility/", {"text": text})

    def ready(self) -> None:
        post(self.facilitator.client, self.url + "readiness/")

    def reporting(self, decision: str = "no_duty") -> None:
        post(self.facilitator.client, self.url + "reporting/", {"decision": decision})

    def answer(self, answer: str, status: int = 302) -> None:
        post(self.harmed.client, self.url + "answer/", {"answer": answer}, status)

    def choose(self, mode: str = "letters") -> None:
        data = {
            "mode": mode,
            "support": "friend",
            "speaks_first": "me",
            "pace": "slow",
            "repair_forms": ["apology", "therapy_costs"],
        }
        post(self.harmed.client, self.url + "choices/", data)

    def decide(self, decision: str = "go", status: int = 302):
        return post(self.facilitator.client, self.url + "decision/", {"decision": decision}, status)

    def write(self, persona: Persona, text: str) -> str:
        response = post(persona.client, self.url + "letters/new/", {"text": text})
        return str(response["Location"].rstrip("/").split("/")[-1])

    def relay(self, letter_id: str, decision: str, feedback: str = "", status: int = 302):
        data = {"decision": decision, "feedback": feedback}
        return post(self.facilitator.client, f"/cases/letters/{letter_id}/relay/", data, status)

    # Whole stretches of the story ------------------------------------------------

    def to_responsible_preparation(self) -> Walk:
        self.join(self.responsible, "responsible")
        self.acknowledge(self.responsible)
        self.move("screening")
        self.screen()
        self.move("responsible_preparation")
        return self

    def to_offer(self) -> Walk:
        self.to_responsible_preparation()
        self.take_responsibility()
        self.ready()
        self.move("harmed_preparation")
        self.join(self.harmed, "harmed")
        self.acknowledge(self.harmed)
        return self

    def to_encounter(self, mode: str = "letters") -> Walk:
        self.to_offer()
        self.answer("opt_in")
        self.choose(mode)
        self.reporting()
        self.move("go_no_go")
        self.decide("go")
        self.move("encounter")
        return self


@pytest.fixture
def walk(
    facilitator: Persona, responsible: Persona, harmed: Persona, open_institution: Institution
) -> Walk:
    """A case a facilitator opened by referral; nobody has joined yet."""
    response = post(
        facilitator.client,
        "/cases/refer/",
        {"institution": open_institution.slug, "kind": "harassment"},
    )
    case = Case.objects.get(pk=response["Location"].rstrip("/").split("/")[-1])
    return Walk(facilitator, responsible, harmed, case)
