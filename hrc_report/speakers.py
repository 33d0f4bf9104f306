"""Find speaker lists by the names they hold, and split them into names.

A sentence is a speaker list when its separator-joined chunks are names the
resolver knows (States, the EU, groups, UN bodies, NHRIs, known NGOs), not
because it opens with one of a few fixed phrases: published summaries open
and close their lists in many ways ("Speaking were …", "Speakers included …",
"A, B and C spoke in right of reply.", "Ont pris la parole les délégations
suivantes : …", "La Chine et le Japon ont exercé leur droit de réponse.").
Cue words anywhere in the sentence say *which* list (reply, concerned, vote,
NGO); the phrase tables live in :mod:`hrc_report.patterns`.

How a sentence is read, first match wins:

1. an opener ("were", "included", "Ont pris la parole") or a colon: the names
   follow it;
2. a list between dashes inside a French sentence;
3. a closing verb ("spoke in right of reply", "ont exercé leur droit de
   réponse"): the names are the known chunks just before it;
4. no cue: a run of several known names in a row;
5. "X, speaking as the country concerned, said …": X is the concerned State.

A body sentence is not a list: "Speaking on behalf of the Arab Group, Qatar
said that the talks were overdue" has too few known names after "were".
NGO names may hold commas and "and" ("Maat for Peace, Development and Human
Rights Association"), so the split only cuts where the pieces read as names.
"""

from __future__ import annotations

import re
from typing import Callable

from . import patterns as P
from .models import SpeakerEntry
from .sentences import split_sentences
from .settings import DEFAULT, Settings

I = re.IGNORECASE
Known = Callable[[str], bool]

_ARTICLE_FR = re.compile(r"^(?:le |la |les |l['’])(?=\S)", I)
_ARTICLE_EN = re.compile(r"^the (?=[A-Z])")
_LEADING_AND = {"en": re.compile(r"^and\s+", I), "fr": re.compile(r"^et\s+", I)}
_AND = {"en": re.compile(r"\s+and\s+"), "fr": re.compile(r"\s+et\s+")}
#: Prose lists say what each speaker did: "la Chine, qui a demandé …".
_RELATIVE = r"(?:qui|dont|lequel|laquelle|lesquels|lesquelles|which|who|whose)"
_RELATIVE_CLAUSE = re.compile(rf",?\s+{_RELATIVE}\s")
#: Pieces that only make sense with the name before them.
_ATTACHED = re.compile(
    rf"^(?:\(?(?:also |jointly |également |aussi )?(?:speaking )?(?:on behalf of|in the name of|(?:au nom|pour le compte)(?: également| aussi)? d|"
    rf"s.exprimant au nom)|(?-i:{_RELATIVE})\s)",
    I,
)
#: "X for Peace" + ", " + "Development and Human Rights Association": one NGO.
_ENDS_WITH_FOR_WORD = re.compile(r"\b(?:for|of|pour|de)\s+[A-Z][\w'’-]*$")
_DASH_LIST = re.compile(r"\s[–—]\s(?P<names>[^–—]{1,3000}?)(?:\s[–—]|$)")
#: A chunk longer than this is prose, not a name.
MAX_NAME_WORDS = 16


def split_top_level(text: str, separators: str = ",;") -> list[str]:
    """Split on separators that are not inside parentheses."""
    parts, depth, current = [], 0, []
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        if ch in separators and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


# --- names inside a list ---------------------------------------------------------------

