"""Fictional demo responses, and the moderator and readers who wrote or judge them.

The demo library's statements (amends.library.demo) get a few responses of each kind
the pipeline meets: anger at what was done, a survivor's own story, a question, a
held first response, a link, a personal attack sent anyway, a threat it rejects, and
a response a reader reported. The moderator's queue therefore has something in each
of its lists. Every word is invented; the logins exist only where the demo runs
(`amends seed_demo_responses` refuses otherwise).
"""

from __future__ import annotations

from amends.institutions import actions as institution_actions
from amends.institutions.models import RoleKind
from amends.library.models import Publication
from amends.members import identity
from amends.members.demo import DemoLogin, create_login
from amends.members.models import Member
from amends.responses import actions
from amends.responses.models import ReportKind, Response, Status

MODERATOR = DemoLogin("demo-moderator", "demo only quill beacon softly harbour", "moderator")
READER = DemoLogin("demo-reader", "demo only fern lattice evening calm", "reader who responds")
NEW_READER = DemoLogin(
    "demo-newcomer", "demo only pebble orchard dusk gentle", "reader responding for the first time"
)
LOGINS = (MODERATOR, READER, NEW_READER)
# The operator who appoints the moderator: the cases demo creates it (amends.cases.demo).
OPERATOR_HANDLE = "demo-operator"

# A reader's earlier responses, approved by the moderator, so the reader's later ones
# are published without waiting (the first-responses rule).
EARLIER = (
    "Thank you for writing this without excuses. It helps me understand how it happened "
    "in my own group.",
    "I would like to know how the weekly check-ins work in practice. Who do you talk to?",
)
PUBLISHED = (
    "I am furious reading this. What you did was cruel and it was a choice, and I am glad "
    "you finally say so without dressing it up.",
    "Something like this happened to me at a party years ago. Reading someone own it "
    "plainly made me feel less alone, even though it was not my story.",
)
FIRST_RESPONSE = (
    "I never thought I would read something like this. Did writing it change how you "
    "behave day to day, or is it too early to tell?"
)
WITH_LINK = (
    "There is a good guide to accountability groups at example.org/groups if anyone is looking."
)
ATTACK = "You are a pathetic excuse for a human being and nobody should ever trust you."
THREAT = "People like you should be afraid to walk home. Watch your back."


def seed() -> list[str]:
    """Create the demo moderator, two readers and their responses. Returns what was made."""
    operator = Member.objects.get(lookup=identity.handle_lookup(OPERATOR_HANDLE))
    publications = list(Publication.objects.order_by("-published_month", "-id")[:2])
    if len(publications) < 2:
        return []
    first, second = publications
    moderator = create_login(MODERATOR)
    _, code = institution_actions.do_issue_invitation(operator, RoleKind.MODERATOR, None)
    institution_actions.do_redeem_invitation(moderator, code)
    reader, newcomer = create_login(READER), create_login(NEW_READER)

    for text in EARLIER:
        sent = actions.do_respond(reader, second, text, send_anyway=False)
        assert sent.response is not None
        actions.do_decide(moderator, sent.response, Status.PUBLISHED, "approved")
    for text in PUBLISHED:
        actions.do_respond(reader, first, text, send_anyway=False)
    actions.do_respond(newcomer, first, FIRST_RESPONSE, send_anyway=False)
    actions.do_respond(reader, first, WITH_LINK, send_anyway=False)
    actions.do_respond(newcomer, first, ATTACK, send_anyway=True)
    actions.do_respond(newcomer, first, THREAT, send_anyway=False)
    reported = Response.objects.filter(publication=first, status=Status.PUBLISHED).first()
    if reported is not None:
        actions.do_report_response(newcomer, reported, ReportKind.ATTACK)
    counts = {
        status.label: Response.objects.filter(status=status).count()
        for status in (Status.PUBLISHED, Status.HELD, Status.REJECTED)
    }
    summary = ", ".join(f"{n} {label}" for label, n in counts.items())
    return [f"a moderator, two readers and their responses ({summary})"]
