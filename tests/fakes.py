"""A small deterministic stand-in for the sentence encoder, for tests where the
encoder is not what is checked (robustness on damaged input, the digest's mail).

It embeds a sentence as its hashed character trigrams: the same sentence gives
the same vector, similar spellings give close vectors, and it starts in no time.
Accuracy tests keep the real encoder.
"""

from __future__ import annotations

import contextlib
import zlib

import numpy as np

DIMENSIONS = 512


class FakeEncoder:
    def encode(self, sentences):
        vectors = np.zeros((len(sentences), DIMENSIONS), dtype=np.float32)
        for row, sentence in enumerate(sentences):
            text = f"  {sentence.lower()}  "
            for i in range(len(text) - 2):
                vectors[row, zlib.crc32(text[i:i + 3].encode("utf-8")) % DIMENSIONS] += 1.0
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.where(norms == 0, 1.0, norms)


@contextlib.contextmanager
def fake_encoder():
    """Align with the fake encoder inside the block (the stage reads ``align.encoder``)."""
    from hrc_report import align

    real = align.encoder
    align.encoder = lambda: FakeEncoder()
    try:
        yield
    finally:
        align.encoder = real
