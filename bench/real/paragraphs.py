"""How the real-page gold names paragraphs: split a page's text into paragraphs and fingerprint each.

A paragraph is a run of non-blank lines (a line holding only white space, no-break
spaces included, is blank), joined by single spaces. Its fingerprint is the first
12 hex digits of the SHA-1 of its NFC text with all white space folded to one
space. Gold files name paragraphs by fingerprint, so no page text is committed.
"""

from __future__ import annotations

import hashlib
import re
import sys
import unicodedata

_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def paragraphs(text: str) -> list[str]:
    out, run = [], []
    for line in text.splitlines():
        if normalise(line):
            run.append(line)
        elif run:
            out.append(normalise(" ".join(run)))
            run = []
    if run:
        out.append(normalise(" ".join(run)))
    return out


def fingerprint(paragraph: str) -> str:
    return hashlib.sha1(normalise(paragraph).encode("utf-8")).hexdigest()[:12]


if __name__ == "__main__":  # python bench/real/paragraphs.py FILE: number, fingerprint, first words
    for n, para in enumerate(paragraphs(open(sys.argv[1], encoding="utf-8").read())):
        print(f"{n}\t{fingerprint(para)}\t{para[:70]}")
