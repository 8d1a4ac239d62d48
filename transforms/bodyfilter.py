"""Paragraph-level clean-up of an extracted body: headline echoes and page furniture.

The generic extractor returns what sits in the article container; that often
starts with the headline again and ends with prompts that are no article text
(newsletter sign-ups, "Related:" links, follow-us lines). These rules are
generic (no publisher names) and only ever drop *short* paragraphs, so a real
paragraph that happens to mention a newsletter survives.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_WORD = re.compile(r"\w+")
MAX_FURNITURE_WORDS = 40

# A short paragraph that *is* one of these is page furniture, not article text.
_FURNITURE = re.compile(
    r"""^(?:
        (?:related(?:\s+(?:articles?|stories|news|coverage|content|reading))?|see\s+(?:more|also)|read\s+(?:more|also|next)
          |also\s+read|more|also|don'?t\s+miss|recommended(?:\s+for\s+you)?|trending(?:\s+now)?|you\s+(?:may|might)\s+also\s+like
          |more\s+from\s+[\w .'’-]+|most\s+(?:read|popular|viewed)(?:\s+[\w ]+)?|editor'?s\s+picks?|top\s+stories
          |filed\s+under|tags?|topics?|advertisement|sponsored(?:\s+content)?|comments?|\d+\s+comments?
          |share(?:\s+this)?(?:\s+(?:article|story|post))?|print(?:\s+this)?(?:\s+(?:article|story|page))?
          |tell\s+us\s+what\s+you\s+think|leave\s+a\s+(?:comment|reply)|click\s+to\s+tweet
        )\s*(?:[.…!]|\.\.\.)?\s*$
      | .*\b(?:subscribe|sign\s+up|signing\s+up|subscribing)\b.*\bnewsletters?\b.*
      | .*\bnewsletters?\b.*\b(?:subscribe|sign\s+up)\b.*
      | .*\b(?:delivered|straight|directly)\s+(?:to|in|into)\s+your\s+inbox\b.*
      | .*\bright\s+in\s+your\s+inbox\b.*
      | follow\s+(?:us|[\w.'’ -]{1,40})\s+on\s+(?:twitter|facebook|instagram|linkedin|youtube|tiktok|x)\b.*
      | if\s+you\s+(?:enjoyed|liked|value)\s+this\s+(?:article|story|post).*
    )$""",
    re.I | re.X | re.S,
)
# Labels that only make sense as headers of a link list ("Related:", "More:") are
# furniture even when followed by a headline; this is the short-prefix form.
_LABEL_ONLY = re.compile(
    r"^(?:related(?:\s+(?:articles?|stories|news|coverage|content|reading))?|see\s+more|see\s+also|read\s+(?:more|also|next)"
    r"|also\s+read|more|also|don'?t\s+miss|filed\s+under|tags?|topics?|most\s+(?:read|popular))\s*[:|>»]",
    re.I,
)
_CLICK_TO_TWEET = re.compile(r"\s*Click\s+To\s+Tweet\s*$", re.I)


def _norm(text: str) -> tuple[str, ...]:
    return tuple(w.casefold() for w in _WORD.findall(text))


def is_furniture(paragraph: str) -> bool:
    words = len(_WORD.findall(paragraph))
    if words > MAX_FURNITURE_WORDS:
        return False
    return bool(_FURNITURE.match(paragraph.strip()) or _LABEL_ONLY.match(paragraph.strip()))


def clean_paragraphs(
    paragraphs: list[str], headlines: Iterable[str | None], byline: str | None = None
) -> list[str]:
    """Drop leading headline/byline echoes and short furniture paragraphs (a missing headline is skipped)."""
    heads = {h for h in (_norm(x) for x in headlines if x) if len(h) >= 3}
    out = [_CLICK_TO_TWEET.sub("", p) for p in paragraphs]
    # headline repeated at the top, possibly after a short kicker line ("2019 Awards")
    for i in range(min(2, len(out))):
        if _norm(out[i]) in heads:
            kicker = i == 1 and len(_WORD.findall(out[0])) <= 6
            out = out[i + 1 :] if kicker or i == 0 else out[:i] + out[i + 1 :]
            break
    # a "By Jane Doe" line right at the top
    if byline and out and len(_WORD.findall(out[0])) <= 12:
        first = _norm(out[0])
        if first[:1] == ("by",) and _norm(byline)[:2] == first[1:3]:
            out = out[1:]
    return [p for p in out if p.strip() and not is_furniture(p)]
