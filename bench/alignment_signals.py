"""Each alignment signal's contribution, measured on a pair's hand alignment.

Usage: python bench/alignment_signals.py [fixtures/cases/hrc54-item10]

For each combination of signals: top-1 accuracy (is a section's best-scoring
counterpart a true one?) in both directions, and precision/recall of the
links that align_sections would make with that combination.
"""

from __future__ import annotations

import json
import sys
from itertools import combinations
from pathlib import Path

import numpy as np

from hrc_report import align
from hrc_report.names import load_index
from hrc_report.pipeline import parse_file

ROOT = Path(__file__).resolve().parent.parent


def gold_pairs(case: Path, en, fr):
    data = json.loads((case / "alignment.json").read_text("utf-8"))
    def find(sections, start):
        hits = [s.id for s in sections if s.text.startswith(start)]
        assert len(hits) == 1, start
        return hits[0]
    pairs = set()
    for link in data["links"]:
        for fr_start in link["fr_starts"]:
            pairs.add((find(en, link["en_starts"]), find(fr, fr_start)))
    return pairs


def main() -> None:
    case = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "fixtures" / "cases" / "hrc54-item10"
    index = load_index()
    en = align.build_sections(parse_file(case / "en.txt"), index)
    fr = align.build_sections(parse_file(case / "fr.txt"), index)
    gold = gold_pairs(case, en, fr)
    en_body = [s for s in en if s.kind == align.BODY]
    fr_body = [s for s in fr if s.kind == align.BODY]
    gold_body = {(a, b) for a, b in gold if a in {s.id for s in en_body}}
    names = ("cosine", "anchors", "vocabulary")
    print(f"{len(en_body)} EN and {len(fr_body)} FR body sections, {len(gold_body)} true links")
    print(f"{'signals':<28}{'EN top-1':>10}{'FR top-1':>10}{'precision':>11}{'recall':>8}{'min true':>10}{'max false':>11}")
    for size in (1, 2, 3):
        for signals in combinations(names, size):
            score, *_ = align.score_matrix(en_body, fr_body, signals)
            en_matched = {a for a, _ in gold_body}
            fr_matched = {b for _, b in gold_body}
            en_top = sum((s.id, fr_body[int(score[i].argmax())].id) in gold_body for i, s in enumerate(en_body) if s.id in en_matched)
            fr_top = sum((en_body[int(score[:, j].argmax())].id, s.id) in gold_body for j, s in enumerate(fr_body) if s.id in fr_matched)
            pairs = set()
            for i in range(len(en_body)):
                best = score[i].max()
                pairs |= {(i, j) for j in range(len(fr_body)) if score[i, j] >= max(align.LINK_THRESHOLD, best - align.MARGIN)}
            for j in range(len(fr_body)):
                best = score[:, j].max()
                pairs |= {(i, j) for i in range(len(en_body)) if score[i, j] >= max(align.LINK_THRESHOLD, best - align.MARGIN)}
            made = {(en_body[i].id, fr_body[j].id) for i, j in pairs}
            true = [score[i, j] for i, a in enumerate(en_body) for j, b in enumerate(fr_body) if (a.id, b.id) in gold_body]
            false = [score[i, j] for i, a in enumerate(en_body) for j, b in enumerate(fr_body) if (a.id, b.id) not in gold_body]
            precision = len(made & gold_body) / len(made) if made else 0.0
            recall = len(made & gold_body) / len(gold_body)
            print(f"{'+'.join(signals):<28}{en_top:>6}/{len(en_matched):<3}{fr_top:>6}/{len(fr_matched):<3}{precision:>11.2f}{recall:>8.2f}{min(true):>10.3f}{max(false):>11.3f}")


if __name__ == "__main__":
    main()
