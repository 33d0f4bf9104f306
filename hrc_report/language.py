"""Which language a summary is written in, from its text (never its file name)."""

from __future__ import annotations

import functools
import os

#: langdetect guesses wildly on short strings ("Yemen" -> tr), so only
#: paragraphs at least this long are used, and never fewer than this in total.
MIN_PARAGRAPH = 80
#: langdetect reads at most 10,000 characters; 5,000 of whole paragraphs give the
#: same language on every fixture, held-out and real page, in less time.
MAX_SAMPLE = 5_000


#: The profiles langdetect loads: the six UN languages and the European ones a
#: summary could be mistaken for (or arrive in). Loading all 55 costs 0.27 s and
#: 62 MB at every start; these give the same answers on every fixture and still
#: name Russian and Arabic (tests/test_speed.py checks both).
PROFILES = ("en", "fr", "es", "ar", "ru", "zh-cn", "zh-tw", "de", "it", "pt", "nl")


@functools.lru_cache(maxsize=1)
def _factory():
    """langdetect with our profiles, built once and kept in the user cache folder
    (0.05 s to build, 0.01 s to read back; cache.py)."""
    import langdetect
    from langdetect import DetectorFactory

    from .cache import key_of, load_or_build

    # langdetect draws random samples; a fixed seed gives the same answer every run.
    DetectorFactory.seed = 0
    key = key_of([langdetect.__file__, *PROFILES, *(_profile(name) for name in PROFILES)])
    return load_or_build("langdetect", key, _build_factory)


def _profile(name: str) -> str:
    from langdetect.detector_factory import PROFILES_DIRECTORY

    with open(os.path.join(PROFILES_DIRECTORY, name), encoding="utf-8") as file:
        return file.read()


def _build_factory():
    from langdetect import DetectorFactory

    factory = DetectorFactory()
    factory.load_json_profile([_profile(name) for name in PROFILES])
    factory.set_seed(0)
    return factory


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
