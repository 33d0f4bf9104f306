"""How long `compare` takes on the bundled pair: JSON only, and with the PDF.

Usage: python bench/compare_time.py [--runs N]

Reports the warm in-process time (name index and langdetect profiles already
loaded: what a digest over many meetings pays per pair) and the cold time of
the whole command as a user runs it (a new process each time).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAIR = ROOT / "fixtures" / "cases" / "hrc54-item10"
COMMAND = str(Path(sys.executable).parent / "hrc-report")


def warm(formats: tuple[str, ...], runs: int) -> list[float]:
    from hrc_report.pipeline import Options, compare, write_reports

    times = []
    with tempfile.TemporaryDirectory() as out:
        compare(PAIR / "en.txt", PAIR / "fr.txt")  # load the index and the language profiles once
        for _ in range(runs):
            start = time.perf_counter()
            write_reports(compare(PAIR / "en.txt", PAIR / "fr.txt"), out, Options(formats=formats))
            times.append(time.perf_counter() - start)
    return times


def cold(formats: str, runs: int) -> list[float]:
    times = []
    with tempfile.TemporaryDirectory() as out:
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(
                [COMMAND, "compare", str(PAIR / "en.txt"), str(PAIR / "fr.txt"), "--out", out, "--format", formats],
                check=True, capture_output=True,
            )
            times.append(time.perf_counter() - start)
    return times


def line(label: str, times: list[float]) -> str:
    return f"{label:<38} median {statistics.median(times) * 1000:8.1f} ms   min {min(times) * 1000:8.1f} ms   ({len(times)} runs)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs
    print(line("in process, JSON only", warm(("json",), runs)))
    print(line("in process, JSON + HTML + PDF", warm(("json", "html", "pdf"), max(3, runs // 2))))
    print(line("command (new process), JSON only", cold("json", max(3, runs // 2))))
    print(line("command (new process), JSON+HTML+PDF", cold("json,html,pdf", max(3, runs // 2))))


if __name__ == "__main__":
    main()
