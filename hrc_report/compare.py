"""Compare the two versions' speaker lists.

Per list: who is missing on one side, whose "on behalf of" differs, and
whether the order differs. The side-by-side rows come from a diff of the two
id sequences made with diff-match-patch (each id becomes one "line", the
lines-to-chars technique), so the rows follow both documents' order.
"""

from __future__ import annotations

from typing import Iterable

from diff_match_patch import diff_match_patch

from .i18n import N_
from .lists import BLURRED_LISTS, LIST_ORDER
from .models import DiffRow, ListComparison, ListNote, Speaker, SpeakerComparison, SpeakerMismatch, Uncertain


def _by_list(speakers: Iterable[Speaker]) -> dict[str, list[Speaker]]:
    lists: dict[str, list[Speaker]] = {}
    for speaker in speakers:
        lists.setdefault(speaker.list, []).append(speaker)
    return lists


def _first(speakers: list[Speaker]) -> dict[str, Speaker]:
    """Each speaker's entry, by id. A speaker a version lists twice in one list (a
    headline naming who took the floor, then the body's list) is compared by the
    entry that says on whose behalf it spoke: the bare mention does not say."""
    first: dict[str, Speaker] = {}
    for speaker in speakers:
        if speaker.id not in first or (speaker.on_behalf_of and not first[speaker.id].on_behalf_of):
            first[speaker.id] = speaker
    return first


def diff_ids(en_ids: list[str], fr_ids: list[str]) -> list[tuple[int, list[str]]]:
    """diff-match-patch over id sequences: [(op, ids)], op -1 only EN, 0 both, 1 only FR."""
    dmp = diff_match_patch()
    # No time limit: lists are short, and a deadline would make output depend on machine speed.
    dmp.Diff_Timeout = 0
    en_text = "".join(f"{i}\n" for i in en_ids)
    fr_text = "".join(f"{i}\n" for i in fr_ids)
    en_chars, fr_chars, lines = dmp.diff_linesToChars(en_text, fr_text)
    diffs = dmp.diff_main(en_chars, fr_chars, False)
    dmp.diff_charsToLines(diffs, lines)
    return [(op, text.splitlines()) for op, text in diffs]


def behalf_relation(a: Speaker, b: Speaker) -> str:
    """same, differs, or unknown (a group neither the resolver nor the text pins down).

    "a group of 57 countries" and "a group of countries" are not a difference
    (one version only left the number out); 57 and 55 are.
    """
    if a.on_behalf_of_id == b.on_behalf_of_id:
        return "same"
    if not a.on_behalf_of_id or not b.on_behalf_of_id:
        # one speaks for a group, the other for itself: whatever the group, they differ
        return "differs"
    if (a.on_behalf_of and not a.on_behalf_known) or (b.on_behalf_of and not b.on_behalf_known):
        return "unknown"
    counted = [x.on_behalf_of_id for x in (a, b) if x.on_behalf_of_id and x.on_behalf_of_id.startswith("group:group-of-")]
    if len(counted) == 2 and "group:group-of-countries" in counted:
        return "same"
    return "differs"


def _on_behalf_differs(a: Speaker, b: Speaker) -> bool:
    return behalf_relation(a, b) == "differs"


