"""Resolve speaker names, in English or French, to one canonical id.

States come from maintained data only: the UN terminology names of OCHA's
taxonomy (copied from hdx-python-country, see data/un_taxonomy.PROVENANCE.md),
pycountry's ISO 3166-1 names in English and French (copied, see
data/iso3166.PROVENANCE.md) and Babel's CLDR territory names. What no library has
(groups, the EU, UN bodies, national human rights institutions, NGO
translations, and State names the UN used before a rename) is hand-curated in
``data/*.csv``.
"""

from __future__ import annotations

import csv
import functools
import importlib.resources
import io
import logging
import re
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Iterator

from .lists import CUED_LISTS
from .models import NameMatch, Span, Speaker
from .normalise import fold, name_key, slug
from .settings import DEFAULT, Settings

log = logging.getLogger(__name__)

#: UN observer States; every other UN member is kind "state".
OBSERVER_STATES = frozenset({"VAT", "PSE"})

# Lower number wins when two sources give the same key to different ids; two
# ids at the same level make the key ambiguous at that level.
_CURATED, _UN_TERMS, _LIBRARY, _DERIVED = 0, 1, 2, 3

_TAGS = re.compile(
    r"\s*\((?:video|vid[eé]o|by video|video statement|video message|par vid[eé]o|"
    r"d[eé]claration (?:par )?vid[eé]o|message vid[eé]o|par visioconf[eé]rence|"
    r"joint statement|d[eé]claration conjointe)\)\s*",
    re.IGNORECASE,
)
#: "au nom d’un groupe de pays", "du Groupe africain": the group's name follows the preposition.
_GROUP_PREPOSITION = re.compile(r"^(?:de la |de l['’]|des |du |de |d['’])", re.IGNORECASE)
_PARENTHETICAL = re.compile(r"\s*\([^()]*\)\s*$")
_ELISION = re.compile(r"^(?:l|d|qu|jusqu|lorsqu|puisqu)'")
#: Longer strings are not names: they are never matched fuzzily (which costs
#: length times the number of names).
MAX_NAME_LENGTH = 200
#: A name never ends with a relative pronoun or a conjunction ("the institution that").
_DANGLING = re.compile(r"\s(?:that|which|who|whom|whose|qui|que|dont|and|et)$", re.I)
_NHRI_HINT = re.compile(
    r"\b(?:ombuds(?:man|person)|m[eé]diateur|d[eé]fen(?:der|seur)|defensor[ií]a|"
    # "Independent Commission for Human Rights", « Commission indépendante des droits de l'homme »
    r"human rights commission|commission (?:[\w'’-]+ ){0,2}?(?:on|for) human rights|commission (?:[\w'’-]+ ){0,2}?(?:des|for) droits|"
    r"national human rights|institution nationale|commissioner for human rights|"
    r"commissaire aux droits|protecteur du citoyen|public defender|people's advocate)",
    re.IGNORECASE,
)


def _data_file(name: str) -> str:
    return importlib.resources.files("hrc_report").joinpath("data", name).read_text("utf-8")


def _read_csv(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(_data_file(name))))


def _un_taxonomy() -> list[dict[str, str]]:
    # OCHA's UN terminology taxonomy, copied from hdx-python-country with its
    # provenance (data/un_taxonomy.PROVENANCE.md; scripts/refresh_taxonomy.py).
    return _read_csv("un_taxonomy.csv")


def _invert_comma(name: str) -> str:
    """ISO style 'Korea, Republic of' / 'Russie, Fédération de' -> natural order."""
    if name.count(",") != 1:
        return name
    head, tail = (part.strip() for part in name.split(","))
    if tail.lower().endswith((" of", " de", " du", " des", " d'", " d’")) or tail.lower() in {"the"}:
        return f"{tail} {head}"
    if tail.lower().endswith(("état plurinational de", "république de")):
        return f"{tail} {head}"
    return name


