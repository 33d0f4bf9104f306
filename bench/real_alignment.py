"""Alignment and page reading on REAL published pairs: precision and recall of links.

The page texts are third-party prose kept out of git (bench/real/pages/, see
bench/real/README.md for how to gather them again); the gold in
bench/real/gold/ was written by hand, paragraph by paragraph, before anyone
looked at the tool's links. Paragraphs are named by fingerprint
(bench/real/paragraphs.py), so each gold paragraph is found in the tool's
sections by its text.

Scored:
- reading: pages accepted as meeting summaries; title and part of the day;
- links: a gold link between English paragraphs E and French paragraphs F
  counts every (e, f) pair; the tool's links are mapped to paragraph pairs the
  same way. Precision = tool pairs in the gold / tool pairs among content
  paragraphs; recall = gold pairs found / gold pairs.

    .venv/bin/python bench/real_alignment.py [-v]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench" / "real"))

from paragraphs import fingerprint, normalise, paragraphs  # noqa: E402

from hrc_report.models import HrcReportError  # noqa: E402
from hrc_report.patterns import TITLE_PART_PREFIX  # noqa: E402
from hrc_report.pipeline import compare_summaries, parse_file  # noqa: E402

REAL = ROOT / "bench" / "real"
CONTENT = {"subtitle", "lead", "body", "list"}


def _section_of(sections, text: str) -> tuple[str, str] | None:
    """(section id, "text" or "heading"): the tool section holding a gold paragraph
    (or held by it). A sub-title the tool reads as a heading is shown above the
    section it announces."""
    key = normalise(text)
    for s in sections:
        body = normalise(s.text)
        if key and (key in body or (len(body) > 40 and body in key)):
            return s.id, "text"
    for s in sections:
        heading = normalise(s.heading or "")
        if heading and (heading in key or key in heading):
            return s.id, "heading"
    return None


def _shown_beside(a: str, b: str, headed: tuple[bool, bool]) -> bool:
    """Are parts a and b ("text"/"heading") of two linked sections shown side by side?
    The report puts a section's heading above its text, so two headings sit side by
    side and so do two texts; a heading faces the other's text only when the other
    section shows no heading."""
    if a == b:
        return True
    return not headed[1] if a == "heading" else not headed[0]


def _units(paragraphs: list[dict]) -> dict[int, int]:
    """Paragraph number -> its unit: a sub-title followed by the lead it announces
    is one unit with that lead (the gold links a lone sub-title to its lead, and
    the report shows it as the lead's heading); every other paragraph is its own."""
    content = [p for p in paragraphs if p["role"] in CONTENT]
    unit = {p["n"]: p["n"] for p in content}
    for p, following in zip(content, content[1:]):
        if p["role"] == "subtitle" and following["role"] == "lead":
            unit[p["n"]] = following["n"]
    return unit


def evaluate_pair(gold: dict, verbose: bool = False, root: Path = REAL) -> dict:
    pages = {lang: root / "pages" / f"{gold['id']}.{lang}.txt" for lang in ("en", "fr")}
    result = {"id": gold["id"], "read": 0, "title": 0, "part": 0, "pairs": 0, "found": 0, "tool": 0, "correct": 0,
              "unit_pairs": 0, "unit_found": 0, "unit_tool": 0}
    if not all(p.is_file() for p in pages.values()):
        result["missing"] = True
        return result
    summaries = {}
    for lang, path in pages.items():
        try:
            summaries[lang] = parse_file(path)
        except HrcReportError as error:
            if verbose:
                print(f"  {gold['id']} {lang}: refused: {error}")
            continue
        result["read"] += 1
        title = gold[lang]["title"] or ""  # an excerpt with no headline: the gold says null
        prefix = TITLE_PART_PREFIX.match(title)
        title = title[prefix.end():] if prefix else title
        result["title"] += summaries[lang].title == title
        result["part"] += summaries[lang].part == gold[lang]["part"]
        if verbose and summaries[lang].title != title:
            print(f"  {gold['id']} {lang}: title {summaries[lang].title!r} != {title!r}")
        if verbose and summaries[lang].part != gold[lang]["part"]:
            print(f"  {gold['id']} {lang}: part {summaries[lang].part!r} != {gold[lang]['part']!r}")
    if len(summaries) < 2:
        return result
    comparison = compare_summaries(summaries["en"], summaries["fr"], force=True)
    texts = {lang: paragraphs(pages[lang].read_text("utf-8")) for lang in ("en", "fr")}
    where = {}
    for lang in ("en", "fr"):
        for p in gold["paragraphs"][lang]:
            if p["role"] in CONTENT and fingerprint(texts[lang][p["n"]]) == p["fp"]:
                where[(lang, p["n"])] = _section_of(comparison.sections[lang], texts[lang][p["n"]])
    gold_pairs = {(e, f) for link in gold["links"] for e in link["en"] for f in link["fr"]}
    gold_pairs = {(e, f) for e, f in gold_pairs if ("en", e) in where and ("fr", f) in where}
    by_section = {}
    for (lang, n), found in where.items():
        if found:
            by_section.setdefault((lang, found[0]), []).append((n, found[1]))
    tool_pairs = set()
    for link in comparison.alignment:
        en, fr = by_section.get(("en", link.en), []), by_section.get(("fr", link.fr), [])
        headed = (any(part == "heading" for _, part in en), any(part == "heading" for _, part in fr))
        tool_pairs |= {(e, f) for e, a in en for f, b in fr if _shown_beside(a, b, headed)}
    result["pairs"] = len(gold_pairs)
    result["found"] = len(gold_pairs & tool_pairs)
    result["tool"] = len(tool_pairs)
    result["correct"] = len(tool_pairs & gold_pairs)
    unit = {lang: _units(gold["paragraphs"][lang]) for lang in ("en", "fr")}
    gold_units = {(unit["en"][e], unit["fr"][f]) for e, f in gold_pairs}
    tool_units = {(unit["en"][e], unit["fr"][f]) for e, f in tool_pairs}
    result["unit_pairs"] = len(gold_units)
    result["unit_found"] = len(gold_units & tool_units)
    result["unit_tool"] = len(tool_units)
    if verbose:
        for e, f in sorted(gold_pairs - tool_pairs):
            print(f"  {gold['id']}: missed E{e}-F{f}")
        for e, f in sorted(tool_pairs - gold_pairs):
            print(f"  {gold['id']}: false E{e}-F{f}")
    return result


def section_rows() -> list[tuple[float, bool, bool]]:
    """(score, mutual best match, in the gold) of every pair of body sections of the
    real pairs, for bench/margins.py. A section pair is in the gold when any gold
    link joins a paragraph of each."""
    from hrc_report.align import BODY, build_sections, score_matrix
    from hrc_report.names import load_index

    index, rows = load_index(), []
    for path in sorted((REAL / "gold").glob("*.json")):
        gold = json.loads(path.read_text("utf-8"))
        pages = {lang: REAL / "pages" / f"{gold['id']}.{lang}.txt" for lang in ("en", "fr")}
        if not all(p.is_file() for p in pages.values()):
            continue
        sections = {lang: build_sections(parse_file(pages[lang]), index) for lang in pages}
        texts = {lang: paragraphs(pages[lang].read_text("utf-8")) for lang in pages}
        where = {(lang, p["n"]): (_section_of(sections[lang], texts[lang][p["n"]]) or (None,))[0]
                 for lang in pages for p in gold["paragraphs"][lang] if p["role"] in CONTENT}
        linked = {(where["en", e], where["fr", f]) for link in gold["links"] for e in link["en"] for f in link["fr"]
                  if ("en", e) in where and ("fr", f) in where}
        en = [s for s in sections["en"] if s.kind == BODY]
        fr = [s for s in sections["fr"] if s.kind == BODY]
        score, *_ = score_matrix(en, fr)
        for i, a in enumerate(en):
            for j, b in enumerate(fr):
                mutual = score[i].argmax() == j and score[:, j].argmax() == i
                rows.append((float(score[i, j]), bool(mutual), (a.id, b.id) in linked))
    return rows


def _print_flags(root: Path, golds: list[dict]) -> None:
    """Every speaker-list and coverage flag the tool raises on the real pairs."""
    count = 0
    for gold in golds:
        pages = [root / "pages" / f"{gold['id']}.{lang}.txt" for lang in ("en", "fr")]
        if not all(p.is_file() for p in pages):
            continue
        comparison = compare_summaries(parse_file(pages[0]), parse_file(pages[1]), force=True)
        for m in comparison.mismatches:
            print(f"  flag {gold['id']}: {m.list} {m.id} {m.issue}")
        for f in comparison.coverage:
            print(f"  flag {gold['id']}: {f.kind}, only in {f.only_in or 'both, different'}: {f.about[:90]}")
        count += len(comparison.mismatches) + len(comparison.coverage)
    print(f"flags raised on the real pairs: {count}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--flags", action="store_true",
                        help="also list every flag raised on the real pairs (each must be true: read them against the pages)")
    parser.add_argument("--set", type=Path, default=REAL,
                        help="a folder holding gold/ and pages/ (default: bench/real), e.g. a new round kept apart")
    args = parser.parse_args(argv)
    golds = [json.loads(p.read_text("utf-8")) for p in sorted((args.set / "gold").glob("*.json"))]
    results = [evaluate_pair(g, args.verbose, args.set) for g in golds]
    present = [r for r in results if not r.get("missing")]
    total = {k: sum(r[k] for r in present) for k in ("read", "title", "part", "pairs", "found", "tool", "correct",
                                                       "unit_pairs", "unit_found", "unit_tool")}
    pages = 2 * len(present)
    recall = total["found"] / total["pairs"] if total["pairs"] else 1.0
    precision = total["correct"] / total["tool"] if total["tool"] else 1.0
    unit_recall = total["unit_found"] / total["unit_pairs"] if total["unit_pairs"] else 1.0
    unit_precision = total["unit_found"] / total["unit_tool"] if total["unit_tool"] else 1.0
    if args.json:
        print(json.dumps({"pairs": len(present), "pages_read": total["read"], "pages": pages,
                          "link_recall": recall, "link_precision": precision,
                          "unit_recall": unit_recall, "unit_precision": unit_precision}))
        return 0
    if args.flags:
        _print_flags(args.set, golds)
    for r in present:
        print(f"{r['id']:48} read {r['read']}/2  links {r['found']}/{r['pairs']} found, {r['correct']}/{r['tool']} right")
    print(f"pairs with texts: {len(present)} of {len(results)} (gather the rest: bench/real/README.md)")
    print(f"pages read as summaries: {total['read']}/{pages}; titles right {total['title']}/{total['read']}; "
          f"parts right {total['part']}/{total['read']}")
    print(f"link recall {recall:.2f} ({total['found']}/{total['pairs']}), precision {precision:.2f} ({total['correct']}/{total['tool']})")
    print(f"by unit (a sub-title joined to its lead): recall {unit_recall:.2f} ({total['unit_found']}/{total['unit_pairs']}), "
          f"precision {unit_precision:.2f} ({total['unit_found']}/{total['unit_tool']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
