"""Reading summaries in the shapes real pages use (issue: "Read any real summary").

One test per kind of failure seen on text not written for our fixtures. Expected
values are what the sentences say, not what the code happened to return.
"""

from __future__ import annotations

import pytest

from hrc_report.facts import extract, same_value
from hrc_report.models import HrcReportError
from hrc_report.names import load_index, resolve_speakers
from hrc_report.parse import parse_summary
from hrc_report.pipeline import compare_summaries
from hrc_report.speakers import extract_lists

LEAD_EN = ("The Human Rights Council this morning held an interactive dialogue with the Special Rapporteur on the "
           "right to food, who presented her report on hunger and conflict in several regions of the world.")
LEAD_FR = ("Le Conseil des droits de l'homme a tenu ce matin un dialogue interactif avec la Rapporteuse spéciale sur "
           "le droit à l'alimentation, qui a présenté son rapport sur la faim et les conflits dans le monde.")


def speakers(text, lang):
    index = load_index()
    _, entries, _ = extract_lists(text, lang, 1, index.known)
    return [(s.list, s.id, s.on_behalf_of_id) for s in resolve_speakers(entries, lang, index)]


@pytest.mark.parametrize("text, expected", [
    # closers other than "spoke in the discussion"
    ("China, Japan and the Russian Federation spoke in right of reply.",
     [("right_of_reply", "CHN", None), ("right_of_reply", "JPN", None), ("right_of_reply", "RUS", None)]),
    ("Venezuela spoke as the country concerned.", [("concerned", "VEN", None)]),
    ("Bosnia and Herzegovina, Egypt and Brazil also took the floor, as well as the International Committee of the Red Cross.",
     [("discussion", "BIH", None), ("discussion", "EGY", None), ("discussion", "BRA", None),
      ("others", "other:international-committee-of-the-red-cross", None)]),
    # other openers
    ("Taking the floor were Chile, Peru and Mexico.", [("discussion", "CHL", None), ("discussion", "PER", None), ("discussion", "MEX", None)]),
    ("Speakers included Chile and Bosnia and Herzegovina, as well as UNICEF.",
     [("discussion", "CHL", None), ("discussion", "BIH", None), ("others", "un:unicef", None)]),
    ("Exercising their right of reply were China and Japan.", [("right_of_reply", "CHN", None), ("right_of_reply", "JPN", None)]),
    ("Explaining their votes before the vote were Belgium on behalf of the European Union and Cuba.",
     [("discussion", "BEL", "EU"), ("discussion", "CUB", None)]),
    # the concerned country in a sentence of its own
    ("Ethiopia, speaking as a country concerned, said it was focused on the implementation of the peace agreement.",
     [("concerned", "ETH", None)]),
    # a speaker in right of reply named after its cue, and speakers grouped by what they did (fixtures/heldout)
    ("Speaking in right of reply, Rwanda rejected the accusation that it supported armed groups.", [("right_of_reply", "RWA", None)]),
    ("The Democratic People's Republic of Korea and the Republic of Korea then exercised the right of reply.",
     [("right_of_reply", "PRK", None), ("right_of_reply", "KOR", None)]),
    ("Pakistan, India and Algeria spoke about a fissile material treaty.",
     [("discussion", "PAK", None), ("discussion", "IND", None), ("discussion", "DZA", None)]),
    ("Speaking were the delegations of European Union; Ireland; and China.",
     [("discussion", "EU", None), ("discussion", "IRL", None), ("discussion", "CHN", None)]),
    ("Namibia, Senegal and Zimbabwe commented on the outcome.",
     [("discussion", "NAM", None), ("discussion", "SEN", None), ("discussion", "ZWE", None)]),
    ("General comments on the text were made by Egypt, which stressed the law of shared watercourses, and Switzerland, "
     "which welcomed the attention paid to climate change.", [("discussion", "EGY", None), ("discussion", "CHE", None)]),
    ("The National Human Rights Commission of Mongolia and the following non-governmental organizations took the floor: "
     "Amnesty International and International Service for Human Rights.",
     [("others", "nhri:MNG", None), ("ngos", "ngo:amnesty-international", None),
      ("ngos", "ngo:international-service-for-human-rights", None)]),
    # States whose names hold "and"
    ("Speaking were Trinidad and Tobago and Antigua and Barbuda.", [("discussion", "TTO", None), ("discussion", "ATG", None)]),
    # "on behalf of" written every way
    ("Speaking were Saudi Arabia (Arab Group), Pakistan for the OIC, Sweden on behalf of the Nordic countries and "
     "Egypt, also on behalf of Jordan and Morocco.",
     [("discussion", "SAU", "group:arab-group"), ("discussion", "PAK", "group:organisation-of-islamic-cooperation"),
      ("discussion", "SWE", "group:nordic-countries"), ("discussion", "EGY", "states:JOR+MAR")]),
    ("Speaking were Tunisia on behalf of the African Group and Pakistan.",
     [("discussion", "TUN", "group:african-group"), ("discussion", "PAK", None)]),
    ("Speaking were Honduras in the name of the Community of Latin American and Caribbean States, and Chile.",
     [("discussion", "HND", "group:community-of-latin-american-and-caribbean-states"), ("discussion", "CHL", None)]),
    # held-out round 7: "namely", "heard statements from", two lists joined by contrast, "spoke against"
    ("Three delegations took the floor before the vote, namely Belgium on behalf of the European Union, Switzerland and Kenya.",
     [("discussion", "BEL", "EU"), ("discussion", "CHE", None), ("discussion", "KEN", None)]),
    ("The clustered dialogue heard statements from Slovenia on behalf of a group of countries, Kuwait and Costa Rica.",
     [("discussion", "SVN", "group:group-of-countries"), ("discussion", "KWT", None), ("discussion", "CRI", None)]),
    ("Before the votes on the amendments, Indonesia, China and Singapore spoke in favour of them, while France and Mexico spoke against.",
     [("discussion", "IDN", None), ("discussion", "CHN", None), ("discussion", "SGP", None),
      ("discussion", "FRA", None), ("discussion", "MEX", None)]),
    # a list announced by the sentence before it, which names no one
    ("At the beginning of the meeting, the Council heard rights of reply to statements made the previous day. "
     "Azerbaijan, Armenia and Japan spoke.",
     [("right_of_reply", "AZE", None), ("right_of_reply", "ARM", None), ("right_of_reply", "JPN", None)]),
    # a group's members in brackets, or told after it, are no part of its name; "speaking for"
    ("Speaking were France, Norway on behalf of the Troika (Norway, United Kingdom and United States), and Ireland.",
     [("discussion", "FRA", None), ("discussion", "NOR", "group:troika"), ("discussion", "IRL", None)]),
    ("Speaking were Switzerland, Denmark (speaking for the core group of the Convention against Torture Initiative, made "
     "up of Chile, Denmark, Fiji, Ghana, Indonesia and Morocco), and China.",
     [("discussion", "CHE", None), ("discussion", "DNK", "group:convention-against-torture-initiative"), ("discussion", "CHN", None)]),
    # held-out round 8: speakers told in prose by their title; a list grouped by capacity
    ("The representative of Ireland, speaking on behalf of the New Agenda Coalition (Brazil, Egypt, Ireland, Mexico, New "
     "Zealand and South Africa), said that nuclear disarmament could not wait.",
     [("discussion", "IRL", "group:new-agenda-coalition")]),
    ("The representatives of Australia, Sweden and Bangladesh also welcomed the President.",
     [("discussion", "AUS", None), ("discussion", "SWE", None), ("discussion", "BGD", None)]),
    ("The representative of China said that its draft remained the best basis, while the representative of the United "
     "States said that responsible behaviour mattered more.", [("discussion", "CHN", None), ("discussion", "USA", None)]),
    ("He met the representative of Chad on Monday.", []),
    ("Speaking were, on behalf of groups of States, Kuwait (Group of Arab States) and Romania (European Union), and, in "
     "their national capacity, Germany, Egypt and Myanmar.",
     [("discussion", "KWT", "group:arab-group"), ("discussion", "ROU", "EU"), ("discussion", "DEU", None),
      ("discussion", "EGY", None), ("discussion", "MMR", None)]),
    # NGO names holding commas, in a list cut by semicolons, after "the following …:"
    ("Also speaking were the following non-governmental organizations: Maat for Peace, Development and Human Rights "
     "Association; Americans for Democracy & Human Rights in Bahrain Inc; Il Cenacolo; Iraqi Development Organization; "
     "and Amnesty International.",
     [("ngos", "ngo:maat-for-peace-development-and-human-rights-association", None),
      ("ngos", "ngo:americans-for-democracy-human-rights-in-bahrain-inc", None), ("ngos", "ngo:il-cenacolo", None),
      ("ngos", "ngo:iraqi-development-organization", None), ("ngos", "ngo:amnesty-international", None)]),
    ("Colombia made a general comment on the text, saying that registration had been a cornerstone.", [("discussion", "COL", None)]),
    ("Civil society was represented by HelpAge International and AGE Platform Europe.",
     [("ngos", "ngo:helpage-international", None), ("ngos", "ngo:age-platform-europe", None)]),
    # an NGO list whose last name is Spanish
    ("Civil society speakers were Franciscans International, Friends of the Earth International and Centro de Estudios "
     "Legales y Sociales (CELS) Asociación Civil.",
     [("ngos", "ngo:franciscans-international", None), ("ngos", "ngo:friends-of-the-earth-international", None),
      ("ngos", "ngo:centro-de-estudios-legales-y-sociales-cels-asociacion-civil", None)]),
])
def test_english_shapes(text, expected):
    assert speakers(text, "en") == expected


