"""Named patterns for the shapes of a meeting summary, in both languages.

No logic here: :mod:`hrc_report.parse` and :mod:`hrc_report.speakers` use them.
Each list is tried in order; the first match wins.
"""

import re

I = re.IGNORECASE

#: "Skip to main content" in the languages the site serves.
NAVIGATION = re.compile(
    r"^(?:skip to (?:main )?content|aller au contenu(?: principal)?|pasar al contenido principal|"
    r"ir al contenido principal|перейти к основному содержанию|跳转到主要内容|跳到主要内容|"
    r"تخطي إلى المحتوى الرئيسي|الانتقال إلى المحتوى الرئيسي)$",
    I,
)

LABEL = re.compile(
    r"^(?:meeting summar(?:y|ies)|press releases?|comptes? rendus? de s[ée]ances?|communiqués? de presse)$", I
)
#: Site furniture above the headline: "News Human Rights Council", "Actualités Conseil
#: des droits de l'homme", "Press releases Human Rights Council", "Header image for
#: news printout", a mirror's "World + 4 more". None of these is the title.
BREADCRUMB = re.compile(
    r"^(?:(?:the )?human rights council|(?:le )?conseil des droits de l.homme|committee against torture|comit[ée] contre la torture|"
    r"conference on disarmament|conf[ée]rence du d[ée]sarmement|treaty bodies|organes (?:conventionnels|de trait[ée]s)|"
    r"universal periodic review|examen p[ée]riodique universel|"
    r"(?:news|actualit[ée]s|press releases?|communiqu[ée]s? de presse|meeting summar(?:y|ies)|"
    r"comptes? rendus? de s[ée]ances?|news and events)\b[^.]{0,80}|header image\b.*|"
    r".*\+\s*\d+\s+more|.*\bservice provided by\b.*|share|partager|print|imprimer)$",
    I,
)
#: Lines of a site's own that are neither title nor label: a survey banner, and the
#: labels a news aggregator puts around a copied page (ReliefWeb, in either language).
SITE_FURNITURE = re.compile(
    r"^(?:help (?:us )?improve (?:our|this) (?:web)?site\b.*|.*\btak(?:e|ing) (?:our|this|a) short survey\b.*|"
    r"pays|monde|sources?|origine|date de publication|voir l.original|countr(?:y|ies)|world|origin|posted|view original|"
    r"un hrc|ohchr|ungeneva)$",
    I,
)
#: A headline names the body or what it did.
HEADLINE_HINT = re.compile(
    r"\b(?:council|committee|conference|commission|working group|forum|conseil|comit[ée]|conf[ée]rence|"
    r"groupe de travail|experts?|rapporteur|dialogue|debate|d[ée]bat|review|examen|adopts?|adopte|hears?|entend|"
    r"concludes?|conclut|ach[eè]ve|holds?|tient)\b",
    I,
)
#: The lead of a meeting summary says which body met: "The Human Rights Council this
#: morning held …", "Le Comité contre la torture a achevé …". With a time or a
#: meeting verb, that makes a page a summary even when its code and disclaimer are lost.
LEAD_BODY = re.compile(
    r"\b(?:the (?:human rights )?council|the (?:human rights )?committee\b|the subcommittee\b|the conference on disarmament|the sub-?commission|le sous-comit[ée]\b|"
    r"the working group|le conseil des droits de l.homme|le conseil\b|le comit[ée]\b|la conf[ée]rence du d[ée]sarmement|"
    r"le groupe de travail)",
    I,
)
LEAD_MEETING = re.compile(
    r"\b(?:this (?:morning|afternoon|evening)|today|at midday|held|concluded|heard|opened|closed|began|adopted|reviewed|"
    r"considered|ce matin|cet apr[eè]s-midi|aujourd.hui|ce soir|[àa] la mi-journ[ée]e|a tenu|a achev[ée]|a entendu|a ouvert|"
    r"a cl[ôo]tur[ée]|a adopt[ée]|a examin[ée]|a conclu|a commenc[ée]|a entam[ée]|a poursuivi|tient|entame|achève|examine)\b",
    I,
)

