"""The built-in embedding model: lexical feature hashing, deterministic and offline.

Each text is lower-cased and split into words; every word, and every character trigram of
every word (padded with spaces, so ``cat`` gives `` ca``, ``cat``, ``at ``), is hashed (BLAKE2b)
to a bucket and a sign. A feature adds ``1 + log(count)`` at its bucket with its sign, words
counting twice as much as trigrams; the vector is then normalized to length 1. Texts that share
words and word pieces point the same way; meaning is not modelled (synonyms are not close).
"""

from __future__ import annotations

import base64
import math
import re
import sys
from array import array
from collections import Counter
from hashlib import blake2b

__all__ = ["DEFAULT_DIMENSIONS", "embed", "encode_base64", "token_count"]

DEFAULT_DIMENSIONS = 256
_WORD = re.compile(r"\w+")
_WORD_WEIGHT = 2.0
_TRIGRAM_WEIGHT = 1.0


def _features(text: str) -> Counter[tuple[str, str]]:
    features: Counter[tuple[str, str]] = Counter()
    for word in _WORD.findall(text.lower()):
        features["w", word] += 1
        padded = f" {word} "
        for start in range(len(padded) - 2):
            features["t", padded[start : start + 3]] += 1
    return features


def _bucket(kind: str, feature: str, dimensions: int) -> tuple[int, float]:
    digest = blake2b(f"{kind}:{feature}".encode(), digest_size=8).digest()
    value = int.from_bytes(digest, "little")
    return (value >> 1) % dimensions, (1.0 if value & 1 else -1.0)


def embed(text: str, dimensions: int = DEFAULT_DIMENSIONS) -> list[float]:
    """The unit vector of ``text`` in ``dimensions`` buckets (all zeros for text without words)."""
    vector = [0.0] * dimensions
    for (kind, feature), count in _features(text).items():
        index, sign = _bucket(kind, feature, dimensions)
        weight = _WORD_WEIGHT if kind == "w" else _TRIGRAM_WEIGHT
        vector[index] += sign * weight * (1.0 + math.log(count))
    norm = math.sqrt(sum(value * value for value in vector))
    if norm == 0.0:
        return vector
    # Rounded through float32, as the base64 encoding sends it: both encodings agree.
    return array("f", [value / norm for value in vector]).tolist()


def encode_base64(vector: list[float]) -> str:
    """The vector as little-endian float32 bytes in base64, as OpenAI sends it."""
    packed = array("f", vector)
    if packed.itemsize != 4:  # pragma: no cover - every platform CPython runs on has it
        raise RuntimeError("float32 is not 4 bytes here")
    if sys.byteorder == "big":  # pragma: no cover
        packed.byteswap()
    return base64.b64encode(packed.tobytes()).decode("ascii")


def token_count(text: str) -> int:
    """Tokens of a text, as this server counts them: its words."""
    return len(text.split())