@pytest.mark.parametrize("text, expected", [
    ("Ont pris la parole les délégations suivantes : Chine, Japon et Trinité-et-Tobago.",
     [("discussion", "CHN", None), ("discussion", "JPN", None), ("discussion", "TTO", None)]),
    ("La Chine et le Japon ont exercé leur droit de réponse.", [("right_of_reply", "CHN", None), ("right_of_reply", "JPN", None)]),
    ("Le Venezuela a pris la parole en tant que pays concerné.", [("concerned", "VEN", None)]),
    ("Intervenant à titre de pays concerné, le Burundi a affirmé que ce mandat lui avait été imposé.", [("concerned", "BDI", None)]),
    ("Des observations générales ont été formulées par l’Égypte, la Suisse et le Paraguay, l’Égypte insistant sur le droit "
     "international et la Suisse saluant l’attention portée au climat.",
     [("discussion", "EGY", None), ("discussion", "CHE", None), ("discussion", "PRY", None)]),
    ("**Entités des Nations Unies : ONU-Femmes et Union internationale des télécommunications.",
     [("others", "un:un-women", None), ("others", "un:itu", None)]),
    ("Le Cameroun, au nom du Groupe africain, la Chine et Cuba ont expliqué leur vote, estimant que les mandats imposés sans "
     "l’accord de l’État concerné sont contre-productifs.",
     [("discussion", "CMR", "group:african-group"), ("discussion", "CHN", None), ("discussion", "CUB", None)]),
    ("Le Comité a examiné, hier après-midi et ce matin, le rapport initial présenté par la République démocratique populaire lao "
     "au titre de la Convention.", [("concerned", "LAO", None)]),
    ("La Suède, pour le compte des pays nordiques, l'Égypte, au nom également de la Jordanie et du Maroc, et le Chili ont pris la parole.",
     [("discussion", "SWE", "group:nordic-countries"), ("discussion", "EGY", "states:JOR+MAR"), ("discussion", "CHL", None)]),
    ("Les représentants de l'UNICEF et du HCR ont également pris la parole.", [("others", "un:unicef", None), ("others", "un:unhcr", None)]),
    ("Le Sénégal (au nom de la Francophonie) et le Pakistan (Organisation de la coopération islamique) ont fait des observations générales.",
     [("discussion", "SEN", "other:international-organization-of-la-francophonie"),
      ("discussion", "PAK", "group:organisation-of-islamic-cooperation")]),
    # held-out round 7: a vote's debate in French, two lists joined by « tandis que », « à savoir »
    ("Avant les votes sur les amendements, l’Indonésie, Singapour et la Chine les ont appuyés, tandis que la France et le "
     "Mexique ont appelé à les rejeter.",
     [("discussion", "IDN", None), ("discussion", "SGP", None), ("discussion", "CHN", None),
      ("discussion", "FRA", None), ("discussion", "MEX", None)]),
    ("La Tunisie et le Maroc se sont prononcés contre le projet.", [("discussion", "TUN", None), ("discussion", "MAR", None)]),
    ("Trois délégations ont pris la parole avant le vote, à savoir la Belgique (au nom de l’Union européenne), la Suisse et le Kenya.",
     [("discussion", "BEL", "EU"), ("discussion", "CHE", None), ("discussion", "KEN", None)]),
    # speakers told in prose by their title
    ("Les représentants de l’Australie, de la Suède et du Kazakhstan ont eux aussi salué la nouvelle Présidente.",
     [("discussion", "AUS", None), ("discussion", "SWE", None), ("discussion", "KAZ", None)]),
    ("La représentante de l’Égypte a déploré que la Conférence n’ait pas adopté de programme de travail.", [("discussion", "EGY", None)]),
    ("*Sont intervenus : la France ; la Norvège, au nom de la Troïka (États-Unis, Norvège et Royaume-Uni) ; l’Irlande.",
     [("discussion", "FRA", None), ("discussion", "NOR", "group:troika"), ("discussion", "IRL", None)]),
    # held-out round 9: speakers grouped by what they said, each group's names in brackets
    ("Plusieurs délégations (Union européenne, Slovénie, Portugal) ont estimé que les pensions protègent de la pauvreté. "
     "D’autres (Chine, Malaisie, Afrique du Sud) ont présenté leurs régimes de pension.",
     [("discussion", "EU", None), ("discussion", "SVN", None), ("discussion", "PRT", None),
      ("discussion", "CHN", None), ("discussion", "MYS", None), ("discussion", "ZAF", None)]),
    ("Des organisations non gouvernementales (HelpAge International, AGE Platform Europe) ont appelé à mieux protéger les personnes âgées.",
     [("ngos", "ngo:helpage-international", None), ("ngos", "ngo:age-platform-europe", None)]),
    # States in brackets after a longer phrase are examples, not speakers
    ("Des pays qui ont instauré une pension sociale universelle non contributive (Bolivie, Lesotho, Namibie) ont montré "
     "qu’une telle mesure est abordable.", []),
    # held-out round 10: « par » before each name, after « ont été données par »
    ("Des explications de vote ont été données par l'Allemagne, s'exprimant au nom de l'Union européenne, par le "
     "Royaume-Uni, par le Costa Rica et par la Chine, au nom d'un groupe de pays.",
     [("discussion", "DEU", "EU"), ("discussion", "GBR", None), ("discussion", "CRI", None),
      ("discussion", "CHN", "group:group-of-countries")]),
    # a review sentence with an incise
    ("Le Comité des disparitions forcées a achevé ce matin l’examen, entamé hier après-midi, du rapport présenté par le "
     "Honduras au titre de la Convention.", [("concerned", "HND", None)]),
])
def test_french_shapes(text, expected):
    assert speakers(text, "fr") == expected


