"""Parsing: the document's parts and the speaker lists, in both languages."""

from __future__ import annotations

import pytest

from hrc_report.models import HrcReportError
from hrc_report.parse import parse_summary
from hrc_report.speakers import extract_lists, split_names

from conftest import CASES

BODY_EN = (
    "The Human Rights Council this morning held an interactive dialogue with the Special Rapporteur "
    "on the right to food, who presented her report on hunger and conflict in several regions of the world."
)
BODY_FR = (
    "Le Conseil des droits de l'homme a tenu ce matin un dialogue interactif avec la Rapporteuse spéciale "
    "sur le droit à l'alimentation, qui a présenté son rapport sur la faim et les conflits dans le monde."
)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_fixture_header_matches_gold(lang, gold, en_summary, fr_summary):
    summary = {"en": en_summary, "fr": fr_summary}[lang]
    assert summary.language == gold[lang]["language"]
    assert summary.code == gold[lang]["code"]
    assert summary.title == gold[lang]["title"]
    assert summary.part == gold[lang]["part"]


def test_fixture_paragraph_kinds(en_summary, fr_summary):
    kinds_en = [p.kind for p in en_summary.paragraphs]
    assert kinds_en.count("body") == 11
    assert kinds_en.count("speakers") == 3
    assert kinds_en[-3:] == ["links", "next_meeting", "disclaimer"]
    # The French list stands behind a separator at the end of the page.
    kinds_fr = [p.kind for p in fr_summary.paragraphs]
    assert kinds_fr.count("body") == 11 and kinds_fr.count("speakers") == 3 and "separator" in kinds_fr
    assert not any("Skip to main content" in p.text or "Aller au contenu" in p.text for p in en_summary.paragraphs + fr_summary.paragraphs)


def test_older_page_with_date_line_part_line_and_dateline():
    text = (
        "HUMAN RIGHTS COUNCIL HOLDS DIALOGUE ON THE RIGHT TO FOOD\n\n12 June 2013\n\nMORNING\n\n"
        f"GENEVA (12 June 2013) - {BODY_EN}\n\n"
        "Speaking in the discussion were Cuba, Egypt on behalf of the African Group and Pakistan.\n\n"
        "HRC13/055E\n"
    )
    summary = parse_summary(text, "old.txt")
    assert summary.title == "HUMAN RIGHTS COUNCIL HOLDS DIALOGUE ON THE RIGHT TO FOOD"
    assert (summary.date, summary.part, summary.code) == ("2013-06-12", "morning", "HRC13/055E")
    assert summary.paragraphs[0].text.startswith("The Human Rights Council")


def test_french_date_line_part_line_and_crlf():
    text = (
        "LE CONSEIL TIENT UN DIALOGUE SUR LE DROIT À L'ALIMENTATION\r\n\r\n29 Septembre 2016\r\n\r\nMATIN\r\n\r\n"
        f"GENEVE (29 septembre 2016) - {BODY_FR}\r\n\r\n"
        "*Liste des intervenants : Cuba, Égypte (au nom du Groupe africain) et Pakistan.\r\n\r\nHRC16/120F"
    ).replace("\r\n", "\n")
    summary = parse_summary(text, "ancien.txt")
    assert (summary.language, summary.date, summary.part) == ("fr", "2016-09-29", "morning")
    assert [(e.name, e.on_behalf_of) for e in summary.speaker_entries] == [
        ("Cuba", None), ("Égypte", "du Groupe africain"), ("Pakistan", None)
    ]


def test_text_without_blank_lines_has_one_paragraph_per_line():
    text = f"Skip to main content\nAFTERNOON - Council hears report\nMeeting Summaries\n{BODY_EN}\nSpeaking were India, Nepal and Chile.\nHRC23.150E"
    summary = parse_summary(text, "flat.txt")
    assert summary.part == "afternoon" and summary.title == "Council hears report"
    assert [e.name for e in summary.speaker_entries] == ["India", "Nepal", "Chile"]