#: Closing code: HRC23.148E, DC17/028F, CAT/18/017E, CERD17/020F.
CODE = re.compile(r"^(?P<body>[A-Z]{2,6})/?(?P<year>\d{2})[./](?P<number>\d{2,4})(?P<lang>[EF])$")
#: The code alone on the last line, or (copies that lost their line breaks) at its end.
CODE_AT_END = re.compile(r"(?:^|\s)(?P<code>[A-Z]{2,6}/?\d{2}[./]\d{2,4}[EF])$")

#: Meeting part written as a title prefix ("MORNING - ...") or a line of its own.
PART_WORDS = {
    "morning": "morning", "matin": "morning", "matinée": "morning", "matinee": "morning",
    "afternoon": "afternoon", "après-midi": "afternoon", "apres-midi": "afternoon",
    "midday": "midday", "mi-journée": "midday", "mi-journee": "midday", "midi": "midday",
    "evening": "evening", "soir": "evening", "soirée": "evening", "soiree": "evening",
}
TITLE_PART_PREFIX = re.compile(
    r"^(?P<part>morning|afternoon|midday|evening|matin|apr[eè]s-midi|mi-journ[ée]e|soir)\s*[-–—:]\s*", I
)
PART_LINE = re.compile(r"^(?P<part>morning|afternoon|midday|evening|matin|apr[eè]s-midi|mi-journ[ée]e|midi|soir)$", I)

#: Where the body says when the meeting took place, in the order they are tried.
PART_IN_TEXT = [
    (re.compile(r"\b(?:this|on \w+) morning\b|\bce matin\b|\ben (?:d[ée]but|fin) de matin[ée]e\b|\bmatin[ée]e\b", I), "morning"),
    (re.compile(r"\bat midday\b|\bmid-?day\b|\b[àa] la mi-journ[ée]e\b|\ben milieu de journ[ée]e\b|(?<!-)\bmidi\b", I), "midday"),
    (re.compile(r"\b(?:this|on \w+) afternoon\b|\bcet apr[eè]s-midi\b|\ben (?:d[ée]but|milieu|fin) d'apr[eè]s-midi\b|\bapr[eè]s-midi\b", I), "afternoon"),
    (re.compile(r"\b(?:this|on \w+) evening\b|\bce soir\b|\ben fin de journ[ée]e\b|\bsoir[ée]e\b", I), "evening"),
]

#: "yesterday afternoon and this morning": the part of a previous day is not this meeting's.
PREVIOUS_DAY = re.compile(r"\b(?:hier|yesterday|la veille|the previous)\s*$", I)

EN_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
             "september", "october", "november", "december"]
FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre"]
_MONTH = r"(?P<month>[A-Za-zéûÉÛ]+)"
DATE_LINE = re.compile(rf"^(?:\w+,?\s+)?(?P<day>\d{{1,2}})(?:er)?\s+{_MONTH}\s+(?P<year>\d{{4}})$", I)
DATELINE = re.compile(
    rf"^(?P<city>GENEVA|GEN[EÈ]VE|NEW YORK)\s*\((?P<day>\d{{1,2}})(?:er)?\s+{_MONTH}\s+(?P<year>\d{{4}})\)\s*[-–—]*\s*", I
)

SEPARATOR = re.compile(r"^[_\-*=–—~. ]{3,}$")