class _Builder:
    def __init__(self) -> None:
        self.candidates: dict[str, dict[int, set[tuple[str, str]]]] = defaultdict(lambda: defaultdict(set))
        #: keys that are abbreviations ("UK", "CAR", "oPt"): fine as a whole
        #: speaker name, too risky to look for inside running text
        self.abbreviations: set[str] = set()

    def add(self, name: str | None, ident: str, kind: str, level: int) -> None:
        if not name or not name.strip():
            return
        key = name_key(name)
        if key:
            self.candidates[key][level].add((ident, kind))
            if len(key) < 4 or (name.isupper() and " " not in name.strip()):
                self.abbreviations.add(key)

    def add_with_variants(self, name: str | None, ident: str, kind: str, level: int) -> None:
        if not name:
            return
        natural = _invert_comma(name)
        self.add(name, ident, kind, level)
        self.add(natural, ident, kind, level)
        stripped = _PARENTHETICAL.sub("", natural)
        if stripped and stripped != natural:
            # "Iran (Islamic Republic of)" is also written "Iran"; the bare form
            # is derived, so a real name elsewhere always wins over it.
            self.add(stripped, ident, kind, _DERIVED)

    def build(self) -> dict[str, tuple[str, str]]:
        index: dict[str, tuple[str, str]] = {}
        for key, levels in self.candidates.items():
            # Only the best source counts: two ids there make the key ambiguous,
            # and a lower-priority source cannot settle it.
            ids = levels[min(levels)]
            if len({ident for ident, _ in ids}) == 1:
                index[key] = next(iter(ids))
        return index


def _state_kind(iso3: str, row: dict[str, str] | None) -> str:
    if iso3 in OBSERVER_STATES:
        return "observer"
    if row is not None and row.get("Appears in DGACM list") == "Y":
        return "state"
    if row is not None and row.get("Independent") == "Y":
        return "state"
    return "other"


