"""Which language a summary is written in, from its text (never its file name)."""

from __future__ import annotations

import functools

#: langdetect guesses wildly on short strings ("Yemen" -> tr), so only
#: paragraphs at least this long are used, and never fewer than this in total.
MIN_PARAGRAPH = 80
MAX_SAMPLE = 20_000


@functools.lru_cache(maxsize=1)
def _factory():
    from langdetect import DetectorFactory
    from langdetect.detector_factory import init_factory

    # langdetect draws random samples; a fixed seed gives the same answer every run.
    DetectorFactory.seed = 0
    init_factory()
    from langdetect import detector_factory

    return detector_factory._factory


def detect_language(paragraphs: list[str]) -> tuple[str | None, float]:
    """(language code, probability) from whole paragraphs, or (None, 0) if too little text."""
    from langdetect.lang_detect_exception import LangDetectException

    long_ones = [p for p in paragraphs if len(p) >= MIN_PARAGRAPH]
    sample = "\n".join(long_ones or paragraphs)[:MAX_SAMPLE]
    if len(sample.strip()) < 20:
        return None, 0.0
    detector = _factory().create()
    detector.append(sample)
    try:
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):
        return None, 0.0
    return best.lang, round(best.prob, 3)