def test_copy_without_line_breaks_keeps_its_code():
    """One long line: still recognised by the code at its end, read as one body paragraph."""
    text = (CASES / "cd-plenary" / "en.txt").read_text("utf-8").replace("\n", " ")
    summary = parse_summary(text, "flat.txt")
    assert (summary.code, summary.language) == ("DC23/012E", "en")
    assert [p.kind for p in summary.paragraphs] == ["body"]
    assert not summary.paragraphs[0].text.endswith("DC23/012E")


def _names(text, lang, index):
    _, entries, _ = extract_lists(text, lang, 1, index.known)
    return [(e.context, e.name, e.on_behalf_of) for e in entries]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Speaking in the discussion were Maldives, United Kingdom and Cuba.",
         [("discussion", "Maldives", None), ("discussion", "United Kingdom", None), ("discussion", "Cuba", None)]),
        ("Speaking were Egypt on behalf of the African Group, Pakistan, on behalf of the Organisation of Islamic Cooperation, and India.",
         [("discussion", "Egypt", "the African Group"), ("discussion", "Pakistan", "the Organisation of Islamic Cooperation"), ("discussion", "India", None)]),
        ("China, Belarus , Cuba and Viet Nam spoke in the discussion.",
         [("discussion", "China", None), ("discussion", "Belarus", None), ("discussion", "Cuba", None), ("discussion", "Viet Nam", None)]),
        ("Speaking on the Universal Periodic Review of Chile were Peru, Argentina (video statement) and Spain.",
         [("discussion", "Peru", None), ("discussion", "Argentina (video statement)", None), ("discussion", "Spain", None)]),
        ("The following civil society organizations also took the floor : Franciscans International, Maat for Peace, Development and Human Rights Association.",
         [("ngos", "Franciscans International", None), ("ngos", "Maat for Peace, Development and Human Rights Association", None)]),
        ("Also taking the floor were the following non-governmental organizations: Human Rights Watch, Amnesty International, ",
         [("ngos", "Human Rights Watch", None), ("ngos", "Amnesty International", None)]),
        ("Speaking as the country concerned was Venezuela.", [("concerned", "Venezuela", None)]),
        ("Speaking in right of reply at the end of the meeting were Russian Federation, Israel and State of Palestine.",
         [("right_of_reply", "Russian Federation", None), ("right_of_reply", "Israel", None), ("right_of_reply", "State of Palestine", None)]),
    ],
)
def test_english_list_forms(index, text, expected):
    assert _names(text, "en", index) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("*Liste des intervenants : Maldives, Union européenne (au nom d’un groupe de pays), Iran (République islamique d’) et Éthiopie.",
         [("discussion", "Maldives", None), ("discussion", "Union européenne", "d’un groupe de pays"),
          ("discussion", "Iran (République islamique d’)", None), ("discussion", "Éthiopie", None)]),
        ("**Liste des ONG : Franciscans International, Communauté internationale bahá’íe et Asociacion HazteOir.org.",
         [("ngos", "Franciscans International", None), ("ngos", "Communauté internationale bahá’íe", None), ("ngos", "Asociacion HazteOir.org", None)]),
        ("Les délégations suivantes ont exercé leur droit de réponse : Fédération de Russie, Arménie et Géorgie.",
         [("right_of_reply", "Fédération de Russie", None), ("right_of_reply", "Arménie", None), ("right_of_reply", "Géorgie", None)]),
        ("Le débat a entendu une dizaine de délégations – Maroc, Royaume-Uni, France, Brésil – et de trois panélistes.",
         [("discussion", "Maroc", None), ("discussion", "Royaume-Uni", None), ("discussion", "France", None), ("discussion", "Brésil", None)]),
        ("Ont ensuite pris la parole les représentants d'une quinzaine de délégations : Kazakhstan, Pérou (au nom de neuf pays membres du Groupe de Lima), Cameroun et Etats-Unis.",
         [("discussion", "Kazakhstan", None), ("discussion", "Pérou", "de neuf pays membres du Groupe de Lima"),
          ("discussion", "Cameroun", None), ("discussion", "Etats-Unis", None)]),
        ("Ont pris la parole : la Chine, qui a demandé des éclaircissements ; la Fédération de Russie, qui a dénoncé les "
         "sanctions ; et le Bélarus, qui a rejeté le rapport.",
         [("discussion", "Chine", None), ("discussion", "Fédération de Russie", None), ("discussion", "Bélarus", None)]),
        ("Ont pris la parole : la Chine, qui a posé une question ; et le Bélarus, qui a rejeté le rapport ; la Syrie.",
         [("discussion", "Chine", None), ("discussion", "Bélarus", None), ("discussion", "Syrie", None)]),
        ("A pris la parole en tant que pays concerné : le Venezuela.", [("concerned", "Venezuela", None)]),
        ("Ont pris la parole : le Pakistan au nom de l’Organisation de la coopération islamique, la Chine et le Bélarus.",
         [("discussion", "Pakistan", "de l’Organisation de la coopération islamique"), ("discussion", "Chine", None), ("discussion", "Bélarus", None)]),
    ],
)
def test_french_list_forms(index, text, expected):
    assert _names(text, "fr", index) == expected


