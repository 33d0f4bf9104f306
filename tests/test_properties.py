"""Property tests: for any input, a result or the one-line error, never a crash or a hang.

The "ci" profile (the default) tries 500 examples a property with a fixed
seed, so a run is repeatable; set HYPOTHESIS_PROFILE=dev for a quick pass.
"""

from __future__ import annotations

import os
import random
import re

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings, strategies as st

from hrc_report.cli import main
from hrc_report.facts import extract, same_value, words_to_number
from hrc_report.models import HrcReportError
from hrc_report.parse import parse_summary
from hrc_report.pipeline import compare_summaries
from hrc_report.render import render_html
from hrc_report.report import to_json, validate
from hrc_report.source import decode
from hrc_report.speakers import split_names

from conftest import CASES
from fakes import fake_encoder

settings.register_profile(
    "ci", max_examples=500, derandomize=True, deadline=None, database=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile("dev", parent=settings.get_profile("ci"), max_examples=50)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

#: Text that mixes what real pages carry with what breaks naive code.
AWKWARD = st.sampled_from(
    list("\x00\x01\x1b\u200f\u202e\u200b\ufeff\u00a0\r\n\t–—’«»*•()[];:,.")
    + ["\r\n", "\n\n", " and ", " et ", " on behalf of ", " au nom d’", "Speaking were ", "*Liste des intervenants : ",
       "HRC23.148E", "HRC23.148F", "3 p.m.", "15 heures", "vingt-huit", "in favour", "voix pour", "Fédération de Russie",
       "Russian Federation", "<script>", "{{ 7*7 }}", "فلسطين", "Україна"]
)
TEXT = st.lists(st.one_of(st.text(max_size=40), AWKWARD), max_size=60).map("".join)
EN = (CASES / "cd-plenary" / "en.txt").read_text("utf-8")
FR = (CASES / "cd-plenary" / "fr.txt").read_text("utf-8")


def _ok_or_clear(call):
    """Run ``call``; an HrcReportError must be one line that names its input."""
    try:
        result = call()
    except HrcReportError as error:
        message = str(error)
        assert message and "\n" not in message and "Traceback" not in message
        # the kind of refusal, for --hypothesis-show-statistics
        event("refused: " + re.sub(r"^[^:]*: |[0-9,]+", "", message)[:40])
        return None
    event("result")
    return result


@given(st.binary(max_size=400))
def test_decode_any_bytes(data):
    text = _ok_or_clear(lambda: decode(data, "x.txt"))
    assert text is None or "\r" not in text


@given(TEXT)
def test_parse_any_text(text):
    summary = _ok_or_clear(lambda: parse_summary(text, "x.txt"))
    if summary is not None:
        assert summary.language in ("en", "fr")
        assert all(p.text.strip() for p in summary.paragraphs)


@given(TEXT, st.sampled_from(["en", "fr"]))
def test_split_any_list(text, lang):
    names = split_names(text, lang)
    assert all(name for name, _ in names)
    # nothing is invented: every word of every name comes from the text
    assert all(word.strip(",") in text for name, _ in names for word in name.split())


@given(TEXT)
def test_resolve_any_name(index, text):
    match = index.resolve(text)
    assert match.id == "" or re.fullmatch(r"[A-Z]{3}|EU|(group|un|nhri|ngo|other):[a-z0-9-]+", match.id)


@given(TEXT)
def test_numbers_in_any_text(text):
    facts = extract(text)
    for fact in facts:
        assert 0 <= fact.start <= fact.end <= len(text)
        assert same_value(fact, fact)
    words_to_number(text)


@given(st.integers(0, 999_999))
def test_number_words_round_trip(n):
    """Every number written in English and French words reads back as itself."""
    assert words_to_number(_english(n)) == n
    assert words_to_number(_french(n)) == n


def _english(n):
    units = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
    tens = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
    def under_1000(n):
        words = []
        if n >= 100:
            words += [units[n // 100], "hundred"]
            n %= 100
        if n >= 20:
            words.append(tens[n // 10] + (f"-{units[n % 10]}" if n % 10 else ""))
        elif n or not words:
            words.append(units[n])
        return " ".join(words)
    if n >= 1000:
        return f"{under_1000(n // 1000)} thousand" + (f" {under_1000(n % 1000)}" if n % 1000 else "")
    return under_1000(n)


def _french(n):
    units = "zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize".split()
    tens = {20: "vingt", 30: "trente", 40: "quarante", 50: "cinquante", 60: "soixante"}
    def under_100(n):
        if n <= 16:
            return units[n]
        if n < 20:
            return f"dix-{units[n - 10]}"
        if n < 70:
            ten, unit = n // 10 * 10, n % 10
            return tens[ten] + ("" if not unit else " et un" if unit == 1 else f"-{units[unit]}")
        if n < 80:
            return "soixante" + (" et onze" if n == 71 else f"-{under_100(n - 60)}")
        return "quatre-vingt" + ("s" if n == 80 else f"-{under_100(n - 80)}")
    def under_1000(n):
        hundreds, rest = divmod(n, 100)
        words = []
        if hundreds:
            words.append("cent" if hundreds == 1 else f"{units[hundreds]} cent")
        if rest or not words:
            words.append(under_100(rest))
        return " ".join(words)
    if n >= 1000:
        thousands, rest = divmod(n, 1000)
        head = "mille" if thousands == 1 else f"{under_1000(thousands)} mille"
        return head + (f" {under_1000(rest)}" if rest else "")
    return under_1000(n)


def _mutate(text, rnd, insert):
    paragraphs = text.split("\n\n")
    where = rnd.randrange(len(paragraphs))
    cut = rnd.randrange(len(paragraphs[where]) + 1)
    paragraphs[where] = paragraphs[where][:cut] + insert + paragraphs[where][cut:]
    return "\n\n".join(paragraphs)


@given(TEXT, TEXT, st.integers(0, 2**32 - 1))
def test_whole_compare_on_damaged_summaries(en_insert, fr_insert, seed):
    """A real pair with random text spliced in: a valid report, or the one-line error.
    What is checked is that nothing crashes, not what aligns: the fake encoder."""
    rnd = random.Random(seed)
    en, fr = _mutate(EN, rnd, en_insert), _mutate(FR, rnd, fr_insert)

    def run():
        comparison = compare_summaries(parse_summary(en, "en.txt"), parse_summary(fr, "fr.txt"))
        data = to_json(comparison)
        validate(data)
        render_html(comparison)
        return data

    with fake_encoder():
        _ok_or_clear(run)


@given(st.binary(max_size=300) | TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_cli_never_leaves_a_partial_report(tmp_path_factory, content):
    folder = tmp_path_factory.mktemp("cli")
    bad = folder / "in.txt"
    bad.write_bytes(content)
    out = folder / "out"
    result = CliRunner().invoke(main, ["compare", str(bad), str(CASES / "cd-plenary" / "fr.txt"), "--out", str(out), "--format", "json,html"])
    assert result.exit_code in (0, 2), result.output
    assert "Traceback" not in result.output
    files = sorted(p.name for p in out.iterdir()) if out.exists() else []
    assert files in ([], ["report.html", "report.json"])


@pytest.mark.parametrize(
    "name, make",
    [
        ("10 MB of text", lambda: ("Speaking were Chile. " + "x " * 50) * 95_000),
        ("50,000-name list", lambda: EN.replace("Speaking in the discussion were ", "Speaking in the discussion were " + "Chile, " * 50_000)),
        ("no paragraph breaks", lambda: EN.replace("\n", " ")),
        ("lone CR line ends", lambda: EN.replace("\n", "\r")),
        ("NUL bytes", lambda: EN.replace("Norway", "Nor\x00way")),
        ("right-to-left marks", lambda: EN.replace(" ", " \u200f")),
        ("mixed languages", lambda: EN + "\n\n" + FR),
    ],
)
def test_named_bad_inputs(tmp_path, name, make):
    text = make()
    path = tmp_path / "en.txt"
    path.write_bytes(text.encode("utf-8"))
    result = CliRunner().invoke(main, ["compare", str(path), str(CASES / "cd-plenary" / "fr.txt"), "--out", str(tmp_path / "out"), "--format", "json"])
    assert result.exit_code in (0, 2), result.output
    assert "Traceback" not in result.output
    if result.exit_code == 2:
        assert result.output.count("\n") == 1 and "en.txt" in result.output
