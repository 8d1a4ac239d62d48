"""Build hard.jsonl: a second, harder labelled set for story clustering.

    python tests/data/dedup/make_hard.py      # rewrites tests/data/dedup/hard.jsonl

Same row format as labelled.jsonl: id, story (the label), kind (original, copy, lookalike),
how (the changes applied), source, title, published_at, text (raw, uncleaned).

Written before reading transforms/dedup/decide.py, from how republishers really change copy.

Labelling decisions
- SAME story: a copy that keeps only the first two paragraphs; an UPDATE that puts a new
  first paragraph with new figures on top of the agency's text, also when it revises the
  casualty figures in the original lead (a developing story is one story: the wire's
  "UPDATE 1" replaces the earlier edition, it does not report a new event); heavy house
  style (%, ₹, numbers as words or digits, US spelling, "said Tuesday", outlet datelines);
  wrapper/trailer/related-links/disclaimer left in; an editor's note on top; a lightly
  reworded lead.
- DIFFERENT stories: templated daily reports of different days (even when the only
  difference is the day), press releases of one company (shared boilerplate, different
  news), two agencies' independent reports of one event, and a follow-up on the next day
  that quotes the first story.
"""
from __future__ import annotations

import json
import re
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from hard_lookalikes import PR_COMPANIES, TEMPLATES  # noqa: E402
from hard_stories import EVENTS, FOLLOWUPS, STORIES  # noqa: E402

MON = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sep", "Oct", "Nov", "Dec"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WIRES = {"AP", "REUTERS", "AFP"}

US = [("defence", "defense"), ("centre", "center"), ("labour", "labor"), ("programme", "program"),
      ("neighbourhood", "neighborhood"), ("kilometres", "kilometers"), ("metres", "meters"),
      ("travelling", "traveling"), ("stabilised", "stabilized"), ("jewellers", "jewelers"),
      ("Specialised", "Specialized"), ("specialised", "specialized"), ("utilisation", "utilization"),
      ("organisation", "organization"), ("harbour", "harbor"), ("litre", "liter")]
WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
EDITOR_NOTES = [
    "Editor's note: An earlier version of this story misspelt the name of an official. The error is regretted.",
    "(Eds: Adds details in para 3)",
    "EDITOR'S NOTE: This story has been updated with comments from officials.",
    "[Editor's Note: This article was first published on our partner site.]",
]
TRAILERS = {
    "PTI": "\n\nPTI ab/vd RT\n\nRT",
    "IANS": "\n\n--IANS\n\nsk/arm",
    "REUTERS": "\n\n(Reporting by Ana Lima; Editing by Mark Potter)",
    "AFP": "\n\nbur-jm/dw\n\n(c) Agence France-Presse",
    "AP": "\n\n(c) 2025 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
    "WAM": "\n\n--WAM",
}
RELATED = ("\n\nAlso Read | Monsoon to reach Kerala by June 1, says IMD\n\nAlso Read | Sensex, Nifty open higher on "
           "firm global cues\n\nFollow us on Google News and WhatsApp for the latest updates.")
DISCLAIMER = ("\n\n(This story has not been edited by our staff and is auto-generated from a syndicated feed. "
              "Only the headline may have been reworked.)")


def dateline(agency: str, place: str, d: datetime) -> str:
    if agency in WIRES:
        label = "Reuters" if agency == "REUTERS" else agency
        return f"{place.upper()} ({label}) -- "
    return f"{place}, {MON[d.month - 1]} {d.day} ({agency}) "


def headline_case(title: str) -> str:
    small = {"a", "an", "the", "of", "in", "on", "to", "for", "and", "at", "by", "as"}
    return " ".join(w if w.lower() in small and i else w[:1].upper() + w[1:] for i, w in enumerate(title.split()))