def split_names(text: str, lang: str, known: Known = lambda name: False, ngos: bool = False) -> list[tuple[str, str | None]]:
    """Split a list into (name, on behalf of) pairs, in order.

    ``known`` says whether a string is a name the resolver knows; it keeps
    known names with commas or "and" whole and chooses where to cut. ``ngos``: a list
    of organisations, whose names may hold commas when semicolons cut the list.
    """
    text = P.LIST_JOIN[lang].sub(", ", re.sub(r"\s+", " ", text)).strip().rstrip(".;, ")
    # "…, on behalf of groups of States, A (…), B (…), and, in their national capacity, C, D": labels, not names
    text = P.GROUPING_LABEL.sub(", ", text).strip(" ,")
    # organisations cut by semicolons keep the commas of their names ("Maat for Peace,
    # Development and Human Rights Association; Americans for Democracy & …; …")
    semicolons = split_top_level(text, ";")
    chunks = semicolons if ngos and len(semicolons) >= 3 else split_top_level(text)
    if not chunks:
        return []
    # A trailing "on behalf of ..." or "qui a ..." cut off by a comma belongs to the name before it.
    merged: list[str] = []
    for chunk in chunks:
        if merged and _ATTACHED.match(chunk):
            merged[-1] = f"{merged[-1]} {chunk}"
        else:
            merged.append(chunk)
    # The serial comma: "…, and Tripla Difesa …".
    names: list[str] = []
    for position, chunk in enumerate(merged):
        chunk = _LEADING_AND[lang].sub("", chunk) if position else chunk
        if names and _continues(names[-1], chunk, lang, known):
            names[-1] = f"{names[-1]}, {chunk}"
        else:
            names.append(chunk)
    pieces = [piece for n, name in enumerate(names) for piece in _split_and(name, lang, known, n == len(names) - 1)]
    return [pair for pair in (_on_behalf(_clean(piece, lang, known), lang, known) for piece in pieces) if pair[0]]


def _clean(name: str, lang: str, known: Known) -> str:
    """Drop what prose adds around a name: 'et le Bélarus, qui a rejeté …' -> 'Bélarus';
    'les représentants de l'UNICEF' -> 'UNICEF' (only when what is left is a known name)."""
    name = _RELATIVE_CLAUSE.split(_LEADING_AND[lang].sub("", name.strip()), maxsplit=1)[0].strip(" ,;.")
    if ":" in name and not known(name):
        name = name.rsplit(":", 1)[1].strip()
    stripped = P.LEADING_FUNCTION_WORDS.sub("", name)
    if stripped and stripped != name and known(_bare(stripped, lang, known)) and not known(_bare(name, lang, known)):
        return stripped
    return (_ARTICLE_FR if lang == "fr" else _ARTICLE_EN).sub("", name)


def _bare(name: str, lang: str, known: Known) -> str:
    """The name as it will be resolved, without its "on behalf of" part."""
    return _on_behalf(name, lang, known)[0]


def _is_name(name: str, lang: str, known: Known) -> bool:
    return known(_bare(_clean(name, lang, known), lang, known))


def _split_and(chunk: str, lang: str, known: Known, last: bool = False) -> list[str]:
    """Cut a chunk at "and"/"et" (outside brackets) where the pieces are known names.

    'Trinidad and Tobago and Antigua and Barbuda' -> two States; 'Chile and
    Bosnia and Herzegovina' -> two; 'Tunisia on behalf of the African Group and
    Pakistan' -> two speakers; 'Honduras on behalf of the Community of Latin
    American and Caribbean States' -> one. Among the ways to cut, the one with
    the most known pieces wins, then the one with fewest unknown pieces, then
    the one with fewest pieces. "also on behalf of Jordan and Morocco" keeps
    the States after it in the group. ``last``: the list's last chunk, where
    unknown names (NGOs) may still be cut when both sides read as names.
    """
    joiner = " and " if lang == "en" else " et "
    segments = _split_outside_brackets(chunk, _AND[lang])
    also = P.ALSO_ON_BEHALF[lang].search(chunk)
    if also:  # the States after "also on behalf of" are the group, not more speakers
        keep = next(i for i in range(len(segments)) if also.start() < len(joiner.join(segments[: i + 1])))
        segments = segments[:keep] + [joiner.join(segments[keep:])]
    if len(segments) == 1 or known(chunk):
        return [chunk]
    best: list[tuple[tuple[int, int, int], list[str]]] = [((0, 0, 0), [])]
    for end in range(1, len(segments) + 1):
        options = []
        for start in range(end):
            piece = joiner.join(segments[start:end])
            (k, u, n), parts = best[start]
            good = _is_name(piece, lang, known)
            options.append(((k + good, u - (not good), n - 1), parts + [piece]))
        best.append(max(options, key=lambda option: option[0]))
    (known_pieces, _, _), parts = best[-1]
    if known_pieces or not last:
        return parts if known_pieces else [chunk]
    # No piece is known: unknown names (NGOs) cut only where both sides still read
    # as names; a single word after "and" ("Human Rights and Development") is part of the name.
    left, right = chunk.rsplit(joiner, 1)
    words = [w for w in right.split() if w not in _NAME_PARTICLES]  # "Centro de Estudios …"
    if len(words) >= 2 and words[0][:1].isupper() and words[1][:1].isupper():
        return [left, right]
    return [chunk]


