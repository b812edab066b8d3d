"""The numpy encoder reproduces all-MiniLM-L6-v2 as transformers runs it.

The reference numbers were computed once with transformers' BertModel and the same
weights (mean pooling, unit length); they are written here so that this test needs no
PyTorch."""

from __future__ import annotations

import numpy as np

from amends.coach.encoder import DIMENSIONS, embed, get_encoder

REFERENCE: dict[str, list[float]] = {
    "What you did was cruel, and I'm angry.": [
        0.032799,
        0.029375,
        0.046769,
        -0.030982,
        0.035382,
        -0.032294,
        -0.009605,
        0.083739,
    ],
    "Watch your back.": [
        0.053963,
        -0.112049,
        0.005097,
        -0.008436,
        0.061965,
        0.042758,
        0.006111,
        -0.01891,
    ],
}


def test_tokenizer_splits_as_bert_does() -> None:
    tokenizer = get_encoder().tokenizer
    ids = tokenizer.encode("Café owners' reviews!")
    vocab = {i: w for w, i in tokenizer.vocab.items()}
    assert [vocab[i] for i in ids] == ["[CLS]", "cafe", "owners", "'", "reviews", "!", "[SEP]"]


def test_embeddings_are_unit_length_and_deterministic() -> None:
    a = get_encoder().encode("You knew she said no.")
    b = get_encoder().encode("You knew she said no.")
    assert a.shape == (DIMENSIONS,)
    assert abs(float(np.linalg.norm(a)) - 1.0) < 1e-5
    assert np.array_equal(a, b)


def test_embeddings_match_the_reference_model() -> None:
    for text, head in REFERENCE.items():
        assert np.allclose(embed(text)[: len(head)], head, atol=1e-4), text


def test_sentences_that_mean_the_same_lie_closer_than_those_that_do_not() -> None:
    threat = embed("I will find you and make you pay.")
    veiled = embed("One day you'll see me at your door, and you'll be sorry.")
    support = embed("Thank you for writing this; I hope she is doing well.")
    assert float(threat @ veiled) > float(threat @ support)