DISCLAIMER = re.compile(
    r"^(?:produced by the united nations information service|ce communiqué est produit par le service de l.information|"
    r"ce document est destiné à l.information|for use of the information media; not an official record|"
    r"(?:ce communiqué|ce document) (?:est destiné|n.est pas))",
    I,
)
NEXT_MEETING = re.compile(
    # "Cet après-midi, à 15 heures, le Comité entamera …": a time may come first
    r"^(?:[^.,]{3,40},\s*(?:[^.,]{3,30},\s*)?)?(?:the (?:council|committee|conference|sub-commission|working group|commission)(?: [^.]{0,60}?)? will (?:next )?"
    r"(?:reconvene|resume|meet|hold|next meet|continue|conclude|close|start|begin)|"
    r"(?:le|la) (?:conseil|comité|conférence|commission|groupe de travail)(?: [^.]{0,60}?)? (?:reprendra|se réunira|tiendra|"
    r"poursuivra|entamera|achèvera|terminera|clôturera|commencera)|"
    r"the next (?:public )?(?:plenary|meeting)(?: meeting)? of the (?:council|committee|conference) will|"
    # "The sixty-fifth session of the Committee will take place from 12 November …"
    r"(?:the (?:next |[\w-]+ )?session of the (?:council|committee|conference|working group)|"
    r"the (?:council|committee|conference)['’]s (?:next |[\w-]+ )?session) will (?:take place|be held|open|start|begin)|"
    r"la (?:prochaine |[\w-]+ )?session du (?:conseil|comité|groupe de travail)(?: [^.]{0,40}?)? (?:se tiendra|aura lieu|s'ouvrira)|"
    r"la prochaine (?:séance|réunion)(?: plénière)?(?: publique)?(?: d[eu] (?:la |l')?\w+)? (?:se tiendra|aura lieu))",
    I,
)
LINKS = re.compile(
    r"^(?:the webcast of|all meeting summaries|la retransmission|l.ensemble des comptes rendus|"
    r"les comptes rendus|webcast:)",
    I,
)
#: A sentence that sends the reader to the site's other pages ("the summaries of the
#: public meetings can be read on the press releases page of …"): it names those
#: pages and the site. Such a sentence in one version only is no coverage difference.
SITE_POINTER = re.compile(
    r"^(?=.{0,500}$)(?=.*\b(?:comptes? rendus|communiqués? de presse|meeting summar(?:y|ies)|press releases?|webcast|retransmission|"
    r"documents?|concluding observations|observations finales)\b)"
    r"(?=.*\b(?:site|website|web ?page|page web|UN Web TV|webtv)\b)",
    I | re.S,
)


# --- speaker lists -------------------------------------------------------------------
# A sentence is a speaker list when its chunks are known names (see speakers.py);
# these tables only say where the names start or end and which list they form.

_NGO_WORDS = r"(?:non-?governmental organi[sz]ations?|civil society organi[sz]ations?|civil society|NGOs?)"
_NGO_WORDS_FR = r"(?:organisations? non gouvernementales?|ONG|organisations? de la société civile|société civile)"