def test_ngo_list_after_also_speaking_keeps_names_with_commas():
    found = speakers("Also speaking were the Public Defender of Georgia, as well as the following non-governmental "
                     "organizations: Franciscans International, Maat for Peace, Development and Human Rights Association.", "en")
    assert [(lst, i) for lst, i, _ in found] == [
        ("others", "nhri:GEO"), ("ngos", "ngo:franciscans-international"),
        ("ngos", "ngo:maat-for-peace-development-and-human-rights-association"),
    ]


@pytest.mark.parametrize("text, lang", [
    ("Speaking on behalf of the Arab Group, Qatar said that the talks were overdue.", "en"),
    ("The Committee adopted concluding observations on the reports of Colombia, Kenya, Chile, Zambia and Iceland, which it reviewed.", "en"),
    ("The Council heard reports of the High Commissioner on Georgia, Cambodia and Yemen and then started its general debate.", "en"),
    ("Le Conseil a entendu des rapports sur la Géorgie, le Cambodge et le Yémen, puis a entamé son débat général.", "fr"),
    # voters in a recorded vote, and a description that is no name
    ("In favour (5): Algeria, Bangladesh, Benin, Brazil and Burundi.", "en"),
    ("Pour (5) : Algérie, Bangladesh, Bénin, Brésil et Burundi.", "fr"),
    ("The national human rights institution that took the floor described its experience in handling complaints.", "en"),
])
def test_body_sentences_are_not_lists(text, lang):
    assert all(lst == "concerned" for lst, _, _ in speakers(text, lang))
    assert "overdue" not in str(speakers(text, lang))


