"""Dated receipts: they verify for the exact text and date, and fail for any change."""

from __future__ import annotations

import base64
import datetime
import json
import subprocess
from io import StringIO
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection

from amends.impact import receipts
from amends.impact.models import ImpactVersion
from amends.impact.tests.helpers import TEXT, write
from amends.testing.personas import Persona

DATED = datetime.datetime(2026, 5, 3, 14, 22, 7, 123456, tzinfo=datetime.UTC)
KEY = receipts.SigningKey("t1", Ed25519PrivateKey.from_private_bytes(bytes(range(32))))
OTHER_KEY = receipts.SigningKey("t1", Ed25519PrivateKey.from_private_bytes(bytes(32)))


def altered(receipt: receipts.Receipt, **changes: str) -> receipts.Receipt:
    document = json.loads(receipt.to_json())
    document.update(changes)
    return receipts.Receipt.from_json(json.dumps(document))


# The format, without a database ----------------------------------------------------


def test_a_receipt_verifies_for_its_text() -> None:
    receipt = receipts.sign(KEY, TEXT, DATED)
    receipts.verify(receipts.Receipt.from_json(receipt.to_json()), TEXT, [KEY.public])
    assert receipt.dated == DATED.replace(microsecond=0)


@pytest.mark.parametrize(
    "changed",
    [
        TEXT.replace("choir", "chorus"),
        TEXT + " And one more sentence.",
        TEXT.replace("\n", " "),
        " " + TEXT,
        TEXT.upper(),
        "",
    ],
)
def test_a_changed_text_fails(changed: str) -> None:
    receipt = receipts.sign(KEY, TEXT, DATED)
    with pytest.raises(receipts.ReceiptError, match="not the text it was given for"):
        receipts.verify(receipt, changed, [KEY.public])


def test_line_endings_and_a_final_newline_do_not_count() -> None:
    receipt = receipts.sign(KEY, TEXT, DATED)
    for same in (TEXT.replace("\n", "\r\n"), TEXT + "\n", TEXT + "\r\n\r\n  ", "\ufeff" + TEXT):
        receipts.verify(receipt, same, [KEY.public])


def test_a_changed_date_fails() -> None:
    receipt = altered(receipts.sign(KEY, TEXT, DATED), dated="2026-05-02T14:22:07Z")
    with pytest.raises(receipts.ReceiptError, match="signature does not match"):
        receipts.verify(receipt, TEXT, [KEY.public])


def test_a_digest_swapped_for_another_texts_fails() -> None:
    other = receipts.digest_of("Another text altogether.").hex()
    receipt = altered(receipts.sign(KEY, TEXT, DATED), digest=f"sha256:{other}")
    with pytest.raises(receipts.ReceiptError, match="signature does not match"):
        receipts.verify(receipt, "Another text altogether.", [KEY.public])


def test_a_changed_signature_fails() -> None:
    receipt = receipts.sign(KEY, TEXT, DATED)
    for position in (0, 31, 63):
        flipped = bytearray(receipt.signature)
        flipped[position] ^= 0x01
        forged = altered(
            receipt, signature=base64.urlsafe_b64encode(bytes(flipped)).decode().rstrip("=")
        )
        with pytest.raises(receipts.ReceiptError, match="signature does not match"):
            receipts.verify(forged, TEXT, [KEY.public])


def test_a_receipt_signed_by_another_key_with_the_same_id_fails() -> None:
    receipt = receipts.sign(OTHER_KEY, TEXT, DATED)
    with pytest.raises(receipts.ReceiptError, match="signature does not match"):
        receipts.verify(receipt, TEXT, [KEY.public])


def test_a_receipt_naming_an_unknown_key_fails() -> None:
    receipt = altered(receipts.sign(KEY, TEXT, DATED), key="elsewhere")
    with pytest.raises(receipts.ReceiptError, match="not one of this Amends"):
        receipts.verify(receipt, TEXT, [KEY.public])


@pytest.mark.parametrize(
    "document",
    [
        "not json at all",
        "[]",
        '{"receipt": "something else"}',
        '{"receipt": "amends receipt 1", "digest": "sha256:00", "dated": "x", "key": "t1", "signature": ""}',
        "{" + " " * 5000 + "}",
    ],
)
def test_what_is_not_a_receipt_is_refused_plainly(document: str) -> None:
    with pytest.raises(receipts.ReceiptError):
        receipts.Receipt.from_json(document)


