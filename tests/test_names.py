"""Names across languages: every State form, groups, NGOs, and the `names` command."""

from __future__ import annotations

import gettext
import subprocess
import sys
import unicodedata
from pathlib import Path

import pycountry
import pytest
from babel import Locale

from hrc_report.names import _un_taxonomy, resolve_speakers, unify_ngos
from hrc_report.models import SpeakerEntry

FRENCH = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])


def _un_states():
    """The 193 member States (UN terminology list) and the two observer States."""
    return [
        row for row in _un_taxonomy()
        if row["Appears in DGACM list"] == "Y" or row["ISO 3166-1 Alpha 3-Codes"] in ("VAT", "PSE")
    ]


def _forms(row):
    """Every way the sources write one State, plus how the press rewrites them."""
    country = pycountry.countries.get(alpha_3=row["ISO 3166-1 Alpha 3-Codes"])
    forms = {row[k] for k in ("English Short", "French Short", "Preferred Term", "English Formal", "M49 English", "M49 French") if row[k]}
    for attr in ("name", "official_name", "common_name"):
        value = getattr(country, attr, None)
        if value:
            forms |= {value, FRENCH.gettext(value)}
    forms |= {Locale("en").territories[country.alpha_2], Locale("fr").territories[country.alpha_2]}
    variants = set()
    for form in forms:
        variants |= {
            form,
            form.upper(),
            # French capitals often lose their accent: Etats-Unis, Egypte
            unicodedata.normalize("NFD", form[:1]).encode("ascii", "ignore").decode() + form[1:],
            form.replace("'", "\u2019"),
            form.replace("\u2019", "'"),
            form.replace("-", " "),
        }
        if not form.lower().startswith("the "):
            variants.add(form.replace(" ", "-"))
    return {v for v in variants if v.strip()}


STATES = _un_states()


def test_the_un_lists_hold_193_members_and_2_observers():
    ids = {row["ISO 3166-1 Alpha 3-Codes"] for row in STATES}
    assert len(ids) == 195
    assert {"VAT", "PSE"} <= ids


@pytest.mark.parametrize("row", STATES, ids=lambda row: row["ISO 3166-1 Alpha 3-Codes"])
def test_every_form_of_every_state_resolves(index, row):
    iso3 = row["ISO 3166-1 Alpha 3-Codes"]
    wrong = {form: index.resolve(form).id for form in _forms(row) if index.resolve(form).id != iso3}
    assert not wrong, f"{iso3}: {wrong}"
    kind = index.resolve(row["English Short"]).kind
    assert kind == ("observer" if iso3 in ("VAT", "PSE") else "state")


@pytest.mark.parametrize(
    "name, expected",
    [
        # press and older forms named in FORMATS.md
        ("Russia", "RUS"), ("Fédération de Russie", "RUS"), ("Russian Federation", "RUS"),
        ("Etats-Unis", "USA"), ("États-Unis", "USA"), ("les États-Unis", "USA"),
        ("Sao-Tomé-et-Principe", "STP"), ("Sao Tomé-et-Principe", "STP"),
        ("Iran (République islamique d’)", "IRN"), ("Iran (République islamique d')", "IRN"), ("l’Iran", "IRN"),
        ("Iran", "IRN"), ("Venezuela", "VEN"), ("Venezuela (Bolivarian Republic of)", "VEN"),
        ("République arabe syrienne", "SYR"), ("Syrie", "SYR"),
        ("République populaire démocratique de Corée", "PRK"),
        ("République tchèque", "CZE"), ("Tchéquie", "CZE"), ("Czech Republic", "CZE"),
        ("Saint-Siège", "VAT"), ("Holy See", "VAT"), ("État de Palestine", "PSE"), ("Etat de Palestine", "PSE"),
        ("State of Palestine", "PSE"), ("Türkiye", "TUR"), ("Turquie", "TUR"), ("Turkey", "TUR"),
        ("Viet Nam", "VNM"), ("Vietnam", "VNM"), ("Egypte", "EGY"), ("Emirats arabes unis", "ARE"),
        ("Tanzania", "TZA"), ("République-Unie de Tanzanie", "TZA"), ("la Chine", "CHN"), ("le Bélarus", "BLR"),
        ("Côte d’Ivoire", "CIV"), ("Cote d'Ivoire", "CIV"), ("Belarus ", "BLR"), ("Royaume-Uni", "GBR"),
        ("Philippines (video statement)", "PHL"),
    ],
)
def test_press_and_older_forms(index, name, expected):
    assert index.resolve(name).id == expected


@pytest.mark.parametrize(
    "name, expected",
    [
        ("European Union", "EU"), ("Union européenne", "EU"),
        ("African Group", "group:african-group"), ("Groupe africain", "group:african-group"),
        ("Organisation of Islamic Cooperation", "group:organisation-of-islamic-cooperation"),
        ("Organisation de la coopération islamique", "group:organisation-of-islamic-cooperation"),
        ("Georgia Public Defender’s Office", "nhri:GEO"),
        ("Bureau du Défenseur public de Géorgie", "nhri:GEO"),
        ("UNICEF", "un:unicef"), ("Fonds des Nations Unies pour l’enfance", "un:unicef"),
    ],
)
def test_groups_and_bodies(index, name, expected):
    assert index.resolve(name).id == expected


def test_unknown_ombudsman_gets_an_nhri_id_shared_across_languages(index):
    en = index.resolve("Ombudsman of Kazakhstan")
    fr = index.resolve("Médiateur du Kazakhstan")
    assert en.kind == fr.kind == "nhri"
    assert en.id == fr.id


