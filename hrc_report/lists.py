"""The kinds of speaker list: one home for what each list is.

A new list kind is a row here (and its cue words in patterns.LIST_CUES, and
its name in the report schema's enum, which a test checks against this table).
"""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import N_


@dataclass(frozen=True)
class ListKind:
    name: str
    #: the heading in reports and on the terminal (a catalog message: reports translate it)
    title: str
    #: named by what was said (a reply, the country concerned): keeps whoever is
    #: in it; the other lists sort speakers by what they are
    cued: bool = False
    #: one of the lists whose borders the two teams draw differently: a State the
    #: English lists as the country concerned, the French may list in the
    #: discussion, so being in another of these lists is not "missing"
    blurred: bool = False


LIST_KINDS = (
    ListKind("discussion", N_("Speakers in the discussion"), blurred=True),
    ListKind("others", N_("Other speakers (national human rights institutions, UN bodies)"), blurred=True),
    ListKind("ngos", N_("Non-governmental organizations")),
    ListKind("right_of_reply", N_("Right of reply"), cued=True),
    ListKind("concerned", N_("Country concerned"), cued=True, blurred=True),
)
#: The order lists are shown in, and the order of the mismatches.
LIST_ORDER = tuple(kind.name for kind in LIST_KINDS)
LIST_TITLES = {kind.name: kind.title for kind in LIST_KINDS}
CUED_LISTS = frozenset(kind.name for kind in LIST_KINDS if kind.cued)
BLURRED_LISTS = frozenset(kind.name for kind in LIST_KINDS if kind.blurred)
#: How each kind of speaker-list mismatch is named (reports and the terminal).
ISSUE_TITLES = {
    "missing_in_fr": N_("only in English"),
    "missing_in_en": N_("only in French"),
    "on_behalf_differs": N_("“on behalf of” differs"),
}