#: Lowercase words inside Spanish, Portuguese, French and Italian names.
_NAME_PARTICLES = frozenset("de del da do dos das des di della y e".split())


def _split_outside_brackets(text: str, pattern: re.Pattern[str]) -> list[str]:
    pieces, start = [], 0
    for match in pattern.finditer(text):
        if text.count("(", 0, match.start()) == text.count(")", 0, match.start()):
            pieces.append(text[start:match.start()])
            start = match.end()
    pieces.append(text[start:])
    return [p for p in pieces if p.strip()]


def _continues(previous: str, chunk: str, lang: str, known: Known) -> bool:
    """Does ``chunk`` continue the name before it (an NGO name with a comma)?"""
    if known(f"{previous}, {chunk}"):
        return True
    parts = _split_and(chunk, lang, known, True)
    if _is_name(chunk, lang, known) or _is_name(previous, lang, known) or (
        len(parts) >= 2 and all(_is_name(part, lang, known) for part in parts)
    ):
        return False
    if _clean(chunk, lang, known)[:1].islower():
        return True
    return bool(_ENDS_WITH_FOR_WORD.search(previous)) and (" and " in chunk or " et " in chunk)


def _behalf_match(name: str, lang: str, known: Known) -> tuple[str, str] | None:
    """(speaker, group) when ``name`` speaks on behalf of a group."""
    match = P.ON_BEHALF[lang].match(name)
    if match:
        group = match["group"]
        if group.count("(") == group.count(")") + 1 and name.endswith(")"):
            group += ")"  # the pattern's optional closing bracket took the group's own
        if group.count("(") == group.count(")"):
            return match["name"], _without_members(group, known)
    # "Pakistan for the OIC", "Saudi Arabia (Arab Group)": only with a known group.
    match = P.ON_BEHALF_FOR[lang].match(name)
    if match and known(match["group"]) and not known(name):
        return match["name"], match["group"]
    paren = re.match(r"^(?P<name>.+?)\s*\((?P<group>[^()]+)\)$", name)
    if paren and not known(name) and known(paren["name"]) and _is_group(paren["group"]):
        return paren["name"], paren["group"]
    return None


def _without_members(group: str, known: Known) -> str:
    """The group without the members it lists in brackets: "the Troika (Norway, United
    Kingdom and United States)" is the Troika."""
    # "the core group of the Convention against Torture Initiative, made up of Chile, Denmark, …"
    told = re.match(r"^(?P<group>.+?),\s*(?:made up of|composed of|comprising|composée? de|formée? de)\s+(?P<members>[^()]+)$", group)
    members = told or re.match(r"^(?P<group>.+?)\s*\((?P<members>[^()]+)\)$", group)
    if members:
        names = [n.strip() for n in re.split(r",|\s(?:and|et)\s", members["members"]) if n.strip()]
        if len(names) >= 2 and all(known(n) for n in names):
            return members["group"]
    return group


def _is_group(text: str) -> bool:
    from .names import load_index

    found = load_index().lookup(text)  # the lookup key drops a leading article itself
    return bool(found) and found[1] in ("group", "eu", "other")