def test_list_glued_to_the_next_sentence_and_continued():
    paragraph = ("Speaking were Cuba, Egypt and India.  The Council then adjourned. "
                 "Speaking in right of reply were Armenia and Azerbaijan.")
    assert speakers(paragraph, "en") == [
        ("discussion", "CUB", None), ("discussion", "EGY", None), ("discussion", "IND", None),
        ("right_of_reply", "ARM", None), ("right_of_reply", "AZE", None),
    ]


@pytest.mark.parametrize("en, fr", [
    ("12,500 people", "12\u00a0500 personnes"),
    ("12,500 people", "12\u202f500 personnes"),
    ("2.4 million people", "2,4 millions de personnes"),
    ("40 per cent of households", "40 % des ménages"),
    ("3.5 million dollars", "3,5 millions de dollars"),
    # an English trillion is a French "billion" or a thousand "milliards"
    ("2.7 trillion dollars", "2 700 milliards de dollars"),
    ("3 trillion dollars", "3 billions de dollars"),
])
def test_numbers_as_each_language_writes_them(en, fr):
    (a,), (b,) = extract(en, lang="en"), extract(fr, lang="fr")
    assert same_value(a, b), (a, b)


def test_per_cent_is_not_a_hundred():
    values = [f.value for f in extract("40 per cent of the population", lang="en")]
    assert values == [(40,)]


def page(header, lead, lang="en", tail=""):
    return "\n\n".join(header + [lead, tail]) if tail else "\n\n".join(header + [lead])


def test_mirror_copy_without_code_or_disclaimer_is_a_summary():
    text = page(["Skip to main content", "News Human Rights Council", "Council hears Special Rapporteur on food", "06 October 2022"], LEAD_EN)
    summary = parse_summary(text, "mirror.txt")
    assert (summary.title, summary.date, summary.part, summary.code) == (
        "Council hears Special Rapporteur on food", "2022-10-06", "morning", None)
    assert any("no closing code" in w for w in summary.warnings)


def test_french_header_and_part_from_the_main_clause():
    lead = ("Cet après-midi, le Conseil des droits de l'homme a achevé son dialogue, entamé ce matin, avec la "
            "Rapporteuse spéciale sur le droit à l'alimentation, qui a présenté son rapport sur la faim.")
    text = page(["Aller au contenu principal", "Actualités Conseil des droits de l'homme",
                 "Le Conseil achève son dialogue sur le droit à l'alimentation", "29 septembre 2016"], lead)
    summary = parse_summary(text, "fr.txt")
    assert (summary.title, summary.date, summary.part) == (
        "Le Conseil achève son dialogue sur le droit à l'alimentation", "2016-09-29", "afternoon")


def test_midday_line_and_header_image_are_not_the_title():
    text = page(["Header image for news printout", "Council discusses food crises", "MIDDAY"], LEAD_EN.replace("this morning ", ""))
    summary = parse_summary(text, "old.txt")
    assert (summary.title, summary.part) == ("Council discusses food crises", "midday")


def test_text_that_is_not_a_summary_is_still_refused():
    with pytest.raises(HrcReportError, match="not a meeting summary"):
        parse_summary(page(["A shopping list"], LEAD_EN.replace("Human Rights Council", "club")), "x.txt")


