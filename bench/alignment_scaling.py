"""Time to compare one pair (JSON only) as the documents grow: 1x, 4x, 16x the fixture.

Usage: python bench/alignment_scaling.py

A longer document is made by repeating the fixture's body paragraphs (the
speaker lists and closing lines once), so the number of section pairs that
share an anchor grows with the square of the length in the worst case. The
sentence encoder is loaded once before timing (a fixed 1.5 s per process).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from hrc_report.encoder import encoder
from hrc_report.pipeline import Options, compare_summaries, write_reports
from hrc_report.parse import parse_summary

ROOT = Path(__file__).resolve().parent.parent
PAIR = ROOT / "fixtures" / "cases" / "hrc54-item10"


def grown(path: Path, times: int) -> str:
    text = path.read_text("utf-8")
    blocks = text.split("\n\n")
    # body paragraphs are the long blocks before the first speaker list
    first_list = next(i for i, b in enumerate(blocks) if b.startswith(("Speaking in the discussion", "____")))
    head, body, tail = blocks[:3], blocks[3:first_list], blocks[first_list:]
    return "\n\n".join(head + body * times + tail)


def main() -> None:
    start = time.perf_counter()
    encoder().encode(["warm-up"])
    print(f"encoder load: {time.perf_counter() - start:.2f} s")
    base = None
    for times in (1, 4, 16):
        en = parse_summary(grown(PAIR / "en.txt", times), f"en x{times}")
        fr = parse_summary(grown(PAIR / "fr.txt", times), f"fr x{times}")
        runs = []
        with tempfile.TemporaryDirectory() as out:
            for _ in range(3 if times < 16 else 2):
                begin = time.perf_counter()
                comparison = compare_summaries(en, fr)
                write_reports(comparison, out, Options(formats=("json",)))
                runs.append(time.perf_counter() - begin)
        median = statistics.median(runs)
        base = base or median
        body = sum(1 for s in comparison.sections["en"] if s.kind == "body")
        print(f"{times:>3}x  {body:>4} EN body sections  {len(comparison.alignment):>5} links  "
              f"{median * 1000:8.0f} ms  ({median / base:5.1f}x the 1x time)")


if __name__ == "__main__":
    main()
