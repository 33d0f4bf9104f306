"""Score the comparison against the gold of every pair under fixtures/cases/.

In the style of trafilatura's evaluation: run the whole comparison on each
pair, then score each stage against the gold written with the pair, before the
code ran on it:

- header: title, code, part, language (and date where the gold gives one);
- speakers: recall and precision of (list, speaker) per version; the
  "on behalf of" group where the gold names its id;
- mismatches: precision and recall of (list, id, issue);
- coverage: planted differences found (recall) and flags that match nothing
  planted (false flags, which make precision).

    .venv/bin/python bench/evaluate.py            # table per pair, then totals
    .venv/bin/python bench/evaluate.py --cases DIR --json
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from hrc_report.normalise import name_key  # noqa: E402
from hrc_report.pipeline import compare  # noqa: E402
from goldmatch import matches_planted  # noqa: E402

BY_NAME = ("ngos", "others")
#: A gold item that is an id ("nhri:GEO", "un:unicef") rather than a name as written.
ID = re.compile(r"^[a-z]+:\S+$")


@dataclass
class Score:
    found: int = 0
    expected: int = 0
    correct: int = 0
    misses: list = field(default_factory=list)
    extras: list = field(default_factory=list)

    def add(self, expected: set, found: set) -> None:
        self.expected += len(expected)
        self.found += len(found)
        self.correct += len(expected & found)
        self.misses += sorted(map(str, expected - found))
        self.extras += sorted(map(str, found - expected))

    @property
    def recall(self) -> float:
        return self.correct / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 1.0


def _gold_speakers(gold: dict, lang: str) -> set:
    out = set()
    for list_name, items in gold["speakers"].get(lang, {}).items():
        if list_name == "on_behalf":
            continue
        for n, item in enumerate(items):
            out.add((list_name, name_key(item) if list_name in BY_NAME else item))
    return out


def _found_speakers(speakers, gold_lists: dict) -> set:
    out = set()
    for s in speakers:
        # NHRIs and UN bodies may be given by id or by name in the gold: accept either.
        by_name = s.list in BY_NAME and not any(ID.match(x) for x in gold_lists.get(s.list, []))
        out.add((s.list, name_key(s.name) if by_name else s.id))
    return out


def evaluate_case(folder: Path) -> dict:
    gold = json.loads((folder / "gold.json").read_text("utf-8"))
    comparison = compare(folder / "en.txt", folder / "fr.txt")
    result: dict = {"pair": folder.name}

    header = Score()
    for lang, summary in (("en", comparison.en), ("fr", comparison.fr)):
        for key in ("title", "code", "part", "language", "date"):
            if key in gold[lang] and (key != "date" or gold[lang]["date"]):
                header.add({(lang, key, gold[lang][key])}, {(lang, key, getattr(summary, key))})
    result["header"] = header

    speakers = Score()
    for lang, found in (("en", comparison.speakers_en), ("fr", comparison.speakers_fr)):
        gold_lists = gold["speakers"].get(lang, {})
        expected = {(lang, *x) for x in _gold_speakers(gold, lang)}
        speakers.add(expected, {(lang, *x) for x in _found_speakers(found, gold_lists)})
    result["speakers"] = speakers

    behalf = Score()
    for lang, found in (("en", comparison.speakers_en), ("fr", comparison.speakers_fr)):
        wanted = gold["speakers"].get(lang, {}).get("on_behalf", {})
        expected = {(lang, i, g) for i, g in wanted.items() if ":" in g}
        got = {(lang, s.id, s.on_behalf_of_id) for s in found if s.on_behalf_of and s.id in wanted and ":" in wanted[s.id]}
        behalf.add(expected, got)
    result["on_behalf"] = behalf

    names = {name_key(s.name): s.id for s in comparison.speakers_en + comparison.speakers_fr}
    mismatches = Score()
    expected = {
        (m["list"], m.get("id") or names.get(name_key(m["ngo"]), m["ngo"]), m.get("issue") or f"missing_in_{m['missing_in']}")
        for m in gold["speaker_mismatches"]
    }
    mismatches.add(expected, {(m.list, m.id, m.issue) for m in comparison.mismatches})
    result["mismatches"] = mismatches

    coverage = Score()
    planted = gold.get("coverage", [])
    matched = [p for p in planted if any(matches_planted(f, p) for f in comparison.coverage)]
    extras = [f for f in comparison.coverage if not any(matches_planted(f, p) for p in planted)]
    coverage.expected, coverage.correct = len(planted), len(matched)
    coverage.found = len(matched) + len(extras)
    coverage.misses = [p.get("about", p["kind"]) for p in planted if p not in matched]
    coverage.extras = [f"{f.kind}/{f.only_in}: {f.about[:60]}" for f in extras]
    result["coverage"] = coverage

    result["no_list"] = {
        lang: any(n.list is None and n.missing_in == lang for n in comparison.list_notes) for lang in ("en", "fr")
    }
    result["gold_no_list"] = {lang: bool(gold.get(f"{lang}_has_no_list")) for lang in ("en", "fr")}
    result["flags"] = len(comparison.mismatches) + len(comparison.coverage) + len(comparison.header_differences)
    result["gold_flags"] = len(gold["speaker_mismatches"]) + len(planted)
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", default=str(ROOT / "fixtures" / "cases"))
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--verbose", "-v", action="store_true", help="list misses and extras")
    args = parser.parse_args(argv)
    folders = sorted(p for p in Path(args.cases).iterdir() if (p / "gold.json").is_file())
    results = [evaluate_case(folder) for folder in folders]
    stages = ("header", "speakers", "on_behalf", "mismatches", "coverage")
    totals = {stage: Score() for stage in stages}
    for r in results:
        for stage in stages:
            t, s = totals[stage], r[stage]
            t.expected += s.expected
            t.found += s.found
            t.correct += s.correct
    if args.json:
        print(json.dumps({
            "pairs": [{"pair": r["pair"], **{st: {"recall": r[st].recall, "precision": r[st].precision} for st in stages},
                       "flags": r["flags"], "gold_flags": r["gold_flags"]} for r in results],
            "totals": {st: {"recall": totals[st].recall, "precision": totals[st].precision} for st in stages},
        }, indent=1))
        return 0
    print(f"{'pair':24} " + " ".join(f"{s[:10]:>15}" for s in stages) + "   flags (gold)")
    for r in results:
        cells = " ".join(f"{r[s].recall:6.2f} / {r[s].precision:4.2f}  " for s in stages)
        print(f"{r['pair']:24} {cells}  {r['flags']:3d} ({r['gold_flags']})")
        if args.verbose:
            for stage in stages:
                if r[stage].misses:
                    print(f"    {stage} missed: {r[stage].misses}")
                if r[stage].extras:
                    print(f"    {stage} extra:  {r[stage].extras}")
            for lang in ("en", "fr"):
                if r["no_list"][lang] != r["gold_no_list"][lang]:
                    print(f"    {lang} 'no speaker list' said: {r['no_list'][lang]}, gold: {r['gold_no_list'][lang]}")
    cells = " ".join(f"{totals[s].recall:6.2f} / {totals[s].precision:4.2f}  " for s in stages)
    print(f"{'TOTAL (recall / precision)':24} {cells}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