#: Words after which the names start: "Speaking were …", "Speakers included …",
#: "Ont pris la parole …". A colon also opens a list.
LIST_OPENER = {
    "en": re.compile(r"\b(?:(?:were|was) (?:made|given|delivered|heard|represented) (?:by|from)|were|was|included|include|includes|including|"
                     # "… heard statements from A, B …", "… explained their votes, namely A, B and C"
                     r"heard (?:statements|interventions) (?:from|by)|namely)\b\s*:?\s*", I),
    "fr": re.compile(
        r"^(?:\*+\s*)?(?:(?:Ont|A|Avaient)\s+(?:\w+\s+){0,2}?pris la parole|(?:Sont|Est)\s+(?:\w+\s+){0,2}?intervenu(?:e|s|es)?|"
        r"(?:Ont|A)\s+(?:\w+\s+){0,2}?exercé (?:leur|son|un|le) droit de réponse|(?:Se sont|S'est|S’est)\s+(?:\w+\s+){0,2}?exprimé(?:e|s|es)?)\b"
        # « Se sont exprimées avant le vote la Tchéquie … »: when, before the names
        r"(?:\s+(?:avant|après|pendant|au cours d[eu]|à l['’]issue d[eu])\s+(?:l['’]|la |le |les )?[\w-]+)?\s*:?\s*|"
        # « Des observations générales ont été formulées par … »
        r"\b(?:ont|a) été (?:faite?s?|formulée?s?|prononcée?s?|présentée?s?|donnée?s?) par\b\s*|"
        # « … ont expliqué leur vote, à savoir A, B et C »
        r",\s*à savoir\b\s*:?\s*",
        I,
    ),
}
#: Words before which the names end: "A, B and C spoke in right of reply."
LIST_CLOSER = {
    "en": re.compile(
        r"\s+(?:(?:also|then|later|subsequently|finally)\s+)?(?:spoke(?=\s+(?:in|as|during|at|under|for|on|about|to|against)\b|\s*[.,;]|\s*$)|"
        r"(?:took|take|takes) the floor|made (?:a |their |its )?(?:[\w-]+ ){0,2}?(?:statements?|comments?|remarks?)|"
        r"delivered (?:their |its )?(?:[\w-]+ ){0,2}?statements?|took part in the (?:discussion|debate|dialogue)|"
        r"exercised (?:their|its|the|a) right of reply|intervened|commented|explained (?:their|its) (?:votes?|positions?))\b",
        I,
    ),
    "fr": re.compile(
        r"\s+(?:ont|a|avaient|avait)\s+(?:\w+\s+){0,2}?(?:pris la parole|pris part (?:au|aux) (?:débats?|dialogues?|discussions?)|exercé (?:leur|son|un|le) droit de réponse|"
        r"expliqué (?:leur|son|sa|leurs) (?:votes?|positions?)|fait (?:des |une |part de leurs? )?(?:déclarations?|observations?|commentaires?))\b|"
        r"\s+(?:sont|est)\s+(?:\w+\s+){0,2}?intervenu(?:e|s|es)?\b|\s+se sont\s+(?:\w+\s+){0,2}?exprimé(?:e|s|es)?\b|"
        # a vote's debate: « A, B et C les ont appuyés », « … se sont prononcés contre », « … ont appelé à les rejeter »
        r"\s+(?:les |l['’])?(?:ont|a)\s+(?:\w+\s+)?(?:appuyé|soutenu)(?:e|s|es)?\b|\s+se sont\s+(?:\w+\s+)?(?:prononcé|opposé)(?:e|s|es)?\b|"
        r"\s+(?:ont|a)\s+appelé à\b",
        I,
    ),
}
#: Which list the names form, from cue words anywhere in the sentence; the first match wins.
LIST_CUES = [
    ("right_of_reply", re.compile(r"\bright(?:s)? of reply\b|\bdroits? de réponse\b|\bin reply\b", I)),
    ("concerned", re.compile(
        r"\b(?:countr(?:y|ies)|States?) concerned\b|\bconcerned (?:countr(?:y|ies)|States?)\b|\bpays concernés?\b|\bÉtats? concernés?\b|\bEtats? concernés?\b|"
        r"\bunder review\b|\bsous examen\b|\bÉtat examiné\b|\bpays examiné\b", I)),
    ("ngos", re.compile(rf"\b{_NGO_WORDS}\b|\b{_NGO_WORDS_FR}\b", I)),
]
#: A cue for any kind of speaker list: what the words before the names of a
#: cued list must carry when too few of the names are known.
SPEAKING_CUE = re.compile(
    # "the delegation" alone is a reviewed State answering ("…, the delegation said"), no list
    r"\bspeak|\bspoke|\bfloor\b|\bspeakers?\b|\breply\b|\bstatements?\b|\btook part\b|\bdelegations\b|\bdelegation of\b|"
    r"\bcomments?\b|\bexplain|\bexpliqu|\bobservations générales\b|\bcommentaires\b|"
    r"\bparole\b|\bintervenants?\b|\borateurs?\b|\bdélégations\b|\bdélégation (?:de|du|des|d['’])|\bréponse\b|\bliste\b|\bintervenu|\bexprimé|"
    # a footnote list ("**Entités des Nations Unies : …") and its labels
    r"^\s*\*+|\bUnited Nations (?:entities|bodies|agencies)\b|\bentités des Nations Unies\b|\borganismes des Nations Unies\b|"
    rf"\b{_NGO_WORDS}\b|\b{_NGO_WORDS_FR}\b",
    I,
)
#: Words that say a list's names are NGOs ("the following non-governmental organizations").
NGO_WORDS = re.compile(rf"{_NGO_WORDS}|{_NGO_WORDS_FR}", I)
#: "… as well as the following non-governmental organizations: …": the rest are NGOs.
NGO_TURN = {
    "en": re.compile(rf",?\s*(?:as well as|and|while)\s+(?:by\s+)?(?:the following|representatives of the following|the following representatives of)\s+{_NGO_WORDS}\s*:?\s*", I),
    "fr": re.compile(rf",?\s*(?:ainsi que|et)\s+(?:par\s+)?(?:les|des)\s+(?:représentants des\s+)?{_NGO_WORDS_FR}(?: suivantes)?\s*:?\s*", I),
}
#: "as well as" / "ainsi que" join more names to a list, like a comma.
LIST_JOIN = {
    "en": re.compile(r",?\s+(?:as well as|as did)\s+(?:by\s+)?", I),
    "fr": re.compile(r",?\s+ainsi que\s+(?:par\s+)?", I),
}
#: A recorded vote's breakdown ("In favour (29): Algeria, …"): voters, not speakers.
VOTE_BREAKDOWN = re.compile(
    # "In favour (29):", "Voting in favour:", "Abstaining:", "Ont voté pour (22) :", "Se sont abstenus :"
    r"^\W*(?:(?:voting |votes? )?(?:in favour|against)|abstain(?:ing|ed)?|abstentions?|pour|contre|"
    r"(?:ont |a )voté (?:pour|contre)|(?:se sont |s'est |s’est )abstenu(?:e|s|es)?)\s*(?:\(\d+\))?\s*:", I)