def test_also_speaking_splits_others_from_ngos(comparison):
    for speakers, nhri in ((comparison.speakers_en, "Georgia Public Defender’s Office"), (comparison.speakers_fr, "Bureau du Défenseur public de Géorgie")):
        assert [s.name for s in speakers if s.list == "others"] == [nhri]


@pytest.mark.parametrize(
    "text, expected",
    [
        # unknown NGOs with commas and "and": the shape keeps them whole
        ("Centre for Peace, Justice and Reconciliation, Human Rights Now", ["Centre for Peace, Justice and Reconciliation", "Human Rights Now"]),
        ("Asian Forum for Human Rights and Development", ["Asian Forum for Human Rights and Development"]),
        ("Alpha Trust, Institute for Reporters' Freedom and Safety", ["Alpha Trust", "Institute for Reporters' Freedom and Safety"]),
        ("Alpha Trust, Beta Watch and Gamma Relief Fund", ["Alpha Trust", "Beta Watch", "Gamma Relief Fund"]),
        ("Alpha Trust, and Beta Watch", ["Alpha Trust", "Beta Watch"]),
        ("Alpha Trust, WHO Regional Office, Beta Watch", ["Alpha Trust", "WHO Regional Office", "Beta Watch"]),
    ],
)
def test_unknown_ngo_names_are_not_broken(text, expected):
    assert [name for name, _ in split_names(text, "en")] == expected


@pytest.mark.parametrize(
    "text, message",
    [
        ("Bonjour.", "too little running text to tell its language"),
        ("Der Menschenrechtsrat hat heute Morgen die allgemeine Aussprache über technische Hilfe abgeschlossen und "
         "zahlreiche Delegationen angehört, die sich zur Lage in mehreren Ländern geäußert haben.\n\nHRC23.148E", "not English or French"),
        (f"A shopping list\n\n{BODY_EN.replace('Human Rights Council', 'club')}", "not a meeting summary"),
        (f"Title\n\n{BODY_FR}\n\nHRC23.148E", "says EN but the text reads as FR"),
    ],
)
def test_not_a_summary(text, message):
    with pytest.raises(HrcReportError, match=message):
        parse_summary(text, "x.txt")


def test_langdetect_is_repeatable(en_summary):
    from hrc_report.language import detect_language

    paragraphs = [p.text for p in en_summary.paragraphs if p.kind == "body"]
    assert len({detect_language(paragraphs) for _ in range(5)}) == 1
