"""How independently written versions are aligned: the leads, lists of names, people's names.

Texts here are written for the tests, in the shapes of real pages
(../shared/FORMATS.md, bench/real/README.md); the expected values are what a
reader of both versions would say, not what the code printed.
"""

from __future__ import annotations

import pytest

from hrc_report.align import align_sections, build_sections, embedding_text, load_vocabulary, proper_names
from hrc_report.models import HrcReportError
from hrc_report.names import load_index
from hrc_report.parse import parse_summary
from hrc_report.pipeline import compare_summaries

EN_HEADER = ["Skip to main content", "Committee against Torture concludes its sixty-fourth session", "Meeting Summaries"]
FR_HEADER = ["Aller au contenu principal", "Le Comité contre la torture clôt sa soixante-quatrième session",
             "Compte rendu de séance"]
EN_LEAD = ("The Committee against Torture this morning concluded its sixty-fourth session after adopting its "
           "concluding observations and recommendations on the reports of Mauritania, the Russian Federation, "
           "Seychelles and Chile, which it reviewed during the session.")
# The French lead names the States reviewed after a colon: a list shape, but still the lead.
FR_LEAD = ("Le Comité contre la torture a clos ce matin les travaux de sa soixante-quatrième session, au cours de "
           "laquelle il a adopté ses observations finales sur les rapports des quatre États suivants : Mauritanie, "
           "Fédération de Russie, Seychelles et Chili.")
EN_BODY = [
    "Summarizing the session, Jens Modvig, Chairperson of the Committee, said that the Committee had held a "
    "meeting with the Subcommittee on Prevention of Torture and had adopted its report on communications.",
    "The sixty-fifth session of the Committee will take place from 12 November to 7 December 2018, during which "
    "it will review the reports of Belarus, Argentina, Canada and Peru.",
]
FR_BODY = [
    "Dans ses observations de clôture, le Président du Comité, M. Jens Modvig, a indiqué que le Comité avait "
    "tenu une réunion avec le Sous-Comité pour la prévention de la torture et adopté son rapport sur les plaintes.",
    "Le Comité tiendra sa soixante-cinquième session du 12 novembre au 7 décembre 2018 et examinera alors les "
    "rapports du Bélarus, de l'Argentine, du Canada et du Pérou.",
]


def _summary(header, lead, body, name):
    return parse_summary("\n\n".join(header + [lead] + body), name)


@pytest.fixture(scope="module")
def pair():
    return _summary(EN_HEADER, EN_LEAD, EN_BODY, "en.txt"), _summary(FR_HEADER, FR_LEAD, FR_BODY, "fr.txt")


def test_a_lead_naming_the_states_reviewed_stays_the_lead(pair):
    en, fr = pair
    # lead, closing remarks, next session: the same units in both versions, no list paragraph
    assert [p.kind for p in fr.paragraphs] == [p.kind for p in en.paragraphs] == ["body", "body", "next_meeting"]


def test_the_two_leads_and_each_reported_passage_are_linked(pair):
    en, fr = pair
    index = load_index()
    en_sections, fr_sections = build_sections(en, index), build_sections(fr, index)
    links = {(link.en, link.fr) for link in align_sections(en_sections, fr_sections).links}
    # one reader's alignment: lead with lead, closing remarks together, next session together
    assert links == {("en-1", "fr-1"), ("en-2", "fr-2"), ("en-3", "fr-3")}


LEAD_EN_OTHER = ("The Human Rights Council this afternoon held an interactive dialogue with the Special Rapporteur "
                 "on the right to food, who presented her report on famine and conflict.")
LEAD_FR_OTHER = ("Le Conseil des droits de l'homme a tenu ce matin un dialogue interactif avec le Rapporteur spécial "
                 "sur la liberté de religion ou de conviction, qui a présenté son rapport annuel.")


def test_two_leads_of_different_meetings_are_no_evidence_of_one_meeting():
    en = _summary(["Skip to main content", "Council hears expert on food", "Meeting Summaries"], LEAD_EN_OTHER, [
        "The Special Rapporteur said that famine was used as a weapon of war in several conflicts and that "
        "humanitarian access to farmland and markets had to be protected.",
        "Speakers called for debt relief for food-importing countries and for support to smallholder farmers.",
    ], "en.txt")
    fr = _summary(["Aller au contenu principal", "Le Conseil entend le Rapporteur sur la liberté de religion",
                   "Compte rendu de séance"], LEAD_FR_OTHER, [
        "Le Rapporteur spécial a déploré la multiplication des lois sur le blasphème et des restrictions imposées "
        "aux lieux de culte des minorités religieuses.",
        "Plusieurs délégations ont insisté sur le dialogue interreligieux et sur l'éducation à la tolérance dans "
        "les écoles.",
    ], "fr.txt")
    with pytest.raises(HrcReportError, match="share no content"):
        compare_summaries(en, fr)


def test_the_encoder_reads_a_sentence_without_its_run_of_state_names():
    index = load_index()
    sentence = ("La Conférence a entendu les déclarations de la Chine, du Pakistan, de l'Inde, des États-Unis et "
                "de la Suisse sur le programme de travail.")
    spans = tuple(index.state_spans(sentence))  # what the reader finds in it
    assert embedding_text(sentence, spans) == "La Conférence a entendu les déclarations  sur le programme de travail."
    # two States are what the sentence is about, not a list of speakers
    two = "Chile and Peru signed an agreement on water."
    assert embedding_text(two, tuple(index.state_spans(two))) == two


def test_peoples_names_are_anchors_but_institutions_and_titles_are_not():
    index, vocabulary = load_index(), load_vocabulary()
    found = proper_names([
        "The Secretary-General of the United Nations, António Guterres, addressed the Conference on Disarmament.",
        "Présidée par l'Ambassadeur Coly Seck du Sénégal, la session s'est ouverte.",
    ], index, vocabulary)
    assert {"antonio", "guterres", "coly", "seck"} <= found
    assert not found & {"nations", "united", "conference", "disarmament", "secretary-general", "senegal", "presidee",
                        "the", "ambassadeur"}
