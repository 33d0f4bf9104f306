"""Cold `compare` against its floor, in one run: CPU seconds and peak memory.

The floor is what no change to hrc-report can remove: Python's start and our
imports, the encoder's forward pass over the pair's sentences, and (for the
PDF) WeasyPrint's render of the same HTML. Ratios near 1 mean the rest (set-up,
reading, alignment, coverage) costs little.

    .venv/bin/python bench/speed.py [--runs 3]
    (bench/alignment_scaling.py: growth from 1x to 16x; bench/digest_scale.py: the digest)
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAIR = ROOT / "fixtures" / "cases" / "hrc54-item10"
BIN = Path(sys.executable).parent


def child(command: list[str]) -> tuple[float, float]:
    """(CPU seconds, peak MiB) of one command run in a new process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, check=True, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, after.ru_maxrss / 1024


def median_child(command: list[str], runs: int) -> tuple[float, float]:
    results = [child(command) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    out = tempfile.mkdtemp()
    compare = [str(BIN / "hrc-report"), "compare", str(PAIR / "en.txt"), str(PAIR / "fr.txt"), "--out", out]
    child(compare + ["--format", "json"])  # the first start unpacks the encoder's weights into the cache
    json_cpu, json_mib = median_child(compare + ["--format", "json"], args.runs)
    all_cpu, all_mib = median_child(compare, args.runs)
    imports_cpu, _ = median_child([sys.executable, "-c", "import hrc_report.pipeline, hrc_report.render"], args.runs)

    sys.path.insert(0, str(ROOT))
    from hrc_report.encoder import encoder
    from hrc_report.pipeline import compare as run_compare
    from hrc_report.render import render_html, render_pdf

    comparison = run_compare(PAIR / "en.txt", PAIR / "fr.txt")
    sentences = [s for lang in ("en", "fr") for section in comparison.sections[lang] for s in section.sentences]
    encoder().encode(sentences)
    start = time.process_time()
    encoder().encode(sentences)
    encode_cpu = time.process_time() - start
    html = render_html(comparison)
    render_pdf(html)
    start = time.process_time()
    render_pdf(html)
    pdf_cpu = time.process_time() - start

    floor = imports_cpu + encode_cpu
    print(f"cold compare --format json : {json_cpu:5.2f} s CPU, peak {json_mib:5.0f} MiB")
    print(f"cold compare, all formats  : {all_cpu:5.2f} s CPU, peak {all_mib:5.0f} MiB")
    print(f"floor: start + imports {imports_cpu:.2f} s, encoder forward pass ({len(sentences)} sentences) {encode_cpu:.2f} s, "
          f"WeasyPrint render alone {pdf_cpu:.2f} s")
    print(f"ratios: json / floor {json_cpu / floor:.2f}; all formats / (floor + WeasyPrint) {all_cpu / (floor + pdf_cpu):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