def test_the_signed_message_is_what_docs_receipts_md_says() -> None:
    """Anyone may check a receipt with other tools: the message must stay as documented."""
    receipt = receipts.sign(KEY, "hello", DATED)
    message = receipts.signed_message(receipt.digest, receipt.dated, receipt.key_id)
    assert message == (
        b"amends receipt 1\n"
        b"digest: sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824\n"
        b"dated: 2026-05-03T14:22:07Z\n"
        b"key: t1\n"
    )
    KEY.public.key.verify(receipt.signature, message)


def test_openssl_checks_a_receipt_with_the_published_key(tmp_path: Path) -> None:
    """A receipt can be checked without Amends at all, with the PEM the page publishes."""
    receipt = receipts.sign(KEY, TEXT, DATED)
    (tmp_path / "key.pem").write_text(KEY.public.pem)
    (tmp_path / "message").write_bytes(
        receipts.signed_message(receipts.digest_of(TEXT), receipt.dated, receipt.key_id)
    )
    (tmp_path / "signature").write_bytes(receipt.signature)
    command = ["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "key.pem", "-rawin",
               "-in", "message", "-sigfile", "signature"]  # fmt: skip
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
    if "rawin" in result.stderr and "unknown option" in result.stderr.lower():
        pytest.skip("this openssl is older than 3.0")
    assert result.returncode == 0, result.stderr
    (tmp_path / "message").write_bytes(
        receipts.signed_message(receipts.digest_of("changed"), receipt.dated, receipt.key_id)
    )
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode != 0


# Through Amends ---------------------------------------------------------------------