#: "X, speaking as the country concerned, said …": a concerned State in a sentence of its own.
CONCERNED_SPEAKER = re.compile(
    r"\b(?:speaking |took the floor |spoke )?(?:as|in (?:its|their) capacity as) (?:the |a )?(?:(?:countr(?:y|ies)|States?) concerned|"
    r"concerned (?:countr(?:y|ies)|States?))\b|\bas the State under review\b|"
    r"\b(?:en tant que|en qualité de|à titre de) (?:pays|État|Etat) (?:concerné|examiné)\b",
    I,
)
#: "Speaking in right of reply, Rwanda rejected …": a speaker in right of reply in
#: a sentence of its own, named after the cue.
REPLY_SPEAKER = re.compile(
    r"^(?:speaking |responding )?in (?:the )?(?:exercise of (?:its |their |the )?)?right of reply\b|"
    r"^(?:exerçant|dans l.exercice de) (?:son|leur|du) droit de réponse\b|^en droit de réponse\b",
    I,
)
#: A speaker told in prose, the sentence's subject: "The representative of Brazil said …",
#: "The representatives of Australia, Sweden and Bangladesh also welcomed …", « La
#: représentante de l'Égypte a déploré … », « Les représentants de l'Australie, de la
#: Suède et du Kazakhstan ont … »; after an opening phrase at most ("At the end of the
#: meeting, the representative of …").
REPRESENTATIVE = {
    "en": re.compile(r"^(?:[^,]{0,60},\s*)?the (?:permanent )?representatives? of (?P<names>.+?)"
                     r"(?=,?\s+(?:also|then|further|for (?:its|his|her) part|on the other hand)\b|\s+(?:said|stated|noted|"
                     r"stressed|expressed|welcomed|supported|called|urged|recalled|condemned|rejected|underlined|underscored|"
                     r"pointed|asked|congratulated|regretted|announced|warned|observed|emphasized|emphasised|reiterated|"
                     r"affirmed|deplored|added|highlighted|hoped|believed|considered|argued|took|spoke|pledged|explained|"
                     r"indicated|reaffirmed|informed|agreed|insisted|described|proposed|thanked)\b|,\s+(?:who|which|speaking)\b|$)", I),
    "fr": re.compile(r"^(?:[^,]{0,60},\s*)?(?:le|la|les) (?:représentante?s?|délégué(?:e|s|es)?) (?P<names>(?:de |du |des |d['’]).+?)"
                     r"(?=,?\s+(?:a|ont|avait|avaient|s['’]est|se sont|en outre|aussi|également|pour sa part|quant à)\b|"
                     r",\s+(?:qui|au nom|s['’]exprimant)\b|$)", I),
}
#: Speakers grouped by what they said, in brackets after the group: « Plusieurs délégations
#: (Union européenne, Slovénie, Portugal) ont estimé … », « D'autres (Chine, Malaisie) ont … »,
#: "Several delegations (Spain, Mexico) said …": the group word at most two words before the
#: bracket, and a verb right after it (not "Des pays qui ont instauré une pension (…) ont …").
SPEAKERS_IN_BRACKETS = re.compile(
    r"\b(?P<head>(?:délégations?|intervenants?|orateurs?|autres|États|organisations non gouvernementales|ONG|"
    r"delegations?|speakers?|others|States|countries|non-governmental organizations|NGOs)(?:\s+[\w'’-]+){0,2})\s*"
    r"\((?P<names>[^()]*(?:\([^()]*\)[^()]*)*)\)\s*(?=(?:ont|a|s['’]est|se sont|sont|have|had|has|were|was|said|stated|"
    r"noted|called|stressed|expressed|welcomed|asked|urged|described|recalled|denounced|highlighted)\b)",
    I,
)
#: The speakers named in a sentence of their own, by the list the cue puts them in.
CUED_SPEAKER = (("concerned", CONCERNED_SPEAKER), ("right_of_reply", REPLY_SPEAKER))
#: What States are the subject of in a treaty body's summary: their reports, the
#: concluding observations on them, the lists of issues ahead of their review. A
#: list of States after such words, with no speaking cue, names no speakers
#: ("… adopté les listes de questions … des huit pays suivants : Bolivie, …").
REPORT_SUBJECT = re.compile(
    r"\breports?\b|\bconcluding observations\b|\blists? of issues\b|"
    r"\brapports?\b|\bobservations finales\b|\blistes? de (?:questions|points)\b",
    I,
)
#: A treaty body reviewing a State's report: the State's delegation is the country concerned.
REVIEWED_STATE = {
    "en": re.compile(
        r"\b(?:(?:consideration|review|examination) of the (?:[\w-]+ )*?(?:periodic |initial |combined )?reports? "
        r"(?:of|submitted by|presented by)|outcomes? of the (?:Universal Periodic Review|UPR) of|"
        # the verb: "considered, this morning, the initial report of …"
        # within one clause: "the reports that had been reviewed; adopted lists of issues
        # for the reports of …" names no State under review
        r"(?:considered|reviewed|examined|considers|reviews|examines)\b[^.;]{0,60}?\bthe (?:[\w-]+ ){0,3}?reports? "
        r"(?:of|submitted by|presented by)) (?P<rest>.{2,160})", I),
    "fr": re.compile(
        # « l’examen, entamé hier après-midi, du rapport présenté par … »
        r"\b(?:(?:examen|l'examen|l’examen)(?:,[^,.]{1,60},)? (?:du|des) (?:[\w-]+ )*?rapports? (?:périodiques? |initial )?"
        r"(?:présentés? par |soumis par |de |du |d'|d’)|documents? finals? (?:issus? )?de l.(?:Examen périodique universel|EPU)"
        r"(?: \(EPU\))? (?:de |du |des |d'|d’)|"
        # le verbe : « a examiné, hier après-midi et ce matin, le rapport initial présenté par … »
        r"(?:examiné|examine)\b[^.;]{0,60}?\b(?:le|les) (?:[\w-]+ ){0,3}?rapports? (?:[\w-]+ ){0,2}?(?:présentés? par |soumis par |de |du |des |d'|d’))"
        r"(?P<rest>.{2,160})", I),
}
#: A review told as part of a whole session ("au cours de laquelle il a examiné les rapports de
#: Sri Lanka, …", "during the session, the Committee reviewed …"): those States did not speak
#: at this meeting.
SESSION_SCOPE = re.compile(
    r"\b(?:au cours de (?:laquelle|la (?:présente )?session|cette session)|lors de laquelle|pendant (?:la|cette) session|"
    r"lors de (?:la|cette) session|à (?:cette|la présente) session|during (?:the|this|its) (?:[\w-]+ )?session|"
    r"over the session|at (?:this|the) session|in the course of the session)\b",
    I,
)
#: "also on behalf of Jordan and Morocco": the States that follow are the group.
ALSO_ON_BEHALF = {
    "en": re.compile(r"\b(?:also|jointly) on behalf of\b", I),
    "fr": re.compile(r"\b(?:également|aussi) au nom\b|\bau nom (?:également|aussi)\b", I),
}
#: "Senegal spoke on behalf of X and Pakistan on behalf of Y": the list goes on after the verb.
BEHALF_AFTER_CLOSER = {
    "en": re.compile(r"^\s*(?:on behalf of|in the name of|for the)\b", I),
    "fr": re.compile(r"^\s*(?:au nom|pour le compte)\b", I),
}
#: "on behalf of" in its written forms; the group follows.
ON_BEHALF = {
    "en": re.compile(
        r"^(?P<name>.+?),?\s+\(?(?:also\s+|jointly\s+)?(?:(?:speaking\s+)?(?:on behalf of|in the name of)|speaking for)\s+(?P<group>.+?)\)?$", I
    ),
    "fr": re.compile(
        r"^(?P<name>.+?),?\s+\(?(?:également\s+|aussi\s+)?(?:s'exprimant\s+|s’exprimant\s+|intervenant\s+)?"
        r"(?:au nom|pour le compte)(?:\s+(?:également|aussi))?\s+(?P<group>d.+?)\)?$",
        I,
    ),
}
#: "for the OIC": an on-behalf only when what follows is a known group.
ON_BEHALF_FOR = {"en": re.compile(r"^(?P<name>.+?),?\s+\(?for\s+(?P<group>the\s+.+?|[A-Z]{2,}.*?)\)?$"),
                 "fr": re.compile(r"^(?P<name>.+?),?\s+\(?pour\s+(?P<group>l[ae']\s*.+?|l’.+?|les\s+.+?)\)?$")}
