"""Cold `compare` and the digest against their floor and against an earlier commit, in one run.

The floor is what no change to hrc-report can remove: Python's start and our
imports, the encoder's forward pass over the pair's sentences, and (for the
PDF) WeasyPrint's render of the same HTML. Every figure is measured for the
checkout and, with ``--against REV``, for that commit (checked out in a
temporary git worktree and run with this venv's packages), so the two sit side
by side from one run on one machine:

- cold `compare --format json` and with all formats: CPU seconds (median) and peak RSS;
- the digest of N meetings without meeting PDFs: wall and CPU seconds per meeting;
- the JSON compare on the pair grown to 1x, 4x and 16x its body: CPU and peak RSS.

    .venv/bin/python bench/speed.py [--runs 3] [--meetings 20] [--against 8a64cb0]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAIR = ROOT / "fixtures" / "cases" / "hrc54-item10"
sys.path.insert(0, str(ROOT / "bench"))

from alignment_scaling import grown  # noqa: E402
from digest_scale import make_pairs  # noqa: E402

GROWTH = (1, 4, 16)


def child(command: list[str], code: Path) -> tuple[float, float, float]:
    """(CPU seconds, peak MiB, wall seconds) of one command in a new process, its workers included,
    with ``code`` first on the import path."""
    env = dict(os.environ, PYTHONPATH=str(code))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    # `python -m` puts the working folder first on the path: run from one that holds no code
    process = subprocess.Popen(command, env=env, cwd=tempfile.gettempdir(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"{' '.join(command)} failed ({status}): {process.stderr.read().decode()[-400:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, usage.ru_maxrss / 1024, wall


def cli(*args) -> list[str]:
    return [sys.executable, "-m", "hrc_report.cli", *map(str, args)]


def median_child(command: list[str], code: Path, runs: int) -> tuple[float, float]:
    results = [child(command, code) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def measure(code: Path, work: Path, runs: int, meetings: int) -> dict[str, tuple[float, float]]:
    out = work / "out"
    compare = cli("compare", PAIR / "en.txt", PAIR / "fr.txt", "--out", out)
    child(compare + ["--format", "json"], code)  # the first start may fill caches (the encoder's weights)
    figures = {
        "cold compare --format json": median_child(compare + ["--format", "json"], code, runs),
        "cold compare, all formats": median_child(compare, code, runs),
    }
    db = work / f"archive-{code.name}.sqlite"
    child(cli("ingest", work / "meetings", "--db", db, "--date", "2023-10-11"), code)
    cpu, _, wall = child(cli("digest", "--week", "2023-W41", "--db", db, "--out", work / f"digest-{code.name}", "--jobs", "2"), code)
    figures[f"digest, per meeting ({meetings}, 2 workers): wall, CPU"] = (wall / meetings, cpu / meetings)
    for times in GROWTH:
        figures[f"json compare at {times:2d}x"] = median_child(
            cli("compare", work / f"en{times}.txt", work / f"fr{times}.txt", "--out", out, "--format", "json", "--force"), code,
            1 if times > 1 else runs)
    return figures


def floor(runs: int) -> tuple[float, float, float]:
    """(start + imports, the encoder's forward pass, WeasyPrint alone) in CPU seconds, for the checkout."""
    imports, _ = median_child([sys.executable, "-c", "import hrc_report.pipeline, hrc_report.render"], ROOT, runs)
    sys.path.insert(0, str(ROOT))
    from hrc_report.encoder import encoder
    from hrc_report.pipeline import compare
    from hrc_report.render import render_html, render_pdf

    comparison = compare(PAIR / "en.txt", PAIR / "fr.txt")
    sentences = [s for lang in ("en", "fr") for section in comparison.sections[lang] for s in section.sentences]
    encoder().encode(sentences)
    start = time.process_time()
    encoder().encode(sentences)
    encode = time.process_time() - start
    html = render_html(comparison)
    render_pdf(html)
    start = time.process_time()
    render_pdf(html)
    return imports, encode, time.process_time() - start


@contextlib.contextmanager
def worktree(rev: str):
    folder = Path(tempfile.mkdtemp(prefix="hrc-report-"))
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(folder / rev), rev], check=True, capture_output=True)
    try:
        yield folder / rev
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(folder / rev)], check=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--meetings", type=int, default=20)
    parser.add_argument("--against", help="an earlier commit to measure beside the checkout")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp, contextlib.ExitStack() as stack:
        work = Path(tmp)
        (work / "meetings").mkdir()
        make_pairs(work / "meetings", args.meetings)
        for times in GROWTH:
            for lang in ("en", "fr"):
                (work / f"{lang}{times}.txt").write_text(grown(PAIR / f"{lang}.txt", times), encoding="utf-8")
        versions = {"checkout": ROOT}
        if args.against:
            versions = {args.against: stack.enter_context(worktree(args.against)), **versions}
        results = {name: measure(code, work, args.runs, args.meetings) for name, code in versions.items()}
    imports, encode, pdf = floor(args.runs)

    names = list(results)
    print(f"{'':52}" + "".join(f"{n:>22}" for n in names) + ("   ratio" if len(names) == 2 else ""))
    for row in results[names[-1]]:
        cells = [results[n][row] for n in names]
        unit = ("s", "s") if row.startswith("digest") else ("s", "MiB")
        text = "".join(f"{a:8.2f} {unit[0]} {b:6.0f} {unit[1]:>3}" if unit[1] == "MiB" else f"{a:8.3f} s {b:8.3f} s  "
                       for a, b in cells)
        ratio = f"   {cells[1][0] / cells[0][0]:.2f}x / {cells[1][1] / cells[0][1]:.2f}x" if len(cells) == 2 else ""
        print(f"{row:52}{text}{ratio}")
    base = imports + encode
    json_cpu, all_cpu = (results["checkout"][k][0] for k in ("cold compare --format json", "cold compare, all formats"))
    print(f"\nfloor (checkout): start + imports {imports:.2f} s, encoder forward pass {encode:.2f} s, WeasyPrint render alone {pdf:.2f} s")
    print(f"ratios: cold json / floor {json_cpu / base:.2f}; all formats / (floor + WeasyPrint) {all_cpu / (base + pdf):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
