"""Turn a feed item (and its page, when one was fetched) into a loadable Article.

Pure: the caller passes everything in, including the source's hints.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass

from .clean import clean, clean_html_fragment
from .fingerprint import article_id, content_hash, story_id_for
from .records import Article, Cleaned, Extracted, FeedItem

FULL_TEXT_MIN_WORDS = 80  # a feed text shorter than this is a teaser: fetch the page
MIN_BODY_WORDS = 20  # a cleaned body shorter than this is not an article

_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class SourceHints:
    """What the sources file says about a source, as the cleaner needs it."""

    name: str
    syndicator: str | None = None
    agency: str | None = None
    fetch_pages: bool = False


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def feed_text(item: FeedItem) -> str | None:
    """The item's full text when the feed carries one, else None."""
    for candidate in (item.content, item.summary):
        if candidate and word_count(_TAG.sub(" ", candidate)) >= FULL_TEXT_MIN_WORDS:
            return candidate
    return None


def item_key(item: FeedItem) -> str | None:
    return item.guid or item.url


def item_article_id(item: FeedItem) -> str | None:
    key = item_key(item)
    return article_id(item.source, key) if key else None


def needs_page(item: FeedItem, hints: SourceHints) -> bool:
    return feed_text(item) is None and hints.fetch_pages


def _removed_json(cleaned: Cleaned) -> str:
    return json.dumps([asdict(r) for r in cleaned.removed], ensure_ascii=False)


def assemble(
    item: FeedItem,
    hints: SourceHints,
    *,
    page: Extracted | None = None,
    feed_doc_id: str | None = None,
    page_doc_id: str | None = None,
) -> Article:
    """Build the Article for one item; raises ValueError with a one-line reason when unusable."""
    if item.error:
        raise ValueError(item.error)
    key = item_key(item)
    if key is None:
        raise ValueError("item has neither link nor guid")
    text = feed_text(item)
    published = item.published_at or (page.published_at if page else None)
    kwargs = dict(
        published_at=published,
        title=item.title,
        url=item.url,
        syndicator_hint=hints.syndicator,
        agency_hint=hints.agency,
    )
    if text is not None:
        cleaned = clean_html_fragment(text, **kwargs)
        origin, method, raw = "feed", None, feed_doc_id
    elif page is not None:
        if not page.body:
            raise ValueError(f"page has no article: {page.reason or 'empty body'}")
        cleaned = clean(page.body, **kwargs)
        origin, method, raw = "page", page.method or None, page_doc_id
    elif not item.url:
        raise ValueError("feed has only a summary and the item has no link to fetch")
    else:
        raise ValueError("feed has only a summary and the source does not fetch pages")
    words = word_count(cleaned.body)
    if words < MIN_BODY_WORDS:
        raise ValueError(f"body too short after cleaning ({words} words)")
    chash = content_hash(cleaned.body)
    return Article(
        article_id=article_id(item.source, key),
        source=item.source,
        guid=item.guid,
        url=item.url,
        canonical_url=(page.canonical_url if page and page.canonical_url else item.url),
        title=item.title or (page.title if page else None),
        body=cleaned.body,
        published_at=published,
        byline=cleaned.byline or (page.byline if page else None) or None,
        agency=cleaned.agency or hints.agency,
        provider=cleaned.provider,
        syndicator=cleaned.syndicator or hints.syndicator,
        dateline_place=cleaned.dateline_place,
        dateline_date=cleaned.dateline_date,
        word_count=words,
        content_hash=chash,
        story_id=story_id_for(chash),  # provisional: warehouse.load_batch assigns the clustered story
        body_origin=origin,
        extraction_method=method,
        raw_doc_id=raw,
        cleaning_removed=_removed_json(cleaned),
        language=page.language if page else None,
        section=page.section if page else None,
        tags=page.tags if page else (),
        image_url=page.image if page else None,
        modified_at=page.modified_at if page else None,
    )