def _pair(en_tail, fr_tail, en_code="HRC23.148E", fr_code="HRC23.148F"):
    en = parse_summary(page(["Council hears Special Rapporteur on food"], LEAD_EN, tail=f"{en_tail}\n\n{en_code}"), "en.txt")
    fr = parse_summary(page(["Le Conseil entend la Rapporteuse spéciale"], LEAD_FR, tail=f"{fr_tail}\n\n{fr_code}"), "fr.txt")
    return en, fr


def test_a_version_with_no_list_is_said_once_not_flagged_per_speaker():
    en, fr = _pair("Speaking were Cuba, Egypt and India.", "De nombreuses délégations* ont pris la parole.")
    comparison = compare_summaries(en, fr)
    assert comparison.mismatches == ()
    assert [(n.list, n.missing_in) for n in comparison.list_notes] == [(None, "fr")]


def test_two_versions_with_no_list_do_not_claim_the_lists_agree():
    from hrc_report.render import render_html

    en, fr = _pair("The Council will reconvene at 3 p.m.", "Le Conseil reprendra ses travaux à 15 heures.")
    html = render_html(compare_summaries(en, fr))
    assert "name the same speakers" not in html and "could not be compared" in html


def test_different_meetings_are_refused_unless_forced():
    en, fr = _pair("Speaking were Cuba and Egypt.", "Ont pris la parole : Cuba et Égypte.", fr_code="HRC23.150F")
    with pytest.raises(HrcReportError, match="different meetings"):
        compare_summaries(en, fr)
    assert compare_summaries(en, fr, force=True).mismatches == ()


def test_an_unrecognised_name_is_could_not_compare_not_a_difference():
    en, fr = _pair("The following NGOs also took the floor: Alpha Relief Trust and Beta Watch.",
                   "Les ONG suivantes ont aussi pris la parole : Fondation Gamma et Beta Watch.")
    comparison = compare_summaries(en, fr)
    assert comparison.mismatches == ()
    assert {u.name_en or u.name_fr for u in comparison.uncertain} == {"Alpha Relief Trust", "Fondation Gamma"}


def test_group_named_differently_is_the_same_group():
    en, fr = _pair("Speaking were Sweden on behalf of the Nordic countries and Senegal on behalf of the Organisation "
                   "internationale de la Francophonie.",
                   "Ont pris la parole : la Suède (au nom des pays nordiques) et le Sénégal (au nom de la Francophonie).")
    assert compare_summaries(en, fr).mismatches == ()


def test_date_and_part_that_differ_are_shown():
    en, fr = _pair("Speaking were Cuba and Egypt.", "Ont pris la parole : Cuba et Égypte.")
    fr = parse_summary(page(["Le Conseil entend la Rapporteuse spéciale", "12 juin 2013"], LEAD_FR.replace("ce matin", "cet après-midi"),
                            tail="Ont pris la parole : Cuba et Égypte.\n\nHRC23.148F"), "fr.txt")
    en = parse_summary(page(["Council hears Special Rapporteur on food", "12 June 2013"], LEAD_EN,
                            tail="Speaking were Cuba and Egypt.\n\nHRC23.148E"), "en.txt")
    differences = compare_summaries(en, fr).header_differences
    assert [(d.field, d.en, d.fr) for d in differences] == [("part", "morning", "afternoon")]


def test_a_short_sentence_before_the_lead_is_the_subtitle():
    """Real French pages put a sub-title that ends like a sentence between the title
    and the lead ("Il entend une déclaration du Sous-Secrétaire …."): it announces
    the lead's section and is no passage of its own (so never a coverage flag)."""
    from hrc_report.parse import parse_summary

    from conftest import PAIR

    blocks = (PAIR / "fr.txt").read_text("utf-8").split("\n\n")
    lead = next(n for n, b in enumerate(blocks) if b.startswith("Le Conseil des droits de l’homme a achevé"))
    blocks.insert(lead, "Il entend aussi une déclaration de la Géorgie sur la situation en Abkhazie.")
    summary = parse_summary("\n\n".join(blocks), "fr.txt")
    subtitle = next(p for p in summary.paragraphs if p.text.startswith("Il entend aussi"))
    assert subtitle.kind == "heading"
    assert next(p for p in summary.paragraphs if p.text.startswith("Le Conseil des droits de l’homme a achevé")).kind == "body"


@pytest.mark.parametrize("sentence, lang", [
    ("Le Comité a en outre adopté les listes de questions à traiter en vue de l'examen des rapports des huit pays "
     "suivants : Bolivie, Djibouti, États-Unis, Indonésie, Mauritanie, Mozambique, République tchèque et Tadjikistan.", "fr"),
    ("Adopts Concluding Observations on Reports of Paraguay, Angola, Peru and Belize", "en"),
    ("It will review the reports of Bahrain, Ecuador, Estonia and Namibia.", "en"),
])
def test_states_named_as_the_subject_of_reports_are_no_speakers(sentence, lang):
    # a treaty body's closing: the States reviewed or to be reviewed did not speak at this meeting
    assert extract_lists(sentence, lang, 1, load_index().known)[1] == []


