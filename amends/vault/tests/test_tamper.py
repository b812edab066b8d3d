"""Stored blobs with any bit flipped, or moved to another row, field or item, fail.

Hypothesis picks the bit and the destination; each example alters the database
row, checks that opening fails closed, and puts the row back.
"""

from __future__ import annotations

import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from amends.testing.personas import Persona
from amends.vault import api
from amends.vault.models import PrivateText, ReaderKey

pytestmark = pytest.mark.django_db

MARKER = "marker-draft-version-three"
ROW = str(uuid.uuid4())
BINDING = api.Binding(model="statements.StatementVersion", row=ROW, field="content")

db_examples = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def flipped(blob: bytes, index: int, bit: int) -> bytes:
    damaged = bytearray(blob)
    damaged[index % len(damaged)] ^= 1 << bit
    return bytes(damaged)


@db_examples
@given(index=st.integers(min_value=0), bit=st.integers(min_value=0, max_value=7))
def test_any_flipped_bit_of_stored_ciphertext_fails(
    responsible: Persona, index: int, bit: int
) -> None:
    holder = responsible.holder()
    item = api.seal_text(holder, BINDING, MARKER)
    PrivateText.objects.filter(pk=item.pk).update(
        ciphertext=flipped(bytes(item.ciphertext), index, bit)
    )
    with pytest.raises(api.DecryptionFailed):
        api.open_text(holder, PrivateText.objects.get(pk=item.pk), BINDING)
    api.destroy_text(item)


@db_examples
@given(index=st.integers(min_value=0), bit=st.integers(min_value=0, max_value=7))
def test_any_flipped_bit_of_a_stored_wrapped_key_fails(
    responsible: Persona, index: int, bit: int
) -> None:
    holder = responsible.holder()
    item = api.seal_text(holder, BINDING, MARKER)
    reader_key = ReaderKey.objects.get(item=item)
    ReaderKey.objects.filter(pk=reader_key.pk).update(
        wrapped_key=flipped(bytes(reader_key.wrapped_key), index, bit)
    )
    with pytest.raises(api.DecryptionFailed):
        api.open_text(holder, item, BINDING)
    api.destroy_text(item)


bindings = st.builds(
    api.Binding,
    model=st.sampled_from(["reflections.Answer", "statements.StatementVersion", "cases.Note"]),
    row=st.one_of(st.just(ROW), st.uuids().map(str)),
    field=st.sampled_from(["text", "content", "note"]),
)


@db_examples
@given(other=bindings)
def test_a_text_opens_only_at_its_own_model_row_and_field(
    responsible: Persona, other: api.Binding
) -> None:
    holder = responsible.holder()
    item = api.seal_text(holder, BINDING, MARKER)
    if other == BINDING:
        assert api.open_text(holder, item, other) == MARKER
    else:
        with pytest.raises(api.DecryptionFailed):
            api.open_text(holder, item, other)
        # Relabelling the stored binding to match does not help: the AEAD refuses.
        PrivateText.objects.filter(pk=item.pk).update(
            bound_model=other.model, bound_row=other.row, bound_field=other.field
        )
        with pytest.raises(api.DecryptionFailed):
            api.open_text(holder, PrivateText.objects.get(pk=item.pk), other)
    api.destroy_text(item)


@db_examples
@given(other=bindings, move_key=st.booleans())
def test_ciphertext_swapped_into_another_item_fails(
    responsible: Persona, other: api.Binding, move_key: bool
) -> None:
    holder = responsible.holder()
    source = api.seal_text(holder, BINDING, MARKER)
    target_binding = api.Binding(other.model, other.row + "-target", other.field)
    target = api.seal_text(holder, target_binding, "the target's own text")
    PrivateText.objects.filter(pk=target.pk).update(ciphertext=source.ciphertext)
    if move_key:
        # The attacker moves the wrapped key along with the ciphertext.
        source_key = ReaderKey.objects.get(item=source)
        ReaderKey.objects.filter(item=target).update(wrapped_key=source_key.wrapped_key)
    with pytest.raises(api.DecryptionFailed):
        api.open_text(holder, PrivateText.objects.get(pk=target.pk), target_binding)
    api.destroy_text(source)
    api.destroy_text(target)


def test_a_wrapped_key_moved_to_another_reader_fails(harmed: Persona, facilitator: Persona) -> None:
    holder = harmed.holder()
    item = api.seal_text(holder, BINDING, MARKER)
    api.grant(holder, item, facilitator.member)
    own = ReaderKey.objects.get(item=item, reader=harmed.member)
    ReaderKey.objects.filter(item=item, reader=facilitator.member).update(
        wrapped_key=own.wrapped_key
    )
    with pytest.raises(api.DecryptionFailed):
        api.open_text(facilitator.holder(), item, BINDING)


@db_examples
@given(text=st.text(max_size=3000))
def test_any_text_round_trips_through_the_database(responsible: Persona, text: str) -> None:
    holder = responsible.holder()
    item = api.seal_text(holder, BINDING, text)
    assert api.open_text(holder, PrivateText.objects.get(pk=item.pk), BINDING) == text
    api.destroy_text(item)
