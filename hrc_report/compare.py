"""Compare the two versions' speaker lists.

Per list: who is missing on one side, whose "on behalf of" differs, and
whether the order differs. The side-by-side rows come from a diff of the two
id sequences made with diff-match-patch (each id becomes one "line", the
lines-to-chars technique), so the rows follow both documents' order.
"""

from __future__ import annotations

from typing import Iterable

from diff_match_patch import diff_match_patch

from .models import DiffRow, ListComparison, Speaker, SpeakerMismatch

#: The order lists are shown in, and the order of the mismatches.
LIST_ORDER = ("discussion", "others", "ngos", "right_of_reply", "concerned")


def _by_list(speakers: Iterable[Speaker]) -> dict[str, list[Speaker]]:
    lists: dict[str, list[Speaker]] = {}
    for speaker in speakers:
        lists.setdefault(speaker.list, []).append(speaker)
    return lists


def _first(speakers: list[Speaker]) -> dict[str, Speaker]:
    first: dict[str, Speaker] = {}
    for speaker in speakers:
        first.setdefault(speaker.id, speaker)
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


def _on_behalf_differs(a: Speaker, b: Speaker) -> bool:
    return a.on_behalf_of_id != b.on_behalf_of_id


def compare_list(name: str, en: list[Speaker], fr: list[Speaker]) -> tuple[ListComparison, list[SpeakerMismatch]]:
    en_first, fr_first = _first(en), _first(fr)
    both = en_first.keys() & fr_first.keys()

    mismatches: list[SpeakerMismatch] = []
    for ident, speaker in en_first.items():
        if ident not in fr_first:
            mismatches.append(SpeakerMismatch(name, ident, "missing_in_fr", speaker.name, None, speaker.on_behalf_of, None))
        elif _on_behalf_differs(speaker, fr_first[ident]):
            other = fr_first[ident]
            mismatches.append(
                SpeakerMismatch(name, ident, "on_behalf_differs", speaker.name, other.name, speaker.on_behalf_of, other.on_behalf_of)
            )
    for ident, speaker in fr_first.items():
        if ident not in en_first:
            mismatches.append(SpeakerMismatch(name, ident, "missing_in_en", None, speaker.name, None, speaker.on_behalf_of))

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
    return ListComparison(name, tuple(rows), len(en), len(fr), order_differs), mismatches


def compare_speakers(en: Iterable[Speaker], fr: Iterable[Speaker]) -> tuple[list[ListComparison], list[SpeakerMismatch]]:
    en_lists, fr_lists = _by_list(en), _by_list(fr)
    names = [n for n in LIST_ORDER if n in en_lists or n in fr_lists]
    comparisons, mismatches = [], []
    for name in names:
        comparison, found = compare_list(name, en_lists.get(name, []), fr_lists.get(name, []))
        comparisons.append(comparison)
        mismatches += found
    return comparisons, mismatches