def us_style(text: str) -> str:
    text = re.sub(r"(\d) ?per cent", r"\1%", text)
    text = re.sub(r"(\d) ?percent", r"\1%", text)
    text = re.sub(r"\bRs\.? ?(\d)", r"₹\1", text)
    text = re.sub(r" said on (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)", r" said \1", text)
    text = re.sub(r"\bon (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", r"\1", text)
    text = text.replace(" kilometres per hour", " kmph").replace(" kilometers per hour", " kmph")
    for a, b in US:
        text = text.replace(a, b)
    text = text.replace("\"", "\u201c", 1) if text.count("\"") == 1 else text
    out, open_ = [], True   # curly quotes
    for ch in text:
        if ch == '"':
            out.append("\u201c" if open_ else "\u201d")
            open_ = not open_
        elif ch == "'":
            out.append("\u2019")
        else:
            out.append(ch)
    return "".join(out)


def to_digits(text: str) -> str:
    """Numbers as digits: 'Nine soldiers' -> '9 soldiers', 'seven' -> '7'."""
    def rep(m):
        w = m.group(0)
        return str(WORDS.index(w.lower()))
    return re.sub(r"\b(" + "|".join(WORDS[1:]) + r")\b", rep, text, flags=re.IGNORECASE)


def to_words(text: str) -> str:
    """Numbers one to twenty as words (outlet style guides): '11 people' -> 'eleven people'."""
    return re.sub(r"(?<![\d.,])\b([1-9]|1\d|20)\b(?![\d.,%])", lambda m: WORDS[int(m.group(1))], text)


def make_copy(s, how: str, k: int):
    d = datetime.fromisoformat(s["date"]).replace(hour=6, tzinfo=timezone.utc)
    paras, title, source = list(s["paras"]), s["title"], f"outlet{k % 9}"
    head, tail, note = dateline(s["agency"], s["place"], d), "", ""
    when = d + timedelta(hours=1 + 2 * k)
    style = []
    for step in how.split("+"):
        if step == "menafn":
            head, source = f"(MENAFN- {s['agency'].title() if s['agency'] in WIRES else s['agency']}) " + head, "menafn"
        elif step == "menafn_lost":
            head, source = f"MENAFN - {s['agency']}) " + head, "menafn"
        elif step == "toi":        # an outlet's own dateline style: "GUWAHATI: ..."
            head = f"{s['place'].upper()}: "
        elif step == "trailer":
            tail += TRAILERS[s["agency"]]
        elif step == "related":
            tail += RELATED
        elif step == "disclaimer":
            tail += DISCLAIMER
        elif step == "editor_note":
            note = EDITOR_NOTES[k % len(EDITOR_NOTES)] + "\n\n"
        elif step == "first_two":
            paras = paras[:2]
        elif step == "drop_last":
            paras = paras[:-1]
        elif step == "reword":
            paras[0] = s["reword"]
        elif step == "update_top":
            paras = [s["update"]] + paras
            when += timedelta(hours=5)
        elif step == "update_revised":
            if s["revise"]:
                old, new = s["revise"]
                assert old in paras[0], (s["id"], old)
                paras[0] = paras[0].replace(old, new)
            paras = [s["update"]] + paras
            when += timedelta(hours=5)
        elif step in ("us", "digits", "words"):
            style.append(step)
        else:
            raise ValueError(step)
    text = note + head + "\n\n".join(paras) + tail
    for st in style:
        text = {"us": us_style, "digits": to_digits, "words": to_words}[st](text)
        if st == "us":
            title = headline_case(title)
    return dict(title=title, source=source, published_at=when.isoformat(), text=text)


RECIPES = [
    ["menafn+first_two", "update_top", "us+digits+toi", "editor_note+reword"],
    ["menafn_lost+trailer+us", "reword+first_two", "update_revised", "editor_note+drop_last+related"],
    ["first_two+trailer", "us+words+related", "update_top+us", "menafn+reword+trailer"],
    ["reword+us+digits", "editor_note+first_two", "update_revised+trailer", "menafn_lost+related+disclaimer"],
]


