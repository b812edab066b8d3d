"""A database dump plus the code reveals no private text (PRODUCT.md; docs/threat-model.md).

A member signs up, reflects and drafts through the real views with marker phrases;
then the whole database, as a file (SQLite) or as pg_dump prints it (PostgreSQL),
is searched for the markers, and for the member's codename and recovery key.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import connection

from amends.testing import personas
from amends.testing.personas import sign_up_with_codename
from amends.testing.writing import publish, statement_form

pytestmark = pytest.mark.django_db(transaction=True)

MARKERS = {
    "reflection": "marker-reflection-periwinkle-gannet",
    "draft": "marker-draft-tamarind-quokka",
    "autosave": "marker-autosave-heliotrope-wren",
    "old_version": "marker-old-version-saffron-ibis",
    "keep_out": "Markerton-Quillfeather",
    "dismissal_reason": "marker-dismissal-note-cormorant",
    "impact": "marker-impact-statement-juniper-plover",
    "impact_autosave": "marker-impact-autosave-cardamom-tern",
    "impact_old_version": "marker-impact-old-version-lichen-shrike",
}


PUBLIC_CONTROL = "control-published-sentence-marigold-puffin"


def write_private_text() -> tuple[str, str]:
    persona = sign_up_with_codename()
    client = persona.client
    client.post("/reflection/", {"pressure": MARKERS["reflection"]})
    url = client.post("/statements/new/")["Location"]
    client.post(url, statement_form(what_i_did=MARKERS["old_version"]))
    client.post(url, statement_form(what_i_did=MARKERS["draft"]))
    client.post(
        url + "autosave/", statement_form(known_impact=MARKERS["autosave"]), HTTP_HX_REQUEST="true"
    )
    # The text is really there, and really readable by its author.
    assert MARKERS["autosave"] in client.get(url).content.decode()
    assert MARKERS["old_version"] in client.get(url + "versions/1/").content.decode()
    client.post("/coach/keep-out/", {"items": MARKERS["keep_out"]})
    statement_id = url.strip("/").split("/")[-1]
    data = statement_form(what_i_did=f"I pressured {MARKERS['keep_out']} at work.")
    panel = client.post(f"/statements/{statement_id}/coach/", data).content.decode()
    key = panel.split('name="dismiss" value="')[1].split('"')[0]
    data.update(
        {"dismiss": key, f"reason-{key}": "public", f"note-{key}": MARKERS["dismissal_reason"]}
    )
    client.post(f"/statements/{statement_id}/coach/dismiss/", data)
    assert MARKERS["dismissal_reason"] in client.get(url).content.decode()
    # A control: a published statement is public text, so the dump must show it. This
    # proves the dump below really contains the rows the markers would be in.
    public = client.post("/statements/new/")["Location"]
    client.post(public, statement_form(what_i_did=PUBLIC_CONTROL))
    assert publish(client, public).status_code == 302
    write_impact_statement()
    return persona.secret, persona.recovery_key


def write_impact_statement() -> None:
    """A harmed member's impact statement, in versions, shared with a facilitator."""
    from amends.impact.tests.helpers import share_with

    operator = personas.operator()
    institution = personas.institution(operator)
    admin = personas.institution_admin(operator, institution)
    personas.publish_profile(admin, institution)
    facilitator = personas.facilitator(admin, institution)
    harmed = personas.harmed_party()
    url = harmed.client.post("/impact/new/")["Location"]
    harmed.client.post(url, {"text": MARKERS["impact_old_version"]})
    harmed.client.post(url, {"text": MARKERS["impact"]})
    share_with(harmed, url, institution)
    harmed.client.post(
        url + "autosave/", {"text": MARKERS["impact_autosave"]}, HTTP_HX_REQUEST="true"
    )
    harmed.client.post(url + "versions/2/receipt/")
    assert MARKERS["impact_autosave"] in harmed.client.get(url).content.decode()
    listing = facilitator.client.get("/impact/shared/").content.decode()
    shared = listing.split('href="/impact/shared/')[1].split('"')[0]
    page = facilitator.client.get(f"/impact/shared/{shared}").content.decode()
    assert MARKERS["impact"] in page


def database_image(tmp_path: Path) -> bytes:
    if connection.vendor == "sqlite":
        # The file itself and its write-ahead log: every byte a copy of the disk holds.
        path = Path(connection.settings_dict["NAME"])
        assert path.exists(), "the SQLite test database must be a file for this test"
        return b"".join(
            candidate.read_bytes()
            for candidate in (path, path.with_name(path.name + "-wal"))
            if candidate.exists()
        )
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        pytest.fail("pg_dump is needed to check the PostgreSQL database at rest")
    settings = connection.settings_dict
    result = subprocess.run(
        [
            pg_dump,
            "--data-only",
            "-h",
            settings["HOST"],
            "-p",
            str(settings["PORT"]),
            "-U",
            settings["USER"],
            settings["NAME"],
        ],
        capture_output=True,
        check=True,
    )
    return result.stdout


