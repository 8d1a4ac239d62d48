"""Build labelled.jsonl: copies made the way republishers change wire copy.

    python tests/data/dedup/make_labelled.py      # rewrites tests/data/dedup/labelled.jsonl

Each line: id, story (the label: copies of one story share it), kind (original, copy,
lookalike), how (the changes applied), source, title, published_at, text (raw, uncleaned:
datelines, wrappers and trailers are left in as scrapers deliver them).
"""
from __future__ import annotations

import json
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from lookalikes import (DAYS, EVENTS, GOLD, GOLD_ROWS, MARKET, MARKET_ROWS, MATCH, MATCH_ROWS,  # noqa: E402
                        RUPEE, RUPEE_ROWS, WEATHER, WEATHER_ROWS)
from stories import STORIES  # noqa: E402

MON = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sep", "Oct", "Nov", "Dec"]
INITIALS = ["ab/vd", "rk/san", "mr/dpb", "sk/arm", "pgh/kvd"]
STYLE = [("per cent", "percent"), ("Rs ", "Rs."), ("defence", "defense"), ("organisers", "organizers"),
         ("neighbouring", "neighboring"), ("kilometres", "kilometers"), ("programme", "program"),
         (" said on ", " said ")]
EDITS = [(" said ", " told reporters "), ("More than ", "Over "), ("more than ", "over "), (" about ", " around "),
         ("would ", "will "), ("on Monday", "on Monday,"), ("officials said", "according to officials")]
DISCLAIMER = ("(Only the headline of this report may have been reworked by our staff; the rest of the "
              "content is auto-generated from a syndicated feed.)")


def dateline(s, d: datetime) -> str:
    if s["agency"] in ("AP", "REUTERS", "AFP"):
        return f"{s['place'].upper()} ({s['agency'].title() if s['agency'] == 'REUTERS' else s['agency']}) -- "
    return f"{s['place']}, {MON[d.month - 1]} {d.day} ({s['agency']}) "


def curly(text: str) -> str:
    out, open_ = [], True
    for ch in text:
        if ch == '"':
            out.append("\u201c" if open_ else "\u201d")
            open_ = not open_
        elif ch == "'":
            out.append("\u2019")
        else:
            out.append(ch)
    return "".join(out)


def house_style(text: str) -> str:
    for a, b in STYLE:
        text = text.replace(a, b)
    return curly(text)


def light_edit(paras: list[str]) -> list[str]:
    paras = list(paras)
    for a, b in EDITS:
        for i, p in enumerate(paras):
            if a in p:
                paras[i] = p.replace(a, b, 1)
                break
    if len(paras) >= 4:      # an editor moves a background paragraph up
        paras[2], paras[3] = paras[3], paras[2]
    return paras


def make_copy(s, how: str, k: int):
    d = datetime.fromisoformat(s["date"]).replace(hour=6, tzinfo=timezone.utc)
    paras, title, source = list(s["paras"]), s["title"], f"outlet{k % 7}"
    head, tail = dateline(s, d), ""
    when = d + timedelta(hours=1 + 3 * k)
    for step in how.split("+"):
        if step == "exact":
            pass
        elif step == "menafn":
            head, source = f"(MENAFN- {s['agency']}) " + head, "menafn"
        elif step == "menafn_lost_paren":
            head, source = f"MENAFN - {s['agency']}) " + head, "menafn"
        elif step == "nodateline":
            head = ""
        elif step == "trailer":
            tail = f"\n\n--{s['agency']}\n\n{INITIALS[k % len(INITIALS)]}"
        elif step == "disclaimer":
            tail = "\n\n" + DISCLAIMER
        elif step == "headline":
            title = "Explained: " + title.lower() if k % 2 else title.upper()
        elif step == "drop_last":
            paras = paras[:-1]
        elif step == "lead_only":
            paras = paras[:2]
        elif step == "update":
            paras = paras + [s["update"]]
            when += timedelta(hours=5)
        elif step == "update_top":
            paras = [s["update"]] + paras
            when += timedelta(hours=5)
        elif step == "house":
            paras = [house_style(p) for p in paras]
        elif step == "edit":
            paras = light_edit(paras)
        else:
            raise ValueError(step)
    return dict(title=title, source=source, published_at=when.isoformat(),
                text=head + "\n\n".join(paras) + tail)


RECIPES = [
    ["menafn", "trailer+headline", "drop_last+house", "update"],
    ["exact+headline", "menafn_lost_paren+drop_last", "edit", "lead_only+trailer"],
    ["nodateline+disclaimer", "house+headline", "update_top", "menafn+edit"],
    ["trailer", "menafn+lead_only", "drop_last+edit", "update+house"],
]


def rows():
    out = []
    for n, s in enumerate(STORIES):
        d = datetime.fromisoformat(s["date"]).replace(hour=6, tzinfo=timezone.utc)
        out.append(dict(id=f"{s['id']}-0", story=s["id"], kind="original", how="agency", source=s["agency"].lower(),
                        title=s["title"], published_at=d.isoformat(),
                        text=dateline(s, d) + "\n\n".join(s["paras"])))
        for k, how in enumerate(RECIPES[n % len(RECIPES)], 1):
            out.append(dict(id=f"{s['id']}-{k}", story=s["id"], kind="copy", how=how, **make_copy(s, how, k)))
    base = datetime(2025, 5, 5, 11, tzinfo=timezone.utc)   # a Monday
    families = [("market", MARKET, MARKET_ROWS), ("gold", GOLD, GOLD_ROWS), ("weather", WEATHER, WEATHER_ROWS),
                ("match", MATCH, MATCH_ROWS), ("rupee", RUPEE, RUPEE_ROWS)]
    for name, template, table in families:
        for i, row in enumerate(table):
            row = {"day": DAYS[i], **row}
            text = template.format(**row)
            when = base + timedelta(days=i)
            sid = f"{name}{i + 1}"
            out.append(dict(id=f"{sid}-0", story=sid, kind="lookalike", how=f"template:{name}", source="pti",
                            title=f"{name.title()} report, {row['day']}", published_at=when.isoformat(), text=text))
            if i % 2 == 0:   # a republished copy of this day's report: must join this day only
                out.append(dict(id=f"{sid}-1", story=sid, kind="copy", how="menafn+trailer", source="menafn",
                                title=f"{name.title()}: {row['day']}", published_at=(when + timedelta(hours=2)).isoformat(),
                                text=f"(MENAFN- PTI) {text}\n\n--PTI\n\nsk/arm"))
    for eid, day, versions in EVENTS:
        for v, (agency, place, title, text) in enumerate(versions):
            when = datetime.fromisoformat(day).replace(hour=9 + v, tzinfo=timezone.utc)
            out.append(dict(id=f"{eid}{agency.lower()}-0", story=f"{eid}{agency.lower()}", kind="lookalike",
                            how="other-agency", source=agency.lower(), title=title, published_at=when.isoformat(),
                            text=f"{place}, ({agency}) {text}"))
    return out


if __name__ == "__main__":
    data = rows()
    with open(HERE / "labelled.jsonl", "w", encoding="utf-8") as f:
        for r in data:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    kinds = {}
    for r in data:
        kinds[r["kind"]] = kinds.get(r["kind"], 0) + 1
    print(f"{len(data)} rows, {len({r['story'] for r in data})} stories: {kinds}")