def rows():
    out = []
    for n, s in enumerate(STORIES):
        d = datetime.fromisoformat(s["date"]).replace(hour=6, tzinfo=timezone.utc)
        out.append(dict(id=f"{s['id']}-0", story=s["id"], kind="original", how="agency", source=s["agency"].lower(),
                        title=s["title"], published_at=d.isoformat(),
                        text=dateline(s["agency"], s["place"], d) + "\n\n".join(s["paras"])))
        for k, how in enumerate(RECIPES[n % len(RECIPES)], 1):
            out.append(dict(id=f"{s['id']}-{k}", story=s["id"], kind="copy", how=how, **make_copy(s, how, k)))
    # templated daily reports on consecutive days; some republished the same day (copies: join that day only)
    base = datetime(2025, 6, 2, 5, tzinfo=timezone.utc)   # a Monday
    for name, (template, table) in TEMPLATES.items():
        for i, vals in enumerate(table):
            when = base + timedelta(days=i)
            text = template.format(day=DAYS[when.weekday()], date=f"{MON[when.month - 1]} {when.day}", **vals)
            sid = f"{name}{i + 1}"
            out.append(dict(id=f"{sid}-0", story=sid, kind="lookalike", how=f"template:{name}", source="agency",
                            title=f"{name.title()} report, {DAYS[when.weekday()]}", published_at=when.isoformat(), text=text))
            if (name, i) in {("gold", 0), ("fuel", 1), ("weather", 2), ("forex", 0), ("lottery", 1)}:
                agency = re.search(r"\((PTI|IANS)\)", text).group(1)
                out.append(dict(id=f"{sid}-1", story=sid, kind="copy", how="menafn+trailer+us", source="menafn",
                                title=headline_case(f"{name} report {DAYS[when.weekday()]}"),
                                published_at=(when + timedelta(hours=3)).isoformat(),
                                text=us_style(f"(MENAFN- {agency}) {text}{TRAILERS[agency]}")))
    # press releases of one company: long shared boilerplate, different news
    for cname, c in PR_COMPANIES.items():
        for i, (day, title, news) in enumerate(c["news"], 1):
            dd = datetime.fromisoformat(day).replace(hour=4, tzinfo=timezone.utc)
            lead = f"{c['place']}, India, {MON[dd.month - 1]} {dd.day}, {dd.year} /{c['wire']}/ -- "
            text = lead + news + "\n\n" + "\n\n".join(c["boiler"])
            out.append(dict(id=f"pr-{cname}{i}-0", story=f"pr-{cname}{i}", kind="lookalike", how="press-release",
                            source=c["wire"].lower(), title=title, published_at=dd.isoformat(), text=text))
    # two agencies' independent reports of one event
    for eid, day, versions in EVENTS:
        for v, (agency, place, title, text) in enumerate(versions):
            dd = datetime.fromisoformat(day).replace(hour=9 + v, tzinfo=timezone.utc)
            sid = f"{eid}{agency.lower()}"
            out.append(dict(id=f"{sid}-0", story=sid, kind="lookalike", how="other-agency", source=agency.lower(),
                            title=title, published_at=dd.isoformat(), text=dateline(agency, place, dd) + text))
    # next-day follow-ups that quote the first story
    for f in FOLLOWUPS:
        dd = datetime.fromisoformat(f["date"]).replace(hour=7, tzinfo=timezone.utc)
        out.append(dict(id=f"{f['id']}-0", story=f["id"], kind="lookalike", how=f"follow-up:{f['of']}",
                        source=f["agency"].lower(), title=f["title"], published_at=dd.isoformat(),
                        text=dateline(f["agency"], f["place"], dd) + "\n\n".join(f["paras"])))
    return out


if __name__ == "__main__":
    data = rows()
    assert len({r["id"] for r in data}) == len(data)
    with open(HERE / "hard.jsonl", "w", encoding="utf-8") as fh:
        for r in data:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    kinds: dict[str, int] = {}
    for r in data:
        kinds[r["kind"]] = kinds.get(r["kind"], 0) + 1
    print(f"{len(data)} rows, {len({r['story'] for r in data})} stories: {kinds}")