def _on_behalf(name: str, lang: str, known: Known) -> tuple[str, str | None]:
    name = name.strip()
    match = _behalf_match(name, lang, known)
    if not match:
        return name, None
    # Kept as written ("d’un groupe de pays"); the resolver drops the preposition.
    return match[0].strip(" ,("), match[1].strip()


# --- which sentences are lists ----------------------------------------------------------

def list_context(sentence: str) -> str:
    """Which list a sentence's names form, from its cue words (discussion by default)."""
    for context, pattern in P.LIST_CUES:
        if pattern.search(sentence):
            return context
    return "discussion"


def extract_lists(
    text: str, lang: str, line: int, known: Known, settings: Settings = DEFAULT, sentences: tuple[str, ...] | None = None
) -> tuple[bool, list[SpeakerEntry], tuple[int, ...]]:
    """Speaker entries in one paragraph: (is the paragraph mostly a list, the
    entries, the indices of its list sentences).

    A body paragraph can hold a list sentence; it stays a body paragraph but
    its names are still entries, and its list sentences are not compared as prose.
    """
    entries: list[SpeakerEntry] = []
    listed: list[int] = []
    sentences = sentences if sentences is not None else split_sentences(text, lang)
    announced = None
    for number, sentence in enumerate(sentences):
        found, only_a_list = _read(sentence, lang, known, settings, announced)
        entries += [SpeakerEntry(context, name, behalf, line, not only_a_list) for context, name, behalf in found]
        if found and only_a_list:
            listed.append(number)
        # "The Council heard rights of reply … . Azerbaijan, Armenia and Japan spoke.": a
        # sentence that names a list but no one in it announces the next one's list
        context = list_context(sentence)
        announced = context if not found and context != "discussion" else None
    share = sum(len(sentences[n]) for n in listed)
    return bool(entries) and share >= settings.list_paragraph_share * len(text.strip()), entries, tuple(listed)


def list_like(sentence: str, state_count: int, settings: Settings = DEFAULT) -> bool:
    """Does a sentence look like a speaker list, read or not: a speaking cue and
    several States ("Nine delegations took the floor on Uruguay's outcome
    (Argentina, Bolivia (Plurinational State of), …)")? Such a sentence is no
    topic of its own, and its States are not established as missing from it."""
    return state_count >= settings.bare_list_min_names and bool(P.SPEAKING_CUE.search(sentence))


def names_in_list_like(sentence: str, lang: str, known: Known) -> list[str]:
    """The known names (as written) of a sentence with a speaking cue and at least two
    of them, read as a list or not ("… et les représentants de l'Union européenne,
    … et du Fonds des Nations Unies pour l'enfance (UNICEF) ont pris part au débat")."""
    if not P.SPEAKING_CUE.search(sentence):
        return []
    # every comma- or "and"-cut piece, cleaned of the prose around a name
    pieces = re.split(r"[,;()]|\s(?:and|et)\s", sentence)
    names = [name for name in (_clean(piece, lang, known) for piece in pieces) if name and known(name)]
    return names if len(names) >= 2 else []


def read_sentence(sentence: str, lang: str, known: Known, settings: Settings = DEFAULT) -> list[tuple[str, str, str | None]]:
    """(list, name, on behalf of) for each speaker a sentence lists; [] for a body sentence."""
    return _read(sentence, lang, known, settings)[0]