def test_on_behalf_of_resolves_in_both_languages(index):
    assert index.resolve_group("a group of countries") == index.resolve_group("d’un groupe de pays") == ("group:group-of-countries", True)
    assert index.resolve_group("the African Group") == index.resolve_group("du Groupe africain") == ("group:african-group", True)
    assert index.resolve_group("neuf pays membres du Groupe de Lima") == ("group:lima-group", True)
    # one id per group in both languages, with or without its article
    assert index.resolve_group("the Nordic countries")[0] == index.resolve_group("des pays nordiques")[0] == "group:nordic-countries"
    assert (index.resolve_group("Organisation internationale de la Francophonie")[0]
            == index.resolve_group("de la Francophonie")[0] == "other:international-organization-of-la-francophonie")
    assert (index.resolve_group("de l’Organisation de la coopération islamique")[0]
            == index.resolve_group("Organisation de coopération islamique")[0] == index.resolve_group("the OIC")[0])
    assert index.resolve_group("CELAC")[0] != index.resolve_group("GRULAC")[0]
    # an ad hoc group compares by its number; named States are a group of States
    assert index.resolve_group("a group of 57 countries") == index.resolve_group("d’un groupe de 57 pays") == ("group:group-of-57-countries", True)
    assert index.resolve_group("Jordan and Morocco") == index.resolve_group("de la Jordanie et du Maroc") == ("states:JOR+MAR", True)
    assert index.resolve_group("the Friends of Nowhere")[1] is False


def test_gold_ngo_pairs_resolve_to_one_id(index, gold):
    en = [SpeakerEntry("ngos", pair[0], None, 0) for pair in gold["ngo_pairs"] if pair[1]]
    fr = [SpeakerEntry("ngos", pair[1], None, 0) for pair in gold["ngo_pairs"] if pair[1]]
    en_speakers, fr_speakers = unify_ngos(resolve_speakers(en, "en", index), resolve_speakers(fr, "fr", index))
    assert [s.id for s in en_speakers] == [s.id for s in fr_speakers]
    assert all(s.id.startswith("ngo:") for s in en_speakers)


#: Different organisations whose names are close: they must never merge.
NEAR_NEIGHBOURS = [
    ("International Society for Human Rights", "International Service for Human Rights"),
    ("World Barua Organization", "World Baloch Organisation"),
    ("Institute for Human Rights", "Institute for Human Rights Studies"),
    ("Human Rights Now", "Human Rights Watch"),
    ("Action Canada for Population and Development", "Action Canada for Sexual Health and Rights"),
    ("International Youth and Student Movement for the United Nations", "International Youth Movement for the United Nations"),
    ("Africa Culture Internationale", "Africa Culture Internationale Human Rights"),
    ("Women's International League for Peace and Freedom", "Women's International Democratic Federation"),
]


def test_ngo_spelling_variants_merge_and_near_neighbours_do_not(index, gold):
    """One NGO written two ways (curly/straight apostrophes, a dropped hyphen,
    Organisation/Organization, Centre/Center) gets one id; two different NGOs
    with close names never do, whatever their order."""
    names = [pair[0] for pair in gold["ngo_pairs"]]
    variants = [
        (n, n.replace("'", "’").replace(" - ", " ").replace("Organization", "Organisation").replace("Centre", "Center"))
        for n in names
    ]
    for a, b in variants:
        en, fr = unify_ngos(resolve_speakers([SpeakerEntry("ngos", a, None, 0)], "en", index),
                            resolve_speakers([SpeakerEntry("ngos", b, None, 0)], "fr", index), index)
        assert en[0].id == fr[0].id, (a, b)
    for a, b in NEAR_NEIGHBOURS + [(b, a) for a, b in NEAR_NEIGHBOURS]:
        en, fr = unify_ngos(resolve_speakers([SpeakerEntry("ngos", a, None, 0)], "en", index),
                            resolve_speakers([SpeakerEntry("ngos", b, None, 0)], "fr", index), index)
        assert en[0].id != fr[0].id, (a, b)


def test_names_command(tmp_path):
    result = subprocess.run(
        [str(Path(sys.executable).parent / "hrc-report"), "names", "--lang", "fr"],
        input="Fédération de Russie\nEtats-Unis\nUnion européenne\nPays imaginaire\n",
        capture_output=True, text=True, cwd=tmp_path, check=True,
    )
    assert result.stdout.splitlines() == [
        "Fédération de Russie\tRUS\tstate",
        "Etats-Unis\tUSA\tstate",
        "Union européenne\tEU\teu",
        "Pays imaginaire\t\t",
    ]


def test_a_group_named_after_a_known_head_is_a_group_of_its_own():
    from hrc_report.names import load_index

    index = load_index()
    assert index.resolve_group("the Group of Friends")[0] == "group:group-of-friends"
    # a narrower group, named by what follows the head, is not the Group of Friends
    assert index.resolve_group("the Group of Friends of Haiti") == ("group:group-of-friends-of-haiti", False)


def test_for_a_group_or_for_itself_differs_even_when_the_group_is_unknown():
    from hrc_report.compare import behalf_relation
    from hrc_report.models import Speaker

    def chile(group, known=True):
        return Speaker(list="discussion", name="Chile", id="CHL", kind="state", on_behalf_of=group,
                       on_behalf_of_id=group and f"group:{group}", on_behalf_known=known)

    assert behalf_relation(chile("friends-of-haiti", known=False), chile(None)) == "differs"
    # two groups the resolver does not know may be the same group written two ways
    assert behalf_relation(chile("amis-d-haiti", known=False), chile("friends-of-haiti", known=False)) == "unknown"
