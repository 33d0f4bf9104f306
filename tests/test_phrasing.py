"""Every catalogued list shape reads the same speakers.

The gold speaker lists of the fixture pairs are rendered into each shape of
fixtures/LIST_SHAPES.md (openers, closers, the French end-of-page list, lists
glued to the next sentence, "on behalf of" written every way), in both
languages; the reader must return the same ids, lists and groups every time.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings, strategies as st

from hrc_report.names import load_index, resolve_speakers
from hrc_report.speakers import extract_lists

from conftest import CASES

SHAPES = {
    "en": {
        "discussion": [
            "Speaking in the discussion were {L}.", "Speaking were {L}.", "Taking the floor were {L}.",
            "Speakers included {L}.", "{L} spoke in the discussion.", "{L} also took the floor.",
            "In the discussion, the following delegations took the floor: {L}.",
            # fixtures/heldout: a delegations opener, speakers grouped by what they did, a headline list
            "Speaking were the delegations of {L}.", "{L} made general statements.", "{L} spoke about a fissile material treaty.",
            "{L} Take the Floor",
        ],
        "right_of_reply": [
            "Speaking in right of reply were {L}.", "{L} spoke in right of reply.",
            "Exercising their right of reply were {L}.", "At the end of the meeting, {L} exercised their right of reply.",
            "{L} then exercised the right of reply.",
        ],
        "concerned": ["{L} spoke as the country concerned.", "Speaking as the country concerned was {L}."],
    },
    "fr": {
        "discussion": [
            "Ont pris la parole les délégations suivantes : {L}.", "*Liste des intervenants : {L}.",
            "Ont pris la parole : {L}.", "{L} ont pris la parole.", "Sont intervenus : {L}.",
        ],
        "right_of_reply": [
            "{L} ont exercé leur droit de réponse.",
            "Les délégations suivantes ont exercé leur droit de réponse : {L}.",
        ],
        "concerned": ["{L} a pris la parole en tant que pays concerné.",
                      "Intervenant à titre de pays concerné, {L} a affirmé que le mandat lui avait été imposé."],
    },
}
BEHALF = {
    "en": ["{X} on behalf of {G}", "{X}, on behalf of {G},", "{X} (on behalf of {G})", "{X} speaking on behalf of {G}"],
    "fr": ["{X} (au nom de {G})", "{X}, au nom de {G},", "{X} (s’exprimant au nom de {G})", "{X} pour le compte de {G}"],
}
AND = {"en": " and ", "fr": " et "}
GLUE = {"en": "  The Council then adjourned its meeting.", "fr": "  Le Conseil a ensuite levé la séance."}
#: A list continued in a second sentence of the same paragraph.
CONTINUED = {"en": " Also speaking were {L}.", "fr": " Ont également pris la parole : {L}."}


def _gold_lists():
    """(list, [(id, group id or None)]) from every fixture's gold, for ids the index names."""
    index = load_index()
    found = []
    for gold_file in sorted(CASES.glob("*/gold.json")):
        gold = json.loads(gold_file.read_text("utf-8"))
        for lang in ("en", "fr"):
            lists = gold["speakers"].get(lang, {})
            behalf = lists.get("on_behalf", {})
            for name in ("discussion", "right_of_reply", "concerned"):
                ids = [i for i in lists.get(name, []) if i in index.names]
                groups = [(i, behalf.get(i) if behalf.get(i) in index.names else None) for i in ids]
                if groups:
                    found.append((name, groups))
    return found


GOLD = _gold_lists()


def _joined(items, lang, behalf_shape):
    index = load_index()
    names = []
    for ident, group in items:
        name = index.names[ident][lang]
        if group:
            name = behalf_shape.format(X=name, G=index.names[group][lang]).rstrip(",")
        names.append(name)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + AND[lang] + names[-1]


def _render(items, lang, shape, behalf_shape, glued, cut=None):
    if cut:
        text = shape.format(L=_joined(items[:cut], lang, behalf_shape)) + CONTINUED[lang].format(L=_joined(items[cut:], lang, behalf_shape))
    else:
        text = shape.format(L=_joined(items, lang, behalf_shape))
    return text + (GLUE[lang] if glued else "")


@st.composite
def rendered(draw, lang):
    list_name, items = draw(st.sampled_from(GOLD))
    if list_name == "concerned":
        items = items[:1]
    else:
        start = draw(st.integers(0, max(0, len(items) - 2)))
        items = items[start:start + draw(st.integers(2, 8))]
    shape = draw(st.sampled_from(SHAPES[lang][list_name]))
    behalf_shape = draw(st.sampled_from(BEHALF[lang]))
    glued = draw(st.booleans())
    cut = draw(st.integers(1, len(items) - 1)) if list_name == "discussion" and len(items) > 3 and draw(st.booleans()) else None
    return list_name, items, _render(items, lang, shape, behalf_shape, glued, cut)


def _read(text, lang):
    index = load_index()
    _, entries, _ = extract_lists(text, lang, 1, index.known)
    return resolve_speakers(entries, lang, index)


PROFILE = settings(max_examples=600, derandomize=True, deadline=None, database=None,
                   suppress_health_check=[HealthCheck.too_slow])


@PROFILE
@given(st.sampled_from(["en", "fr"]).flatmap(lambda lang: rendered(lang).map(lambda case: (lang, *case))))
def test_every_shape_reads_the_gold_speakers(case):
    lang, list_name, items, text = case
    speakers = _read(text, lang)
    assert [(s.list, s.id) for s in speakers] == [(list_name, i) for i, _ in items], text
    assert [s.on_behalf_of_id for s in speakers] == [g for _, g in items], text


def test_there_are_gold_lists_to_render():
    assert len(GOLD) >= 10 and any(any(g for _, g in items) for _, items in GOLD)
