"""TEMPORARY minimal cleaner so the pipeline runs end to end; replaced by the full rule tables."""
from __future__ import annotations

import html as _html
import re
from datetime import date, datetime

from .records import Cleaned, Removal

_WRAP = re.compile(r"^\(?MENAFN\s*-\s*(?P<prov>[^)]+)\)\s*")
_DATELINE = re.compile(r"^(?P<place>[A-Z][\w .]+?), (?P<mon>[A-Z][a-z]+) (?P<day>\d{1,2}) \((?P<ag>[A-Z]+)\)\s*")
_MONTHS = {m: i for i, m in enumerate(["January", "February", "March", "April", "May", "June", "July",
                                       "August", "September", "October", "November", "December"], 1)}


def _paras(html: str) -> str:
    text = re.sub(r"(?i)</p\s*>|<br\s*/?>", "\n\n", html)
    text = _html.unescape(re.sub(r"<[^>]+>", " ", text))
    paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paras if p)


def clean(text: str, *, published_at: datetime | None = None, title=None, url=None,
          syndicator_hint=None, agency_hint=None) -> Cleaned:
    paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]
    body = "\n\n".join(paras)
    removed, synd, prov, agency, place, dd = [], None, None, None, None, None
    if m := _WRAP.match(body):
        synd, prov = "MENAFN", m["prov"].strip()
        removed.append(Removal("wrapper", "menafn", m[0]))
        body = body[m.end():]
    if m := _DATELINE.match(body):
        agency, place = m["ag"], m["place"]
        if published_at and m["mon"] in _MONTHS:
            dd = date(published_at.year, _MONTHS[m["mon"]], int(m["day"]))
        removed.append(Removal("dateline", "agency", m[0]))
        body = body[m.end():]
    body = re.sub(r"\n\n--IANS\n\n\w+/\w+\s*$", "", body)
    return Cleaned(body=body.strip(), syndicator=synd, provider=prov, agency=agency or agency_hint,
                   dateline_place=place, dateline_date=dd, removed=tuple(removed))


def clean_html_fragment(html: str, **kwargs) -> Cleaned:
    return clean(_paras(html), **kwargs)