def _read(sentence: str, lang: str, known: Known, settings: Settings, announced: str | None = None):
    """(speakers, is the sentence only a list). A list inside a sentence that says
    something else ("… a entendu cinq délégations – A, B – ainsi que …", "X,
    speaking as the country concerned, said that …") stays prose to compare.
    ``announced``: the list the sentence before announced without naming anyone."""
    sentence = sentence.strip()
    if P.VOTE_BREAKDOWN.match(sentence):
        return [], False
    # "A, B and C spoke in favour of them, while D and E spoke against": two lists
    parts = [part for part in P.CONTRAST_JOIN.split(sentence) if part.strip()]
    if len(parts) > 1:
        read = [_read(part, lang, known, settings, announced) for part in parts]
        if any(found for found, _ in read):
            return [entry for found, _ in read for entry in found], all(only for found, only in read if found)
    context = list_context(_cue_region(sentence, lang))
    if context == "discussion" and announced:
        context = announced
    # States named as the subject of reports, with no one said to speak, are no speakers
    reports_only = bool(P.REPORT_SUBJECT.search(sentence)) and not P.SPEAKING_CUE.search(sentence)
    for reader, only_a_list in READERS:
        if reports_only and reader in DEBATE_READERS:
            continue
        found = reader(sentence, lang, known, settings, context)
        if found:
            return found, only_a_list
    return [], False


def _cue_region(sentence: str, lang: str) -> str:
    """Where a list's cue words are: up to the end of the clause its closing verb
    starts ("A and B spoke in right of reply"), not the rest of the sentence ("…
    explained their votes, saying that mandates imposed on the State concerned …")."""
    closer = P.LIST_CLOSER[lang].search(sentence)
    if not closer:
        # "… delivered by Cuba, China and Viet Nam, which said that … the State concerned …"
        said = P.WHAT_THEY_SAID.search(sentence)
        return sentence[: said.start()] if said else sentence
    end = re.search(r"[,;:]", sentence[closer.end():])
    return sentence[: closer.end() + end.start()] if end else sentence


def _opening(sentence: str, lang: str) -> int | None:
    """Where the names start: after the first opener word or top-level colon."""
    ends = []
    opener = P.LIST_OPENER[lang].search(sentence)
    if opener:
        ends.append(opener.end())
    depth = 0
    for position, ch in enumerate(sentence):
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if ch == ":" and depth == 0 and not sentence[position + 1:position + 3] == "//":
            ends.append(position + 1)
            break
    return min(ends) if ends else None


def _after_opener(sentence, lang, known, settings, context):
    start = _opening(sentence, lang)
    if start is None:
        return []
    # "Also speaking were the following non-governmental organizations: …": the names
    # start after the announcement, which belongs to the cue
    announcement = re.match(r"\s*(?:the following|les (?:[\w-]+ ){1,3}suivant(?:e|s|es)?)\b[^:.;]{0,80}:\s*", sentence[start:], I)
    if announcement:
        start += announcement.end()
    # "X also took the floor, as did the following non-governmental organizations: …":
    # the clause that announces the names says which list they are
    clause = re.split(r"[,;]", sentence[:start])[-1]
    if P.THE_FOLLOWING.search(clause) and list_context(clause) != "discussion":
        context = list_context(clause)
    found = _cued(sentence[:start], sentence[start:], lang, known, settings, context)
    # "The National Human Rights Commission of Korea and the following non-governmental
    # organizations took the floor: …": the names before the turn to NGOs speak too.
    turn = P.NGO_TURN[lang].search(sentence[:start])
    if found and turn:
        first = [(context, n, b) for n, b in _known_head(split_names(sentence[: turn.start()], lang, known), known)]
        found = first + found
    return found


def _between_dashes(sentence, lang, known, settings, context):
    match = _DASH_LIST.search(sentence)
    if not match or "," not in match["names"]:
        return []
    found = _cued(sentence[: match.start()], match["names"], lang, known, settings, context)
    return found + [(context, n, b) for n, b in _joined_after(sentence[match.end():], lang, known)] if found else []