#: Words that open a chunk before the name: "les représentants de l'UNICEF", "du HCR".
LEADING_FUNCTION_WORDS = re.compile(
    r"^(?:(?:the representatives? of|representatives? of|the delegations? of|delegations? of|the|an|a|les représentants? de la|les délégations? de la|les délégations? des|les délégations? du|les délégations? de|les représentants? des|"
    r"les représentants? du|les représentants? de|représentants? de la|représentants? des|représentants? du|représentants? de|"
    r"les|le|la|une|un|des|du|de la|de|and|et|also|aussi|également|enfin|ainsi que|by|par)\s+|(?:l|d|de l|les représentants? de l|représentants? de l|les délégations? d|les délégations? de l)['’]\s*)+",
    I,
)

#: Which body met, by its name in the headline or lead (the closing code's letters
#: win when there is one). The first name found in the text wins, so the longer
#: names come before "Human Rights Committee" ⊂ nothing, "Council" alone never counts.
BODY_NAMES = tuple(
    (acronym, re.compile(pattern, I))
    for acronym, pattern in (
        ("HRC", r"human rights council|conseil des droits de l.homme"),
        ("CAT", r"committee against torture|comit[ée] contre la torture"),
        ("SPT", r"subcommittee on prevention of torture|sous-comit[ée] pour la pr[ée]vention de la torture"),
        ("CD", r"conference on disarmament|conf[ée]rence du d[ée]sarmement"),
        ("CERD", r"elimination of racial discrimination|[ée]limination de la discrimination raciale"),
        ("CEDAW", r"discrimination against women|discrimination [àa] l.[ée]gard des femmes"),
        ("CRC", r"committee on the rights of the child|comit[ée] des droits de l.enfant"),
        ("CESCR", r"economic, social and cultural rights|droits [ée]conomiques, sociaux et culturels"),
        ("CRPD", r"rights of persons with disabilities|droits des personnes handicap[ée]es"),
        ("CMW", r"committee on migrant workers|protection of the rights of all migrant workers|travailleurs migrants"),
        ("CED", r"committee on enforced disappearances|comit[ée] des disparitions forc[ée]es"),
        ("CCPR", r"human rights committee|comit[ée] des droits de l.homme"),
    )
)
#: "its fifty-fourth session", "sa cinquante-quatrième session", "the 54th session"
#: once number words are digits (text2num); "next/prochaine session" is another one.
SESSION = re.compile(r"(?<!next )(?<!prochaine )\b(\d{1,3})(?:st|nd|rd|th|e|ème|eme|re|ère)\s+(?:regular\s+|ordinaire\s+)?session", I)