class NameIndex:
    """Every known spelling of every entity, keyed by :func:`name_key`."""

    def __init__(
        self,
        index: dict[str, tuple[str, str]],
        names: dict[str, dict[str, str]],
        abbreviations: frozenset[str] = frozenset(),
        settings: Settings = DEFAULT,
    ):
        self._index = index
        self.settings = settings
        self._known: dict[str, bool] = {}
        self._abbreviations = abbreviations
        #: id -> {"en": display name, "fr": display name}
        self.names = names
        self._fuzzy_keys: dict[str, list[str]] = defaultdict(list)
        for key, (_, kind) in index.items():
            self._fuzzy_keys["state" if kind in ("state", "observer") else "other"].append(key)

    def __contains__(self, name: str) -> bool:
        return name_key(name) in self._index

    def keys_of_kind(self, kinds: Iterable[str]) -> Iterator[tuple[str, str]]:
        wanted = set(kinds)
        for key, (ident, kind) in self._index.items():
            if kind in wanted:
                yield key, ident

    def lookup(self, name: str) -> tuple[str, str] | None:
        return self._index.get(name_key(name))

    def misspelled_in(self, ident: str, text: str) -> bool:
        """Does ``text`` write State ``ident`` in a spelling the scan does not know
        ("Timore Leste")? The same test the list reader applies to a name: a run of
        as many words as one of the State's names, as close as `state_fuzzy`."""
        from rapidfuzz import fuzz, process

        words = name_key(text).split()
        for key in (k for k in self._fuzzy_keys["state"] if self._index[k][0] == ident):
            size = key.count(" ") + 1
            if len(key) < self.settings.state_fuzzy_min_length:
                continue
            runs = [" ".join(words[n:n + size]) for n in range(len(words) - size + 1)]
            if process.extractOne(key, runs, scorer=fuzz.ratio, score_cutoff=self.settings.state_fuzzy):
                return True
        return False

    def resolve(self, name: str, context: str | None = None) -> NameMatch:
        """Resolve one name as written in a speaker list.

        ``context`` is the list it comes from: an unknown name in an NGO list is
        an NGO, and gets an id made from its name.
        """
        from rapidfuzz import fuzz, process

        bare = _TAGS.sub(" ", name).strip(" ,;.")
        found = self.lookup(bare)
        if found:
            return NameMatch(name, found[0], found[1], "exact", 100.0)
        key = name_key(bare)
        if not key or len(key) > MAX_NAME_LENGTH:
            return NameMatch(name, "", "other", "unresolved", 0.0)
        settings = self.settings
        if len(key) >= settings.state_fuzzy_min_length:
            best = process.extractOne(
                key, self._fuzzy_keys["state"], scorer=fuzz.ratio, score_cutoff=settings.state_fuzzy
            )
            if best:
                ident, kind = self._index[best[0]]
                return NameMatch(name, ident, kind, "fuzzy", round(best[1], 1))
        spelled = self.spelling_variant(key, self._fuzzy_keys["other"])
        if spelled:
            ident, kind = self._index[spelled]
            return NameMatch(name, ident, kind, "fuzzy", 100.0)
        if _NHRI_HINT.search(bare) and not _DANGLING.search(bare):
            state = self.find_state_in(bare)
            # A description ("the national human rights institution") is no name: one
            # without a State must carry a proper name (a capitalised word after the first).
            if state or any(word[:1].isupper() for word in bare.split()[1:]):
                ident = f"nhri:{state}" if state else f"nhri:{slug(bare)}"
                return NameMatch(name, ident, "nhri", "pattern", 0.0)
        if context == "ngos":
            return NameMatch(name, f"ngo:{slug(bare)}", "ngo", "new", 0.0)
        return NameMatch(name, "", "other", "unresolved", 0.0)

    def spelling_variant(self, key: str, candidates: Iterable[str]) -> str | None:
        """The candidate key that differs from ``key`` only in spelling: at most a
        few character edits, and a small share of the name. Near neighbours such as
        "International Society for Human Rights" / "International Service for
        Human Rights" (5 edits) are different organisations."""
        from rapidfuzz.distance import Levenshtein
        from rapidfuzz import process

        limit = self.settings.ngo_max_edits
        best = process.extractOne(key, candidates, scorer=Levenshtein.distance, score_cutoff=limit)
        if best is None:
            return None
        if best[1] > self.settings.ngo_edit_share * max(len(key), len(best[0])):
            return None
        return best[0]

    def known(self, name: str) -> bool:
        """Is ``name`` a name the resolver recognises (not a new NGO, not unresolved)?"""
        cached = self._known.get(name)
        if cached is None:
            bare = _TAGS.sub(" ", name).strip(" ,;.")
            # Only an exact name may hold a comma: a fuzzy or pattern match on
            # "Morocco, United Kingdom of …" would glue two names into one.
            several = "," in bare or re.search(r"\s(?:and|et)\s", bare)
            method = "exact" if self.lookup(bare) else self.resolve(bare).method if len(bare) <= MAX_NAME_LENGTH else ""
            cached = bool(bare) and (method == "exact" or (method in ("fuzzy", "pattern") and not several))
            self._known[name] = cached
        return cached

    @functools.cached_property
    def entity_words(self) -> frozenset[str]:
        """Every word of every known name (States, bodies, NGOs), folded: the words
        institutions are named with ("nations", "conference", "federation")."""
        return frozenset(word for key in self._index for word in key.split(" "))

    @functools.cached_property
    def _state_keys(self) -> tuple[dict[str, str], int, frozenset[str]]:
        keys = {
            k: ident for k, (ident, kind) in self._index.items()
            if kind in ("state", "observer") and k not in self._abbreviations
        }
        return keys, max(len(k.split(" ")) for k in keys), frozenset(k.split(" ")[0] for k in keys)

    def state_spans(self, text: str) -> list[Span]:
        """Every State named in ``text``, with where it stands, in text order.

        Looks up word n-grams (longest first), so the work grows with the
        number of words, not with the number of names times the text length.
        This is the one scanner: the reader runs it once per paragraph and every
        later stage reads its spans.
        """
        keys, longest, first_words = self._state_keys
        words: list[tuple[str, int, int]] = []
        for token in re.finditer(r"\S+", text):
            for word in name_key(token.group(0)).split(" "):
                if word:
                    words.append((word, token.start(), token.end()))
        spans = []
        position = 0
        while position < len(words):
            step = 1
            first = words[position][0]
            # most words start no State's name: skip them without building phrases
            if first not in first_words and _ELISION.sub("", first) not in first_words:
                position += 1
                continue
            for size in range(min(longest, len(words) - position), 0, -1):
                phrase = " ".join(w for w, _, _ in words[position:position + size])
                # French elision: "l'iran", "d'afghanistan"
                ident = keys.get(phrase) or keys.get(_ELISION.sub("", phrase))
                if ident:
                    spans.append(Span("state", ident, words[position][1], words[position + size - 1][2]))
                    step = size
                    break
            position += step
        return spans

    def _state_mentions(self, text: str) -> Iterator[str]:
        return (span.id for span in self.state_spans(text))

    def states_in(self, text: str) -> list[str]:
        """Sorted ids of every State and observer State named in running text."""
        return sorted(set(self._state_mentions(text)))

    def find_state_in(self, text: str) -> str | None:
        """The first State named inside a longer name ('... de Géorgie' -> GEO)."""
        return next(self._state_mentions(text), None)

    def resolve_group(self, text: str | None) -> tuple[str | None, bool]:
        """(id, recognised) of the group named in an "on behalf of" phrase.

        One id per group in both languages ("the Nordic countries" / "les pays
        nordiques"); "a group of 57 countries" is ``group:group-of-57-countries``
        (compared by its number); "Jordan and Morocco" is ``states:JOR+MAR``.
        An id made from unrecognised words comes with ``recognised`` False: the
        comparison cannot say whether two such groups are the same.
        """
        if not text:
            return None, True
        text = _GROUP_PREPOSITION.sub("", text.strip())
        found = self.lookup(text)
        if found:
            return found[0], True
        counted = _COUNTED_GROUP.match(fold(text).strip())
        if counted:
            number = _count(counted["n"])
            return (f"group:group-of-{number}-countries" if number else "group:group-of-countries"), True
        states = [self.lookup(_GROUP_PREPOSITION.sub("", part)) for part in _LIST_SPLIT.split(text) if part.strip()]
        if len(states) >= 2 and all(s and s[1] in ("state", "observer", "eu") for s in states):
            return "states:" + "+".join(sorted({s[0] for s in states})), True
        key = f" {name_key(text)} "
        for candidate, ident in self._group_keys:
            at = key.find(f" {candidate} ")
            # "the Group of Friends of Haiti" is not the Group of Friends: a group
            # named by what follows its head is a group of its own
            if at >= 0 and not _QUALIFIED.match(key[at + len(candidate) + 1:]):
                return ident, True
        spelled = self.spelling_variant(name_key(text), [k for k, _ in self._group_keys])
        if spelled:
            return dict(self._group_keys)[spelled], True
        return f"group:{slug(_ARTICLE.sub('', text))}", False

    @functools.cached_property
    def _group_keys(self) -> list[tuple[str, str]]:
        return sorted(
            ((k, i) for k, i in self.keys_of_kind(("group", "eu", "other")) if len(k) > 3), key=lambda item: -len(item[0])
        )


