"""The cleaning rules, as data: named, precompiled regexes in five tables.

* ``HEAD_RULES``  match at the start of the first paragraph (wrappers, bylines, datelines);
* ``TAIL_RULES``  match at the end of the last paragraph (agency trailers, credits, initials);
* ``ANY_RULES``   match in any paragraph (ID codes, disclaimers, "Also Read" lines);
* ``SECTION_RULES`` match a whole paragraph near the end that opens trailing boilerplate
  ("About Acme", "Media Contact:"): that paragraph and all after it are cut.

The engine (:mod:`transforms.cleaning.engine`) cuts what a rule matches and reads
attribution from the rule's named groups: ``provider``, ``place``, ``date``,
``tag``, ``byline``, ``agency`` (a name to look up), ``outlet`` (a syndicator
name), plus the fixed ``agency``/``syndicator`` the rule itself carries.
Dateline tags come from the agencies table, so a new agency needs no new regex.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from transforms.agencies import all_tags, exact_tags, prefix_names


@dataclass(frozen=True, slots=True)
class Rule:
    name: str  # reported in Removal.rule
    kind: str  # reported in Removal.kind: wrapper|dateline|byline|trailer|boilerplate|id_code
    pattern: re.Pattern[str]
    needle: str | tuple[str, ...] | None = (
        None  # literal (or any of literals) that must occur: a cheap prefilter
    )
    agency: str | None = None  # agency code the match implies
    syndicator: str | None = None  # syndicator the match implies
    whole: bool = False  # ANY rule that must match a whole paragraph (anchored both ends)
    syndicated: bool = False  # match proves the copy was republished from a feed


def _rx(src: str) -> re.Pattern[str]:
    return re.compile(src)


# ---------------------------------------------------------------- fragments
U = "A-ZÀ-ÖØ-Þ"  # upper-case letters
TAGS = (
    "(?:(?i:"
    + "|".join(re.escape(t) for t in all_tags())
    + ")|"
    + "|".join(re.escape(t) for t in exact_tags())
    + ")"
)
# An agency named in full or by a tag: aggregator prefixes ("Canadian Press - "), copyright lines, footers
AGENCY_NAMES = (
    "(?:(?i:"
    + "|".join(re.escape(n) for n in prefix_names() if n not in exact_tags())
    + ")|"
    + "|".join(re.escape(t) for t in exact_tags())
    + ")"
)
# English month names, and the Spanish, Italian, French, German and Portuguese ones of EFE, ANSA,
# AFP, dpa/APA and Lusa copy ("ROMA, 12 MAG (ANSA)", "MADRID, 4 de julio (EFE)")
MONTH = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    r"|ene(?:ro)?|febrero|marzo|abr(?:il)?|mayo|junio|julio|ago(?:sto)?|sept?iembre|set(?:embro|tembre)?"
    r"|octubre|noviembre|dic(?:iembre|embre)?|gen(?:naio)?|febbraio|aprile|mag(?:gio)?|giu(?:gno)?"
    r"|lug(?:lio)?|ott(?:obre)?|janv(?:ier)?|févr(?:ier)?|mars|avr(?:il)?|mai|juin|juil(?:let)?|août"
    r"|déc(?:embre)?|januar|februar|märz|juni|juli|okt(?:ober)?|dez(?:ember)?|fev(?:ereiro)?"
    r"|janeiro|março|maio|junho|julho|out(?:ubro)?)\b\.?"
)
DAY = r"\d{1,2}(?:st|nd|rd|th)?\b"
DATE = rf"(?:{MONTH}\s+{DAY}|{DAY}\s+(?:de\s+)?{MONTH})(?:(?:,?\s+(?:de\s+)?|/)\d{{4}}\b)?"
# SPA's Hijri date before the Gregorian one: "Dhu al-Hijjah 04, 1446, "
HIJRI = rf"[{U}][\w'’\-]*(?:\s[\w'’\-]+){{0,2}}\s+\d{{1,2}},\s+1[34]\d\d,\s+"
WORD = rf"[{U}](?:[\w'’.\-]*[\w.])?"
PARTICLE = r"(?:de|da|do|du|des|del|di|es|la|le|les|al|el|of|upon|am|an|der|den|en|au|aux|sur)"
CITY = rf"{WORD}(?:\s(?:{PARTICLE}\s)?{WORD}){{0,3}}"
PLACE = rf"{CITY}(?:\s?/\s?{CITY}){{0,3}}"
# "(Assam)", "[India]", ", Azerbaijan" -- never an agency tag, never a date
QUALS = (
    rf"(?:\s*\((?!{TAGS}\))[^()\n]{{1,40}}\))?(?:\s*\[[^\[\]\n]{{1,40}}\])?"
    rf"(?:\s?,\s*(?!{MONTH}\s*\d){WORD}(?:\s{WORD}){{0,2}}){{0,2}}"
)
CAPS_WORD = rf"[{U}][{U}'’.\-]*[{U}.]"
CAPS_CITY = rf"(?:{CAPS_WORD}(?:\s{CAPS_WORD}){{1,3}}|[{U}][{U}'’.\-]{{2,}}[{U}.])"  # one word: 4+ letters ("BJP:" is no place)
CAPS_PLACE = rf"{CAPS_CITY}(?:/{CAPS_CITY}){{0,3}}"
# All-caps words that open a paragraph with a colon but are not places.
NOT_PLACES = (
    r"(?:NOTE|EDITOR'?S NOTE|UPDATE|UPDATED|BREAKING|EXCLUSIVE|WATCH|VIDEO|PHOTOS?|READ|ALSO|FILE"
    r"|ANALYSIS|OPINION|EDITORIAL|CORRECTION|CLARIFICATION|WARNING|DISCLAIMER|LIVE|FACTBOX"
    r"|EXPLAINER|INTERVIEW|REVIEW|FAQ|Q|A|SOURCE|SOURCES|CONTACT|MEDIA CONTACT|ABOUT|TAGS"
    r"|URGENT|FLASH|BULLETIN|ALERT|DEVELOPING|ADVISORY|CORRECTED|REFILE|BRIEF|WRAPUP|FEATURE|PROFILE"
    r"|NASA|ISRO|FIFA|UEFA|NATO|OPEC|SEBI|ASEAN|BRICS|UNESCO|UNICEF|WHO|IMF|ICC|BCCI|IPL)"
)
# "-", "--", "—", "–", ":", old AP's "_", EFE's ".-", or a full stop
SEP = r"(?:\s*(?:-{1,3}|—|–|_{1,2}|:)|\.\s?[-–—]|\.(?=\s|$))?\s*"
DASH = r"(?:-{1,3}|—|–|_{1,2})"
# several agencies in one tag: "(AFP/Xinhua)", "(AFP-JIJI)", "(Reuters, AP)"
MORE_TAGS = rf"(?:(?:\s*[/,]\s*|-){TAGS})*"


def _g(name: str, body: str, named: bool) -> str:
    return f"(?P<{name}>{body})" if named else f"(?:{body})"


def dateline_shapes(named: bool = True) -> dict[str, str]:
    """Dateline shapes by name. ``named=False`` gives group-free copies for lookaheads."""
    place = _g("place", PLACE, named)
    qual = _g("qual", QUALS, named)
    date = _g("date", DATE, named)
    tag = _g("tag", TAGS, named)
    return {
        # Tokyo, July 4 (IANS) / WASHINGTON (AP) — / Guwahati (Assam) [India], November 18 (ANI):
        "dateline_paren_tag": rf"{place}{qual}(?:\s?(?:,\s*|\s+){date})?[.,]?\s*\({tag}{MORE_TAGS}\){SEP}",
        # VANCOUVER, BC / ACCESSWIRE / July 4, 2025 /  (the date after the wire)
        "dateline_wire_first": rf"{place}{qual}\s*/\s*{tag}\s*/\s*{date}\s*/\s*",
        # Toronto, Ontario--(Newsfile Corp. - July 4, 2025) -
        # MOSCOW, July 4. /TASS/. / NEW YORK, July 4, 2025 /PRNewswire/ --
        "dateline_slash_tag": rf"{place}{qual}(?:\s?(?:,\s*|\s+){date})?\.?\s*/\s?{tag}(?:-[\w ]{{2,30}})?\s?/\.?{SEP}",
        "dateline_newsfile": rf"{place}{qual}\s*--\s*\({tag}\s*-\s*{date}\)\s*{DASH}?\s*",
        # SAN FRANCISCO--(BUSINESS WIRE)--
        "dateline_dashed_tag": rf"{place}{qual}(?:,?\s+{date})?\s*--\s*\({tag}\)\s*--\s*",
        # TOKYO, July 5 Kyodo -  (tag without parentheses, after a date, before a dash)
        "dateline_bare_tag": rf"{place}{qual},?\s+{date},?\s+{tag}\s*(?:-{{1,3}}|—|–)\s*",
        # Riyadh, July 04, 2025, SPA --
        "dateline_comma_tag": rf"{place}{qual},\s+(?:{HIJRI})?{date},\s*{tag}\s*(?:-{{1,3}}|—|–)\s*",
        # BAKU, Azerbaijan, June 10. / New Delhi, July 4:
        "dateline_dated": rf"{place}{qual}\s?,\s*{date}\s*(?::|{DASH}|\.(?=\s|$))\s*",
        # house style: NEW DELHI: / TOKYO -
        "dateline_house": rf"(?!{NOT_PLACES}\s*:){_g('place', CAPS_PLACE, named)}{qual}"
        rf"\s*(?::\s*|{DASH}\s+)",
        # anything place-like before an agency tag: "SAN JUAN, Puerto Rico, Jan. 3 (AP) _", "Ankara, 4.7.2025 (AA) -"
        "dateline_loose_tag": rf"{place}(?:\s?,[^()\n!?;:\"“”]{{1,60}}?)?\s*\({tag}{MORE_TAGS}\){SEP}",
        # a date but no place: a Reuters BRIEF's "July 4 (Reuters) - "
        "dateline_date_tag": rf"{date}\s*\({tag}{MORE_TAGS}\){SEP}",
        # no place at all: "(AFP) - ", "(Reuters) - "
        "dateline_tag_only": rf"\({tag}{MORE_TAGS}\){SEP}",
    }


# a dateline with a place (what may follow a byline or an outlet's label; placeless shapes would let
# a byline swallow the place: "By Staff Reporter, Tokyo, July 4 (Kyodo)")
_PLACELESS = ("dateline_date_tag", "dateline_tag_only")
_ANY_DATELINE = "|".join(f"(?:{s})" for n, s in dateline_shapes(named=False).items() if n not in _PLACELESS)
NAME = rf"(?:(?=[{U}][\w'’.\-]*[a-z])[{U}][\w'’.\-]*|{TAGS}\b)"
NAMES = rf"{NAME}(?:(?:\s*/\s*|\s*,\s*|\s+(?:and|&)\s+|\s+){NAME}){{0,7}}"
# A byline alone in its paragraph may shout its names: "By MARIA LOPEZ Associated Press"
LOUD_NAME = rf"[{U}][\w'’.\-]*"
LOUD_NAMES = rf"{LOUD_NAME}(?:(?:\s*/\s*|\s*,\s*|\s*\|\s*|\s+(?:and|&)\s+|\s+){LOUD_NAME}){{0,7}}"

# What follows the names in a byline and is not a name: ", AP Business Writer", ", Reuters",
# ", Staff Correspondent". The engine drops it (and a trailing agency name) from ``Cleaned.byline``.
BYLINE_TITLE = re.compile(
    r"(?i:(?:the\s+)?(?:[\w.'’\-]+\s+){0,4}(?:writer|correspondent|reporter|editor|columnist|journalist"
    r"|contributor|analyst|bureau\s+chief|chief|staff|desk)s?)"
)
# ---------------------------------------------------------------- head rules
HEAD_RULES: list[Rule] = [
    # aggregator style: "AP - ", "Reuters - ", "Canadian Press - VANCOUVER (CP) - " (the agency before the copy)
    Rule(
        "agency_prefix",
        "wrapper",
        _rx(rf"^(?:The\s+)?(?P<agency>{AGENCY_NAMES})\s*(?:-{{1,3}}|—|–|\|)\s+(?=\S)"),
    ),
    # (MENAFN- IANS) / MENAFN - IANS)  (scraper lost the parenthesis) / (MENAFN- Kuwait News Agency (KUNA))
    Rule(
        "menafn_wrapper",
        "wrapper",
        _rx(
            r"^(?:\(\s*MENAFN\s*[-–—:]?|MENAFN\s*[-–—:])\s*"
            r"(?P<provider>[^()\s][^()]*?(?:\([^()]*\)[^()]*?)*)\s*\)\s*"
        ),
        needle="MENAFN",
        syndicator="MENAFN",
        syndicated=True,
    ),
    # "Bharat Chronicle Wire | Chennai, July 24 (IANS) ...": an outlet's own label before the dateline
    Rule(
        "outlet_prefix",
        "wrapper",
        _rx(rf"^(?:{WORD}\s){{0,4}}{WORD}\s*\|\s*(?=(?:{_ANY_DATELINE}))"),
        needle="|",
    ),
    # By Staff Reporter / By IANS/WAM  (a paragraph of its own, or right before a dateline)
    Rule(
        "byline_paragraph", "byline", _rx(rf"^By\s+(?=.{{1,80}}$)(?P<byline>{LOUD_NAMES})\.?$"), needle="By"
    ),
    Rule(
        "byline_before_dateline",
        "byline",
        _rx(rf"^By\s+(?P<byline>{NAMES})[\s|,]+(?=(?:{_ANY_DATELINE}))"),
        needle="By",
    ),
    # Reuters' notes on top of a refiled or updated story: "(Refiles to fix typo in headline)", "(Adds quotes)"
    Rule(
        "reuters_note",
        "wrapper",
        _rx(
            r"^\((?:Refiles|Corrects|Updates|Adds|Recasts|Repeats|Changes|Fixes|Removes|Inserts)\b[^()]{0,200}\)\s*"
        ),
        agency="REUTERS",
    ),
    # Anadolu's page byline: "Burak Dag |03.07.2025 - Update : 03.07.2025"
    Rule(
        "dated_byline_line",
        "byline",
        _rx(
            rf"^(?P<byline>{NAMES})\s*\|\s*\d{{1,2}}\.\d{{1,2}}\.\d{{4}}"
            rf"(?:\s*-\s*Update\s*:\s*\d{{1,2}}\.\d{{1,2}}\.\d{{4}})?$"
        ),
        needle="|",
    ),
    *[Rule(name, "dateline", _rx("^" + src)) for name, src in dateline_shapes().items()],
    # a dateline alone in its paragraph: "ANKARA" (Anadolu's pages), "NEW DELHI"
    Rule("dateline_own_line", "dateline", _rx(rf"^(?!{NOT_PLACES}$)(?P<place>{CAPS_PLACE})$")),
]

# ---------------------------------------------------------------- tail rules
_END = r"\s*$"
_AFTER_SENTENCE = r"(?:^|(?<=[.!?\"'”’)\]])\s+)"
# desk initials: sd/ksk, bur-ach/jj, vg/ (the second desk left blank)
INITIALS = r"[a-z]{1,6}(?:-[a-z]{1,6})?(?:(?:/[a-z]{1,6}){1,3}/?|/)"
# desk codes and a filing time after an Indian agency's sign-off: "PTI ABC KVK RT", "UNI SNK RP 1245"
DESK = r"(?:\s+[A-Z]{2,4}){1,5}(?:\s+\d{3,4})?"
# a filing stamp after a sign-off: SPA's "21:57 LOCAL TIME 18:57 GMT 0052", KUNA's "041230 GMT Jul 25"
STAMP = (
    r"(?:\s+\d{1,2}:\d{2}(?:\s*(?i:local\s+time|LT|GMT|UTC))?(?:\s+\d{1,2}:\d{2}\s*(?i:GMT|UTC))?)?"
    r"(?:\s+\d{6}\s*(?i:GMT|UTC)(?:\s+[A-Z][a-z]{2}\s+\d{2})?)?(?:\s+\d{1,6})?"
)
TAIL_RULES: list[Rule] = [
    # --IANS sd/ksk / -- BERNAMA / — WAM / --(Petra) / --SPA 21:57 LOCAL TIME 18:57 GMT 0052
    Rule(
        "agency_dash_trailer",
        "trailer",
        _rx(
            rf"(?:^|\s*)(?:-{{2,3}}|—|–)\s*\(?(?P<agency>{TAGS})\)?"
            rf"(?:\s+{INITIALS})?{STAMP}{_END}"
        ),
    ),
    # "... said. - AFP" / "... said. (AFP)" / "... said. Reuters" / old Reuters' "REUTER": the agency
    # signing off after the last sentence
    Rule(
        "agency_signoff",
        "trailer",
        _rx(
            rf"{_AFTER_SENTENCE}(?:-\s*\(?(?P<agency>{TAGS})\)?|\((?P<tag>{TAGS}){MORE_TAGS}\)"
            rf"|(?P<name>(?i:reuters?|the\s+associated\s+press|agence\s+france-presse)|{TAGS}))"
            rf"(?:\s+{INITIALS})?{STAMP}\s*\.?{_END}"
        ),
    ),
    # a paragraph that is only the agency: "Reuter", "— AFP", "(Xinhua)", "The Associated Press", "Bernama"
    Rule(
        "agency_line",
        "trailer",
        _rx(
            rf"^[-–—(\s]*(?:The\s+)?(?P<agency>{AGENCY_NAMES}|(?i:reuter))[)\s.]*(?:\s+{INITIALS})?{STAMP}{_END}"
        ),
    ),
    # Copyright 2025 The Associated Press. All rights reserved. ... / © AFP 2025 / (c) Copyright Thomson Reuters 2025
    Rule(
        "agency_copyright",
        "trailer",
        _rx(
            rf"^(?:[\w ]{{1,40}}?\s)?(?:(?:Copyright|©|\([Cc]\))\s*){{1,3}}(?:\d{{4}}(?:\s*[-–]\s*\d{{4}})?,?\s+)?(?:The\s+)?"
            rf"(?P<agency>{AGENCY_NAMES})\b.{{0,300}}$"
        ),
    ),
    # Source: Xinhua / Content source: ANI / Agency: AFP  (before prn_source, which is PR Newswire's "SOURCE Acme")
    Rule(
        "agency_source_line",
        "trailer",
        _rx(
            rf"{_AFTER_SENTENCE}(?i:source|sources|content\s+source|agency|courtesy|credit)\s*:\s*"
            rf"(?:The\s+)?(?P<agency>{AGENCY_NAMES})(?:\s*(?:[/,&]|and)\s*(?:{AGENCY_NAMES}|agencies))*\s*\.?{_END}"
        ),
        needle=":",
    ),
    # The Canadian Press's sign-off: "This report by The Canadian Press was first published July 4, 2025."
    Rule(
        "cp_first_published",
        "trailer",
        _rx(r"^This (?:report|article|story) by The Canadian Press was first published\b.{0,60}$"),
        needle="Canadian Press",
        agency="CP",
    ),
    # a filing stamp left alone in its paragraph once its sign-off was cut, or below it: "0052", "18:57 GMT"
    Rule(
        "stamp_line",
        "trailer",
        _rx(
            r"^(?:\d{1,6}|\d{1,2}:\d{2}\s*(?i:local\s+time|LT|GMT|UTC)(?:\s+\d{1,2}:\d{2}\s*(?i:GMT|UTC))?(?:\s+\d{1,6})?)$"
        ),
    ),
    # sd/ksk , bur-ach/jj  (editor initials on their own)
    Rule("editor_initials", "trailer", _rx(rf"{_AFTER_SENTENCE}{INITIALS}{_END}"), needle="/"),
    Rule("pti_trailer", "trailer", _rx(rf"{_AFTER_SENTENCE}PTI{DESK}{_END}"), needle="PTI", agency="PTI"),
    Rule("uni_trailer", "trailer", _rx(rf"{_AFTER_SENTENCE}UNI{DESK}{_END}"), needle="UNI", agency="UNI"),
    Rule("ani_trailer", "trailer", _rx(rf"{_AFTER_SENTENCE}\((?i:ANI)\){_END}"), needle=")", agency="ANI"),
    # (Reporting by A in B; Editing by C)
    Rule(
        "reuters_credits",
        "trailer",
        _rx(
            rf"{_AFTER_SENTENCE}\((?:Additional\s+)?(?:[Rr]eporting|[Ww]riting|[Ee]diting|Compiled|Produced)"
            rf"\s+by\b[^()]*(?:\([^()]*\)[^()]*)*\){_END}"
        ),
        needle="by",
        agency="REUTERS",
    ),
    Rule(
        "reuters_refiled",
        "trailer",
        _rx(
            rf"{_AFTER_SENTENCE}\(This (?:story|article|version) (?:has been|was) (?:refiled|corrected|updated)\b[^()]*\){_END}"
        ),
        needle="This ",
        agency="REUTERS",
    ),
    Rule("ap_rule", "trailer", _rx(r"^_{3,}\s*$"), needle="___", agency="AP"),
    Rule(
        "ap_contributed",
        "trailer",
        _rx(
            r"^(?:The\s+)?(?:Associated\s+Press|AP)\s+(?:[\w-]+\s+){0,2}(?:writers?|reporters?|journalists?"
            r"|correspondents?|photographers?|videojournalists?)\b.{0,300}\bcontributed"
            r"(?:\s+to\s+this\s+(?:report|story))?\.?\s*$"
        ),
        needle="contributed",
        agency="AP",
    ),
    Rule("ap_follow", "trailer", _rx(r"^(?:Follow|Find)\s+AP['’]s\s.{0,300}$"), needle="AP", agency="AP"),
    Rule(
        "ap_support",
        "trailer",
        _rx(r"^The Associated Press(?:['’]s?)?\s(?:[\w,-]+\s){0,8}?receives\s.{0,500}$"),
        needle="Associated Press",
        agency="AP",
    ),
    Rule("xinhua_enditem", "trailer", _rx(rf"(?:^|\s*)\b(?i:enditem){_END}"), needle=None, agency="XINHUA"),
    Rule("yonhap_end", "trailer", _rx(rf"(?:^|\s+)\(END\){_END}"), needle="(END)", agency="YONHAP"),
    Rule(
        "yonhap_email",
        "trailer",
        _rx(rf"(?:^|\s+)[\w.+-]+@yna\.co\.kr\.?{_END}"),
        needle="@yna.co.kr",
        agency="YONHAP",
    ),
    # KUNA: "(end) ajr.gb", "(end) mt.gta KUNA 041230 GMT Jul 25", the desk initials on the next line
    Rule(
        "kuna_end",
        "trailer",
        _rx(rf"(?:^|\s+)\(end\)(?:\s+[a-z]{{1,5}}(?:[./][a-z]{{1,5}})*)?(?:\s+KUNA)?{STAMP}{_END}"),
        needle="(end)",
        agency="KUNA",
    ),
    Rule(
        "kuna_desk",
        "trailer",
        _rx(r"^[a-z]{1,5}(?:\.[a-z]{1,5}){1,3}$"),
        needle=".",
    ),
    Rule("kyodo_trailer", "trailer", _rx(rf"(?:^|\s*)==\s*Kyodo{_END}"), needle="==", agency="KYODO"),
    # WAM/Hatem Mohamed/Tariq alfaham: an agency tag then the desk's names, a paragraph of its own
    Rule(
        "agency_slash_signoff",
        "trailer",
        _rx(rf"^(?P<agency>{TAGS})(?:\s?/\s?[{U}][\w'’\-]*(?:\s[\w'’\-]+){{0,3}}){{1,4}}{_END}"),
        needle="/",
    ),
    # Reuters credits and lines without parentheses: "Reporting by A; Editing by B", its standards note,
    # a BRIEF's Eikon lines
    Rule(
        "reuters_credits_line",
        "trailer",
        _rx(r"^(?:Additional\s+)?(?:[Rr]eporting|[Ww]riting|[Ee]diting|Compiled)\s+by\s.{0,300}$"),
        needle="by",
        agency="REUTERS",
    ),
    Rule(
        "reuters_standards",
        "trailer",
        _rx(r"^Our Standards:\s*The Thomson Reuters Trust Principles\b.{0,40}$"),
        needle="Reuters",
        agency="REUTERS",
    ),
    Rule(
        "reuters_eikon",
        "trailer",
        _rx(r"^(?:Source text(?: for Eikon)?|Further company coverage)\s*:.{0,200}$"),
        needle=":",
        agency="REUTERS",
    ),
    # Dow Jones: "(END) Dow Jones Newswires", its time stamp, "Write to ... at ...@..."
    Rule("dj_end", "trailer", _rx(r"^\(END\)\s+Dow Jones Newswires\.?$"), needle="Dow Jones", agency="DJ"),
    Rule(
        "dj_stamp",
        "trailer",
        _rx(rf"^{MONTH}\s+\d{{1,2}},\s+\d{{4}}\s+\d{{1,2}}:\d{{2}}\s+ET\s+\(\d{{1,2}}:\d{{2}}\s+GMT\)$"),
        needle="ET",
    ),
    Rule("write_to", "trailer", _rx(r"^Write to\s.{1,150}@[\w.-]+\.\w+\.?$"), needle="@"),
    # Xinhua's "Editor: Huang Wei"
    Rule(
        "xinhua_editor",
        "trailer",
        _rx(rf"^Editor:\s*[{U}][\w'’.\-]*(?:\s[{U}][\w'’.\-]*){{0,3}}$"),
        needle="Editor",
        agency="XINHUA",
    ),
    # "Julien Arsenault, The Canadian Press": the writer and the agency, at the end of the copy
    Rule(
        "agency_byline_end",
        "trailer",
        _rx(rf"^(?P<byline>{NAMES}),\s+(?:The\s+)?(?P<agency>{AGENCY_NAMES})$"),
        needle=",",
    ),
    # "Reuters contributed to this report.": a contributor credit is not authorship (no agency)
    Rule(
        "contributor_line",
        "trailer",
        _rx(r"^[^.!?]{1,250}?\s+contributed\s+(?:reporting\s+)?to\s+this\s+(?:report|story|article)\.?$"),
        needle="contributed",
    ),
    Rule(
        "aa_disclaimer",
        "trailer",
        _rx(r"^Anadolu Agency website contains only a portion of the news stories\b.{0,300}$"),
        needle="Anadolu",
        agency="AA",
    ),
    # page furniture a scraper keeps after the copy (MENAFN: "Comments", "No comment", "Most popular stories")
    Rule(
        "page_furniture",
        "boilerplate",
        _rx(
            r"^(?:Comments?|No comments?|Most popular stories|Most read|Market Research|Related (?:news|stories|articles)"
            r"|Related News|Related Stories|Share this (?:article|story)|Tags?:?)$"
        ),
    ),
    # press-release wires' own tail lines
    Rule("prn_source", "trailer", _rx(r"^SOURCE\s+\S.{0,150}$"), needle="SOURCE", agency="PRN"),
    Rule(
        "prn_view_original",
        "trailer",
        _rx(r"^(?:To\s+)?View\s+original\s+content(?:\s+to\s+download\s+multimedia)?\s*:\s*\S+$"),
        needle="original content",
        agency="PRN",
    ),
    Rule(
        "bw_view_source",
        "trailer",
        _rx(r"^View\s+source\s+version\s+on\s+businesswire\.com\s*:\s*\S+$"),
        needle="businesswire.com",
        agency="BW",
    ),
    Rule(
        "ein_contact_block",
        "trailer",
        _rx(r"^.{0,300}\bemail us here\b.{0,300}$"),
        needle="email us here",
        agency="EIN",
    ),
]

# ---------------------------------------------------------------- section rules
# A paragraph near the end that opens trailing boilerplate: it and everything after it go.
# Press releases close with "About <Company>", contacts and legal notes; the heading stands
# alone, or the company name repeats right after it ("About Acme Corp Acme Corp is ...").
_CONTACT_EVIDENCE = r"(?=.{0,300}(?:@[\w-]+\.|\+?\d[\d ().-]{7,}\d|https?://|www\.))"
_HEADING_NAME = r"[\w&.,'’()\-]+(?:\s[\w&.,'’()\-]+){0,7}"
SECTION_RULES: list[Rule] = [
    Rule(
        "about_section",
        "boilerplate",
        _rx(
            rf"^About\s+(?:the\s+)?(?=[{U}\d])(?:{_HEADING_NAME}(?:(?<![.!?])|(?<=Inc\.)|(?<=Corp\.)|(?<=Ltd\.)|(?<=Co\.)|(?<=LLC\.)|(?<=Plc\.)|(?<=plc\.)|(?<=S\.A\.)|(?<=N\.V\.))\s*:?$"
            rf"|(?P<company>[{U}][\w&.'’\-]*(?:\s[\w&.'’\-]+){{0,5}})\s+(?P=company)\b)"
        ),
        needle="About",
    ),
    Rule(
        "contacts_section",
        "boilerplate",
        _rx(
            rf"^(?:(?:Media|Press|Investor|Investors|Company|PR|Editorial|Sales)\s+)?"
            rf"(?:Contacts?|Enquiries|Inquiries|Relations)\s*:?(?:$|\s+{_CONTACT_EVIDENCE})"
        ),
        needle=None,
    ),
    Rule(
        "legal_section",
        "boilerplate",
        _rx(
            r"^(?:Forward[- ]Looking\s+Statements?|Safe\s+Harbor\s+Statement|Cautionary\s+Statement"
            r"(?:\s+Regarding\s+Forward[- ]Looking\s+Statements)?)\s*:?$"
        ),
        needle="tatement",
    ),
]

# ---------------------------------------------------------------- anywhere rules
ANY_RULES: list[Rule] = [
    # MENAFN + ddmmyyyy + digits + ID + digits
    Rule(
        "menafn_id_code",
        "id_code",
        _rx(r"\s*MENAFN\d{8}\d*ID\d+\b"),
        needle="MENAFN",
        syndicator="MENAFN",
        syndicated=True,
    ),
    Rule(
        "ein_disclaimer",
        "boilerplate",
        _rx(r"(?:^|\s+)Legal Disclaimer:\s*EIN Presswire provides this news content\b.*$"),
        needle="Legal Disclaimer",
        agency="EIN",
    ),
    Rule(
        "menafn_disclaimer",
        "boilerplate",
        _rx(r"(?:^|\s+)Legal Disclaimer:\s*MENAFN provides the information\b.*$"),
        needle="Legal Disclaimer",
        syndicator="MENAFN",
        syndicated=True,
    ),
    # (This story has not been edited by Devdiscourse staff and is auto-generated from a syndicated feed.)
    Rule(
        "syndicated_not_edited",
        "boilerplate",
        _rx(
            r"(?:^|\s+)\(?\s*(?:Disclaimer:\s*)?(?:Except for the headline,\s*)?(?:[Tt]his|[Tt]he)\s+"
            r"(?:story|article|report|news|copy)\s+has\s+not\s+been\s+edited\s+by\s+(?:the\s+)?"
            r"(?:(?:our|[Oo]ur)|(?P<outlet>[^()]{1,40}?))\s+(?:staff|team|editorial team)\s+and\s+is\s+"
            r"(?:auto-generated|published|generated)\s+(?:from|via)\s+a\s+syndicated\s+feed\s*\.?\s*\)?\.?\s*$"
        ),
        needle="syndicated feed",
        syndicated=True,
    ),
    # (Only the headline and picture of this report may have been reworked by the Business Standard staff; ...)
    Rule(
        "syndicated_reworked",
        "boilerplate",
        _rx(
            r"(?:^|\s+)\(?\s*Only\s+the\s+headline(?:\s+and\s+picture)?\s+of\s+this\s+(?:report|story|article)\s+"
            r"may\s+have\s+been\s+reworked\s+by\s+(?:the\s+)?(?P<outlet>[^()]{1,40}?)\s+staff\s*;\s*the\s+rest\s+"
            r"of\s+the\s+content\s+is\s+auto-generated\s+from\s+a\s+syndicated\s+feed\s*\.?\s*\)?\.?\s*$"
        ),
        needle="syndicated feed",
        syndicated=True,
    ),
    # Disclaimer: This story is auto-generated from a syndicated feed (and has not been edited by X staff).
    Rule(
        "syndicated_auto",
        "boilerplate",
        _rx(
            r"(?:^|\s+)\(?\s*(?:Disclaimer:\s*)?(?:[Tt]his|[Tt]he)\s+(?:story|article|report|news)\s+is\s+"
            r"auto-generated\s+from\s+a\s+syndicated\s+feed(?:\s+and\s+has\s+not\s+been\s+edited\s+by\s+"
            r"(?:the\s+)?(?:(?:our|[Oo]ur)|(?P<outlet>[^()]{1,40}?))\s+staff)?\s*\.?\s*\)?\.?\s*$"
        ),
        needle="syndicated feed",
        syndicated=True,
    ),
    # This story has been published from a wire agency feed without modifications to the text.
    # / This article was auto-generated from a Reuters feed. / The content is sourced from the AFP service.
    Rule(
        "syndicated_agency_feed",
        "boilerplate",
        _rx(
            rf"(?:^|\s+)\(?\s*(?:Disclaimer:\s*)?(?:This|The)\s+(?:story|article|report|news|copy|content)\s+"
            rf"(?:is|was|has\s+been)\s+(?:auto-generated|published|sourced|generated|taken|received|carried)\s+"
            rf"(?:from|via|through|on)\s+(?:an?\s+|the\s+)?(?:(?P<agency>{AGENCY_NAMES})\s+)?"
            rf"(?:(?:wire|news|third[- ]party|syndicated|agency|newswire)\s+)*(?:agency\s+)?(?:feed|wire|service)s?\b"
            rf"[^()]{{0,160}}?\)?\.?\s*$"
        ),
        needle=("feed", "wire", "service"),
        syndicated=True,
    ),
    # stray script and ad-slot fragments a scraper left in: (adsbygoogle = ...).push({}); googletag...
    Rule(
        "script_fragment",
        "boilerplate",
        _rx(
            r"\s*(?:<script\b[^>]*>.*?</script>|\(adsbygoogle\s*=\s*window\.adsbygoogle\s*\|\|\s*\[\]\)\.push\(\{\}\);?"
            r"|googletag\.cmd\.push\(\s*function\s*\(\)\s*\{.*?\}\s*\);?"
            r"|window\.\w+\s*=\s*window\.\w+\s*\|\|\s*\[\];?(?:\s*\w+\.push\(\{.*?\}\);?)*"
            r"|document\.write\(.*?\);?)"
        ),
        needle=("<script", "adsbygoogle", "googletag", "window.", "document.write"),
    ),
    Rule(
        "code_paragraph",
        "boilerplate",
        _rx(
            r"^(?=.{0,600}$)(?=.*(?:function\s*\(|=>|\bvar\s+\w+\s*=|\blet\s+\w+\s*=|\bconst\s+\w+\s*="
            r"|\bwindow\.\w|\bdocument\.\w|\.push\(|\$\(|\bif\s*\())[^\n]*[;{}]\s*$"
        ),
        needle=(";", "{"),
        whole=True,
    ),
    Rule(
        "ad_slot",
        "boilerplate",
        _rx(
            r"^(?:ADVERTISEMENT|Advertisement|Story continues below(?: this)? advertisement|SPONSORED"
            r"|Scroll to continue with content|Continue reading below|Skip Ad|Ad)$"
        ),
        whole=True,
    ),
    Rule(
        "with_inputs",
        "boilerplate",
        _rx(r"(?:^|\s+)\(\s*[Ww]ith\s+(?:additional\s+)?inputs?\s+from\s+[^()]{1,60}\)\.?\s*$"),
        needle="nputs",
    ),
    Rule(
        "also_read",
        "boilerplate",
        _rx(
            r"^(?:Also\s+Read|ALSO\s+READ|Also\s+read|Read\s+Also|READ\s+ALSO|Read\s+also"
            r"|Read\s+[Mm]ore\s*:|READ\s+MORE\s*:).{0,300}$"
        ),
        whole=True,
    ),
    Rule(
        "follow_us",
        "boilerplate",
        _rx(
            r"^(?:Follow\s+us\b|FOLLOW\s+US\b|Follow\s+(?:[A-Z][\w.&'’-]*\s+){1,4}on\s+(?:Twitter|X|Facebook"
            r"|Instagram|Google\s+News|WhatsApp|Telegram|LinkedIn|YouTube|Threads)\b).{0,300}$"
        ),
        whole=True,
    ),
]
