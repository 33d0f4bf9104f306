"""A watch list: how chosen delegations (or groups, NGOs) were reported in each version.

For each watched speaker: whether each version lists it, whether its "on behalf
of" agrees, and the sections that name it in each version with how many of
them the alignment links to the other version (is what it said covered in both?).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from .compare import behalf_relation
from .models import Comparison, HrcReportError
from .names import NameIndex
from .normalise import fold

_ID = re.compile(r"^(?:[A-Z]{3}|EU|(?:group|un|nhri|ngo|other|states):[\w+-]+)$")


@dataclass(frozen=True)
class Watched:
    id: str
    name: str
    #: the lists that name it in each version ("discussion", …); empty when it is in none
    lists_en: tuple[str, ...]
    lists_fr: tuple[str, ...]
    #: same, differs, unknown (a group not recognised), or None when not in both versions' lists
    on_behalf: str | None
    #: body sections naming it, and how many of them are linked to the other version
    named_en: tuple[str, ...]
    named_fr: tuple[str, ...]
    linked_en: int
    linked_fr: int
    #: its French name, for reports in French
    name_fr: str | None = None

    @property
    def flagged(self) -> bool:
        """Something a delegation would want to check: missing from a list, on-behalf differs."""
        return bool(self.lists_en) != bool(self.lists_fr) or self.on_behalf == "differs"

    def to_json(self) -> dict:
        return {
            "id": self.id, "name": self.name, "lists_en": list(self.lists_en), "lists_fr": list(self.lists_fr),
            "on_behalf": self.on_behalf, "named_en": list(self.named_en), "named_fr": list(self.named_fr),
            "linked_en": self.linked_en, "linked_fr": self.linked_fr, "name_fr": self.name_fr,
        }


def resolve_watch(tokens: Iterable[str], index: NameIndex) -> tuple[str, ...]:
    """Ids for what the user wrote ("CHE", "Suisse", "EU", "ngo:amnesty-international");
    a name the resolver does not know is an error that names it."""
    ids: list[str] = []
    for token in (t.strip() for t in tokens):
        if not token:
            continue
        if _ID.match(token) and (token in index.names or token.startswith(("ngo:", "states:", "nhri:"))):
            ident = token
        else:
            match = index.resolve(token)
            if match.method not in ("exact", "fuzzy", "pattern") or not match.id:
                raise HrcReportError(f"--watch {token!r}: not a name or id hrc-report knows (try `hrc-report names`)")
            ident = match.id
        if ident not in ids:
            ids.append(ident)
    return tuple(ids)


def watch_comparison(comparison: Comparison, ids: Iterable[str], index: NameIndex) -> tuple[Watched, ...]:
    linked = {lang: {getattr(link, lang) for link in comparison.alignment} for lang in ("en", "fr")}
    found = []
    for ident in ids:
        speakers = {lang: [s for s in getattr(comparison, f"speakers_{lang}") if s.id == ident] for lang in ("en", "fr")}
        relation = behalf_relation(speakers["en"][0], speakers["fr"][0]) if speakers["en"] and speakers["fr"] else None
        named = {lang: tuple(s.id for s in comparison.sections[lang] if s.kind == "body" and _names(s, ident, index, lang))
                 for lang in ("en", "fr")}
        found.append(Watched(
            ident, index.names.get(ident, {}).get("en", ident),
            tuple(dict.fromkeys(s.list for s in speakers["en"])), tuple(dict.fromkeys(s.list for s in speakers["fr"])),
            relation, named["en"], named["fr"],
            sum(1 for s in named["en"] if s in linked["en"]), sum(1 for s in named["fr"] if s in linked["fr"]),
            index.names.get(ident, {}).get("fr"),
        ))
    return tuple(found)


def _names(section, ident: str, index: NameIndex, lang: str) -> bool:
    """Does a section name the watched speaker (a State by its spans, others by their name)?"""
    if ident in section.mentioned:
        return True
    name = index.names.get(ident, {}).get(lang)
    return bool(name) and fold(name) in fold(section.text)
