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

#: Closing code: HRC23.148E, DC17/028F, CAT/18/017E, CERD17/020F.
CODE = re.compile(r"^(?P<body>[A-Z]{2,6})/?(?P<year>\d{2})[./](?P<number>\d{2,4})(?P<lang>[EF])$")
#: The code alone on the last line, or (copies that lost their line breaks) at its end.
CODE_AT_END = re.compile(r"(?:^|\s)(?P<code>[A-Z]{2,6}/?\d{2}[./]\d{2,4}[EF])$")

#: Meeting part written as a title prefix ("MORNING - ...") or a line of its own.
PART_WORDS = {
    "morning": "morning", "matin": "morning", "matinée": "morning", "matinee": "morning",
    "afternoon": "afternoon", "après-midi": "afternoon", "apres-midi": "afternoon",
    "midday": "midday", "mi-journée": "midday", "mi-journee": "midday",
    "evening": "evening", "soir": "evening", "soirée": "evening", "soiree": "evening",
}
TITLE_PART_PREFIX = re.compile(
    r"^(?P<part>morning|afternoon|midday|evening|matin|apr[eè]s-midi|mi-journ[ée]e|soir)\s*[-–—:]\s*", I
)
PART_LINE = re.compile(r"^(?P<part>morning|afternoon|midday|evening|matin|apr[eè]s-midi|mi-journ[ée]e|soir)$", I)

#: Where the body says when the meeting took place, in the order they are tried.
PART_IN_TEXT = [
    (re.compile(r"\b(?:this|on \w+) morning\b|\bce matin\b|\ben (?:d[ée]but|fin) de matin[ée]e\b|\bmatin[ée]e\b", I), "morning"),
    (re.compile(r"\bat midday\b|\bmid-?day\b|\b[àa] la mi-journ[ée]e\b|(?<!-)\bmidi\b", I), "midday"),
    (re.compile(r"\b(?:this|on \w+) afternoon\b|\bcet apr[eè]s-midi\b|\ben (?:d[ée]but|milieu|fin) d'apr[eè]s-midi\b|\bapr[eè]s-midi\b", I), "afternoon"),
    (re.compile(r"\b(?:this|on \w+) evening\b|\bce soir\b|\ben fin de journ[ée]e\b|\bsoir[ée]e\b", I), "evening"),
]

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
    r"^(?:the (?:council|committee|conference|sub-commission|working group|commission) will (?:next )?"
    r"(?:reconvene|resume|meet|hold|next meet|continue|conclude|close|start|begin)|"
    r"(?:le|la) (?:conseil|comité|conférence|commission|groupe de travail) (?:reprendra|se réunira|tiendra|"
    r"poursuivra|entamera|achèvera|terminera|clôturera|commencera)|"
    r"the next (?:public )?(?:plenary|meeting)(?: meeting)? of the (?:council|committee|conference) will|"
    r"la prochaine (?:séance|réunion)(?: plénière)?(?: publique)?(?: d[eu] (?:la |l')?\w+)? (?:se tiendra|aura lieu))",
    I,
)
LINKS = re.compile(
    r"^(?:the webcast of|all meeting summaries|la retransmission|l.ensemble des comptes rendus|"
    r"les comptes rendus|webcast:)",
    I,
)