def _cued(prefix: str, region: str, lang: str, known: Known, settings: Settings, context: str):
    """Names after a cue: accepted when enough of them are known, or when they are NGOs."""
    parts = P.NGO_TURN[lang].split(region, maxsplit=1)
    found: list[tuple[str, str, str | None]] = []
    is_ngo_list = context == "ngos" and bool(P.NGO_WORDS.search(prefix))
    main = split_names(parts[0], lang, known, ngos=is_ngo_list)
    head = _known_head(main, known)
    if not is_ngo_list and len(head) >= 2 and head != main and P.SPEAKING_CUE.search(prefix):
        # "… ont été formulées par l'Égypte, la Suisse et le Paraguay, l'Égypte insistant
        # sur …": the list, then what its speakers said
        main = head
    if main and (is_ngo_list or _enough_known(prefix, main, known, settings)):
        found += [("ngos" if is_ngo_list else context, name, behalf) for name, behalf in main]
    elif len(parts) == 1:
        return []
    if len(parts) == 2:
        found += [("ngos", name, behalf) for name, behalf in split_names(parts[1], lang, known, ngos=True)]
    return found


def _enough_known(prefix: str, names: list[tuple[str, str | None]], known: Known, settings: Settings) -> bool:
    if any(len(name.split()) > MAX_NAME_WORDS for name, _ in names):
        return False
    count = sum(1 for name, _ in names if known(name))
    if count == 0 or count < settings.cued_list_known_share * len(names):
        return False
    return count >= settings.bare_list_min_names or bool(P.SPEAKING_CUE.search(prefix))


def _before_closer(sentence, lang, known, settings, context):
    match = P.LIST_CLOSER[lang].search(sentence)
    if not match:
        return []
    region = _counted_group(sentence[: match.start()])
    after = sentence[match.end():]
    if P.BEHALF_AFTER_CLOSER[lang].match(after):
        region = f"{region} {after}"
    names = split_names(region, lang, known)
    run = _known_tail(names, known)
    run += _joined_after(after, lang, known) if run else []
    return [(context, name, behalf) for name, behalf in run]