def test_a_database_dump_holds_no_private_text_and_no_secret(tmp_path) -> None:
    codename, recovery_key = write_private_text()
    image = database_image(tmp_path)
    assert PUBLIC_CONTROL.encode() in image
    for name, marker in MARKERS.items():
        assert marker.encode() not in image, name
        assert marker.encode("utf-16-le") not in image, name
    assert codename.encode() not in image
    assert recovery_key.encode() not in image
    assert "".join(recovery_key.split()).encode() not in image


# Rare made-up words, one set per way a statement leaves the library. FTS5 stores a
# term after the prefix it shares with the term before it, so the search looks for a
# word's middle, which no neighbour in the index can share.
WITHDRAWN = {
    "unpublished": ("qjvelumbrine", "xqetharnwick"),
    "deleted": ("qzorraflint", "jxumbrevale"),
    "taken down": ("vqostrallen", "zkiphernolt"),
}


def middles(words: tuple[str, ...]) -> list[bytes]:
    return [word[2:8].encode() for word in words]


def found(word: str) -> bool:
    from amends.library.models import Publication
    from amends.library.search import search

    return search(Publication.objects.all(), word).exists()


def publish_words(client, words: tuple[str, ...]) -> str:
    url = client.post("/statements/new/")["Location"]
    client.post(url, statement_form(what_i_did=f"I pressured her after the {' and '.join(words)}."))
    # Made-up words look like names to the coach: the author confirms each one.
    response = publish(client, url)
    assert response.status_code == 302, response.content[:300]
    assert found(words[0])
    return url


def test_no_word_of_a_withdrawn_statement_stays_in_the_database(tmp_path, operator) -> None:
    author = sign_up_with_codename().client
    unpublished = publish_words(author, WITHDRAWN["unpublished"])
    deleted = publish_words(author, WITHDRAWN["deleted"])
    publish_words(author, WITHDRAWN["taken down"])
    still_public = publish_words(author, ("pwomblestrand",))
    image = database_image(tmp_path)
    for words in WITHDRAWN.values():  # the control: the search really can see them
        assert all(middle in image for middle in middles(words)), words

    author.post(unpublished + "unpublish/")
    author.post(deleted + "delete/", {"confirm": "on"})
    from amends.library.models import Publication

    taken_down = Publication.objects.get(search_document__contains=WITHDRAWN["taken down"][0])
    operator.client.post(
        f"/{django_settings.ADMIN_URL}library/publication/{taken_down.pk}/delete/", {"post": "yes"}
    )
    assert not Publication.objects.filter(pk=taken_down.pk).exists()

    image = database_image(tmp_path)
    for how, words in WITHDRAWN.items():
        for word, middle in zip(words, middles(words), strict=True):
            assert middle not in image, f"{how}: {word}"
        assert not found(words[0]), how
    # What is still published is still found: the index was purged, not emptied.
    assert still_public and found("pwomblestrand")


CASE_MARKERS = {
    "acknowledgement": "marker-acknowledgement-juniper-plover",
    "letter": "marker-letter-bergamot-avocet",
    "feedback": "marker-feedback-cardamom-dunlin",
    "note": "marker-note-verbena-shearwater",
}


def test_a_database_dump_holds_nothing_a_case_s_people_wrote() -> None:
    """Letters, acknowledgements, requests for changes and notes are sealed like drafts."""
    from amends.cases.models import Case
    from amends.cases.tests.conftest import Walk, open_profile, post
    from amends.testing import personas

    operator = personas.operator()
    institution = personas.institution(operator)
    admin = personas.institution_admin(operator, institution)
    open_profile(admin, institution)
    facilitator = personas.facilitator(admin, institution)
    response = post(
        facilitator.client, "/cases/refer/", {"institution": institution.slug, "kind": "harassment"}
    )
    case = Case.objects.get(pk=response["Location"].rstrip("/").split("/")[-1])
    walk = Walk(facilitator, personas.responsible_party(), personas.harmed_party(), case)
    walk.to_responsible_preparation()
    post(
        walk.responsible.client,
        walk.url + "responsibility/",
        {"text": CASE_MARKERS["acknowledgement"]},
    )
    letter_id = walk.write(walk.responsible, f"I am sorry. {CASE_MARKERS['letter']}")
    post(walk.facilitator.client, walk.url + "notes/", {"text": CASE_MARKERS["note"]})
    page = walk.facilitator.client.get(walk.url).content.decode()
    for name in ("acknowledgement", "note", "letter"):
        assert CASE_MARKERS[name] in page, name
    walk.relay(letter_id, "ask_changes", feedback=CASE_MARKERS["feedback"])
    letter_page = walk.responsible.client.get(f"/cases/letters/{letter_id}/").content.decode()
    assert CASE_MARKERS["feedback"] in letter_page
    image = database_image(Path())
    assert str(case.id).encode() in image or str(case.id).replace("-", "").encode() in image
    for name, marker in CASE_MARKERS.items():
        assert marker.encode() not in image, name