#: "the Group of Friends of Haiti" / "le Groupe des amis d'Haïti": no article in an id.
_ARTICLE = re.compile(r"^(?:the|le|la|les|l['’])\s*", re.I)
#: What makes a known group's name the name of another, narrower group.
_QUALIFIED = re.compile(r"^ (?:of|on|for|de|des|du|d'|sur|pour) ")
_COUNTED_GROUP = re.compile(
    r"^(?:(?:a|an|un|une|the|le|la)\s+)?(?:core\s+)?(?:group|groupe)\s+(?:of|de|d')\s*(?P<n>[\w-]+)\s+"
    r"(?:other\s+|autres\s+)?(?:member\s+)?(?:countries|states|pays|etats|delegations)\b"
    r"|^(?:(?:a|an|un|une|the|le|la)\s+)?(?:group|groupe)\s+(?:of|de|d')\s*(?P<none>countries|states|pays|etats)\b"
)
_LIST_SPLIT = re.compile(r",|\s+and\s+|\s+et\s+")


def _count(word: str | None) -> int | None:
    if not word:
        return None
    if word.isdigit():
        return int(word)
    from .facts import words_to_number

    return words_to_number(word)


#: What the index is built from: its data files and the code that turns them
#: into keys. A change to any of them (or to Babel's CLDR names) builds it anew.
_INDEX_SOURCES = ("entities.csv", "ngo_aliases.csv", "state_aliases.csv", "un_taxonomy.csv", "iso3166.csv")


@functools.lru_cache(maxsize=1)
def load_index() -> NameIndex:
    """The index, once per process: read from the user cache folder when it was
    built from the same sources (0.01 s), else built (0.09 s, half of it Babel's
    locale data) and stored there for the next start (cache.py)."""
    import babel

    from . import normalise
    from .cache import key_of, load_or_build

    data = importlib.resources.files("hrc_report").joinpath("data")
    key = key_of([babel.__version__, *(data.joinpath(name).read_bytes() for name in _INDEX_SOURCES),
                  *(Path(module).read_bytes() for module in (__file__, normalise.__file__))])
    return NameIndex(*load_or_build("names", key, _build_index))