#: Where one sentence joins two statements ("The IOM offered its support …, while
#: the NGOs asked …"; "… ; la société civile a …"): the other team may say each in
#: a sentence of its own.
#: Two statements joined in one sentence by contrast ("…, while France and Mexico spoke against").
CONTRAST_JOIN = re.compile(r",\s+(?:while|whereas|tandis que|alors que)\s+", I)
CLAUSE_BREAK = re.compile(r";\s+|,\s+(?:while|whereas|and that|tandis que|alors que|et que)\s+", I)

#: A word with a footnote mark ("une quinzaine de délégations*", "Des droits de
#: réponse** ont été exercés"): the sentence sends the reader to a speaker list
#: at the end of the page; it says who spoke, not what was said.
FOOTNOTE_MARK = re.compile(r"[^\W\d_]\*{1,3}(?=[\s.,;:)]|$)")

#: Where a list's sentence goes on to what its speakers said: no cue word after it
#: names the list ("… Viet Nam, which said that … the State concerned …").
WHAT_THEY_SAID = re.compile(
    r",\s+(?:which|who) (?:said|stressed|argued|noted|considered|underlined|expressed)\b|,\s+saying\b|"
    r",\s+(?:qui|lesquels|lesquelles) (?:ont|a) (?:dit|déclaré|estimé|souligné|affirmé|jugé)\b|,\s+(?:estimant|affirmant|soulignant|jugeant)\b",
    I,
)

