"""TEMPORARY minimal extractor so the pipeline runs end to end; replaced by the measured extractor."""
from __future__ import annotations

from bs4 import BeautifulSoup

from .records import Extracted


def extract(html: str | bytes, url: str | None = None) -> Extracted:
    soup = BeautifulSoup(html, "lxml")
    art = soup.find("article")
    if art is None:
        return Extracted(reason="no article content found")
    body = "\n\n".join(p.get_text(" ", strip=True) for p in art.find_all("p"))
    title = soup.title.get_text(strip=True) if soup.title else None
    return Extracted(title=title, body=body, method="article-element",
                     reason=None if body else "no article content found")
