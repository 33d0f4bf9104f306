"""Time and peak memory of `hrc-report digest` over many meeting pairs.

Usage: python bench/digest_scale.py [--pairs 200] [--jobs 1 2]

Makes N English/French pairs from the bundled cases (each with its own code,
so each is a distinct meeting), ingests them into a fresh archive, then runs
the digest command as a user would, once per worker count, and reports the
wall time and the peak resident memory of the command and its workers.
"""

from __future__ import annotations

import argparse
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = ["hrc54-item10", "hrc54-votes", "cat77-closing", "cd-plenary"]
COMMAND = str(Path(sys.executable).parent / "hrc-report")


def make_pairs(folder: Path, count: int) -> None:
    for n in range(count):
        case = CASES[n % len(CASES)]
        for lang, letter in (("en", "E"), ("fr", "F")):
            text = (ROOT / "fixtures" / "cases" / case / f"{lang}.txt").read_text("utf-8")
            text = re.sub(r"\n\s*(?:HRC|CAT/|DC)\S+\s*$", f"\nHRC23.{n + 1:03d}{letter}\n", text)
            (folder / f"m{n:03d}-{lang}.txt").write_text(text, encoding="utf-8")


def run(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one command, its workers included."""
    start = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = __import__("os").wait4(process.pid, 0)
    if status != 0:
        raise SystemExit(f"{' '.join(args)} failed with status {status}")
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=200)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "in").mkdir()
        make_pairs(tmp / "in", options.pairs)
        db = str(tmp / "archive.sqlite")
        seconds, _ = run([COMMAND, "ingest", str(tmp / "in"), "--db", db, "--date", "2023-10-11"])
        print(f"ingest {2 * options.pairs} documents: {seconds:.1f} s")
        for jobs in options.jobs:
            seconds, peak = run([COMMAND, "digest", "--week", "2023-W41", "--db", db, "--out", str(tmp / f"out{jobs}"), "--jobs", str(jobs)])
            reports = len(list((tmp / f"out{jobs}" / "meetings").glob("*/report.pdf")))
            print(f"digest, {options.pairs} pairs, {jobs} worker(s): {seconds:.1f} s ({seconds / options.pairs * 1000:.0f} ms a pair), "
                  f"peak RSS of one process {peak:.0f} MB, {reports} meeting PDFs")
        # children's peak across everything this script ran
        print(f"largest child process: {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
