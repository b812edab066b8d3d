"""Example writing for tests: fictional, plain, never graphic."""

from __future__ import annotations

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