#: "the following non-governmental organizations:", "les organisations suivantes :"
THE_FOLLOWING = re.compile(r"\bthe following\b|\bsuivant(?:e|s|es)?\b", I)

#: Labels that group a list's names by capacity, not names themselves.
GROUPING_LABEL = re.compile(
    r",?\s*(?:\band\b|\bet\b)?\s*,?\s*\b(?:on behalf of (?:groups|a group) of States|(?:speaking )?in (?:their|its) national capacity|"
    r"au (?:nom|titre) des groupes(?: d['’]États)?|à titre national|en leur (?:nom|qualité) propre)\s*[,:]",
    I,
)
#: A person's name without a title just before "(" ("namely: Tomasz Wróblewski (Poland);",
#: "elected Kwabena Owusu-Ansah (Ghana) as its Chairperson"): two to five capitalised words.
NAME_BEFORE_PARENTHESIS = re.compile(
    r"(?:^|[;:,]\s*|\s)(?P<name>[A-ZÀ-Þ][\w'’.-]+(?:\s+(?:[A-ZÀ-Þ][\w'’.-]+|de|da|del|van|von|bin|ben|al|el|du|dos|do|y)){1,4})\s*\($"
)
#: A State's name that is a currency's: "United States dollars", « dollars des États-Unis ».
CURRENCY_BEFORE = re.compile(r"\b(?:dollars?|dólares)\s+(?:des\s+|of\s+the\s+|de\s+)$", I)
CURRENCY_AFTER = re.compile(r"^\s*(?:dollars?|\$)\b", I)
#: A person's title and name just before "(": a State in the parentheses that
#: follow is the person's nationality ("M. Francisco Carrión Mena (Équateur)",
#: "Ms. Jane Doe (Ireland)"), not a State the summary reports on or a speaker.
PERSON_BEFORE_PARENTHESIS = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Mme|Mmes|Mlle|MM|M)\.?|\b(?:Sir|Dame|Judge|Juge|Ambassador|Ambassadeur|Ambassadrice|"
    r"Professor|Professeur|Professeure))"
    r"(?:\s+(?:[A-ZÀ-Þ][\w'’.-]*|de|da|del|della|la|le|van|von|der|den|bin|ben|al|el|du|des|di|dos|do|y)){1,6}\s*\($"
)

#: What may open a sentence before its subject ("En fin de séance, ", "Lastly, ").
SENTENCE_OPENING = re.compile(r"^(?:[^,.;]{0,40},\s*)?(?:(?:l['’]|le |la |les |the )\s*)?", I)
#: A verb right after a sentence's subject: the States before it said or did something.
SUBJECT_VERB = re.compile(
    r"^\s*,?\s*(?:(?:ont|a|avait|avaient|s['’]est|se sont|have|has|had|were|was)\b|"
    r"(?:also |then |further )?(?:said|stated|stressed|noted|expressed|welcomed|called|urged|asked|underlined|emphasized|recalled|rejected|supported|made)\b)",
    I,
)
