"""A generated wire corpus for the streaming tests and the pipeline bench: summary-only RSS feeds
whose items link to distinct article pages (some pages near-copies across feeds, so dedup joins
stories across chunks)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

SYLLABLES = "ka ri to ne sa mu lo pe di va ro chi tan bel mor gus fen hal zor quin".split()
CITIES = ["NEW DELHI", "MUMBAI", "KOLKATA", "CHENNAI", "BENGALURU", "HYDERABAD"]


def _words(rng: random.Random, n: int) -> list[str]:
    return ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))) for _ in range(n)]


def article_html(title: str, paragraphs: list[str]) -> str:
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title><meta property='og:title' content='{escape(title)}'></head>"
        f"<body><header><nav><a href='/'>Home</a></nav></header><article><h1>{escape(title)}</h1>"
        f"{body}</article><footer>Copyright Example News</footer></body></html>"
    )


def write_corpus(root: Path, feeds: int = 2, items: int = 45, seed: int = 7) -> Path:
    """Feeds `f0.xml`.. with `items` summary-only items each, pages under /articles/; every fourth
    item of feed f1 republishes feed f0's story with one word changed. Returns the sources file
    (with {{BASE}} to be replaced)."""
    rng = random.Random(seed)
    (root / "articles").mkdir(parents=True, exist_ok=True)
    base_time = datetime(2025, 7, 10, 6, 0, tzinfo=UTC)
    stories: list[tuple[str, list[str]]] = []
    sources = []
    for f in range(feeds):
        entries = []
        for i in range(items):
            if f == 1 and i % 4 == 0 and i < len(stories):
                title, paras = stories[i]
                paras = [paras[0].replace(paras[0].split()[4], "zorquin", 1), *paras[1:]]
            else:
                title = " ".join(_words(rng, 7)).capitalize()
                city = rng.choice(CITIES)
                paras = [f"{city}, July 10 (IANS) " + " ".join(_words(rng, 40)) + "."]
                paras += [" ".join(_words(rng, rng.randint(30, 60))).capitalize() + "." for _ in range(4)]
            if f == 0:
                stories.append((title, paras))
            name = f"f{f}-{i:04d}"
            (root / "articles" / f"{name}.html").write_text(article_html(title, paras))
            when = format_datetime(base_time - timedelta(minutes=i + 1000 * f))
            entries.append(
                f"<item><title>{escape(title)}</title><link>{{{{BASE}}}}/articles/{name}.html</link>"
                f"<guid>{{{{BASE}}}}/articles/{name}.html</guid><pubDate>{when}</pubDate>"
                f"<description>{escape(' '.join(paras[0].split()[:12]))}</description></item>"
            )
        (root / f"f{f}.xml").write_text(
            "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
            f"<title>Feed {f}</title><link>{{{{BASE}}}}/</link><description>test</description>"
            + "".join(entries)
            + "</channel></rss>"
        )
        sources.append(
            f'[[sources]]\nname = "feed-{f}"\nkind = "rss"\nurl = "{{{{BASE}}}}/f{f}.xml"\n'
            f'agency = "IANS"\nfetch_pages = true\nallow_private = true\n'
        )
    path = root / "sources.toml"
    path.write_text("\n".join(sources))
    return path