def test_a_list_with_a_speaking_cue_near_reports_is_still_a_list():
    sentence = "Speaking in the discussion on the reports were Brazil, Chile and Peru."
    names = [entry.name for entry in extract_lists(sentence, "en", 1, load_index().known)[1]]
    assert names == ["Brazil", "Chile", "Peru"]


def test_a_count_with_its_names_in_parentheses_before_the_closing_verb():
    sentence = ("Quatre États (Mexique, Égypte au nom du Groupe africain, Équateur et Chili) ont pris la parole, "
                "de même que l'Organisation internationale pour les migrations.")
    index = load_index()
    entries = extract_lists(sentence, "fr", 1, index.known)[1]
    assert [e.name for e in entries][:4] == ["Mexique", "Égypte", "Équateur", "Chili"]
    assert index.resolve_group(entries[1].on_behalf_of)[0] == "group:african-group"


@pytest.mark.parametrize("sentence, lang", [
    ("Voting in favour: Albania, Bulgaria, Chile, Colombia and Cyprus.", "en"),
    ("Abstaining: Bangladesh, Benin, Brazil and Ghana.", "en"),
    ("Ont voté pour (22) : Albanie, Allemagne, Bulgarie et Chili.", "fr"),
    ("Se sont abstenus (16) : Bangladesh, Bénin, Brésil et Ghana.", "fr"),
])
def test_a_vote_breakdown_names_voters_not_speakers(sentence, lang):
    assert extract_lists(sentence, lang, 1, load_index().known)[1] == []


def test_a_french_list_verb_with_a_time_phrase_before_the_names():
    sentence = ("Se sont exprimées avant le vote la Tchéquie (au nom de l’Union européenne) et la Bolivie "
                "(au nom du Mouvement des pays non alignés).")
    assert [e.name for e in extract_lists(sentence, "fr", 1, load_index().known)[1]] == ["Tchéquie", "Bolivie"]


@pytest.mark.parametrize("text", ["Article 7 of the Convention", "L'article 7 de la Convention", "under item 4 of the agenda",
                                  "au titre du point 4 de l'ordre du jour", "rule 129 of the rules of procedure"])
def test_a_number_that_names_a_part_of_a_text_is_no_count(text):
    assert [f for f in extract(text, lang="en") if f.kind == "number"] == []


def test_what_a_count_counts_is_read_in_its_own_sentence():
    # "every 10 minutes. Article 7 of the Convention …" / « toutes les 12 minutes … L'article 7 de la
    # Convention … »: no count of minutes is compared with the article's number (held-out round 10)
    en = "A child was born stateless every 10 minutes, she said. Article 7 of the Convention guaranteed every child a nationality."
    fr = "Un enfant naît apatride toutes les 12 minutes, a-t-elle dit. L'article 7 de la Convention garantit une nationalité à chaque enfant."
    assert [(f.en, f.fr) for f in _closing_pair(en, fr).coverage if f.kind == "number" and f.fr == "7"] == []


def test_a_speaker_missing_from_a_copy_cut_short_is_could_not_compare():
    # a page beginning cut in the middle of its list (real Section G): the rest may be past the cut
    en, _ = _pair("Speaking were Cuba, Egypt and India.", "")
    fr = parse_summary(page(["Le Conseil entend la Rapporteuse spéciale"], LEAD_FR,
                            tail="Ont pris la parole : Cuba, l'Égypte, "), "fr.txt")
    assert fr.cut_off
    comparison = compare_summaries(en, fr)
    assert comparison.mismatches == ()
    assert [u.id for u in comparison.uncertain] == ["IND"]


@pytest.mark.parametrize("en, fr, same", [
    # a period of days is one date (held-out round 7): its first day is no count of its own
    ("from 12 to 16 January 2026", "du 12 au 16 janvier 2026", True),
    ("from 12 to 16 January 2026", "du 19 au 23 janvier 2026", False),
    ("from 30 October to 24 November 2023", "du 30 octobre au 23 novembre 2023", False),
    ("from 30 September to 4 October", "du 30 septembre au 4 octobre", True),
    # a version that gives only the period's last day says the same ("jusqu'au 23 septembre")
    ("from 29 August to 23 September", "jusqu'au 23 septembre", True),
    ("from 29 August to 23 September", "jusqu'au 22 septembre", False),
])
def test_a_period_of_days_is_one_date(en, fr, same):
    (a,), (b,) = extract(en, lang="en"), extract(fr, lang="fr")
    assert (a.kind, b.kind) == ("date", "date")
    assert same_value(a, b) is same


def test_the_header_skips_site_banners_and_an_aggregators_labels():
    # a survey banner (ungeneva.org), and the labels ReliefWeb puts around a copied page, in French
    text = page(["Aller au contenu principal", "Help improve our website by taking this short survey",
                 "Council hears Special Rapporteur on food", "Pays\nMonde\nSources\nUN HRC\nVoir l'original",
                 "Human Rights Council\nMIDDAY\n11 September 2025"], LEAD_EN.replace("this morning ", ""))
    summary = parse_summary(text, "copy.txt")
    assert (summary.title, summary.date, summary.part) == ("Council hears Special Rapporteur on food", "2025-09-11", "midday")
    assert not any(p.kind == "heading" for p in summary.paragraphs)