@pytest.fixture
def downloaded(harmed: Persona, db: None) -> tuple[bytes, bytes]:
    """The receipt and the text, as the member downloads them."""
    url = write(harmed)
    response = harmed.client.post(url + "versions/1/receipt/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == "application/json"
    text = harmed.client.get(url + "versions/1/text/")
    assert text["Content-Disposition"].startswith("attachment;")
    return response.content, text.content


@pytest.mark.django_db
def test_the_downloaded_text_is_exactly_what_the_receipt_covers(downloaded) -> None:
    receipt_bytes, text_bytes = downloaded
    receipt = receipts.Receipt.from_json(receipt_bytes)
    import hashlib

    # `sha256sum` of the downloaded file gives the receipt's digest.
    assert hashlib.sha256(text_bytes).digest() == receipt.digest
    assert text_bytes.decode() == TEXT
    version = ImpactVersion.objects.get()
    assert receipt.dated == version.saved.replace(microsecond=0)
    receipts.verify(receipt, text_bytes.decode(), receipts.public_keys())


@pytest.mark.django_db
def test_the_receipt_says_nothing_about_the_member(downloaded, harmed: Persona) -> None:
    receipt_bytes, _ = downloaded
    document = json.loads(receipt_bytes)
    assert set(document) == {"receipt", "about", "digest", "dated", "key", "signature"}
    for value in (str(harmed.member.pk), harmed.secret, "choir"):
        assert value not in receipt_bytes.decode()


@pytest.mark.django_db
def test_no_table_holds_the_digest_or_the_signature(downloaded) -> None:
    receipt_bytes, _ = downloaded
    receipt = receipts.Receipt.from_json(receipt_bytes)
    document = json.loads(receipt_bytes)
    needles = [
        receipt.digest.hex(),
        receipt.digest.hex().upper(),
        base64.b64encode(receipt.digest).decode(),
        base64.urlsafe_b64encode(receipt.digest).decode().rstrip("="),
        document["signature"],
        base64.b64encode(receipt.signature).decode(),
    ]
    raw = [receipt.digest, receipt.signature]
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        for table in tables:
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            for row in cursor.fetchall():
                for value in row:
                    if isinstance(value, memoryview | bytes | bytearray):
                        assert not any(needle in bytes(value) for needle in raw), table
                    elif value is not None:
                        assert not any(needle in str(value) for needle in needles), table


@pytest.mark.django_db
def test_a_receipt_fixes_its_version(harmed: Persona) -> None:
    url = write(harmed)
    harmed.client.post(url + "autosave/", {"text": "First words."}, HTTP_HX_REQUEST="true")
    number = ImpactVersion.objects.order_by("-number").values_list("number", flat=True)[0]
    receipt = receipts.Receipt.from_json(
        harmed.client.post(url + f"versions/{number}/receipt/").content
    )
    harmed.client.post(
        url + "autosave/", {"text": "First words, then more."}, HTTP_HX_REQUEST="true"
    )
    assert ImpactVersion.objects.count() == number + 1
    kept = harmed.client.get(url + f"versions/{number}/text/").content.decode()
    receipts.verify(receipt, kept, receipts.public_keys())


@pytest.mark.django_db
def test_an_empty_version_gets_no_receipt(harmed: Persona) -> None:
    url = write(harmed, "   ")
    response = harmed.client.post(url + "versions/1/receipt/", follow=True)
    assert "nothing to sign" in response.content.decode()


@pytest.mark.django_db
def test_the_check_page_is_public_and_publishes_the_key(reader) -> None:
    page = reader.get("/receipts/check/")
    assert page.status_code == 200
    html = page.content.decode()
    for key in receipts.public_keys():
        assert key.entry in html
        assert "BEGIN PUBLIC KEY" in html


@pytest.mark.django_db
def test_anyone_checks_a_receipt_by_uploading_both_files(downloaded, reader) -> None:
    receipt_bytes, text_bytes = downloaded
    response = reader.post(
        "/receipts/check/",
        {
            "receipt_file": SimpleUploadedFile("r.json", receipt_bytes),
            "text_file": SimpleUploadedFile("t.txt", text_bytes),
        },
    )
    assert response.status_code == 200
    assert "The receipt is valid." in response.content.decode()


@pytest.mark.django_db
def test_anyone_checks_a_receipt_by_pasting_both(downloaded, reader) -> None:
    receipt_bytes, text_bytes = downloaded
    pasted = text_bytes.decode().replace("\n", "\r\n")  # as a browser sends a textarea
    response = reader.post(
        "/receipts/check/", {"receipt_pasted": receipt_bytes.decode(), "text_pasted": pasted}
    )
    assert "The receipt is valid." in response.content.decode()


@pytest.mark.django_db
def test_the_check_page_says_plainly_when_the_text_changed(downloaded, reader) -> None:
    receipt_bytes, text_bytes = downloaded
    changed = text_bytes.decode().replace("choir", "band")
    response = reader.post(
        "/receipts/check/", {"receipt_pasted": receipt_bytes.decode(), "text_pasted": changed}
    )
    page = response.content.decode()
    assert "The receipt does not hold." in page
    assert "not the text it was given for" in page
    assert "The receipt is valid." not in page


@pytest.mark.django_db
def test_the_check_page_says_plainly_when_the_date_changed(downloaded, reader) -> None:
    receipt_bytes, text_bytes = downloaded
    document = json.loads(receipt_bytes)
    document["dated"] = "2020-01-01T00:00:00Z"
    response = reader.post(
        "/receipts/check/",
        {"receipt_pasted": json.dumps(document), "text_pasted": text_bytes.decode()},
    )
    assert "signature does not match" in response.content.decode()


@pytest.mark.django_db
def test_the_check_page_gives_back_what_was_pasted_when_something_is_missing(reader) -> None:
    response = reader.post("/receipts/check/", {"text_pasted": "Words I want to check."})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Add the receipt" in page
    assert "Words I want to check." in page


@pytest.mark.django_db
def test_the_command_verifies_and_refuses(downloaded, tmp_path: Path) -> None:
    receipt_bytes, text_bytes = downloaded
    (tmp_path / "r.json").write_bytes(receipt_bytes)
    (tmp_path / "t.txt").write_bytes(text_bytes + b"\n")
    out = StringIO()
    call_command("verify_receipt", str(tmp_path / "r.json"), str(tmp_path / "t.txt"), stdout=out)
    assert out.getvalue().startswith("Valid.")

    entry = receipts.public_keys()[0].entry
    out = StringIO()
    call_command(
        "verify_receipt", str(tmp_path / "r.json"), str(tmp_path / "t.txt"),
        "--public-key", entry, stdout=out,
    )  # fmt: skip
    assert out.getvalue().startswith("Valid.")

    (tmp_path / "t.txt").write_bytes(text_bytes.replace(b"choir", b"band"))
    with pytest.raises(CommandError, match="Not valid"):
        call_command("verify_receipt", str(tmp_path / "r.json"), str(tmp_path / "t.txt"))
    other = receipts.SigningKey("dev1", Ed25519PrivateKey.generate()).public.entry
    (tmp_path / "t.txt").write_bytes(text_bytes)
    with pytest.raises(CommandError, match="signature does not match"):
        call_command(
            "verify_receipt", str(tmp_path / "r.json"), str(tmp_path / "t.txt"),
            "--public-key", other,
        )  # fmt: skip