def _build_index() -> tuple[dict[str, tuple[str, str]], dict[str, dict[str, str]], frozenset[str]]:
    """(key -> (id, kind), id -> display names, abbreviations): what NameIndex is made of."""
    from babel import Locale

    builder = _Builder()
    names: dict[str, dict[str, str]] = {}

    for row in _read_csv("entities.csv"):
        for lang in ("en", "fr"):
            for alias in filter(None, row[lang].split("|")):
                builder.add(alias, row["id"], row["kind"], _CURATED)
        names[row["id"]] = {"en": row["en"].split("|")[0], "fr": (row["fr"] or row["en"]).split("|")[0]}
    for row in _read_csv("ngo_aliases.csv"):
        for lang in ("en", "fr"):
            for alias in filter(None, row[lang].split("|")):
                builder.add(alias, row["id"], "ngo", _CURATED)
        names[row["id"]] = {"en": row["en"].split("|")[0], "fr": (row["fr"] or row["en"]).split("|")[0]}

    taxonomy = {row["ISO 3166-1 Alpha 3-Codes"]: row for row in _un_taxonomy() if row["Deprecated"] != "Y"}
    kinds = {iso3: _state_kind(iso3, row) for iso3, row in taxonomy.items()}
    for row in _read_csv("state_aliases.csv"):
        builder.add(row["name"], row["id"], kinds.get(row["id"], "state"), _CURATED)

    for iso3, row in taxonomy.items():
        kind = kinds[iso3]
        names[iso3] = {
            "en": row["English Short"] or row["Preferred Term"],
            "fr": row["French Short"] or row["M49 French"] or row["Preferred Term"],
        }
        for column in ("English Short", "French Short", "Preferred Term", "English Formal", "M49 English", "M49 French"):
            builder.add_with_variants(row[column], iso3, kind, _UN_TERMS)
        for column in ("ISO Alt Term", "DGACM Alt Term", "HPC Tools Alt Term", "RW Short Name", "RW API Alt Term"):
            builder.add_with_variants(row[column], iso3, kind, _LIBRARY)

    iso = _read_csv("iso3166.csv")
    for row in iso:
        iso3 = row["alpha_3"]
        kind = kinds.get(iso3, "other")
        names.setdefault(iso3, {"en": row["name"], "fr": row["name_fr"]})
        for column in ("name", "official_name", "common_name"):
            for value in (row[column], row[f"{column}_fr"]):
                if value:
                    builder.add_with_variants(value, iso3, kind, _LIBRARY)

    alpha2 = {row["alpha_2"]: row["alpha_3"] for row in iso}
    for locale in ("en", "fr"):
        for code, value in Locale(locale).territories.items():
            iso3 = alpha2.get(code)
            if iso3:
                builder.add_with_variants(value, iso3, kinds.get(iso3, "other"), _LIBRARY)

    return builder.build(), names, frozenset(builder.abbreviations)


def resolve_speakers(entries, lang: str, index: NameIndex | None = None) -> list[Speaker]:
    """Turn the parser's raw speaker entries into resolved speakers, each in its list."""
    index = index or load_index()
    speakers = []
    for entry in entries:
        match = index.resolve(entry.name, entry.context)
        group, group_known = index.resolve_group(entry.on_behalf_of)
        speakers.append(
            Speaker(
                list=_list_for(entry.context, match.kind),
                name=entry.name,
                id=match.id or f"other:{slug(entry.name)}",
                kind=match.kind,
                on_behalf_of=entry.on_behalf_of,
                on_behalf_of_id=group,
                match=match.method,
                line=entry.line,
                on_behalf_known=group_known,
            )
        )
    return speakers


def _list_for(context: str, kind: str) -> str:
    """Which list a speaker belongs to: its context, corrected by what it is."""
    if context in CUED_LISTS:
        return context
    if kind in ("state", "observer", "eu", "group"):
        return "discussion"
    if kind == "ngo":
        return "ngos"
    return "others"


#: A legal form one version writes after an organisation's name and the other leaves out
#: ("Americans for Democracy & Human Rights in Bahrain Inc").
_LEGAL_FORM = re.compile(r"\s+(?:inc|incorporated|ltd|limited|llc|e v|ev|asbl|gmbh|ong|ngo|a c|ac)$")


def _without_legal_form(key: str) -> str:
    return _LEGAL_FORM.sub("", key)


def unify_ngos(en: list[Speaker], fr: list[Speaker], index: NameIndex | None = None) -> tuple[list[Speaker], list[Speaker]]:
    """Give an NGO written differently in the two versions one id.

    Curated aliases already did the translations; what is left is spelling
    (apostrophes, accents, a hyphen), never a different word. Pairs are taken
    one to one, closest first.
    """
    index = index or load_index()
    en_ids = {s.id for s in en if s.kind == "ngo"}
    fr_ids = {s.id for s in fr if s.kind == "ngo"}
    en_only = {s.id: _without_legal_form(name_key(s.name)) for s in en if s.kind == "ngo" and s.id not in fr_ids}
    fr_only = {s.id: _without_legal_form(name_key(s.name)) for s in fr if s.kind == "ngo" and s.id not in en_ids}
    renamed: dict[str, str] = {}
    for en_id, en_key in sorted(en_only.items()):
        free = {key: fr_id for fr_id, key in fr_only.items() if fr_id not in renamed}
        spelled = index.spelling_variant(en_key, list(free))
        if spelled:
            renamed[free[spelled]] = en_id
    fr = [replace(s, id=renamed[s.id], match="fuzzy") if s.id in renamed else s for s in fr]
    return en, fr