def test_a_headline_in_capitals_is_the_title_before_a_subtitle_naming_the_body():
    text = page(["Aller au contenu principal", "DES INSTRUMENTS MAJEURS DE CONTRÔLE DES ARMEMENTS ONT ÉTÉ ABANDONNÉS",
                 "Compte rendu de séance\nTel est le constat du Secrétaire général dans un message à la Conférence du désarmement"],
                LEAD_FR)
    assert parse_summary(text, "fr.txt").title == "DES INSTRUMENTS MAJEURS DE CONTRÔLE DES ARMEMENTS ONT ÉTÉ ABANDONNÉS"


def _closing_pair(en_sentence, fr_sentence):
    """A treaty body's session closing in both languages, with one sentence each of our choosing."""
    lead_en = ("The Committee against Torture today concluded its eightieth session after adopting its concluding "
               "observations on the reports of Chile, Kenya and Norway, which it reviewed during the session.")
    lead_fr = ("Le Comité contre la torture a clos aujourd'hui sa quatre-vingtième session, au cours de laquelle il a "
               "adopté ses observations finales sur les rapports du Chili, du Kenya et de la Norvège.")
    en = parse_summary(page(["Committee against Torture concludes eightieth session"], lead_en,
                            tail=f"{en_sentence}\n\nCAT24.010E"), "en.txt")
    fr = parse_summary(page(["Le Comité contre la torture clôt sa quatre-vingtième session"], lead_fr,
                            tail=f"{fr_sentence}\n\nCAT24.010F"), "fr.txt")
    return compare_summaries(en, fr)


def test_a_persons_nationality_is_no_state_the_meeting_dealt_with():
    base = "The Committee elected its Bureau for two years."
    chair = "Le Comité a élu son bureau pour deux ans ; M. Francisco Carrión Mena (Équateur) en assure la présidence."
    assert [f for f in _closing_pair(base, chair).coverage if f.kind == "state"] == []
    # the same State as what the sentence is about is a State only the French names
    about = "Le Comité a élu son bureau pour deux ans ; il a aussi salué la coopération de l'Équateur."
    assert [f.fr for f in _closing_pair(base, about).coverage if f.kind == "state"] == ["Équateur"]


def test_a_state_written_in_a_spelling_of_its_own_is_not_named_in_one_version_only():
    en = "The Committee adopted lists of issues for the reports of Timore Leste and Turkey."
    fr = "Le Comité a adopté des listes de points pour les rapports du Timor-Leste et de la Turquie."
    assert [f for f in _closing_pair(en, fr).coverage if f.kind == "state"] == []
    missing = "The Committee adopted lists of issues for the reports of Turkey."
    assert [f.fr for f in _closing_pair(missing, fr).coverage if f.kind == "state"] == ["Timor-Leste"]


def test_a_state_under_review_named_as_a_reports_subject_is_not_missing_from_the_concerned_list():
    # the French says the Committee concluded its review of the reports of Chile and Uruguay
    # (both read as countries concerned); the English reviews Chile and names Uruguay's report
    # without a review verb: it has not left Uruguay out
    fr = "Le Comité a achevé ce matin l'examen des rapports du Chili et de l'Uruguay."
    en = ("This morning the Committee concluded its review of the report of Chile. The concluding "
          "observations on the report of Uruguay will be available next week.")
    comparison = _closing_pair(en, fr)
    assert [m for m in comparison.mismatches if m.id == "URY"] == []
    assert [u.id for u in comparison.uncertain if u.list == "concerned"] == ["URY"]
    # with no mention of Uruguay in the English, it is missing there
    other = _closing_pair("This morning the Committee concluded its review of the report of Chile.", fr)
    assert [(m.list, m.id, m.issue) for m in other.mismatches] == [("concerned", "URY", "missing_in_en")]


@pytest.mark.parametrize("sentence, lang", [
    # a session closing tells the reviews of the whole session: those States did not speak today
    ("Le Comité a clos sa session, au cours de laquelle il a examiné les rapports de Sri Lanka, de l'Ouzbékistan et du Sénégal.", "fr"),
    ("During the session, the Committee reviewed the reports of Sri Lanka, Uzbekistan and Senegal.", "en"),
])
def test_the_reviews_of_a_whole_session_name_no_country_concerned(sentence, lang):
    assert speakers(sentence, lang) == []


@pytest.mark.parametrize("en, fr", [
    # a currency's name (held-out round 8)
    ("The Ministry's budget rose to 24 billion guaraníes in 2025.",
     "Le budget du ministère a atteint 24 milliards de guaraníes en 2025, et un prêt de 1,2 million de dollars des "
     "États-Unis finance un système d'information."),
    # a person's nationality, with no title before the name (held-out round 9)
    ("The Committee elected by acclamation Kwabena Owusu-Ansah (Ghana) as its Chairperson.",
     "Le Comité a élu son président par acclamation."),
])
def test_a_state_named_for_no_dealing_of_the_meeting_is_no_state_flag(en, fr):
    assert [f for f in _closing_pair(en, fr).coverage if f.kind == "state"] == []


