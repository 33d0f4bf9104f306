"""Each alignment signal's contribution, measured on a pair's hand alignment.

Usage: python bench/alignment_signals.py [CASE_FOLDER ...]   (default: every case with an alignment.json)

For each combination of signals, over all the cases together: top-1 accuracy
(is a section's best-scoring counterpart a true one?) in both directions, and
precision/recall of the links that align_sections would make with that
combination; with the lowest true and highest false pair score.
"""

from __future__ import annotations

import json
import sys
from itertools import combinations
from pathlib import Path

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
    cases = [Path(a) for a in sys.argv[1:]] or sorted(p.parent for p in (ROOT / "fixtures" / "cases").glob("*/alignment.json"))
    index = load_index()
    loaded = []
    for case in cases:
        en = align.build_sections(parse_file(case / "en.txt"), index)
        fr = align.build_sections(parse_file(case / "fr.txt"), index)
        gold = gold_pairs(case, en, fr)
        en_body = [s for s in en if s.kind == align.BODY]
        fr_body = [s for s in fr if s.kind == align.BODY]
        ids = {s.id for s in en_body}
        loaded.append((en_body, fr_body, {(a, b) for a, b in gold if a in ids}))
    print(f"{len(cases)} pairs: {', '.join(c.name for c in cases)}; "
          f"{sum(len(e) for e, _, _ in loaded)} EN and {sum(len(f) for _, f, _ in loaded)} FR body sections, "
          f"{sum(len(g) for _, _, g in loaded)} true links")
    print(f"{'signals':<28}{'EN top-1':>10}{'FR top-1':>10}{'precision':>11}{'recall':>8}{'min true':>10}{'max false':>11}")
    for size in (1, 2, 3):
        for signals in combinations(("cosine", "anchors", "vocabulary"), size):
            en_top = fr_top = en_n = fr_n = made_true = made_all = gold_all = 0
            true, false = [], []
            for en_body, fr_body, gold in loaded:
                score, *_ = align.score_matrix(en_body, fr_body, signals)
                en_matched = {a for a, _ in gold}
                fr_matched = {b for _, b in gold}
                en_n += len(en_matched)
                fr_n += len(fr_matched)
                en_top += sum((s.id, fr_body[int(score[i].argmax())].id) in gold for i, s in enumerate(en_body) if s.id in en_matched)
                fr_top += sum((en_body[int(score[:, j].argmax())].id, s.id) in gold for j, s in enumerate(fr_body) if s.id in fr_matched)
                made = {(en_body[i].id, fr_body[j].id) for i, j in align.select_links(score)}
                made_true += len(made & gold)
                made_all += len(made)
                gold_all += len(gold)
                true += [score[i, j] for i, a in enumerate(en_body) for j, b in enumerate(fr_body) if (a.id, b.id) in gold]
                false += [score[i, j] for i, a in enumerate(en_body) for j, b in enumerate(fr_body) if (a.id, b.id) not in gold]
            precision = made_true / made_all if made_all else 0.0
            print(f"{'+'.join(signals):<28}{en_top:>6}/{en_n:<3}{fr_top:>6}/{fr_n:<3}{precision:>11.2f}{made_true / gold_all:>8.2f}"
                  f"{min(true):>10.3f}{max(false):>11.3f}")
    # the whole of align_sections: every way to a link (the table above is the score threshold alone)
    made_true = made_all = gold_all = 0
    for en_body, fr_body, gold in loaded:
        made = {(link.en, link.fr) for link in align.align_sections(en_body, fr_body).links}
        made_true, made_all, gold_all = made_true + len(made & gold), made_all + len(made), gold_all + len(gold)
    print(f"align_sections: precision {made_true / made_all:.2f} ({made_true}/{made_all}), "
          f"recall {made_true / gold_all:.2f} ({made_true}/{gold_all})")


if __name__ == "__main__":
    main()
