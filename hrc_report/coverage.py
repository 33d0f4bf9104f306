"""Coverage differences: what only one version says, and facts the two disagree on.

- topic: sentences with no counterpart in the other version (low best
  cross-language cosine) whose States and Council terms the other version's
  matching sections do not carry either;
- state: a State named in one version's body and nowhere in the other's;
- number, vote, date, time: the same kind of fact with different values in
  aligned sections. Equal values written differently are not differences.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .align import BODY, Alignment, load_vocabulary
from .facts import SYMBOL, same_value
from .models import CoverageFlag, Fact, Section
from .names import NameIndex
from .normalise import fold
from .patterns import FOOTNOTE_MARK, SITE_POINTER
from .speakers import list_like
from .settings import DEFAULT, Settings

#: Flags in the order a reader must check them: votes and numbers, then dates
#: and times, then States, then topics.
FLAG_ORDER = ("vote", "number", "date", "time", "state", "topic")


def _flag(kind, only_in, en, fr, about, en_sections=(), fr_sections=(), **more) -> CoverageFlag:
    sections = {"en": sorted(en_sections, key=_order), "fr": sorted(fr_sections, key=_order)}
    return CoverageFlag(kind, only_in, en, fr, about, sections, **more)


def _order(section_id: str) -> int:
    return int(section_id.split("-")[1])


def find_coverage(
    en: list[Section], fr: list[Section], alignment: Alignment, index: NameIndex, settings: Settings = DEFAULT,
    speakers: dict[str, frozenset[str]] | None = None,
) -> list[CoverageFlag]:
    """``speakers``: the ids each version lists as speakers, when both have lists; a
    State one of them lists is compared there ("Bangladesh: only in the English list"),
    not again as a State one version names."""
    # Anything a version names anywhere, its speaker lists included, it covers.
    anywhere = {lang: set().union(*(s.mentioned for s in sections)) for lang, sections in (("en", en), ("fr", fr))}
    flags: list[CoverageFlag] = []
    flags += _topics(en, fr, alignment, index, anywhere, settings)
    flags += _states(en, fr, flags, index, anywhere, settings, speakers or {"en": frozenset(), "fr": frozenset()})
    flags += _facts(en, fr, alignment, settings)
    # sorted() is stable: within a kind, document order stays.
    return sorted(flags, key=lambda flag: FLAG_ORDER.index(flag.kind))


def checkable(flags: list[CoverageFlag], cut_off: dict[str, bool]) -> tuple[list[CoverageFlag], dict[str, int]]:
    """Flags that can be established, and how many "only in" flags were withheld per
    version: when the other version may not be whole (cut short, or without the
    page's closing lines), what only this one says may simply lie past its end."""
    kept, withheld = [], {"en": 0, "fr": 0}
    for flag in flags:
        side = flag.only_in
        if side and cut_off[{"en": "fr", "fr": "en"}[side]]:
            withheld[side] += 1
        else:
            kept.append(flag)
    return kept, withheld


def _topics(en, fr, alignment, index, anywhere, settings) -> list[CoverageFlag]:
    vocabulary = load_vocabulary()
    flags = []
    sides = {"en": en, "fr": fr}
    by_id = {s.id: s for s in en + fr}

    def counterparts(section: Section, lang: str, other: str) -> str:
        """The text of the sections the alignment pairs ``section`` with; all of the
        other version's text for a lead, which sums up the whole sitting, and for a
        section the alignment could pair with none (a synthesis of the debate)."""
        links = [link for link in alignment.links if getattr(link, lang) == section.id]
        if not links or any(link.basis == "lead" for link in links):
            return " ".join(s.text for s in sides[other])
        return " ".join(by_id[getattr(link, other)].text for link in links)

    for lang, other in (("en", "fr"), ("fr", "en")):
        other_states = anywhere[other]
        # Anything the other version says anywhere (its lists, its next-meeting line) it covers.
        other_concepts = set().union(
            *(s.concepts if s.kind == BODY else vocabulary.concepts_in(s.text, other) for s in sides[other])
        )
        for section in sides[lang]:
            if section.kind != BODY:
                continue
            run: list[str] = []
            run_states: set[str] = set()
            for number, sentence in enumerate(section.sentences + ("",)):
                best = alignment.sentence_best((section.id, number)) if sentence else None
                best = 1.0 if best is None else best
                states = set(section.sentence_states[number]) if sentence else set()
                concepts = vocabulary.concepts_in(sentence, lang) if sentence else set()
                new_states = states - other_states
                new_concepts = concepts - other_concepts
                # Low similarity alone is not enough: what the sentence is about must be
                # missing from the other version too.
                if (sentence and best < settings.sentence_threshold and not SITE_POINTER.match(sentence)
                        and not list_like(sentence, len(states), settings)
                        and not FOOTNOTE_MARK.search(sentence)
                        and (new_states or new_concepts or not (states or concepts))):
                    run.append(sentence)
                    run_states |= states
                    continue
                if run and _is_topic(" ".join(run), counterparts(section, lang, other), settings):
                    flags.append(_topic_flag(lang, section, run, frozenset(run_states), index, other_states, other_concepts))
                run, run_states = [], set()
    return flags


def _is_topic(text: str, counterpart: str, settings: Settings) -> bool:
    """A passage a reader can act on, that its counterpart does not say in its own
    words: enough content words, most of them without a cognate in the sections the
    alignment pairs it with."""
    words = _content_words(text)
    if len(words) < settings.topic_min_words:
        return False
    stems = {cognate_stem(word) for word in _content_words(counterpart, 0)}
    shared = sum(1 for word in words if cognate_stem(word) in stems)
    return shared / len(words) < settings.topic_cognate_share


#: Two words are cognates when they share this many first letters, accents folded
#: ("objectivity" / "objectivité", "politicization" / "politisation").
COGNATE_LETTERS = 5
#: Spellings French and English write differently in the same word: gouvernement /
#: government, érythréen / Eritrea, théorie / theory, philosophie / philosophy.
_SPELLINGS = (("ph", "f"), ("th", "t"), ("y", "i"), ("ou", "o"))


def cognate_stem(word: str) -> str:
    """The first letters of an accent-folded word, written one way for both languages."""
    for written, same in _SPELLINGS:
        word = word.replace(written, same)
    return re.sub(r"(.)\1", r"\1", word)[:COGNATE_LETTERS]


def _content_words(text: str, shortest: int = 6) -> list[str]:
    words = (re.sub(r"^(?:[ldnscj]|qu)['’]", "", fold(m.group(0))) for m in _WORD.finditer(text))
    return [w for w in words if len(w) >= max(shortest, COGNATE_LETTERS) and w not in FUNCTION_WORDS]


def _topic_flag(lang, section, sentences, states, index, other_states, other_concepts):
    text = " ".join(sentences)
    return _flag(
        "topic", lang,
        text if lang == "en" else None,
        text if lang == "fr" else None,
        ", ".join(key_terms(text, lang, index, states - other_states, other_concepts)),
        [section.id] if lang == "en" else [],
        [section.id] if lang == "fr" else [],
        states=states,
    )


#: Words that never make a topic label on their own.
FUNCTION_WORDS = frozenset("""
a an the of and or but in on at to for from by with as that this these those it its their they he she his her
which who whom whose was were is are be been being had has have would could should will may might also said
le la les l un une des du de d et ou mais en dans sur au aux par pour avec que qui dont ce cet cette ces il elle
ils elles son sa ses leur leurs a été est sont était avait ont ainsi aussi selon plus très tout tous point pays jour
council conseil committee comité conference conférence delegations délégations speakers intervenants
""".split())
_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][\w'’-]*")


_CONNECTORS = frozenset({"of", "the", "de", "du", "des", "la", "le", "for", "on", "and", "et", "pour", "sur"})


def _names_in(words: list[str]) -> list[str]:
    """Runs of capitalised words inside the text ("Nations Unies", "Special Rapporteur
    on Torture"), the sentence's first word left out."""
    runs, run = [], []
    for n, word in enumerate(words + [""]):
        if n and word[:1].isupper():
            run.append(word)
        elif run and word.lower() in _CONNECTORS and n + 1 < len(words) and words[n + 1][:1].isupper():
            run.append(word)
        else:
            if run and not (len(run) == 1 and (run[0].lower() in FUNCTION_WORDS or len(run[0]) <= 3)):
                runs.append(" ".join(run))
            run = []
    return runs


def key_terms(text: str, lang: str, index: NameIndex, states=frozenset(), other_concepts=frozenset(), most: int = 5) -> list[str]:
    """What a flagged passage is about, as a reader would say it: the States and
    Council terms only it carries, then names (capitalised words inside the
    sentence), then its longest content words. Whole words only, never a
    function word."""
    vocabulary = load_vocabulary()
    terms = [index.names[s][lang] for s in sorted(states)]
    concepts = vocabulary.concepts_in(text, lang) - set(other_concepts)
    terms += [text[a:b] for a, b in vocabulary.matches(text, lang, concepts) if " " in text[a:b]]
    words = [re.sub(r"^(?:[lLdDnNsScCjJ]|qu|Qu)['’]", "", m.group(0)) for m in _WORD.finditer(text)]
    terms += _names_in(words)
    terms += sorted((w for w in words if w.lower() not in FUNCTION_WORDS and len(w) > 6), key=len, reverse=True)
    label, seen = [], set()
    for term in terms:
        key = term.lower()
        if key in seen or any(key in s for s in seen):
            continue
        seen.add(key)
        label.append(term)
        if len(label) == most:
            break
    return label


def _states(en, fr, flags, index, anywhere, settings: Settings, speakers: dict[str, frozenset[str]]) -> list[CoverageFlag]:
    # A State in one version's body that the other version names nowhere, lists
    # included (a State only in a speaker list, read or list-like, is a speaker
    # matter instead).
    found = {}
    for lang, sections in (("en", en), ("fr", fr)):
        found[lang] = {}
        for section in sections:
            named = set().union(*(states for sentence, states in zip(section.sentences, section.sentence_states)
                                  if not list_like(sentence, len(states), settings))) if section.kind == BODY else section.states
            for state in sorted(named & section.states):
                found[lang].setdefault(state, []).append(section.id)
    in_topics = {lang: set().union(*(f.states for f in flags if f.kind == "topic" and f.only_in == lang)) for lang in ("en", "fr")}
    result = []
    texts = {"en": "\n".join(s.text for s in en), "fr": "\n".join(s.text for s in fr)}
    sides = {"en": {s.id: s for s in en}, "fr": {s.id: s for s in fr}}
    for lang, other in (("en", "fr"), ("fr", "en")):
        for state in sorted(found[lang].keys() - anywhere[other]):
            if state in in_topics[lang] or state in speakers[lang]:
                continue  # already shown as part of a topic only this version covers, or a speaker only it lists
            if index.misspelled_in(state, texts[other]):
                continue  # the other version names it in a spelling of its own
            name = _written(state, found[lang][state], sides[lang], index) or index.names[state][lang]
            result.append(
                _flag("state", lang, name if lang == "en" else None, name if lang == "fr" else None,
                      f"{index.names[state]['en']} is named only in the {'English' if lang == 'en' else 'French'} version",
                      found[lang][state] if lang == "en" else [], found[lang][state] if lang == "fr" else [])
            )
    return result


def _written(state: str, section_ids: list[str], sections: dict[str, Section], index: NameIndex) -> str | None:
    """The State's name as the version writes it ("Cap-Vert", where the index says "Cabo
    Verde"), so a reader finds it in the text."""
    for section_id in section_ids:
        text = sections[section_id].text
        for span in index.state_spans(text):
            if span.id == state:
                return re.sub(r"^[(\[]?(?:[ldLD]['’])?|[)\].,;:!?]+$", "", text[span.start:span.end])
    return None


def _facts(en, fr, alignment, settings: Settings = DEFAULT) -> list[CoverageFlag]:
    sections = {s.id: s for s in en + fr}
    # a lead's heading is the page's sub-title: it sums up the sitting, not one fact's subject
    leads = {next((s.id for s in side if s.kind == BODY), None) for side in (en, fr)}
    flags: list[CoverageFlag] = []
    seen: set[tuple] = set()
    for link in alignment.links:
        a_section, b_section = sections[link.en], sections[link.fr]
        for kind, unit, x, y in _differing_facts(a_section, b_section, alignment, settings):
            if (kind, x.text, y.text) in seen:
                continue
            seen.add((kind, x.text, y.text))
            sentence_en, sentence_fr = _sentence_of(a_section, x), _sentence_of(b_section, y)
            subject, resolution = _subject(sentence_en, sentence_fr)
            subject = subject or (NEXT_MEETING_SUBJECT if a_section.kind == "next_meeting" else _headings(a_section, b_section, leads))
            if kind == "number":
                # what is counted, as each version writes it: "11 women" / « dix femmes »
                x, y = (replace(x, text=_with_counted(sentence_en, x.text, unit)),
                        replace(y, text=_with_counted(sentence_fr, y.text, unit)))
            values = _values(kind, x, y)
            about = ("resolution on " if resolution else "") + (subject or unit or kind)
            flags.append(_flag(kind, None, x.text, y.text, f"{about}: {values}", [link.en], [link.fr],
                               sentence_en=sentence_en, sentence_fr=sentence_fr,
                               subject=subject, resolution=resolution, unit=unit, values=values))
    return flags


def _differing_facts(a_section: Section, b_section: Section, alignment: Alignment, settings: Settings):
    """(kind, unit, English fact, French fact) that two linked sections state differently."""
    a_facts, b_facts = a_section.facts, b_section.facts
    # Votes, dates and times compare by kind; numbers with the same unit ("years").
    groups = [(kind, None) for kind in ("vote", "date", "time")]
    units = {f.unit for f in a_facts if f.kind == "number" and f.unit} & {f.unit for f in b_facts if f.kind == "number" and f.unit}
    groups += [("number", unit) for unit in sorted(units)]
    for kind, unit in groups:
        a = [f for f in a_facts if f.kind == kind and f.unit == unit]
        b = [f for f in b_facts if f.kind == kind and f.unit == unit]
        if kind == "number":
            # A count the other version also writes is not a difference, whatever
            # unit the reader attached to it there ("one in three children under
            # five" / "un enfant de moins de cinq ans sur trois").
            a = [x for x in a if not _written_in(x, b_facts)]
            b = [y for y in b if not _written_in(y, a_facts)]
        for x, y in _unmatched_pairs(a, b):
            if _same_statement(a_section, x, b_section, y, alignment, settings):
                yield kind, unit, x, y
    yield from _unitless_numbers(a_section, b_section, alignment, settings)
    yield from _years(a_section, b_section, alignment, settings)


def _years(a_section: Section, b_section: Section, alignment: Alignment, settings: Settings):
    """A year of its own ("designated … in 2013" / « désigné … en 2015 »): a date, but
    common in any text, so compared as a count with no unit is, only between two
    sentences that say the same thing, each holding one year the other does not write."""
    for i, j, x, y in _lone_pairs(a_section, b_section, "year"):
        if alignment.sentence_cosine((a_section.id, i), (b_section.id, j)) >= settings.unitless_number_cosine:
            yield "date", None, x, y


def _unitless_numbers(a_section: Section, b_section: Section, alignment: Alignment, settings: Settings):
    """Counts with no unit the reader knows ("74 killings" / "47 exécutions"): only
    between two sentences that say the same thing."""
    for i, j, x, y in count_pairs(a_section, b_section):
        # a count of the same thing, spelled alike in both ("11,700 active satellites"
        # / "10 700 satellites actifs"), needs only the sentence match of counts with a unit
        needed = (settings.fact_sentence_cosine if _counted_alike(a_section, x, b_section, y)
                  else settings.unitless_number_cosine)
        if alignment.sentence_cosine((a_section.id, i), (b_section.id, j)) >= needed:
            yield "number", None, x, y


def _counted_alike(a: Section, x: Fact, b: Section, y: Fact) -> bool:
    """Do the words just after two counts share a cognate (what is counted)?"""
    def counted(section: Section, fact: Fact) -> set[str]:
        # within the count's own sentence ("every 10 minutes. Article 7 of the Convention …")
        after = re.split(r"[.;:!?](?:\s|$)", section.text[fact.end:fact.end + 40], maxsplit=1)[0]
        return {cognate_stem(w) for w in _content_words(after)[:3]}

    return bool(counted(a, x) & counted(b, y))


def count_pairs(a_section: Section, b_section: Section):
    """(sentence, sentence, count, count): two body sentences each holding exactly one
    unit-less count the other does not write. Both without a unit: "three decades" /
    "trente ans" is one quantity in two units."""
    yield from _lone_pairs(a_section, b_section, "number")


def _lone_pairs(a_section: Section, b_section: Section, kind: str):
    """(sentence, sentence, fact, fact): two body sentences each holding exactly one fact
    of ``kind`` (with no unit) that the other does not write."""
    if a_section.kind != BODY or b_section.kind != BODY:
        return
    counts = {section.id: [f for f in section.facts if f.kind == kind and not _pair_word(f)]
              for section in (a_section, b_section)}
    for i, sentence_a in enumerate(a_section.sentences):
        xs = [f for f in counts[a_section.id] if f.text in sentence_a]
        for j, sentence_b in enumerate(b_section.sentences):
            ys = [f for f in counts[b_section.id] if f.text in sentence_b]
            left = [x for x in xs if not _written_in(x, tuple(ys))]
            right = [y for y in ys if not _written_in(y, tuple(xs))]
            if len(left) == 1 and len(right) == 1 and left[0].unit is None and right[0].unit is None:
                yield i, j, left[0], right[0]


def _pair_word(fact: Fact) -> bool:
    """"Two" or « deux » in words: grammar more than a count ("les deux États" for "both
    States"), so it never stands for the one count a sentence holds."""
    return not fact.text[:1].isdigit() and fact.value[0] <= 2


def _same_statement(a: Section, x: Fact, b: Section, y: Fact, alignment: Alignment, settings: Settings) -> bool:
    """Do the sentences holding two facts say the same thing? Linked sections can
    hold several statements; two numbers differ only if their sentences match.
    Boilerplate twins (the next-meeting line) are one statement."""
    if a.kind != BODY or b.kind != BODY:
        return True
    i = next((n for n, sentence in enumerate(a.sentences) if x.text in sentence), None)
    j = next((n for n, sentence in enumerate(b.sentences) if y.text in sentence), None)
    if i is None or j is None:
        return False
    return alignment.sentence_cosine((a.id, i), (b.id, j)) >= settings.fact_sentence_cosine


def _with_counted(sentence: str, count: str, unit: str | None) -> str:
    """A count with the word after it when that word says what is counted ("11 women",
    « 3 248 personnes »): not a word of grammar ("40 per cent of"), and, for a count of
    a known unit, that unit's word (not "almost nine devastating years")."""
    found = re.search(rf"(?<![\w-]){re.escape(count)}(?![\w-])", sentence)
    after = re.match(r"\s+([^\W\d_][\w'’-]*)", sentence[found.end():]) if found else None
    word = fold(after.group(1)).lower() if after else ""
    if not after or word in FUNCTION_WORDS or len(word) < 3 or (unit and load_vocabulary().units.get(word) != unit):
        return count
    return count + after.group(0)


def _sentence_of(section: Section, fact: Fact) -> str:
    """The sentence of ``section`` that holds ``fact`` (the reader checks it in both languages)."""
    for sentence in section.sentences:
        if fact.text in sentence:
            return sentence
    return section.text


_RESOLUTION_ON = re.compile(r"\b(?:resolution|decision|draft resolution) on ([^,;.]{3,90})|\b(?:résolution|décision) sur ([^,;.]{3,90})", re.I)


def _subject(sentence_en: str, sentence_fr: str) -> tuple[str | None, bool]:
    """A document symbol (A/HRC/54/L.12), else the topic of "resolution on …", in
    either sentence; and whether it is a resolution's topic."""
    for sentence in (sentence_en, sentence_fr):
        symbol = SYMBOL.search(sentence)
        if symbol:
            return symbol.group(0), False
    for sentence in (sentence_en, sentence_fr):
        topic = _RESOLUTION_ON.search(sentence)
        if topic:
            return (topic.group(1) or topic.group(2)).strip(), True
    return None, False


#: What a fact of the next-meeting line is about (render.SUBJECT_TITLES translates it).
NEXT_MEETING_SUBJECT = "next meeting"
#: A heading longer than this is a sub-title that sums up the meeting, not a subject.
_SUBJECT_HEADING_LENGTH = 100


def _headings(en: Section, fr: Section, leads: set) -> str | None:
    """The headings the two sections stand under ("Question of the death penalty / Question
    de la peine de mort"): what a fact is about when its sentences name no document
    ("The resolution was then adopted by a recorded vote of …")."""
    found = [s.heading for s in (en, fr) if s.heading and s.id not in leads and len(s.heading) <= _SUBJECT_HEADING_LENGTH]
    return " / ".join(dict.fromkeys(found)) or None


def _values(kind: str, en: Fact, fr: Fact) -> str:
    if kind == "vote":
        return " / ".join("–".join(str(v) for v in f.value if v is not None) for f in (en, fr))
    return f"{en.text} / {fr.text}"


def _written_in(fact: Fact, others: tuple[Fact, ...]) -> bool:
    return any(other.kind == fact.kind and same_value(fact, other) for other in others)


def _unmatched_pairs(a: list[Fact], b: list[Fact]) -> list[tuple[Fact, Fact]]:
    """Facts on each side with no equal value on the other, paired in order."""
    left = [x for x in a if not any(same_value(x, y) for y in b)]
    right = [y for y in b if not any(same_value(x, y) for x in a)]
    return list(zip(left, right))


def covered_shares(en: list[Section], fr: list[Section], alignment: Alignment, flags: list[CoverageFlag]) -> dict[str, float]:
    """Share of each version's body text that the other version covers: the body
    sections that have a counterpart in the alignment (the same links the
    side-by-side view shows), less the sentences flagged as topics only it covers."""
    linked = {lang: {getattr(link, lang) for link in alignment.links} for lang in ("en", "fr")}
    shares = {}
    for lang, sections in (("en", en), ("fr", fr)):
        body = [s for s in sections if s.kind == BODY]
        total = sum(len(s.text) for s in body)
        covered = sum(len(s.text) for s in body if s.id in linked[lang])
        flagged = sum(
            len(getattr(f, lang) or "") for f in flags
            if f.kind == "topic" and f.only_in == lang and set(f.sections[lang]) & linked[lang]
        )
        shares[lang] = round((covered - flagged) / total, 3) if total else 1.0
    return shares
