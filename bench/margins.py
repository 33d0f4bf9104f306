"""The margin of every threshold in Settings: nearest true and false cases on all pairs.

For each setting, the values of the cases it must keep apart, measured on the
fixture pairs (their gold and hand alignments) and on the real gold pairs
(bench/real/, when their texts are present):

- link_threshold / second_link_cosine / sentence_link: section and sentence
  scores of true and false links;
- fact_sentence_cosine: the sentence cosine of planted fact differences and of
  every other fact pair the links would compare;
- sentence_threshold: best cross-language cosine of planted topic sentences and
  of the covered sentences nearest them;
- ngo_max_edits: edits between spellings of one NGO and between near neighbours;
- topic_min_words / topic_cognate_share: content words, and the share of them with
  a cognate in the counterpart, of every passage that could become a topic flag
  (planted = named by a fixture's or held-out pair's gold);
- unitless_number_cosine: the sentence cosine of every pair of unit-less counts
  that could be compared (planted = in a gold's number differences).

    .venv/bin/python bench/margins.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench" / "real"))
sys.path.insert(0, str(ROOT / "tests"))

from hrc_report.align import BODY, score_matrix  # noqa: E402
from hrc_report.names import load_index  # noqa: E402
from hrc_report.normalise import name_key  # noqa: E402
from hrc_report.pipeline import compare  # noqa: E402
from hrc_report.settings import DEFAULT  # noqa: E402

CASES = ROOT / "fixtures" / "cases"
HELDOUT = ROOT / "fixtures" / "heldout"


def _fixture_links(folder, comparison):
    data = json.loads((folder / "alignment.json").read_text("utf-8"))

    def find(lang, start):
        return next(s.id for s in comparison.sections[lang] if s.text.startswith(start))

    return {(find("en", link["en_starts"]), find("fr", fr)) for link in data["links"] for fr in link["fr_starts"]}


def _section_scores():
    """(score, cosine, is true link) for every body section pair of the fixture pairs."""
    rows = []
    for folder in sorted(CASES.iterdir()):
        if not (folder / "alignment.json").is_file():
            continue
        comparison = compare(folder / "en.txt", folder / "fr.txt")
        gold = _fixture_links(folder, comparison)
        en = [s for s in comparison.sections["en"] if s.kind == BODY]
        fr = [s for s in comparison.sections["fr"] if s.kind == BODY]
        score, cos, _, _ = score_matrix(en, fr)
        for i, a in enumerate(en):
            for j, b in enumerate(fr):
                rows.append((float(score[i, j]), float(cos[i, j]), (a.id, b.id) in gold,
                             score[i].argmax() == j or score[:, j].argmax() == i,
                             score[i].argmax() == j and score[:, j].argmax() == i))
    return rows


def _line(name, value, true_side, false_side, higher_is_true=True):
    def fmt(values):
        return f"{values:.3f}" if values is not None else "—"
    nearest_true = (min(true_side) if higher_is_true else max(true_side)) if true_side else None
    nearest_false = (max(false_side) if higher_is_true else min(false_side)) if false_side else None
    print(f"{name:24} {value:>7}   nearest true {fmt(nearest_true):>7}   nearest false {fmt(nearest_false):>7}")


def main() -> int:
    rows = _section_scores()
    links = [r for r in rows if r[2]]
    others = [r for r in rows if not r[2]]
    print("setting                    value   (fixture pairs; true = in the hand alignment)")
    _line("link_threshold (best)", DEFAULT.link_threshold,
          [r[0] for r in links if r[3]], [r[0] for r in others if r[3]])
    # mutual best matches under the link threshold: the ones mutual_link decides
    sys.path.insert(0, str(ROOT / "bench"))
    from real_alignment import section_rows

    decided = [(r[0], r[2]) for r in rows if r[4]] + [
        (score, true) for score, mutual, true in section_rows() if mutual]
    decided = [(score, true) for score, true in decided if score < DEFAULT.link_threshold]
    # true and false cases overlap here: say how many of each the value lets through
    above = [true for score, true in decided if score >= DEFAULT.mutual_link]
    below = [true for score, true in decided if score < DEFAULT.mutual_link]
    print(f"{'mutual_link (+ real)':24} {DEFAULT.mutual_link:>7}   mutual best matches under link_threshold: "
          f"linked {sum(above)} true, {len(above) - sum(above)} false; left {sum(below)} true, {len(below) - sum(below)} false")
    _line("second_link_cosine", DEFAULT.second_link_cosine,
          [r[1] for r in links if not r[3] and r[0] >= DEFAULT.link_threshold],
          [r[1] for r in others if not r[3] and r[0] >= DEFAULT.link_threshold])

    # facts: the sentence cosine of every pair of differing facts that linked
    # sections hold. On the fixtures every such pair is a planted difference
    # (bench/evaluate.py: coverage precision 1.00); on the real excerpts none is.
    import hrc_report.coverage as coverage

    compared = {"fixtures": [], "real": []}
    original = coverage._same_statement

    def spy(a, x, b, y, alignment, settings):
        i = next((n for n, s in enumerate(a.sentences) if x.text in s), None)
        j = next((n for n, s in enumerate(b.sentences) if y.text in s), None)
        if a.kind == BODY and b.kind == BODY and i is not None and j is not None:
            compared[where].append(alignment.sentence_cosine((a.id, i), (b.id, j)))
        return original(a, x, b, y, alignment, settings)

    coverage._same_statement = spy
    try:
        where = "fixtures"
        for folder in sorted(p for p in CASES.iterdir() if (p / "gold.json").is_file()):
            compare(folder / "en.txt", folder / "fr.txt")
        where = "real"
        for page in sorted((ROOT / "bench" / "real" / "pages").glob("*.en.txt")):
            compare(page, page.with_name(page.name.replace(".en.", ".fr.")), force=True)
    finally:
        coverage._same_statement = original
    _line("fact_sentence_cosine", DEFAULT.fact_sentence_cosine, compared["fixtures"], compared["real"])

    _topic_and_count_margins()

    index = load_index()
    from test_names import NEAR_NEIGHBOURS  # the near-neighbour pairs the tests hold

    from rapidfuzz.distance import Levenshtein

    gold = json.loads((CASES / "hrc54-item10" / "gold.json").read_text("utf-8"))
    same = [
        Levenshtein.distance(name_key(n), name_key(n.replace("'", "’").replace(" - ", " ").replace("Organization", "Organisation").replace("Centre", "Center")))
        for n, _ in gold["ngo_pairs"]
    ]
    different = [Levenshtein.distance(name_key(a), name_key(b)) for a, b in NEAR_NEIGHBOURS]
    _line("ngo_max_edits", DEFAULT.ngo_max_edits, same, different, higher_is_true=False)
    print(f"(index holds {len(index.names)} ids; real-gold link figures: bench/real_alignment.py)")
    return 0


def _spaced(text: str) -> str:
    """No-break spaces (French thousands) as plain ones."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def _topic_and_count_margins() -> None:
    """Spy on the coverage stage's two last gates over every gold pair and real page."""

    import hrc_report.coverage as coverage

    topics, counts = [], []
    planted_words: list[str] = []
    planted_numbers: list[tuple[str, str]] = []
    original_topic, original_counts = coverage._is_topic, coverage._unitless_numbers

    def topic_spy(text, counterpart, settings):
        words = coverage._content_words(text)
        stems = {coverage.cognate_stem(w) for w in coverage._content_words(counterpart, 0)}
        share = sum(1 for w in words if coverage.cognate_stem(w) in stems) / len(words) if words else 0.0
        topics.append((len(words), share, any(k in text.lower() for k in planted_words)))
        return original_topic(text, counterpart, settings)

    def counts_spy(a, b, alignment, settings):
        for i, j, x, y in coverage.count_pairs(a, b):
            cosine = alignment.sentence_cosine((a.id, i), (b.id, j))
            counts.append((cosine, any(_spaced(x.text) in _spaced(en) and _spaced(y.text) in _spaced(fr)
                                       for en, fr in planted_numbers)))
        return original_counts(a, b, alignment, settings)

    coverage._is_topic, coverage._unitless_numbers = topic_spy, counts_spy
    try:
        for folder in [p for root in (CASES, HELDOUT) for p in sorted(root.iterdir()) if (p / "gold.json").is_file()]:
            gold = json.loads((folder / "gold.json").read_text("utf-8"))
            planted_words[:] = [k.lower() for p in gold["coverage"] if p["kind"] == "topic" for k in p.get("keywords", [])]
            # a gold's sentence may be shortened with "...": each side is matched whole
            # (a number said in one version only has no sentence on the other side)
            planted_numbers[:] = [(p["en"].replace("...", " "), p["fr"].replace("...", " "))
                                  for p in gold["coverage"] if p["kind"] == "number" and p["en"] and p["fr"]]
            compare(folder / "en.txt", folder / "fr.txt")
        planted_words[:], planted_numbers[:] = [], []
        for page in sorted((ROOT / "bench" / "real" / "pages").glob("*.en.txt")):
            compare(page, page.with_name(page.name.replace(".en.", ".fr.")), force=True)
    finally:
        coverage._is_topic, coverage._unitless_numbers = original_topic, original_counts
    print("(below: passages and counts of the fixture and held-out pairs and the real pages; planted = in a gold)")
    planted = sorted(n for n, _, p in topics if p)
    short = sorted(n for n, _, p in topics if not p and n < DEFAULT.topic_min_words)
    print(f"{'topic_min_words':24} {DEFAULT.topic_min_words:>7}   planted topics from {planted[0] if planted else '—'} words; "
          f"withheld as too short: {short}")
    shares = sorted(round(s, 2) for n, s, p in topics if p)
    withheld = sorted(round(s, 2) for n, s, p in topics if not p and n >= DEFAULT.topic_min_words and s >= DEFAULT.topic_cognate_share)
    print(f"{'topic_cognate_share':24} {DEFAULT.topic_cognate_share:>7}   planted topics' shares up to {shares[-1] if shares else '—'}; "
          f"withheld as covered: {withheld}")
    _line("unitless_number_cosine", DEFAULT.unitless_number_cosine, [c for c, p in counts if p], [c for c, p in counts if not p])


if __name__ == "__main__":
    sys.exit(main())