def _counted_group(region: str) -> str:
    """The names of "Neuf États (Mexique, Égypte au nom du Groupe africain, …, Algérie)
    ont pris la parole": a count, then its names in parentheses, just before the
    closing verb; any other region as it is."""
    text = region.rstrip(" ,")
    if not text.endswith(")"):
        return region
    depth = 0
    for position in range(len(text) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(text[position], 0)
        if depth == 0:
            # a short head with no list of its own ("Neuf États", "Nine delegations"),
            # not "… and Egypt (on behalf of the Arab Group, …)"
            head, inner = text[:position], text[position + 1:-1]
            return inner if "," in inner and "," not in head and len(head.split()) <= 4 else region
    return region


def _joined_after(after: str, lang: str, known: Known):
    """Names joined after the list's end: "… also took the floor, as well as the ICRC";
    "– A, B, C – ainsi que le Comité international de la Croix-Rouge"."""
    more = P.LIST_JOIN[lang].search(after)
    if not more or after[: more.start()].strip(" ,–—"):
        return []
    return _known_head(split_names(after[more.end():], lang, known), known)


def _known_tail(names, known):
    """The known names at the end of a list, the words before them dropped."""
    return _known_head(names[::-1], known)[::-1]


def _known_head(names, known):
    """The known names at the start of a list, the words after them dropped."""
    run = []
    for name, behalf in names:
        if not known(name):
            break
        run.append((name, behalf))
    return run


def _bare_run(sentence, lang, known, settings, context):
    names = split_names(sentence, lang, known)
    best: list = []
    run: list = []
    for name, behalf in names + [("", None)]:
        if name and known(name) and len(name.split()) <= MAX_NAME_WORDS:
            run.append((name, behalf))
            continue
        best = max(best, run, key=len)
        run = []
    if len(best) < settings.bare_list_min_names:
        return []
    # "… concluding observations on the reports of Colombia, Kenya, Chile and
    # Zambia" names States but is no speaker list: without a speaking cue the
    # names must make up most of the sentence.
    named = sum(len(name) + len(behalf or "") for name, behalf in best)
    if not P.SPEAKING_CUE.search(sentence) and named < settings.bare_list_share * len(sentence):
        return []
    return [(context, name, behalf) for name, behalf in best]


def _cued_speaker(sentence, lang, known, settings, context):
    """'Ethiopia, speaking as the country concerned, said …' -> Ethiopia, concerned;
    'Speaking in right of reply, Rwanda rejected …' -> Rwanda, right of reply."""
    for list_name, pattern in P.CUED_SPEAKER:
        cue = pattern.search(sentence)
        if not cue:
            continue
        for chunk in split_top_level(sentence):
            if pattern.search(chunk) and not chunk.startswith(cue.group(0).strip()[:4]):
                chunk = chunk[: pattern.search(chunk).start()]
            name = _leading_name(_clean(chunk, lang, known), known)
            if name:
                return [(list_name, name, None)]
    return []


def _representatives(sentence, lang, known, settings, context):
    """Speakers told in prose by their title: "The representative of Ireland, speaking on
    behalf of the New Agenda Coalition, said …" -> Ireland for the Coalition;
    « Les représentants de l'Australie, de la Suède et du Kazakhstan ont … » -> three."""
    match = P.REPRESENTATIVE[lang].search(sentence)
    if not match:
        return []
    names = match["names"]
    rest = sentence[match.end("names"):]
    if re.match(r"^,\s*(?:speaking |s['’]exprimant )?(?:on behalf of|au nom d)", rest, I):
        # ", speaking on behalf of the New Agenda Coalition (Brazil, Egypt, …), said": to the clause's end
        clause = split_top_level(rest.lstrip(", "))
        names = f"{names}, {clause[0]}" if clause else names
    return [(context, name, group) for name, group in _known_head(split_names(names, lang, known), known)]


def _in_brackets(sentence, lang, known, settings, context):
    """Speakers grouped by what they said, each group's names in brackets after it
    (« Plusieurs délégations (Union européenne, Slovénie) ont estimé …, D'autres (Chine,
    Malaisie) ont présenté … »): each bracket read as a list of known names (an NGO
    group's names as NGOs)."""
    found = []
    for match in P.SPEAKERS_IN_BRACKETS.finditer(sentence):
        ngos = bool(P.NGO_WORDS.search(match["head"]))
        names = split_names(match["names"], lang, known, ngos=ngos)
        if ngos:
            found += [("ngos", name, behalf) for name, behalf in names]
        elif len(names) >= 2 and _enough_known(match["head"], names, known, settings):
            found += [(context, name, behalf) for name, behalf in names if known(name)]
    return found


def _reviewed_state(sentence, lang, known, settings, context):
    """A review: "… concluded its consideration of the report of Paraguay", "… adopted
    the outcomes of the Universal Periodic Review of Mauritania and Mongolia": the
    reviewed State's delegation speaks as the country concerned."""
    match = P.REVIEWED_STATE[lang].search(sentence)
    if not match or P.SESSION_SCOPE.search(sentence):
        return []
    rest = re.split(r"[.;:]", match["rest"], maxsplit=1)[0]
    names = [name for name, _ in _known_head(split_names(rest, lang, known), known)]
    if not names:
        # "… présenté par la République démocratique populaire lao au titre de la Convention"
        lead = _leading_name(_clean(rest, lang, known), known)
        names = [lead] if lead else []
    return [("concerned", name, None) for name in names]


#: The ways a sentence is read, in order, and whether such a sentence is only a list.
READERS = (
    (_after_opener, True),
    (_in_brackets, False),
    (_between_dashes, False),
    (_before_closer, True),
    (_bare_run, True),
    (_cued_speaker, False),
    (_representatives, False),
    (_reviewed_state, False),
)
#: The readers of the debate's speaker lists (the others read one cued speaker or a reviewed State).
DEBATE_READERS = frozenset((_after_opener, _in_brackets, _between_dashes, _before_closer, _bare_run))


def _leading_name(text: str, known: Known) -> str | None:
    """The longest run of words at the start of ``text`` that is a known name."""
    words = text.split()
    for size in range(min(len(words), 8), 0, -1):
        candidate = " ".join(words[:size]).strip(" ,;.")
        if known(candidate):
            return candidate
    return None