def compare_list(
    name: str, en: list[Speaker], fr: list[Speaker], elsewhere: dict[str, set[str]] | None = None,
    named: dict[str, set[str]] | None = None, reviewed: dict[str, set[str]] | None = None,
) -> tuple[ListComparison, list[SpeakerMismatch], list[Uncertain]]:
    """One list of both versions: mismatches that are established, and what could not be compared.

    A speaker only in one version is "missing" in the other only when the other
    version's leftovers in that list are all recognised names: an unrecognised
    name there might be the same speaker written another way. ``elsewhere`` maps
    a language to the ids that version lists in a neighbouring list. ``reviewed`` maps
    a language to the States whose reports that version says were examined: a State
    under review is read as "the country concerned" from the words of the review, so
    a version naming it only as the subject of a report has not left it out.
    """
    elsewhere = elsewhere or {"en": set(), "fr": set()}
    named = named or {"en": set(), "fr": set()}
    reviewed = reviewed if reviewed and name == "concerned" else {"en": set(), "fr": set()}
    en_first, fr_first = _first(en), _first(fr)
    both = en_first.keys() & fr_first.keys()
    en_left = [s for i, s in en_first.items() if i not in both]
    fr_left = [s for i, s in fr_first.items() if i not in both]

    mismatches: list[SpeakerMismatch] = []
    uncertain: list[Uncertain] = []
    for ident in both:
        a, b = en_first[ident], fr_first[ident]
        relation = behalf_relation(a, b)
        if relation == "differs":
            mismatches.append(SpeakerMismatch(name, ident, "on_behalf_differs", a.name, b.name, a.on_behalf_of, b.on_behalf_of))
        elif relation == "unknown":
            uncertain.append(Uncertain(name, ident, N_("on behalf of a group not recognised"), a.name, b.name))
    for speaker, own_left, other_left, issue, other in (
        *((s, en_left, fr_left, "missing_in_fr", "fr") for s in en_left),
        *((s, fr_left, en_left, "missing_in_en", "en") for s in fr_left),
    ):
        if speaker.id in elsewhere[other]:
            continue  # listed there too, in a neighbouring list
        en_name, fr_name = (speaker.name, None) if issue == "missing_in_fr" else (None, speaker.name)
        if speaker.id in named[other]:
            # The other version names it in what looks like a list the tool did not
            # read: a list in an unknown shape cannot be told from an omission.
            uncertain.append(Uncertain(name, speaker.id, N_("named in the other version, in a list not read"), en_name, fr_name))
            continue
        if speaker.id in reviewed[other]:
            uncertain.append(Uncertain(name, speaker.id, N_("named in the other version as a State whose report was examined"),
                                       en_name, fr_name))
            continue
        established = all(o.certain for o in other_left) and (speaker.certain or not other_left)
        if established:
            mismatches.append(SpeakerMismatch(name, speaker.id, issue, en_name, fr_name,
                                              speaker.on_behalf_of if en_name else None,
                                              speaker.on_behalf_of if fr_name else None))
        else:
            uncertain.append(Uncertain(name, speaker.id, N_("not recognised on one side"), en_name, fr_name))
    order: dict[str, int] = {}
    for ident in list(en_first) + list(fr_first):
        order.setdefault(ident, len(order))
    mismatches.sort(key=lambda m: (m.issue == "missing_in_en", order[m.id]))

    rows: list[DiffRow] = []
    en_iter, fr_iter = iter(en), iter(fr)
    for op, ids in diff_ids([s.id for s in en], [s.id for s in fr]):
        for ident in ids:
            a = next(en_iter) if op <= 0 else None
            b = next(fr_iter) if op >= 0 else None
            if a and b:
                status = "on_behalf_differs" if _on_behalf_differs(a, b) else "same"
                rows.append(DiffRow(status, ident, a, b))
            elif ident in both:
                # Present on both sides, at another place in the order.
                one, other = (a, fr_first[ident]) if a else (en_first[ident], b)
                status = "on_behalf_differs" if _on_behalf_differs(one, other) else "same"
                rows.append(DiffRow(status, ident, a, b, moved=True))
            else:
                rows.append(DiffRow("only_en" if a else "only_fr", ident, a, b))

    order_differs = None
    if en and fr:
        en_common = [i for i in en_first if i in both]
        fr_common = [i for i in fr_first if i in both]
        order_differs = en_common != fr_common
    return ListComparison(name, tuple(rows), len(en), len(fr), order_differs), mismatches, uncertain


def compare_speakers(en: Iterable[Speaker], fr: Iterable[Speaker], named: dict[str, set[str]] | None = None,
                     reviewed: dict[str, set[str]] | None = None) -> SpeakerComparison:
    """Every list of both versions. A list that only one version has is said once
    ("the French version has no right-of-reply list"), not as one mismatch per
    speaker; a version with no list at all likewise. ``named`` maps a language to
    the ids its text names in sentences that look like lists it did not read;
    ``reviewed``, to the States it names as the subject of a report."""
    en_lists, fr_lists = _by_list(en), _by_list(fr)
    names = [n for n in LIST_ORDER if n in en_lists or n in fr_lists]
    comparisons, mismatches, uncertain, notes = [], [], [], []
    for lang, lists in (("en", en_lists), ("fr", fr_lists)):
        if not lists and (en_lists or fr_lists):
            notes.append(ListNote(None, lang))
    for name in names:
        en_list, fr_list = en_lists.get(name, []), fr_lists.get(name, [])
        elsewhere = {
            lang: {s.id for other, group in lists.items() if other != name and {other, name} <= BLURRED_LISTS for s in group}
            for lang, lists in (("en", en_lists), ("fr", fr_lists))
        }
        comparison, found, unsure = compare_list(name, en_list, fr_list, elsewhere, named, reviewed)
        comparisons.append(comparison)
        if en_list and fr_list:
            mismatches += found
            uncertain += unsure
        elif en_lists and fr_lists:
            notes.append(ListNote(name, "fr" if en_list else "en"))
    return SpeakerComparison(tuple(comparisons), tuple(mismatches), tuple(uncertain), tuple(notes))