def test_a_speaker_only_one_version_lists_is_a_speaker_difference_not_also_a_state_one():
    en = "The representatives of Australia, Sweden and Bangladesh also welcomed the President."
    fr = "Les représentants de l'Australie, de la Suède et du Kazakhstan ont eux aussi salué la nouvelle Présidente."
    comparison = _closing_pair(en, fr)
    assert {(m.id, m.issue) for m in comparison.mismatches} == {("BGD", "missing_in_fr"), ("KAZ", "missing_in_en")}
    assert [f for f in comparison.coverage if f.kind == "state"] == []


def test_the_headline_comes_before_the_first_paragraph_long_as_a_body_paragraph():
    # a French mirror whose first paragraph is a synthesis naming no body at its start
    synthesis = ("La Fédération de Russie mène des politiques en faveur de la famille et des femmes, consistant à mener des "
                 "projets de sensibilisation, à prévenir la violence et la traite des personnes, de même qu'à ouvrir des foyers "
                 "et des lignes d'assistance pour les victimes. C'est ce qu'a observé un membre du Comité pour l'élimination de "
                 "la discrimination à l'égard des femmes alors qu'était examiné le rapport présenté par la Fédération de Russie "
                 "en application de la Convention.")
    text = page(["Skip to main content", "Au CEDAW, sont saluées les politiques menées par la Fédération de Russie",
                 "03 novembre 2021", synthesis], "Une experte membre du Comité a toutefois fait état de dispositions discriminatoires.")
    assert parse_summary(text, "fr.txt").title == "Au CEDAW, sont saluées les politiques menées par la Fédération de Russie"


def test_states_in_what_the_delegation_said_are_places_not_a_list():
    # "…, the delegation said": the reviewed State answering, no speaker list (held-out round 8)
    en = "Most victims identified abroad had been taken to Argentina and Spain, the delegation said."
    fr = "La plupart des victimes identifiées à l'étranger avaient été emmenées en Argentine, en Espagne et en Italie, a précisé la délégation."
    assert [f.fr for f in _closing_pair(en, fr).coverage if f.kind == "state"] == ["Italie"]


def test_a_state_the_other_version_makes_the_subject_of_a_sentence_is_not_missing():
    # « L'Arménie et Cuba ont mis l'accent sur … »: the French tells what Cuba said, outside its lists
    en, fr = _pair("Speaking were Armenia, Cuba and Egypt.",
                   "Ont pris la parole : l'Arménie et l'Égypte. L'Arménie et Cuba ont mis l'accent sur les soins de santé primaires.")
    comparison = compare_summaries(en, fr)
    assert [m for m in comparison.mismatches if m.id == "CUB"] == []
    assert [u.id for u in comparison.uncertain] == ["CUB"]
    # named nowhere in the French, Cuba is missing there
    en, fr = _pair("Speaking were Armenia, Cuba and Egypt.", "Ont pris la parole : l'Arménie et l'Égypte.")
    assert [(m.id, m.issue) for m in compare_summaries(en, fr).mismatches] == [("CUB", "missing_in_fr")]


def test_a_year_that_differs_in_the_same_statement_is_a_date_flag():
    en = "The Ombudsman had been designated as the national preventive mechanism in 2013, the head of delegation said."
    fr = "Le Médiateur a été désigné comme mécanisme national de prévention en 2015, a indiqué la cheffe de délégation."
    flags = [(f.kind, f.en, f.fr) for f in _closing_pair(en, fr).coverage if f.kind == "date"]
    assert flags == [("date", "2013", "2015")]
    same = fr.replace("2015", "2013")
    assert [f for f in _closing_pair(en, same).coverage if f.kind == "date"] == []


def test_a_state_flag_shows_the_name_as_the_version_writes_it():
    en = "The Committee noted extradition requests from Angola and Brazil."
    fr = "Le Comité a pris note des demandes d'extradition de l'Angola, du Brésil et du Cap-Vert."
    (flag,) = [f for f in _closing_pair(en, fr).coverage if f.kind == "state"]
    assert (flag.fr, flag.about) == ("Cap-Vert", "Cabo Verde is named only in the French version")


def test_a_count_flag_says_what_is_counted():
    en = "After the election, the Committee was composed of 11 women and seven men, the Chair said."
    fr = "À l'issue de l'élection, le Comité compte dix femmes et huit hommes, a indiqué la Présidente."
    flags = [(f.en, f.fr) for f in _closing_pair(en, fr).coverage if f.kind == "number"]
    assert ("11 women", "dix femmes") in flags


def test_the_human_rights_committees_lead_gives_the_part_of_the_day():
    lead = ("The Human Rights Committee this afternoon continued its discussion of draft revised guidelines for reports to be "
            "submitted by States parties under the International Covenant on Civil and Political Rights.")
    assert parse_summary(page(["Human Rights Committee continues debate on guidelines"], lead), "en.txt").part == "afternoon"
